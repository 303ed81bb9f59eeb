#!/usr/bin/env bash
# Measures the error of the village population figures (docs/population.md): imports the BKG municipalities,
# the official figures and the three OSM extracts with known village figures into a database of its own,
# then runs validate.sql (which changes nothing).
#   bench/population/run.sh            # database ortsanker_population_bench on the local PostGIS
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DB=${BENCH_DB:-ortsanker_population_bench}
HOST=${PGHOST:-127.0.0.1}
dropdb -h "$HOST" -U postgres --if-exists "$DB"
createdb -h "$HOST" -U postgres "$DB"
psql -h "$HOST" -U postgres -d "$DB" -X -q -c "create extension postgis; create extension pg_trgm"
export ORTSANKER_DB_URL=jdbc:postgresql://$HOST:5432/$DB
export ORTSANKER_TEST_DB_URL=${ORTSANKER_TEST_DB_URL:-$ORTSANKER_DB_URL}
cd "$ROOT"
scripts/import.sh data/vg5000/VG5000_GEM.shp data/vg5000/VG5000_KRS.shp \
  data/population/AuszugGV4QAktuell_2024.xlsx data/population/de-gemeinden-zensus2022-population.csv \
  data/osm/herrenberg-and-around-2020-04-21.osm.pbf data/osm/lauf-200115.osm.pbf data/osm/north-bayreuth.osm.pbf \
  data/geonames/de-places-geonames-pop1000.csv >/dev/null
psql -h "$HOST" -U postgres -d "$DB" -X -q -f bench/population/validate.sql 2>&1 | grep -v NOTICE
