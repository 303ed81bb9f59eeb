#!/usr/bin/env bash
# Planning benchmark: the full analysis over all of Germany (10,997 VG5000 municipalities, 100,000
# synthetic villages, 1,000,000 synthetic places) and one county interactively, through the running
# service, compared in the same run with the bare nearest-neighbour SQL.
#   bench/planning/run.sh [--county AGS] [--repeat N]
# Needs the benchmark database (bench/synthetic-data.sh). It is shared and read-only: the service runs
# against it with migrations off, and keeps its results in a schema of its own (planning_bench).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
COUNTY=12062; REPEAT=5
while [ $# -gt 0 ]; do
  case "$1" in
    --county) COUNTY=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
BENCH_DB=${ORTSANKER_BENCH_DB_NAME:-ortsanker_bench}
SCHEMA=planning_bench
PORT=${BENCH_PORT:-18406}

use_local_postgis
base=${ORTSANKER_DB_URL%/*}; hostport=${base#jdbc:postgresql://}
export PGHOST=${hostport%%:*} PGPORT=${hostport##*:} PGUSER=${ORTSANKER_DB_USER:-postgres}
[ -n "${ORTSANKER_DB_PASSWORD:-}" ] && export PGPASSWORD=$ORTSANKER_DB_PASSWORD
psql1() { psql -XAtq -d "$BENCH_DB" -v ON_ERROR_STOP=1 "$@"; }

places=$(psql1 -c "select count(*) from places" 2>/dev/null || echo 0)
if [ "$places" -lt 1000000 ]; then
  echo "planning bench: $BENCH_DB lacks the synthetic data; run bench/synthetic-data.sh first" >&2; exit 1
fi

# The results tables (V40) in a schema of our own; data_versions copied so that nothing in public changes.
psql1 <<SQL
drop schema if exists $SCHEMA cascade;
create schema $SCHEMA;
create table $SCHEMA.data_versions (like public.data_versions including all);
insert into $SCHEMA.data_versions select * from public.data_versions;
set search_path = $SCHEMA, public;
\i core/src/main/resources/db/migration/V40__planning_results.sql
SQL

JAR=geo-service/target/geo-service.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$JAR" -print -quit)" ]; then
  echo "planning bench: building" >&2
  mvn -B -ntp -q -DskipTests package
fi
LOG=$(mktemp)
ORTSANKER_DB_URL="$base/$BENCH_DB?currentSchema=$SCHEMA,public" ORTSANKER_PLANNING_TIMEOUT=900s PORT=$PORT \
  nice -n 10 java -jar "$JAR" --spring.flyway.enabled=false >"$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 120); do
  curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $SERVICE 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 1
done

# seconds for one GET; fails on anything but 200
timed() {
  local out code
  out=$(curl -s -o /tmp/planning-bench.out -w '%{http_code} %{time_total}' "http://localhost:$PORT$1")
  code=${out%% *}
  [ "$code" = 200 ] || { echo "GET $1 answered $code: $(head -c 400 /tmp/planning-bench.out)" >&2; exit 1; }
  echo "${out##* }"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
sql_seconds() {  # wall-clock seconds of one SQL statement
  local t0 t1; t0=$(date +%s.%N); psql1 -c "$1" >/dev/null; t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

echo "planning bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "planning bench: $(psql1 -c "select count(*) from places") places, $(psql1 -c "select count(*) from localities where kind in ('village','hamlet')") villages and hamlets, $(psql1 -c "select count(*) from admin_areas where level = 'gemeinde'") municipalities; $(nproc) cores"
echo
echo "## Germany, full analysis (first run each, cold JVM)"
reach=$(timed "/planning/reach?f=csv&per=district")
under=$(timed "/planning/underserved?f=csv")
cand=$(timed "/planning/candidates?f=csv")
printf '| reach: %s targets × 3 radii, per district | %s s |\n' 7 "$reach"
printf '| underserved: 2 rules, ranked, summaries, stored | %s s |\n' "$under"
printf '| candidates: vacant buildings, greedy N=5, stored | %s s |\n' "$cand"
printf '| total | %s s |\n' "$(echo "$reach + $under + $cand" | bc)"
under_rows=$(($(wc -l </tmp/planning-bench.out) - 1))
echo
echo "## Limit: the bare nearest-neighbour SQL for ONE target (third places) over all villages"
knn=$(sql_seconds "set max_parallel_workers_per_gather = 2; select count(*), avg(d) from localities v cross join lateral (
  select ST_Distance(p.geog, v.geog) d from places p
   where p.kind = any('{village_hall,community_centre,social_centre,library,book_bus_stop,youth_club,parish_hall,pub,cafe,shop_with_bench,makerspace,digital_help_point,mobile_offer}')
     and p.retired_at is null and p.is_public
   order by p.geog <-> v.geog limit 1) n where v.kind in ('village', 'hamlet')")
printf '| bare KNN SQL, 1 target, all villages | %s s |\n' "$knn"
echo
echo "## One county (AGS $COUNTY), interactively: median of $REPEAT after one warm-up"
for q in "/planning/underserved?ags=$COUNTY" "/planning/reach?ags=$COUNTY" "/planning/candidates?ags=$COUNTY"; do
  timed "$q" >/dev/null
  t=$(for _ in $(seq "$REPEAT"); do timed "$q&nocache=$RANDOM"; done | median)
  printf '| %s | %s s |\n' "$q" "$t"
done
kv=$(psql1 -c "select count(*) from localities l where l.kind in ('village','hamlet') and ST_Intersects(l.geom,
  (select ST_Union(geom) from admin_areas where ags = '$COUNTY'))")
knn_county=$(sql_seconds "select count(*), avg(d) from localities v cross join lateral (
  select ST_Distance(p.geog, v.geog) d from places p
   where p.kind = any('{village_hall,community_centre,social_centre,library,book_bus_stop,youth_club,parish_hall,pub,cafe,shop_with_bench,makerspace,digital_help_point,mobile_offer}')
     and p.retired_at is null and p.is_public
   order by p.geog <-> v.geog limit 1) n
  where v.kind in ('village', 'hamlet') and ST_Intersects(v.geom, (select ST_Union(geom) from admin_areas where ags = '$COUNTY'))")
printf '| bare KNN SQL, 1 target, the county'"'"'s %s villages | %s s |\n' "$kv" "$knn_county"
echo
echo "planning bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
