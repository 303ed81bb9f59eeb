#!/usr/bin/env bash
# Makes sure Debian's GDAL command-line tools (ogrinfo, ogr2ogr: the OAPIF and MVT drivers a county GIS
# uses) are installed; installs gdal-bin with apt-get when missing. The GIS client tests (GdalClientIT)
# drive them against the running service. Prints the path of ogrinfo.
set -euo pipefail
if ! command -v ogrinfo >/dev/null 2>&1 || ! command -v ogr2ogr >/dev/null 2>&1; then
  SUDO=; if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  echo "gis-clients.sh: installing Debian's gdal-bin" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run (a colleague's, or unattended upgrades) may hold the lock: wait for it.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends gdal-bin >&2
fi
command -v ogrinfo
