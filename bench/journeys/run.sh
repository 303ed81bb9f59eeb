#!/usr/bin/env bash
# Getting there without a car: /places/{id}/departures and /places/{id}/way through HTTP (the packaged
# service) against the same statements over JDBC and GraphHopper's route in-process. Herrenberg extract
# and the bundled demo feed, a fresh schema in ORTSANKER_TEST_DB_URL's database. Prints a Markdown table.
#   bench/journeys/run.sh [calls per case, default 300]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
: "${ORTSANKER_TEST_DB_URL:?set ORTSANKER_TEST_DB_URL (scripts/postgis.sh prints it)}"
mvn -B -ntp -q -pl geo-service -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="geo-service/target/test-classes:geo-service/target/classes:$(cat geo-service/target/bench-classpath.txt)"
exec taskset -c 0,1 java -Xmx768m -cp "$CP" de.ortsanker.journeys.JourneysBenchmark geo-service/target/geo-service.jar \
  data/osm/herrenberg-and-around-2020-04-21.osm.pbf data/gtfs/herrenberg-demo geo-service/target/bench-graphs "${1:-300}"
