#!/usr/bin/env bash
# OGC API Features under load, against its limit: the same SQL statements run bare with pgbench, at the
# same concurrency, on the synthetic benchmark data (1,000,000 places, VG5000 municipalities).
#
#   ORTSANKER_BENCH_DB_NAME=<database> bench/ogc-features.sh [seconds per scenario, default 15]
#
# Creates and fills the benchmark database with bench/synthetic-data.sh when needed (and the service
# migrates it), starts the service on BENCH_PORT (default 18090), warms it up (extents, counts, then
# WARMUP_SECONDS of wrk per URL for the JIT, default 5), then runs
# wrk (2 threads, 8 connections) against each URL and pgbench (2 jobs, 8 clients, prepared statements as
# the service's JDBC driver uses them) with the statement the service runs for it (bench/ogc-features/*.sql). Prints a Markdown table; docs/benchmarks.md has results.
# BENCH_PORT is the first port tried; a port in use is skipped.
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
SECONDS_PER_RUN=${1:-15}
BENCH_DB=${ORTSANKER_BENCH_DB_NAME:-ortsanker_bench}
PORT=${BENCH_PORT:-18090}
while [ -n "$(ss -ltnH "sport = :$PORT" 2>/dev/null)" ]; do PORT=$((PORT + 1)); done  # a port of our own
JAR=geo-service/target/geo-service.jar

for tool in wrk pgbench; do
  if ! command -v $tool >/dev/null; then
    echo "ogc-features: installing $tool" >&2
    pkg=$([ $tool = wrk ] && echo wrk || echo postgresql-client)
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkg >/dev/null
  fi
done

bench/synthetic-data.sh >/dev/null
use_local_postgis
base=${ORTSANKER_DB_URL%/*}; hostport=${base#jdbc:postgresql://}
export PGHOST=${hostport%%:*} PGPORT=${hostport##*:} PGUSER=${ORTSANKER_DB_USER:-postgres}
[ -n "${ORTSANKER_DB_PASSWORD:-}" ] && export PGPASSWORD=$ORTSANKER_DB_PASSWORD

if [ ! -f "$JAR" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$JAR" -print -quit)" ]; then
  mvn -B -ntp -q -DskipTests package >&2
fi
ORTSANKER_DB_URL=$base/$BENCH_DB PORT=$PORT nice -n 5 java -jar "$JAR" >/tmp/ortsanker-ogc-bench.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  kill -0 $SERVICE 2>/dev/null || { cat /tmp/ortsanker-ogc-bench.log >&2; exit 1; }
  curl -sf "http://localhost:$PORT/actuator/health/readiness" >/dev/null && break
  sleep 1
done

# wrk prints 850.12us, 12.34ms or 1.02s; the table wants milliseconds.
ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) printf "%.1f", v / 1000; else if (v ~ /ms$/) printf "%.1f", v + 0;
                             else printf "%.0f", v * 1000 }'; }

U="http://localhost:$PORT"
# The id 100,000 places to meet deep: where a client that follows next links from the start gets to.
DEEP=$(psql -XAtqd "$BENCH_DB" -c "select p.id from places p join kinds k on k.code = p.kind
  where k.group_code = 'third_places' and p.retired_at is null and p.is_public order by p.id offset 99999 limit 1")
declare -A URL=(
  [a_first_page]="$U/collections/third_places/items?limit=100"
  [b_bbox]="$U/collections/third_places/items?limit=100&bbox=11.4,49.9,11.8,50.2"
  [c_bbox_utm]="$U/collections/third_places/items?limit=100&bbox=11.4,49.9,11.8,50.2&crs=http://www.opengis.net/def/crs/EPSG/0/25832"
  [d_municipalities]="$U/collections/municipalities/items?limit=10&bbox=11.4,49.9,11.8,50.2"
  [e_filter]="$U/collections/mobility/items?limit=100&filter=kind%20%3D%20'mitfahrbank'%20AND%20S_DWITHIN(geometry,POINT(11.57%2050.03),20000)"
  [f_deep_page]="$U/collections/third_places/items?limit=100&after=$DEEP"
  [g_revalidate]="$U/collections/third_places/items?limit=100"
)
echo "ogc-features: warming up (collection extents and counts of $BENCH_DB are computed once per data version)" >&2
curl -sf -o /dev/null "$U/collections"
for s in "${!URL[@]}"; do for _ in $(seq 1 20); do curl -sf -o /dev/null "${URL[$s]}"; done; done
ETAG=$(curl -sI "${URL[g_revalidate]}" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
# JIT warm-up under load: with 20 requests each, the JIT compilers still took a fifth of the CPU during
# the first scenarios measured.
for s in "${!URL[@]}"; do
  header=()
  [ "$s" = g_revalidate ] && header=(-H "If-None-Match: $ETAG")
  nice -n 10 wrk -t2 -c8 -d"${WARMUP_SECONDS:-5}s" "${header[@]}" "${URL[$s]}" >/dev/null
done

printf '| scenario | service req/s | p50 ms | p99 ms | bare SQL tps | service / SQL |\n|---|---|---|---|---|---|\n'
for s in a_first_page b_bbox c_bbox_utm d_municipalities e_filter f_deep_page g_revalidate; do
  header=()
  [ "$s" = g_revalidate ] && header=(-H "If-None-Match: $ETAG")
  out=$(nice -n 10 wrk -t2 -c8 -d"${SECONDS_PER_RUN}s" --latency "${header[@]}" "${URL[$s]}")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/{print $5}' <<<"$out")
  if [ -n "$non2xx" ] && [ "$s" != g_revalidate ]; then echo "ogc-features: $s answered $non2xx non-2xx" >&2; fi
  tps=$(nice -n 10 pgbench -n -M prepared -c8 -j2 -T"$SECONDS_PER_RUN" -D after="$DEEP" -f "bench/ogc-features/$s.sql" "$BENCH_DB" 2>/dev/null \
        | awk '/^tps/{print $3; exit}')
  ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN{printf "%.2f", a / b}')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$s" "$rps" "$(ms "$p50")" "$(ms "$p99")" "$tps" "$ratio"
done
