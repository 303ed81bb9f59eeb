#!/usr/bin/env bash
# Tile benchmarks — results in docs/benchmarks.md, section "Tiles". Against the synthetic 1 M places of
# ortsanker_bench (bench/synthetic-data.sh; only read) it measures, each against its limit in the same run:
#   (a) uncached tiles z8–z16 through HTTP vs the same ST_AsMVT statement run bare over JDBC (target ≤ 1.15)
#   (b) cached tiles: requests/s of the service vs nginx serving the same tile bytes from disk (target ≥ 0.5),
#       and the CPU time each request costs either side (the service with its database sessions)
#   (c) tiles/s rendering the demo region's full pyramid z0–z16 (the bounding box of
#       data/osm/north-bayreuth.osm.pbf), in a database of its own (--demo-db) holding that region only:
#       the OSM extract imported with the importer when it is there, else the synthetic places of the box
# It installs wrk and nginx when missing, starts the service (own port; flyway off on the shared
# database) and nginx, and stops both.
#   bench/tiles/run.sh [--places N] [--rounds N] [--duration 15s] [--db NAME] [--demo-db NAME]
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
renice -n 10 $$ >/dev/null   # a shared machine: everything below runs niced alike

PLACES=40; ROUNDS=5; DURATION=15s; BENCH_DB=${ORTSANKER_BENCH_DB_NAME:-ortsanker_bench}; DEMO_DB=ortsanker_tiles_demo
PORT_SERVICE=${TILE_BENCH_PORT:-18430}; PORT_NGINX=$((PORT_SERVICE + 1))
BBOX="11.4807 49.9721 11.6053 50.047"; PYRAMID_ZMAX=16
while [ $# -gt 0 ]; do
  case "$1" in
    --places) PLACES=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --db) BENCH_DB=$2; shift 2 ;;
    --demo-db) DEMO_DB=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say() { echo "tiles-bench: $*" >&2; }
for tool in wrk nginx; do
  if ! command -v "$tool" >/dev/null; then
    say "installing $tool"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$tool" >/dev/null
  fi
done
# Debian's package may start its own nginx on port 80: this script starts only its own.
[ -f /run/nginx.pid ] && kill "$(cat /run/nginx.pid)" 2>/dev/null || true

use_local_postgis
BENCH_URL="${ORTSANKER_DB_URL%/*}/$BENCH_DB"
WORK=$(mktemp -d /tmp/ortsanker-tile-bench.XXXXXX)
chmod 755 "$WORK"
SERVICE_PID=
stop_service() {
  [ -n "$SERVICE_PID" ] || return 0
  kill "$SERVICE_PID" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
  kill -9 "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=
}
stop_nginx() { if [ -f "$WORK/nginx.pid" ]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; rm -f "$WORK/nginx.pid"; fi; }
trap 'stop_service; stop_nginx; rm -rf "$WORK"' EXIT

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
say "building"
# The jar goes first: Maven keeps a jar whose own classes did not change, and Spring Boot then keeps its
# old copies of the other modules inside it. Each module writes its classpath to the same file;
# geo-service's, written last, holds tiles and core.
rm -f geo-service/target/geo-service.jar
mvn -B -ntp -q -pl geo-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$WORK/cp.txt"
CP=$(cat "$WORK/cp.txt")
bench() { java -cp "$CP" bench/tiles/TileBench.java "$@"; }

