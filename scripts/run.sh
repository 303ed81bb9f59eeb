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
  # Without the old jar: Maven would keep it when only another module changed, with stale copies inside.
  rm -f "$JAR"
  mvn -B -ntp -q -DskipTests package
fi

# The demo data, imported on the first start; later starts skip files imported before with the same checksum.
# Three real regions, so that the product can be seen doing its job (data/README.md names every source):
# - the official boundaries of Germany (BKG VG5000: Länder, Kreise, Gemeinden) — first, so that everything
#   after them finds its municipality;
# - OpenStreetMap north of Bayreuth (rural Upper Franconia) and around Herrenberg (semi-rural Baden-Württemberg,
#   fully tagged: village halls, libraries, pubs, car sharing, charging, 252 stops, vacant buildings) — the
#   start view opens on the richest of them (geo-service StartView);
# - the Elbe-Elster starter: its municipalities are in the boundaries above; the VBB stations and stops of the
#   county and around it with their departure weights, and the DB stations with their step-free access
#   (stops importer, CC BY 4.0); GeoNames' towns of 1,000 inhabitants and more as its villages (the county
#   has no OpenStreetMap extract here: scripts/import.sh brandenburg-latest.osm.pbf --area 12062 adds one);
# - the official population of every municipality of Germany.
DEMO=(
  "$ROOT/data/vg5000/VG5000_LAN.shp" "$ROOT/data/vg5000/VG5000_KRS.shp" "$ROOT/data/vg5000/VG5000_GEM.shp"
  "$ROOT/data/osm/north-bayreuth.osm.pbf"
  "$ROOT/data/osm/herrenberg-and-around-2020-04-21.osm.pbf"
  "$ROOT/data/stops/vbb-stations-8.31.0-bbox-13.0-14.0E-51.3-51.9N.csv"
  "$ROOT/data/stops/db-stations-5.0.2-bbox-13.0-14.0E-51.3-51.9N.csv"
  "$ROOT/data/geonames/de-places-geonames-pop1000.csv"
  # The official municipal populations of all Germany (Destatis GV-ISys 31.12.2023, Zensus 2022), after the
  # villages: each village's figure is its share of its municipality's (docs/population.md).
  "$ROOT/data/population/AuszugGV4QAktuell_2024.xlsx"
  "$ROOT/data/population/de-gemeinden-zensus2022-population.csv"
  # Timetables (GTFS, into transit_*): a small demo timetable on real OSM stops around Herrenberg (invented
  # times: weekdays, Saturdays, Sundays, Christmas as a Sunday), and bbnavi's real RufBus zones (GTFS-Flex,
  # Uckermark, CC0). After the OSM extract, so that the demo's stops find their stop places.
  "$ROOT/data/gtfs/herrenberg-demo"
  "$ROOT/data/gtfs/bbnavi-gtfs-flex-2024-01-09"
)
mkdir -p "$ROOT/.ortsanker"
started=$(date +%s)
"$ROOT/scripts/import.sh" --quiet --skip-unchanged "${DEMO[@]}" >"$ROOT/.ortsanker/demo-import.log" || {
  cat "$ROOT/.ortsanker/demo-import.log" >&2
  echo "run.sh: importing the demo data failed (see above)" >&2
  exit 1
}
grep -E '^[^ ].*: (imported|skipped)' "$ROOT/.ortsanker/demo-import.log" | sed 's/^/run.sh: demo data: /' || true
echo "run.sh: demo data ready in $(( $(date +%s) - started )) s"

# The walking and cycling networks of the demo's OSM extracts, built by the service in the background
# (graphs kept in .ortsanker/graphs): rules in minutes such as third_places:walk:20min answer on them.
export ORTSANKER_ROUTING_EXTRACTS=${ORTSANKER_ROUTING_EXTRACTS-$ROOT/data/osm/north-bayreuth.osm.pbf,$ROOT/data/osm/herrenberg-and-around-2020-04-21.osm.pbf}
export ORTSANKER_ROUTING_CACHE_DIR=${ORTSANKER_ROUTING_CACHE_DIR:-$ROOT/.ortsanker/graphs}

echo "run.sh: serving on http://localhost:${PORT:-8080} (database $ORTSANKER_DB_URL)"
exec java ${JAVA_OPTS:-} -jar "$JAR"
