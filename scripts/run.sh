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

# The demo data (OSM north of Bayreuth, the BKG VG5000 boundaries of Germany): imported on the first
# start; later starts skip files imported before with the same checksum.
"$ROOT/scripts/import.sh" --quiet --skip-unchanged "$ROOT/data/osm/north-bayreuth.osm.pbf" \
  "$ROOT/data/vg5000/VG5000_LAN.shp" "$ROOT/data/vg5000/VG5000_KRS.shp" "$ROOT/data/vg5000/VG5000_GEM.shp" \
  >"$ROOT/.ortsanker/demo-import.log" || {
  cat "$ROOT/.ortsanker/demo-import.log" >&2
  echo "run.sh: importing the demo data failed (see above)" >&2
  exit 1
}
grep -E '^[^ ].*: (imported|skipped)' "$ROOT/.ortsanker/demo-import.log" | sed 's/^/run.sh: demo data: /' || true

echo "run.sh: serving on http://localhost:${PORT:-8080} (database $ORTSANKER_DB_URL)"
exec java ${JAVA_OPTS:-} -jar "$JAR"
