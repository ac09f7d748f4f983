#!/usr/bin/env bash
# Install the test dependencies (Python packages; Debian's chromium for the browser
# test when running as root) and run the whole test suite.  Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing Debian chromium for the browser test"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "== chromium not installed and not root: the browser test will be skipped"
  fi
fi

echo "== installing Python packages"
python3 -m pip install -q --compile -r requirements-test.txt

echo "== running the tests"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
exec python3 -m pytest -q "$@"
