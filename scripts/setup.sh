#!/usr/bin/env bash
# One-time set-up on a fresh Debian 12 machine with the .NET SDK: system packages, then restore and build.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages (none of the current stages needs one beyond the SDK; later stages add chromium and wrk).
PACKAGES=()
if [ ${#PACKAGES[@]} -gt 0 ]; then
  missing=()
  for p in "${PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi

dotnet build EAmazing.slnx -c Release
