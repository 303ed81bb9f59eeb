#!/usr/bin/env bash
# The import benchmark: our importer against osm2pgsql (OSM) and against ogr2ogr with PG_USE_COPY=YES
# (GeoJSON, GeoPackage), on the same inputs and the same database, in one run, wall time per import.
# Inputs: the real files in data/ and a synthetic input of FEATURES features (bench/imports/SyntheticInputs.java);
# our importer runs with -Xmx512m. Prints a Markdown table (also written to bench/imports/work/results.md).
#
#   bench/imports/run.sh [--features N] [--runs N] [--runs-large N] [--only osm|files] [--small]
# (--small: the real files only, a few minutes)
#
# Uses its own database (ORTSANKER_BENCH_IMPORTS_DB, default ortsanker_bench_imports) on the server of
# scripts/postgis.sh; installs osm2pgsql and gdal-bin when missing. Takes 20–40 minutes on 2 cores.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"

FEATURES=1000000; RUNS=3; RUNS_LARGE=1; ONLY=; LARGE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --features) FEATURES=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --runs-large) RUNS_LARGE=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --small) LARGE=; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say() { echo "bench/imports: $*" >&2; }
need() {  # COMMAND PACKAGE
  if ! command -v "$1" >/dev/null; then
    say "installing $2"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2"; } \
      >/dev/null 2>&1 || { echo "bench/imports: cannot install $2 (apt-get as root)" >&2; exit 2; }
  fi
}
need osm2pgsql osm2pgsql
need ogr2ogr gdal-bin
[ -x /usr/bin/time ] || need /usr/bin/time time

