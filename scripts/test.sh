#!/usr/bin/env bash
# Runs the whole ClinicSync test suite on a fresh machine with Swift 6:
# installs what the tests need (Debian and PyPI packages), starts a throwaway PostgreSQL
# cluster for the central node's PostgreSQL backend, then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# What to undo on exit (a throwaway PostgreSQL cluster, temporary files).
cleanups=()
cleanup() { for step in "${cleanups[@]}"; do $step; done; }
trap cleanup EXIT
trap 'cleanup; exit 130' INT TERM

# System libraries: SQLite (with FTS5 and the session extension) and zlib; and the tools the
# tests drive: openssl (a certificate for the HTTPS test), the sqlite3 shell (a lock held by
# another process), util-linux (setpriv: the CLI run as nobody for the read-only-file test).
missing=()
for pkg in libsqlite3-dev zlib1g-dev openssl sqlite3 util-linux; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# faketime (a clock moved for one process), script (a pseudo-terminal) and groff (the manual
# page formatted) for the command-line tests of `doctor`'s clock check, of progress shown only
# on a terminal and of `clinicsync manual`.
for tool in faketime:faketime script:bsdutils groff:groff-base; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
    echo "Installing ${tool##*:}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${tool##*:}"
  fi
done

# The independent X12 validator (pyx12's x12valid) for the export tests.
if ! command -v x12valid >/dev/null 2>&1; then
  echo "Installing pyx12 (x12valid)"
  python3 -m pip install --quiet pyx12
fi
command -v x12valid >/dev/null 2>&1 || { echo "x12valid is still not on PATH after pip install" >&2; exit 1; }

# Schemathesis, for the schema-driven fuzzing of the HTTP API (ChaosTests/APIFuzzTests), which
# must run here rather than be skipped.
if ! command -v schemathesis >/dev/null 2>&1; then
  echo "Installing schemathesis"
  python3 -m pip install --quiet 'schemathesis>=4,<5'
fi
command -v schemathesis >/dev/null 2>&1 || { echo "schemathesis is still not on PATH after pip install" >&2; exit 1; }

# PostgreSQL for the central node's scale-out backend: unless CLINICSYNC_POSTGRES_URL names a
# server already, a throwaway cluster (Debian's server, initdb in a temp folder as an
# unprivileged user, a free loopback port), stopped and removed on exit.
if [ -z "${CLINICSYNC_POSTGRES_URL:-}" ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    echo "Installing postgresql"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  pg_dir=$(mktemp -d /tmp/clinicsync-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root: the cluster belongs to the unprivileged postgres user.
    id postgres >/dev/null 2>&1 || as_root useradd --system --no-create-home postgres
    chown postgres "$pg_dir"
    pg_as() { runuser -u postgres -- "$@"; }
    pg_ctl_prefix="runuser -u postgres -- $pg_bin/pg_ctl"
  else
    pg_as() { "$@"; }
    pg_ctl_prefix="$pg_bin/pg_ctl"
  fi
  pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U clinicsync --auth=trust -E UTF8 --no-sync >/dev/null
  cat >> "$pg_dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$pg_dir'
max_connections = 300
fsync = off
CONF
  export CLINICSYNC_POSTGRES_CTL="$pg_ctl_prefix -D $pg_dir/data -l $pg_dir/server.log"
  stop_postgres() {
    $CLINICSYNC_POSTGRES_CTL -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  }
  cleanups+=(stop_postgres)
  $CLINICSYNC_POSTGRES_CTL -w start >/dev/null
  export CLINICSYNC_POSTGRES_URL="postgres://clinicsync@127.0.0.1:$pg_port/postgres?sslmode=disable"
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port for the central backend tests"
fi

# Nothing may be skipped: a test whose requirement (PostgreSQL, a tmpfs mount, openssl,
# setpriv, schemathesis, the full ICD-10-CM file) is missing fails instead (Tests/CLITesting/Requirements.swift).
export CLINICSYNC_REQUIRE_ALL=1
if [ -z "${CLINICSYNC_FULL_ICD10:-}" ]; then
  icd10_dir=$(mktemp -d /tmp/clinicsync-icd10.XXXXXX)
  gunzip -c Sources/ClinicStore/Resources/icd10cm_order_2025.txt.gz > "$icd10_dir/icd10cm_order_2025.txt"
  export CLINICSYNC_FULL_ICD10="$icd10_dir/icd10cm_order_2025.txt"
  remove_icd10() { rm -rf "$icd10_dir"; }
  cleanups+=(remove_icd10)
fi

swift build --build-tests
swift test "$@"
