#!/usr/bin/env bash
# Load and faults: the packaged service with its database behind a TCP relay (FaultBench), 64 clients on
# nearby, OGC items and tiles of the demo region — alone, during 32 clients' slow searches, and while the
# database is black-holed for 30 s. Prints a Markdown table for docs/benchmarks.md ("Load and faults").
#   bench/fault/run.sh [seconds per phase, default 20]
# Environment: BENCH_PORT (default: a free port), ORTSANKER_DB_URL (a database with the demo data, as
# scripts/run.sh imports it; default: the local one).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
SECONDS_PER_PHASE=${1:-20}
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
use_local_postgis
echo "fault-bench: building" >&2
mvn -B -ntp -q -pl geo-service -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="geo-service/target/test-classes:geo-service/target/classes:$(cat geo-service/target/bench-classpath.txt)"
exec java -cp "$CP" de.ortsanker.service.FaultBench geo-service/target/geo-service.jar "$ORTSANKER_DB_URL" "$PORT" \
  "$SECONDS_PER_PHASE"
