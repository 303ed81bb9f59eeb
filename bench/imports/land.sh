#!/usr/bin/env bash
# A county from a Land's extract: the clipped import (scripts/import.sh EXTRACT --area 12062) of a synthetic
# extract the size of a Land's (bench/imports/SyntheticInputs.java --land), with time and peak memory from
# /usr/bin/time -v. The heap is capped (-Xmx256m by default) to show that it does not grow with the extract.
#
#   bench/imports/land.sh [VILLAGES ...]      # default: 3000 (11.5 M nodes, 1 M ways) and 6000 (twice that)
#
# Uses its own database (ORTSANKER_BENCH_LAND_DB, default ortsanker_bench_land) on the server of
# scripts/postgis.sh, with the BKG Kreise as the boundaries; the extracts go to bench/imports/work/.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
use_local_postgis
DB=${ORTSANKER_BENCH_LAND_DB:-ortsanker_bench_land}
HEAP=${BENCH_HEAP:--Xmx256m}
WORK=$ROOT/bench/imports/work
mkdir -p "$WORK"
[ $# -gt 0 ] || set -- 3000 6000

host=$(echo "$ORTSANKER_DB_URL" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')
port=$(echo "$ORTSANKER_DB_URL" | sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#'); port=${port:-5432}
psql() { command psql -h "$host" -p "$port" -U "${ORTSANKER_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -c "drop database if exists $DB" -c "create database $DB"
psql -d "$DB" -c "create extension postgis" -c "create extension pg_trgm"
export ORTSANKER_DB_URL="jdbc:postgresql://$host:$port/$DB"
scripts/import.sh --quiet data/vg5000/VG5000_KRS.shp >/dev/null

echo "| villages | nodes | ways | PBF | kept (places, villages, addresses) | wall time | user CPU | peak RSS | heap |"
echo "| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |"
for villages in "$@"; do
  pbf=$WORK/land-$villages/synthetic-land.osm.pbf
  [ -f "$pbf" ] || java -cp "importers/target/importers.jar:importers/target/lib/*" \
      bench/imports/SyntheticInputs.java --land "$WORK/land-$villages" "$villages"
  IMPORT_JAVA_OPTS=$HEAP /usr/bin/time -v scripts/import.sh "$pbf" --area 12062 --source "land-$villages" --quiet \
      >"$WORK/land-$villages.log" 2>"$WORK/land-$villages.time"
  kept=$(psql -d "$DB" -c "select (select count(*) from places where source = 'land-$villages') || ', '
      || (select count(*) from localities where source = 'land-$villages') || ', '
      || (select count(*) from addresses where source = 'land-$villages')")
  wall=$(grep 'Elapsed (wall clock)' "$WORK/land-$villages.time" | awk '{print $NF}')
  user=$(grep 'User time' "$WORK/land-$villages.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$WORK/land-$villages.time" | awk '{printf "%d MiB", $NF / 1024}')
  echo "| $villages | $((villages * 3831)) | $((villages * 340)) | $(du -m "$pbf" | cut -f1) MB | $kept | $wall | ${user} s | $rss | $HEAP |"
done
