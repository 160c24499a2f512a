#!/usr/bin/env bash
# Runs the whole ClinicSync test suite on a fresh machine with Swift 6:
# installs what the tests need (Debian and PyPI packages), then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System libraries: SQLite (with FTS5 and the session extension) and zlib.
missing=()
for pkg in libsqlite3-dev zlib1g-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# The independent X12 validator (pyx12's x12valid) for the export tests.
if ! command -v x12valid >/dev/null 2>&1; then
  echo "Installing pyx12 (x12valid)"
  python3 -m pip install --quiet pyx12
fi
command -v x12valid >/dev/null 2>&1 || { echo "x12valid is still not on PATH after pip install" >&2; exit 1; }

swift build --build-tests
swift test "$@"
