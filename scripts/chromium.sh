#!/usr/bin/env bash
# Makes sure Debian's headless Chromium and its ChromeDriver are installed (the web map's browser tests
# drive them); installs them with apt-get when missing. Prints the path of the chromium binary.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  SUDO=; if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  echo "chromium.sh: installing Debian's chromium and chromium-driver" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Another apt run (a colleague's, or unattended upgrades) may hold the lock: wait for it.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >&2
fi
command -v chromium
