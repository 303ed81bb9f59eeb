#!/usr/bin/env bash
# QGIS 3.22 (Debian's python3-qgis) against a running Ortsanker, offscreen — not in CI (QGIS is ~400 MB).
# Installs python3-qgis and qgis-providers with apt-get when missing, then runs scripts/qgis-check.py:
# every OGC API Features collection as an OAPIF layer (all fields, checked against /collections/{id}/schema)
# styled with the service's SLD, and the vector tiles with the MapLibre style through QGIS's converter,
# rendered to docs/screenshots/qgis-*.png.
# Usage: scripts/qgis-check.sh [BASE_URL (http://localhost:8080)] [OUT_DIR (docs/screenshots)] [lon,lat,lon,lat]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BASE=${1:-http://localhost:${PORT:-8080}}
OUT=${2:-$ROOT/docs/screenshots}
PY=/usr/bin/python3   # Debian's Python: python3-qgis installs there, not into pyenv or a venv
if ! "$PY" -c 'import qgis.core' >/dev/null 2>&1; then
  SUDO=; if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  echo "qgis-check.sh: installing Debian's python3-qgis and qgis-providers" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends python3-qgis qgis-providers >&2
fi
mkdir -p "$OUT"
export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
exec "$PY" "$ROOT/scripts/qgis-check.py" "$BASE" "$OUT" ${3:+"$3"}
