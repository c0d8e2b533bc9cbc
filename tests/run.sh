#!/usr/bin/env bash
# Install what the test suite needs on a fresh machine, then run it.
#   bash tests/run.sh              every test, browser and validator gates included
#   bash tests/run.sh -m "not browser and not gate"     the fast tests alone
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1
python3 -m pip install -q -e ".[test]"
if ! command -v chromium >/dev/null; then   # Debian's browser; Playwright never downloads one
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
if ! command -v java >/dev/null; then     # the Nu HTML checker (vnu.jar) needs Java 11 or later
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
if [ -f package.json ] && command -v npm >/dev/null; then
  npm install --no-audit --no-fund --silent
fi
exec python3 -m pytest "$@"
