#!/usr/bin/env bash
# Install what the test suite needs on a fresh machine, then run it.
#   bash tests/run.sh              every test, browser and validator gates included
#   bash tests/run.sh -m "not browser and not gate"     the fast tests alone
# Python packages go into the project's virtual environment (.venv/, or $VENV), pinned by
# constraints.txt so that a new release elsewhere cannot break the suite overnight;
# scripts/check_dependencies.py tries the newest and the oldest allowed versions instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive PIP_DISABLE_PIP_VERSION_CHECK=1
VENV="${VENV:-.venv}"
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if [ ! -x "$VENV/bin/python" ] && ! python3 -m venv "$VENV" 2>/dev/null; then
  # Debian and Ubuntu ship venv apart from Python
  rm -rf "$VENV"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "python3-venv" >/dev/null
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip uninstall -q -y sitegen 2>/dev/null || true  # the package's former name
"$VENV/bin/python" -m pip install -q -c constraints.txt -e ".[test]"
if ! command -v chromium >/dev/null; then   # Debian's browser; Playwright never downloads one
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
if ! command -v java >/dev/null; then     # the Nu HTML checker (vnu.jar) needs Java 11 or later
  $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi
if [ -f package.json ] && command -v npm >/dev/null; then
  npm install --no-audit --no-fund --silent
fi
exec "$VENV/bin/python" -m pytest -n auto "$@"    # on every core (pytest-xdist); -n 0 for one
