#!/usr/bin/env bash
# Installs the Debian packages e-amazing needs beyond the .NET SDK (idempotent; uses sudo when not root).
set -euo pipefail

# wrk: the serving load benchmark (bench serve). npm: the build fetches the dashboard's chart library (Apache ECharts).
# chromium: the dashboard's browser tests drive it headless (Microsoft.Playwright, no browser download).
# Checked by command, not by Debian package: a machine whose Node.js and npm come from elsewhere (e.g. NodeSource)
# has npm without Debian's npm package, and installing that one would conflict with its nodejs.
PACKAGES=(wrk npm chromium)

missing=()
for p in "${PACKAGES[@]}"; do
  command -v "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: nothing to install"
  exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