start_service() {  # CACHE_MB [DB_URL]
  local url=${2:-$BENCH_URL} flyway=false
  if curl -s -o /dev/null "http://127.0.0.1:$PORT_SERVICE/"; then
    say "port $PORT_SERVICE is taken (TILE_BENCH_PORT=… picks another)"; exit 1
  fi
  [ "$url" != "$BENCH_URL" ] && flyway=true   # the shared database is only read
  # Keep-alive for 1,000 requests per connection, as nginx's default (Tomcat's is 100).
  # The application name marks the service's database sessions, whose CPU (b) counts as the service's.
  ORTSANKER_DB_URL="$url?ApplicationName=$APP_NAME" PORT=$PORT_SERVICE ORTSANKER_TILE_CACHE_MB=$1 SPRING_FLYWAY_ENABLED=$flyway \
    SERVER_TOMCAT_MAX_KEEP_ALIVE_REQUESTS=1000 \
    java -jar geo-service/target/geo-service.jar >"$WORK/service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 180); do
    if curl -fs "http://127.0.0.1:$PORT_SERVICE/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -n 20 "$WORK/service.log" >&2; exit 1; }
    sleep 1
  done
  say "the service did not become ready"; exit 1
}
SERVICE="http://127.0.0.1:$PORT_SERVICE"
APP_NAME=ortsanker-tile-bench

say "sampling tile coordinates z8–z16 at $PLACES places of $BENCH_DB"
bench coords "$BENCH_URL" "$PLACES" >"$WORK/tiles.txt"

say "(a) uncached: service with the tile cache off, vs the bare statement"
start_service 0
bench uncached "$BENCH_URL" "$SERVICE" "$WORK/tiles.txt" "$ROUNDS" | tee "$WORK/a.txt"
stop_service

