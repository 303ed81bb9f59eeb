#!/usr/bin/env bash
# Exact tile invalidation (docs/benchmarks.md, "Exact tile invalidation"): in a database of its own
# (created and migrated here), 40,000 bus stops over the demo region, then bench/tiles/InvalidationBench.java.
#   bench/tiles/invalidation.sh [--side N] [--seconds N] [--db NAME]
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
SIDE=20; SECONDS_=10; DB=ortsanker_invalidation_bench
while [ $# -gt 0 ]; do
  case "$1" in
    --side) SIDE=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --db) DB=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
use_local_postgis
URL="${ORTSANKER_DB_URL%/*}/$DB"
psql -h 127.0.0.1 -d postgres -qc "drop database if exists $DB" -c "create database $DB"
psql -h 127.0.0.1 -d "$DB" -qc "create extension if not exists postgis"
mvn -B -ntp -q -pl tiles -am install -DskipTests
mvn -B -ntp -q -pl tiles dependency:build-classpath -Dmdep.outputFile=/tmp/invalidation-bench.cp -Dmdep.includeScope=runtime
HIKARI=$(ls ~/.m2/repository/com/zaxxer/HikariCP/*/HikariCP-*.jar | grep -v sources | tail -1)
CP="tiles/target/classes:core/target/classes:$(cat /tmp/invalidation-bench.cp):$HIKARI"
ORTSANKER_DB_URL=$URL java -cp "$CP" de.ortsanker.database.Migrations
psql -h 127.0.0.1 -d "$DB" -qc "insert into places (kind, name, geom, source, source_id, licence, attribution)
  select 'bus_stop', 'Halt ' || i, ST_Point(11.40 + random() * 0.34, 49.92 + random() * 0.22, 4326),
         'bench-invalidation', 'b' || i, 'ODbL-1.0', '© OpenStreetMap contributors'
    from generate_series(1, 40000) i"
ORTSANKER_DB_URL=$URL java -cp "$CP" bench/tiles/InvalidationBench.java "$SIDE" "$SECONDS_"
psql -h 127.0.0.1 -d postgres -qc "drop database $DB"
