#!/usr/bin/env bash
# Places API benchmark: nearby (k=10 within 5 km) and a bbox page of 100 (/places/within) on the
# 1,000,000 synthetic places of ortsanker_bench, through HTTP against the same SQL run bare over JDBC,
# in one run. Prints a Markdown table for docs/benchmarks.md ("Places API").
#   bench/places/run.sh [requests per case, default 2000] [seconds per throughput run, default 15]
# Environment: BENCH_PORT (default: a free port), BENCH_THREADS (default 8 concurrent clients).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
REQUESTS=${1:-2000}
SECONDS_PER_RUN=${2:-15}
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
THREADS=${BENCH_THREADS:-8}
BENCH_DB=${ORTSANKER_BENCH_DB_NAME:-ortsanker_bench}

use_local_postgis
base=${ORTSANKER_DB_URL%/*}
BENCH_URL="$base/$BENCH_DB"
hostport=${base#jdbc:postgresql://}
export PGHOST=${hostport%%:*} PGPORT=${hostport##*:} PGUSER=${ORTSANKER_DB_USER:-postgres}

# The shared benchmark data: made once by bench/synthetic-data.sh, only read here.
if [ "$(psql -XAtqd "$BENCH_DB" -c "select count(*) from places where source = 'synthetic'" 2>/dev/null || echo 0)" -lt 1000000 ]; then
  bench/synthetic-data.sh >/dev/null
fi

echo "places-bench: building" >&2
mvn -B -ntp -q -pl geo-service -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="geo-service/target/test-classes:geo-service/target/classes:$(cat geo-service/target/bench-classpath.txt)"

# The service against the benchmark database, read-only: no migrations run there.
LOG=$(mktemp)
ORTSANKER_DB_URL=$BENCH_URL PORT=$PORT SPRING_FLYWAY_ENABLED=false \
  nice -n 10 java -Xmx1g -jar geo-service/target/geo-service.jar >"$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 120); do
  kill -0 $SERVICE 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  grep -q "Started OrtsankerApplication" "$LOG" && curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done

echo "places-bench: $(nproc) cores, $REQUESTS requests per case and side, ${SECONDS_PER_RUN}s × $THREADS clients for throughput" >&2
echo "places-bench: load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
nice -n 10 java -cp "$CP" de.ortsanker.places.PlacesBenchmark "$BENCH_URL" "http://127.0.0.1:$PORT" \
  "$REQUESTS" "$SECONDS_PER_RUN" "$THREADS"
echo "places-bench: load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
