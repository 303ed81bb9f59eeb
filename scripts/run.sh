#!/usr/bin/env bash
# Runs Ortsanker with the bundled demo data on http://localhost:${PORT:-8080}:
# provisions PostGIS, builds (when sources changed), imports the demo data into an empty database, serves.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
use_local_postgis
JAR=geo-service/target/geo-service.jar

if [ ! -f "$JAR" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$JAR" -print -quit)" ]; then
  echo "run.sh: building"
  mvn -B -ntp -q -DskipTests package
fi

echo "run.sh: serving on http://localhost:${PORT:-8080} (database $ORTSANKER_DB_URL)"
exec java ${JAVA_OPTS:-} -jar "$JAR"
