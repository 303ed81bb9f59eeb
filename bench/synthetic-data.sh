#!/usr/bin/env bash
# Fills the benchmark database (default "ortsanker_bench") with synthetic data spread over Germany:
# 1,000,000 places, 100,000 villages, and the real 10,997 municipalities and 401 districts (BKG VG5000,
# loaded with ogr2ogr). Prints the JDBC URL. Skips work already done; --force rebuilds.
#   bench/synthetic-data.sh [--places N] [--villages N] [--force]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
PLACES=1000000; VILLAGES=100000; FORCE=
while [ $# -gt 0 ]; do
  case "$1" in
    --places) PLACES=$2; shift 2 ;;
    --villages) VILLAGES=$2; shift 2 ;;
    --force) FORCE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
VG5000=$ROOT/data/vg5000
BENCH_DB=${ORTSANKER_BENCH_DB_NAME:-ortsanker_bench}

use_local_postgis
base=${ORTSANKER_DB_URL%/*}; hostport=${base#jdbc:postgresql://}
HOST=${hostport%%:*}; PORT=${hostport##*:}
export PGHOST=$HOST PGPORT=$PORT PGUSER=${ORTSANKER_DB_USER:-postgres}
[ -n "${ORTSANKER_DB_PASSWORD:-}" ] && export PGPASSWORD=$ORTSANKER_DB_PASSWORD
BENCH_URL="$base/$BENCH_DB"

if [ -n "$FORCE" ]; then dropdb --if-exists "$BENCH_DB"; fi
if [ -z "$(psql -XAtqd postgres -c "select 1 from pg_database where datname = '$BENCH_DB'")" ]; then
  createdb "$BENCH_DB"
  psql -Xqd "$BENCH_DB" -c 'create extension postgis; create extension pg_trgm'
fi

echo "synthetic-data: migrating $BENCH_URL" >&2
mvn -B -ntp -q -pl core -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
ORTSANKER_DB_URL=$BENCH_URL java -cp "core/target/classes:$(cat core/target/classpath.txt)" \
  de.ortsanker.database.Migrations 2>&1 | grep '^migrations:' >&2

have=$(psql -XAtqd "$BENCH_DB" -c "select count(*) from places where source = 'synthetic'")
if [ "$have" != "$PLACES" ]; then
  echo "synthetic-data: generating $PLACES places and $VILLAGES villages" >&2
  psql -Xqd "$BENCH_DB" -c "delete from places where source = 'synthetic'; delete from localities where source = 'synthetic'"
  psql -Xqd "$BENCH_DB" -v places="$PLACES" -v villages="$VILLAGES" -f bench/synthetic-places.sql \
       <data/geonames/de-places-geonames-pop1000.csv
fi

if [ "$(psql -XAtqd "$BENCH_DB" -c "select count(*) from admin_areas where source = 'BKG VG5000 2021'")" != 11398 ]; then
  command -v ogr2ogr >/dev/null || { echo "synthetic-data: installing gdal-bin" >&2; \
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin >/dev/null; }
  echo "synthetic-data: loading VG5000 municipalities and districts with ogr2ogr" >&2
  for layer in GEM KRS; do
    PG_USE_COPY=YES ogr2ogr -f PostgreSQL "PG:dbname=$BENCH_DB host=$HOST port=$PORT user=$PGUSER" \
      "$VG5000/VG5000_$layer.shp" -nln "bench_vg5000_$layer" -lco GEOMETRY_NAME=geom -t_srs EPSG:4326 \
      -nlt MULTIPOLYGON -overwrite
  done
  psql -Xqd "$BENCH_DB" <<'SQL'
delete from admin_areas where source = 'BKG VG5000 2021';
insert into admin_areas (level, ags, ars, name, designation, geom, source, source_id, licence, attribution)
select 'gemeinde', ags, ars, gen, bez, ST_Multi(ST_MakeValid(geom)), 'BKG VG5000 2021', 'gem/' || objid,
       'dl-de/by-2-0', '© GeoBasis-DE / BKG 2021 (Daten verändert)' from bench_vg5000_gem
union all
select 'kreis', ags, ars, gen, bez, ST_Multi(ST_MakeValid(geom)), 'BKG VG5000 2021', 'krs/' || objid,
       'dl-de/by-2-0', '© GeoBasis-DE / BKG 2021 (Daten verändert)' from bench_vg5000_krs;
drop table bench_vg5000_gem, bench_vg5000_krs;
analyze admin_areas;
SQL
fi
psql -XAtqd "$BENCH_DB" -c "select 'synthetic-data: ' || (select count(*) from places) || ' places, '
  || (select count(*) from localities) || ' localities, ' || (select count(*) from admin_areas) || ' admin areas'" >&2
echo "$BENCH_URL"
