#!/usr/bin/env bash
# Imports files (OSM .osm.pbf/.osm, GeoJSON, GeoPackage, Shapefile, CSV, Excel) into the database that
# scripts/run.sh serves, migrating its schema first. No options needed for an OSM file:
#   scripts/import.sh data/osm/north-bayreuth.osm.pbf
#   scripts/import.sh vereine.csv --kind club --licence CC-BY-4.0 --attribution "© Gemeinde Harsdorf"
# scripts/import.sh --help lists the options. Exit code 0 only when every file was imported.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
use_local_postgis
JAR=$ROOT/importers/target/importers.jar

# Build when the importer or the schema changed (files are resolved from the caller's directory).
if [ ! -f "$JAR" ] || [ -n "$(cd "$ROOT" && find pom.xml core/pom.xml importers/pom.xml core/src importers/src/main \
      -newer "$JAR" -print -quit)" ]; then
  echo "import.sh: building the importer" >&2
  log=$(mktemp)
  if ! (cd "$ROOT" && mvn -B -ntp -q -pl importers -am package -Dmaven.test.skip=true) >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; echo "import.sh: the build failed" >&2; exit 2
  fi
  rm -f "$log"
fi

# Class data sharing: the classes the importer loads, archived on the first run after a build, start
# the next runs faster.
JSA=$ROOT/importers/target/importers.jsa
if [ -f "$JSA" ] && [ "$JSA" -nt "$JAR" ]; then
  CDS="-XX:SharedArchiveFile=$JSA -Xlog:cds=off -Xlog:cds+dynamic=off"
else
  rm -f "$JSA"; CDS="-XX:ArchiveClassesAtExit=$JSA -Xlog:cds=off -Xlog:cds+dynamic=off"
fi

# Small inputs finish before the optimising compiler pays off: the quick one alone halves their time.
# "Small" by what the file holds, not its bytes: a PBF packs ten to twenty times more objects per byte
# than text (13 MB of PBF are a million objects, which take twice the CPU without the optimising compiler).
bytes=0
for arg in "$@"; do
  [ -f "$arg" ] || continue
  size=$(stat -c %s "$arg"); case "$arg" in *.pbf) size=$((size * 16)) ;; esac
  bytes=$((bytes + size))
done
JIT=""; [ "$bytes" -lt $((64 << 20)) ] && JIT="-XX:TieredStopAtLevel=1"

exec java $CDS $JIT ${IMPORT_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dorg.slf4j.simpleLogger.log.org.flywaydb=error \
  -cp "$JAR:$ROOT/importers/target/lib/*" de.ortsanker.imports.cli.ImportCommand "$@"
