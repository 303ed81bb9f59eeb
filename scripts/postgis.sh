#!/usr/bin/env bash
# Provisions PostgreSQL + PostGIS for Ortsanker and prints the application's JDBC URL.
#
#   scripts/postgis.sh            # install what is missing, start or reuse a cluster, create databases
#
# Order of preference:
#   1. a cluster already answering on 127.0.0.1:5432 as user "postgres" without a password (trust),
#      as on many development machines — reused; PostGIS is installed for its major version if missing;
#   2. otherwise a private cluster whose data directory lives in .ortsanker/pgdata (git-ignored),
#      listening on 127.0.0.1:${ORTSANKER_PG_PORT:-5433}.
# It creates the databases "ortsanker" and "ortsanker_test" with the extensions postgis and pg_trgm and
# installs pgRouting beside PostGIS (the routing module's tests compare walking distances with pgr_dijkstra;
# each test creates the extension in its database itself), and
# writes the connection settings to .ortsanker/db.env, which scripts/run.sh and scripts/test.sh read.
# Idempotent: when everything is in place it only checks and prints.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE="$ROOT/.ortsanker"
ENV_FILE="$STATE/db.env"
PGDATA_DIR="$STATE/pgdata"
APP_DB=${ORTSANKER_DB_NAME:-ortsanker}
TEST_DB=${ORTSANKER_TEST_DB_NAME:-ortsanker_test}
PRIVATE_PORT=${ORTSANKER_PG_PORT:-5433}
SHARED_HOST=127.0.0.1
SHARED_PORT=5432

say() { echo "postgis.sh: $*" >&2; }
die() { echo "postgis.sh: ERROR: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root or sudo to run: $* (install PostgreSQL and PostGIS yourself, then run this again)"
  fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 \
    || die "no apt-get: install PostgreSQL >= 13 with PostGIS 3 yourself, or set ORTSANKER_DB_URL"
  say "installing $* from the distribution's packages"
  mkdir -p "$STATE"
  local log="$STATE/apt.log"
  if [ -z "${APT_UPDATED:-}" ]; then
    as_root apt-get update -qq >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed"; }
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$log" 2>&1 \
    || { tail -n 30 "$log" >&2; die "could not install $* (full log: $log)"; }
}

pg_bin_dir() {  # newest installed server binaries
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# psql against a server: q HOST PORT DB SQL
q() { psql -X -w -q -At -h "$1" -p "$2" -U postgres -d "$3" -v ON_ERROR_STOP=1 -c "$4"; }

shared_cluster_usable() {
  command -v psql >/dev/null 2>&1 && q "$SHARED_HOST" "$SHARED_PORT" postgres 'select 1' >/dev/null 2>&1
}

postgis_ready() {  # HOST PORT: both databases exist with both extensions
  local n
  for db in "$APP_DB" "$TEST_DB"; do
    n=$(q "$1" "$2" "$db" "select count(*) from pg_extension where extname in ('postgis','pg_trgm')" 2>/dev/null) || return 1
    [ "$n" = 2 ] || return 1
  done
}

write_env() {  # HOST PORT
  mkdir -p "$STATE"
  cat >"$ENV_FILE" <<EOF
# written by scripts/postgis.sh — the local PostGIS the scripts use
ORTSANKER_DB_URL=jdbc:postgresql://$1:$2/$APP_DB
ORTSANKER_DB_USER=postgres
ORTSANKER_DB_PASSWORD=
ORTSANKER_TEST_DB_URL=jdbc:postgresql://$1:$2/$TEST_DB
ORTSANKER_TEST_DB_USER=postgres
ORTSANKER_TEST_DB_PASSWORD=
EOF
  echo "jdbc:postgresql://$1:$2/$APP_DB"
}

pgrouting_installed() {  # any PostgreSQL major with pgRouting's extension files
  ls /usr/share/postgresql/*/extension/pgrouting.control >/dev/null 2>&1
}

# Fast path: the last run's cluster still answers and has everything.
if [ -f "$ENV_FILE" ] && command -v psql >/dev/null 2>&1 && pgrouting_installed; then
  url=$(sed -n 's/^ORTSANKER_DB_URL=//p' "$ENV_FILE")
  hostport=${url#jdbc:postgresql://}; hostport=${hostport%%/*}
  if postgis_ready "${hostport%%:*}" "${hostport##*:}"; then
    echo "$url"; exit 0
  fi
fi

# Server binaries and client.
if [ -z "$(pg_bin_dir)" ] || ! command -v psql >/dev/null 2>&1; then
  apt_install postgresql postgresql-contrib
fi

ensure_postgis_for() {  # MAJOR: PostGIS, and pgRouting (Debian's postgresql-MAJOR-pgrouting) for the tests
  if [ ! -f "/usr/share/postgresql/$1/extension/postgis.control" ]; then
    apt_install "postgresql-$1-postgis-3"
  fi
  if [ ! -f "/usr/share/postgresql/$1/extension/pgrouting.control" ]; then
    apt_install "postgresql-$1-pgrouting"
  fi
}

start_private_cluster() {
  local bin major owner
  bin=$(pg_bin_dir); major=$(basename "$(dirname "$bin")")
  ensure_postgis_for "$major"
  mkdir -p "$STATE"
  owner=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the "postgres" system user.
    owner=postgres
    id postgres >/dev/null 2>&1 || die "no system user 'postgres' to own the private cluster"
    mkdir -p "$PGDATA_DIR"; chown postgres "$PGDATA_DIR"; chmod 700 "$PGDATA_DIR"
    runuser -u postgres -- test -w "$PGDATA_DIR" \
      || die "user postgres cannot write $PGDATA_DIR (a parent directory is not searchable): move the project or set ORTSANKER_DB_URL"
  fi
  run_as() { if [ "$owner" = "$(id -un)" ]; then "$@"; else runuser -u "$owner" -- "$@"; fi; }
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    say "creating a private cluster in $PGDATA_DIR (PostgreSQL $major)"
    run_as "$bin/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! run_as "$bin/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    say "starting the private cluster on 127.0.0.1:$PRIVATE_PORT"
    run_as "$bin/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w -t 60 \
      -o "-p $PRIVATE_PORT -k $PGDATA_DIR -c listen_addresses=127.0.0.1" start >/dev/null \
      || die "the private cluster did not start; see $PGDATA_DIR/server.log"
  fi
}

if shared_cluster_usable; then
  HOST=$SHARED_HOST; PORT=$SHARED_PORT
  major=$(( $(q "$HOST" "$PORT" postgres 'show server_version_num') / 10000 ))
  say "reusing the PostgreSQL $major cluster on $HOST:$PORT"
  ensure_postgis_for "$major"
else
  start_private_cluster
  HOST=127.0.0.1; PORT=$PRIVATE_PORT
fi

for db in "$APP_DB" "$TEST_DB"; do
  if [ -z "$(q "$HOST" "$PORT" postgres "select 1 from pg_database where datname = '$db'")" ]; then
    say "creating database $db"
    q "$HOST" "$PORT" postgres "create database \"$db\" encoding 'UTF8' template template0"
  fi
  q "$HOST" "$PORT" "$db" 'create extension if not exists postgis; create extension if not exists pg_trgm'
done

postgis_ready "$HOST" "$PORT" || die "databases on $HOST:$PORT lack postgis or pg_trgm after provisioning"
write_env "$HOST" "$PORT"
