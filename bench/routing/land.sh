#!/usr/bin/env bash
# A Land-sized walking and cycling graph: build time, peak heap, size on disk, and a county's one-to-many
# searches inside it. No Land extract is available offline, so the network is SYNTHETIC (SyntheticLand:
# 3 km cells, each with a village street grid, country roads and tracks; docs/benchmarks.md says what it
# lacks). Real extracts for scale: bench/routing/run.sh EXTRACT.
#   bench/routing/land.sh [KM2] [HEAP] [COUNTY_KM]
# Default: 29,654 km² (Brandenburg), -Xmx6g, a 45 km county square (~2,000 km², a Brandenburg Landkreis).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
KM2=${1:-29654}
HEAP=${2:-6g}
OUT=${LAND_OSM:-target/synthetic-land-$KM2.osm}
mkdir -p "$(dirname "$OUT")"
mvn -B -ntp -q -pl routing test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
# A copy of the classes, so that builds in the worktree during a long run do not change them under it.
BENCH=target/bench-classes-$$
mkdir -p "$BENCH" && cp -r routing/target/classes "$BENCH/main" && cp -r routing/target/test-classes "$BENCH/test"
CP="$BENCH/main:$BENCH/test:$(cat routing/target/bench.cp)"
if [ ! -s "$OUT" ]; then
  java -cp "$CP" de.ortsanker.routing.SyntheticLand "$OUT" "$KM2"
fi
ls -l "$OUT"
exec taskset -c 0,1 java -Xmx"$HEAP" -XX:ActiveProcessorCount=2 -cp "$CP" de.ortsanker.routing.RoutingBenchmark \
  "$OUT" 200 10 "${3:-45}"
