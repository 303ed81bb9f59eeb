#!/usr/bin/env bash
# GTFS import speed: a synthetic feed (bench/timetables/synthetic-feed.py; default 1 M stop times, 50,000 trips,
# 20,000 stops) imported with scripts/import.sh — read, checked, staged, compared, replaced in one transaction —
# against the bare COPY of the very same rows into the same tables (with their keys and indexes), in one
# transaction, by psql. Then the same feed again (nothing changes) and a feed with one time changed (the feed
# replaced).
#
#   bench/timetables/run.sh [STOP_TIMES]
#
# Uses its own database (ORTSANKER_BENCH_GTFS_DB, default ortsanker_bench_gtfs) on the server of
# scripts/postgis.sh; the feed goes to bench/timetables/work/.
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
use_local_postgis
DB=${ORTSANKER_BENCH_GTFS_DB:-ortsanker_bench_gtfs}
SIZE=${1:-1000000}
WORK=$ROOT/bench/timetables/work
FEED=$WORK/feed-$SIZE
mkdir -p "$WORK"
[ -f "$FEED/stop_times.txt" ] || python3 bench/timetables/synthetic-feed.py "$FEED" "$SIZE"

host=$(echo "$ORTSANKER_DB_URL" | sed -E 's#jdbc:postgresql://([^:/]+).*#\1#')
port=$(echo "$ORTSANKER_DB_URL" | sed -E 's#jdbc:postgresql://[^:/]+:?([0-9]*)/.*#\1#'); port=${port:-5432}
psql() { command psql -h "$host" -p "$port" -U "${ORTSANKER_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -qAt "$@"; }
psql -d postgres -c "drop database if exists $DB" -c "create database $DB"
psql -d "$DB" -c "create extension postgis" -c "create extension pg_trgm"
export ORTSANKER_DB_URL="jdbc:postgresql://$host:$port/$DB"
source=synthetic-$SIZE
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc | awk '{printf "%.1f", $1}'; }

# Migrations and the JVM's class archive, not measured.
scripts/import.sh --quiet data/gtfs/bbnavi-gtfs-flex-2024-01-09 >/dev/null

t0=$(now); scripts/import.sh "$FEED" --licence CC0-1.0 >"$WORK/import.log"; t1=$(now)
import=$(secs "$t0" "$t1")
phases=$(psql -d "$DB" -c "select 'reading ' || (stats->>'time.reading_ms') || ' ms, writing (stage, match, compare, replace) '
    || (stats->>'time.writing_ms') || ' ms' from import_runs where source = '$source' order by id desc limit 1")

# The same rows, out to files and back by COPY alone.
tables="transit_stops transit_routes transit_services transit_service_dates transit_trips transit_stop_times"
for t in $tables; do psql -d "$DB" -c "\\copy (select * from $t where source = '$source') to '$WORK/$t.copy'"; done
psql -d "$DB" -c "delete from transit_feeds where source = '$source'"
psql -d "$DB" -c "vacuum analyze"
psql -d "$DB" -c "insert into transit_feeds (source) values ('$source-copy')"
copy_sql="begin;"
for t in $tables; do
  # The same rows under another source (the key), as the import writes them.
  sed "s/^$source\t/$source-copy\t/" "$WORK/$t.copy" >"$WORK/$t.copy2"
  copy_sql="$copy_sql \\copy $t from '$WORK/$t.copy2'
"
done
t0=$(now); printf '%s\ncommit;\n' "$copy_sql" | psql -d "$DB" >/dev/null; t1=$(now)
copy=$(secs "$t0" "$t1")
psql -d "$DB" -c "delete from transit_feeds where source = '$source-copy'" -c "vacuum analyze"

# The import again, into the emptied tables (as measured above: the first import of the feed), then unchanged,
# then with one time changed.
t0=$(now); scripts/import.sh "$FEED" --licence CC0-1.0 >/dev/null; t1=$(now)
again=$(secs "$t0" "$t1")
t0=$(now); scripts/import.sh "$FEED" --licence CC0-1.0 >"$WORK/unchanged.log"; t1=$(now)
unchanged=$(secs "$t0" "$t1")
sed -i '2s/,\([0-9][0-9]\):\([0-9][0-9]\):00,\([0-9][0-9]\):\([0-9][0-9]\):00,/,\1:\2:30,\3:\4:30,/' "$FEED/stop_times.txt"
t0=$(now); scripts/import.sh "$FEED" --licence CC0-1.0 >"$WORK/changed.log"; t1=$(now)
changed=$(secs "$t0" "$t1")
sed -i '2s/:30,\([0-9][0-9]\):\([0-9][0-9]\):30,/:00,\1:\2:00,/' "$FEED/stop_times.txt"

rows=$(psql -d "$DB" -c "select count(*) from transit_stop_times where source = '$source'")
echo "| stop times | import (first) | import (first, again) | bare COPY | ratio | same feed again | one time changed |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| $rows | $import s | $again s | $copy s | $(echo "$import / $copy" | bc -l | awk '{printf "%.1f", $1}') | $unchanged s | $changed s |"
echo "import phases (first): $phases"
echo "unchanged: $(grep -o 'timetables.changed [0-9]' "$WORK/unchanged.log"), changed: $(grep -o 'timetables.changed [0-9]' "$WORK/changed.log")"
