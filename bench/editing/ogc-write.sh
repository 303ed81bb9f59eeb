#!/usr/bin/env bash
# What an OGC API Features Part 4 write costs against the same change as bare SQL: one place of the mobility
# collection changed N times by PATCH /collections/mobility/items/{id} (JSON merge patch, If-Match, a Bearer
# token: authentication, Permissions, the importers' validation, the history trigger, audit, the answer's
# feature) and N times by `update places set name = …` in psql (the same row, the same triggers). Requests are
# sequential, one client; curl's time_total per request, clock_timestamp() per statement; medians and p95.
# Prints a Markdown table for docs/benchmarks.md ("OGC API Features Part 4 writes").
#   bench/editing/ogc-write.sh [changes, default 300]
# Uses a database of its own (ortsanker_bench_writes, made fresh) and BENCH_PORT (default 8102).
set -euo pipefail
. "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
N=${1:-300}
PORT=${BENCH_PORT:-8102}
DB=ortsanker_bench_writes

use_local_postgis
base=${ORTSANKER_DB_URL%/*}
hostport=${base#jdbc:postgresql://}
export PGHOST=${hostport%%:*} PGPORT=${hostport##*:} PGUSER=${ORTSANKER_DB_USER:-postgres}
dropdb --if-exists "$DB" 2>/dev/null; createdb "$DB"
psql -XqAt -d "$DB" -c "create extension postgis" >/dev/null
[ -f geo-service/target/geo-service.jar ] || mvn -B -ntp -q -pl geo-service -am package -DskipTests

LOG=$(mktemp)
ORTSANKER_DB_URL="$base/$DB" PORT=$PORT java -Xmx512m -jar geo-service/target/geo-service.jar >"$LOG" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null; rm -f "$LOG"; dropdb --if-exists "$DB" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  kill -0 $SERVICE 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done

# An administrator and a token of scope edit, as the product stores them (SHA-256 of the secret).
TOKEN="oat_bench$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
psql -XqAt -v ON_ERROR_STOP=1 -d "$DB" >/dev/null <<SQL
insert into accounts (login, password_hash, created_by) values ('bench-admin', 'x', 'bench');
insert into account_roles (account_id, role, granted_by) select id, 'county_administrator', 'bench' from accounts where login = 'bench-admin';
insert into api_tokens (account_id, name, secret_hash, scopes, created_by, expires_at)
select id, 'bench', '$HASH', array['edit'], 'bench', now() + interval '1 day' from accounts where login = 'bench-admin';
SQL

URL="http://127.0.0.1:$PORT/collections/mobility/items"
HEADERS=$(mktemp)
curl -fs -D "$HEADERS" -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/geo+json' \
  -d '{"type":"Feature","geometry":{"type":"Point","coordinates":[11.56,49.97]},"properties":{"kind":"mitfahrbank","name":"Bank 0"}}' "$URL"
ID=$(grep -i '^location:' "$HEADERS" | tr -d '\r' | sed 's#.*/##')
ETAG=$(grep -i '^etag:' "$HEADERS" | tr -d '\r' | cut -d' ' -f2)

# warm-up, then the measured changes through HTTP
TIMES=$(mktemp)
for i in $(seq 1 $((N + 20))); do
  OUT=$(curl -fs -D "$HEADERS" -o /dev/null -w '%{time_total}' -X PATCH -H "Authorization: Bearer $TOKEN" \
    -H "If-Match: $ETAG" -H 'Content-Type: application/merge-patch+json' \
    -d "{\"properties\":{\"name\":\"Bank $i\"}}" "$URL/$ID")
  ETAG=$(grep -i '^etag:' "$HEADERS" | tr -d '\r' | cut -d' ' -f2)
  [ "$i" -gt 20 ] && echo "$OUT" >>"$TIMES"
done
HTTP=$(sort -n "$TIMES" | awk '{a[NR]=$1*1000} END {printf "%.2f %.2f", a[int(NR/2)+1], a[int(NR*0.95)]}')

# the same change as bare SQL: the same row and triggers, in one DO block (one transaction: no commit per change)
SQLT=$(psql -XqAt -v ON_ERROR_STOP=1 -d "$DB" <<SQL
create temp table t (ms numeric);
do \$\$
declare t0 timestamptz;
begin
  for i in 1..$((N + 20)) loop
    t0 := clock_timestamp();
    update places set name = 'SQL ' || i, edited_at = now() where id = $ID;
    if i > 20 then insert into t values (1000 * extract(epoch from clock_timestamp() - t0)); end if;
  end loop;
end \$\$;
select round((percentile_cont(0.5) within group (order by ms))::numeric, 2) || ' ' || round((percentile_cont(0.95) within group (order by ms))::numeric, 2) from t;
SQL
)
VERSIONS=$(psql -XqAt -d "$DB" -c "select count(*) from place_versions where place_id = $ID")
echo "| path | median ms | p95 ms |"
echo "| --- | ---: | ---: |"
echo "| PATCH /collections/mobility/items/{id} (HTTP, $N changes) | ${HTTP% *} | ${HTTP#* } |"
echo "| update places … (SQL, one DO block, $N changes) | ${SQLT% *} | ${SQLT#* } |"
echo "versions recorded for the place: $VERSIONS" >&2
