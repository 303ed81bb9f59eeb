#!/usr/bin/env bash
# Account administration on the command line, for what cannot be done through the API yet: the first
# county administrator.
#   scripts/admin.sh create-admin <login>
# asks for the password twice on a terminal, or reads it as the first line of standard input:
#   printf '%s\n' "$PASSWORD" | scripts/admin.sh create-admin landrat
# There is no default account and no default password. Uses the database of ORTSANKER_DB_URL (as
# scripts/run.sh does) and migrates it first. Exit code 0 on success, 1 for a refused login or password.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
use_local_postgis
JAR=geo-service/target/geo-service.jar

if [ ! -f "$JAR" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$JAR" -print -quit)" ]; then
  echo "admin.sh: building" >&2
  rm -f "$JAR"
  mvn -B -ntp -q -DskipTests package >&2
fi
exec java ${JAVA_OPTS:-} -jar "$JAR" "$@"
