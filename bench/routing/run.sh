#!/usr/bin/env bash
# Graph build (time, heap, disk) and a county's one-to-many searches on a real extract.
#   bench/routing/run.sh [EXTRACT] [VILLAGES] [KINDS]
# Default: the Herrenberg extract, 200 villages, 10 kinds, walking and cycling, then all three modes with
# transit on a made-up timetable (docs/benchmarks.md). Runs with -Xmx1g on
# 2 cores (taskset) so that the figures hold for a small county server.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
EXTRACT=${1:-data/osm/herrenberg-and-around-2020-04-21.osm.pbf}
mvn -B -ntp -q -pl routing test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
# A copy of the classes, so that builds in the worktree during a long run do not change them under it.
BENCH=target/bench-classes-$$
mkdir -p "$BENCH" && cp -r routing/target/classes "$BENCH/main" && cp -r routing/target/test-classes "$BENCH/test"
CP="$BENCH/main:$BENCH/test:$(cat routing/target/bench.cp)"
exec taskset -c 0,1 java -Xmx1g -XX:ActiveProcessorCount=2 -cp "$CP" de.ortsanker.routing.RoutingBenchmark \
  "$EXTRACT" "${2:-200}" "${3:-10}"
