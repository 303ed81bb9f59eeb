#!/usr/bin/env bash
# Runs every test: provisions PostGIS (scripts/postgis.sh), then `mvn verify` over all modules.
# Extra arguments go to Maven, e.g. scripts/test.sh -pl importers -am
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
use_local_postgis
"$ROOT/scripts/chromium.sh" >/dev/null   # the web map's browser tests drive Debian's headless chromium
"$ROOT/scripts/gis-clients.sh" >/dev/null # the GIS client tests drive Debian's GDAL (ogrinfo, ogr2ogr)
echo "test.sh: tests use $ORTSANKER_TEST_DB_URL (a fresh schema per test class)"
exec mvn -B -ntp verify "$@"