use_local_postgis
base=${ORTSANKER_DB_URL%/*}; hostport=${base#jdbc:postgresql://}
HOST=${hostport%%:*}; PORT=${hostport##*:}
export PGHOST=$HOST PGPORT=$PORT PGUSER=${ORTSANKER_DB_USER:-postgres}
[ -n "${ORTSANKER_DB_PASSWORD:-}" ] && export PGPASSWORD=$ORTSANKER_DB_PASSWORD
DB=${ORTSANKER_BENCH_IMPORTS_DB:-ortsanker_bench_imports}
if [ -z "$(psql -XAtqd postgres -c "select 1 from pg_database where datname = '$DB'")" ]; then
  createdb "$DB"
  psql -Xqd "$DB" -c 'create extension if not exists postgis; create extension if not exists pg_trgm'
fi
export ORTSANKER_DB_URL="$base/$DB"

WORK=$ROOT/bench/imports/work
mkdir -p "$WORK"
say "building the importer"
mvn -B -ntp -q -pl importers -am package -Dmaven.test.skip=true >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
CP="$ROOT/importers/target/importers.jar:$ROOT/importers/target/lib/*"

if [ -n "$LARGE" ] && { [ "$(cat "$WORK/features" 2>/dev/null)" != "$FEATURES" ] || [ ! -f "$WORK/synthetic.geojson" ]; }; then
  say "generating the synthetic inputs ($FEATURES features)"
  rm -f "$WORK/synthetic."*
  java -cp "$CP" "$ROOT/bench/imports/SyntheticInputs.java" "$WORK" "$FEATURES"
  ogr2ogr -f GPKG "$WORK/synthetic.gpkg" "$WORK/synthetic.geojson" -nln synthetic
  echo "$FEATURES" >"$WORK/features"
fi

# One timed run: prints "seconds max-RSS-MiB"; the command's output goes to $WORK/last.log.
timed() {
  if ! nice -n 10 /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >"$WORK/last.log" 2>&1; then
    cat "$WORK/last.log" >&2; echo "bench/imports: failed: $*" >&2; exit 1
  fi
  awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$WORK/time.txt"
}

# Our importer, as a user runs it, into a source of its own that is emptied before each run.
ours() {  # FILE [options]
  psql -XAtqd "$DB" -c "delete from places where source = 'bench'; delete from localities where source = 'bench';
    delete from admin_areas where source = 'bench'; delete from addresses where source = 'bench';
    delete from population_cells where source = 'bench'" >/dev/null 2>&1 || true
  psql -XAtqd "$DB" -c "vacuum analyze places; vacuum analyze localities; vacuum analyze admin_areas;
    vacuum analyze addresses" >/dev/null 2>&1 || true
  IMPORT_JAVA_OPTS="-Xmx512m" timed "$ROOT/scripts/import.sh" "$@" --source bench --quiet
}
# The same file again: every record unchanged.
ours_again() {
  IMPORT_JAVA_OPTS="-Xmx512m" timed "$ROOT/scripts/import.sh" "$@" --source bench --quiet
}
osm2pgsql_load() {
  timed osm2pgsql --create --output=flex --style "$ROOT/bench/imports/osm2pgsql-flex.lua" --log-level=warn \
    -d "$DB" -H "$HOST" -P "$PORT" -U "$PGUSER" "$1"
}
ogr2ogr_load() {
  PG_USE_COPY=YES timed ogr2ogr -f PostgreSQL "PG:dbname=$DB host=$HOST port=$PORT user=$PGUSER" "$1" \
    -nln bench_ogr2ogr -overwrite -t_srs EPSG:4326 -lco GEOMETRY_NAME=geom
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Prints one row: the median over RUNS of ours and of the baseline, alternating.
compare() {  # LABEL FEATURES RUNS LIMIT BASELINE-FUNCTION FILE [options for ours]
  local label=$1 count=$2 runs=$3 limit=$4 baseline=$5 file=$6; shift 6
  local o="" b="" rss=0 again
  for _ in $(seq "$runs"); do
    read -r s m < <(ours "$file" "$@"); o="$o $s"; [ "$m" -gt "$rss" ] && rss=$m
    read -r s _ < <($baseline "$file"); b="$b $s"
  done
  read -r again _ < <(ours_again "$file" "$@")
  local om bm ratio verdict
  om=$(echo $o | tr ' ' '\n' | median); bm=$(echo $b | tr ' ' '\n' | median)
  ratio=$(awk -v a="$om" -v b="$bm" 'BEGIN { printf "%.2f", a / b }')
  verdict=$(awk -v r="$ratio" -v l="$limit" 'BEGIN { print (r <= l ? "yes" : "**no**") }')
  printf '| %s | %s | %s | %s | %s | %s× | ≤ %s× | %s | %s MiB |\n' "$label" "$count" "$om" "$bm" "$again" "$ratio" \
    "$limit" "$verdict" "$rss" | tee -a "$WORK/results.md"
}

# The floor for any tool that loads into the live places table (generated geography column, two GiST,
# a trigram GIN, the per-row rule trigger, data-version triggers): the bare INSERT … SELECT of the very rows
# our importer just merged, from an unlogged copy.
PLACE_COLUMNS="source, source_id, import_hash, kind, name, description, geom, addr_street, addr_housenumber,
  addr_postcode, addr_city, opening_hours, wheelchair, free_entry, operator, operator_type, contact_role, contact_phone,
  contact_email, contact_is_public, website, capacity, equipment, booking_url, target_groups, valid_from, valid_to,
  details, is_public, licence, attribution, source_url, last_verified"
bare_insert() {  # LABEL
  psql -XAtqd "$DB" -c "drop table if exists bench_bare" -c "create unlogged table bench_bare as
    select $PLACE_COLUMNS from places where source = 'bench'" >/dev/null
  psql -XAtqd "$DB" -c "delete from places where source = 'bench'" >/dev/null
  psql -XAtqd "$DB" -c "vacuum analyze places" >/dev/null
  local rows s
  rows=$(psql -XAtqd "$DB" -c "select count(*) from bench_bare")
  read -r s _ < <(timed psql -XAtqd "$DB" -c "insert into places ($PLACE_COLUMNS) select $PLACE_COLUMNS from bench_bare")
  psql -XAtqd "$DB" -c "drop table bench_bare" >/dev/null
  printf '| %s: bare SQL INSERT … SELECT into places (the floor) | %s | | %s | | | | | |\n' "$1" "$rows" "$s" \
    | tee -a "$WORK/results.md"
}

LIST=(--licence CC0-1.0 --attribution "Synthetic benchmark data (Ortsanker)")
{
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1);"
  echo "$(osm2pgsql --version 2>&1 | grep -m1 -o "osm2pgsql version [0-9.]*"), $(ogrinfo --version | cut -d, -f1)."
  echo
  echo "| input | features | ours (s) | baseline (s) | ours again, unchanged (s) | ratio | target | met | our peak RSS |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |"
} | tee "$WORK/results.md"

if [ "$ONLY" != files ]; then
  for f in north-bayreuth lauf-200115 hoyerswerda; do
    compare "OSM $f.osm.pbf vs osm2pgsql" "$(du -k "data/osm/$f.osm.pbf" | cut -f1) KiB" "$RUNS" 1.0 \
      osm2pgsql_load "data/osm/$f.osm.pbf"
  done
  if [ -n "$LARGE" ]; then
    compare "OSM synthetic.osm.pbf vs osm2pgsql" "$FEATURES" "$RUNS_LARGE" 1.0 osm2pgsql_load "$WORK/synthetic.osm.pbf"
    bare_insert "OSM synthetic"
  fi
fi
if [ "$ONLY" != osm ]; then
  compare "GeoJSON kreise (VG5000) vs ogr2ogr" 401 "$RUNS" 1.2 ogr2ogr_load data/vg5000/kreise_vg5000_2021_wgs84.geojson
  compare "GeoPackage VG5000_KRS vs ogr2ogr" 401 "$RUNS" 1.2 ogr2ogr_load data/vg5000/VG5000_KRS.gpkg
  if [ -n "$LARGE" ]; then
    compare "GeoJSON synthetic vs ogr2ogr" "$FEATURES" "$RUNS_LARGE" 1.2 ogr2ogr_load "$WORK/synthetic.geojson" "${LIST[@]}"
    bare_insert "GeoJSON synthetic"
    compare "GeoPackage synthetic vs ogr2ogr" "$FEATURES" "$RUNS_LARGE" 1.2 ogr2ogr_load "$WORK/synthetic.gpkg" "${LIST[@]}"
  fi
fi
say "results in $WORK/results.md"