# (c) The demo region alone in a database of its own, made once (drop it to make it anew).
DEMO_URL="${ORTSANKER_DB_URL%/*}/$DEMO_DB"
export PGHOST=${BENCH_URL#jdbc:postgresql://}; PGHOST=${PGHOST%%/*}; PGPORT=${PGHOST##*:}; PGHOST=${PGHOST%%:*}
export PGUSER=${ORTSANKER_DB_USER:-postgres}
if [ -f scripts/import.sh ] && [ "$(psql -XAtqd "$DEMO_DB" -c "select count(*) from places where source = 'synthetic'" \
      2>/dev/null || echo 0)" != 0 ]; then
  dropdb "$DEMO_DB"   # made from synthetic data before the importer was there: make it from the OSM extract
fi
if [ -z "$(psql -XAtqd postgres -c "select 1 from pg_database where datname = '$DEMO_DB'")" ]; then
  say "making $DEMO_DB: the demo region only"
  createdb "$DEMO_DB"
  psql -Xqd "$DEMO_DB" -c 'create extension postgis; create extension pg_trgm'
  ORTSANKER_DB_URL=$DEMO_URL java -cp "$CP" de.ortsanker.database.Migrations >&2
  if [ -f scripts/import.sh ]; then
    ORTSANKER_DB_URL=$DEMO_URL scripts/import.sh data/osm/north-bayreuth.osm.pbf >&2
  else
    say "no importer in this build: the demo region's synthetic places, villages and municipalities instead"
    read -r W S E N <<<"$BBOX"; box="ST_MakeEnvelope($W, $S, $E, $N, 4326)"
    psql -Xqd "$BENCH_DB" -c "\\copy (select kind, name, ST_AsEWKT(geom), opening_hours, wheelchair, free_entry, source, source_id, licence, attribution from places where geom && $box) to stdout" \
      | psql -Xqd "$DEMO_DB" -c "\\copy places (kind, name, geom, opening_hours, wheelchair, free_entry, source, source_id, licence, attribution) from stdin"
    psql -Xqd "$BENCH_DB" -c "\\copy (select name, kind, ST_AsEWKT(geom), population, population_source, source, source_id, licence, attribution from localities where geom && $box) to stdout" \
      | psql -Xqd "$DEMO_DB" -c "\\copy localities (name, kind, geom, population, population_source, source, source_id, licence, attribution) from stdin"
    psql -Xqd "$BENCH_DB" -c "\\copy (select level, ags, ars, name, designation, ST_AsEWKT(geom), source, source_id, licence, attribution from admin_areas where level = 'gemeinde' and geom && $box) to stdout" \
      | psql -Xqd "$DEMO_DB" -c "\\copy admin_areas (level, ags, ars, name, designation, geom, source, source_id, licence, attribution) from stdin"
  fi
fi
say "(c) full pyramid z0–z$PYRAMID_ZMAX of the demo region ($DEMO_DB: $(psql -XAtqd "$DEMO_DB" -c 'select count(*) from places') places), uncached, 2 clients"
start_service 0 "$DEMO_URL"
bench pyramid "$SERVICE" $BBOX "$PYRAMID_ZMAX" | tee "$WORK/c.txt"
stop_service

say "(b) cached: service with its tile cache vs nginx serving the same bytes"
start_service 256
bench fetch "$SERVICE" "$WORK/tiles.txt" "$WORK/www"
cat >"$WORK/paths.lua" <<LUA
local paths = {}
for line in io.lines("$WORK/www/paths.txt") do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  types { application/vnd.mapbox-vector-tile mvt; }
  server {
    listen 127.0.0.1:$PORT_NGINX;
    root $WORK/www;
    add_header Cache-Control "no-cache, public";
  }
}
NGINX
nginx -c "$WORK/nginx.conf"
# Besides the rate, what each request costs in CPU (user + system), which a busy machine shares out
# unevenly (a JVM with dozens of runnable threads gets more of it than nginx's two workers): the service's
# JVM and its database sessions (the batched versions reads), nginx's workers.
cpu_ticks() { local sum=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$sum"; }
service_pids() { echo "$SERVICE_PID" $(psql -XAtqd "$BENCH_DB" -c "select pid from pg_stat_activity where application_name = '$APP_NAME'"); }
nginx_pids() { pgrep -P "$(cat "$WORK/nginx.pid")"; }
measure() {  # DURATION URL PIDS… → "req/s µs-of-CPU-per-request"
  local duration=$1 url=$2 before out; shift 2
  before=$(cpu_ticks "$@")
  out=$(wrk -t2 -c32 -d"$duration" -s "$WORK/paths.lua" "$url")
  awk -v ticks=$(($(cpu_ticks "$@") - before)) -v hz="$(getconf CLK_TCK)" '
    / requests in / {n = $1} /Requests\/sec/ {r = $2} END {printf "%s %.1f\n", r, ticks * 1e6 / hz / n}' <<<"$out"
}
# Warm-up: the JVM needs its JIT compilations done (slow on a busy machine) before it is measured.
measure 30s "$SERVICE" >/dev/null; measure 5s "http://127.0.0.1:$PORT_NGINX" >/dev/null
svc=(); ngx=(); svc_cpu=(); ngx_cpu=()
for round in 1 2 3; do   # alternating, so a burst of load elsewhere hits both
  read -r r c < <(measure "$DURATION" "$SERVICE" $(service_pids)); svc+=("$r"); svc_cpu+=("$c")
  read -r r c < <(measure "$DURATION" "http://127.0.0.1:$PORT_NGINX" $(nginx_pids)); ngx+=("$r"); ngx_cpu+=("$c")
  say "round $round: service ${svc[-1]} req/s (${svc_cpu[-1]} µs CPU each), nginx ${ngx[-1]} req/s (${ngx_cpu[-1]} µs CPU each)"
done
stop_nginx
stop_service
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
awk -v s="$(median "${svc[@]}")" -v n="$(median "${ngx[@]}")" -v rounds="${svc[*]} / ${ngx[*]}" \
    -v sc="$(median "${svc_cpu[@]}")" -v nc="$(median "${ngx_cpu[@]}")" 'BEGIN {
  printf "RESULT cached CPU per request (median of 3 rounds): service %.1f us (JVM and its database sessions), nginx %.1f us, ratio %.2f\n", sc, nc, nc / sc
  printf "RESULT cached (wrk -t2 -c32, median of 3 rounds): service %.0f req/s, nginx %.0f req/s, ratio %.2f (target >= 0.5); rounds %s\n",
    s, n, s / n, rounds }' | tee "$WORK/b.txt"

echo
echo "## Results ($(date -u +%Y-%m-%d), $(nproc) cores, $BENCH_DB; load average at start $LOAD_START, at end $(cut -d' ' -f1-3 /proc/loadavg))"
grep -h RESULT "$WORK/a.txt" "$WORK/b.txt" "$WORK/c.txt"
