#!/usr/bin/env bash
# Runs the postgres-store package's tests against a throwaway PostgreSQL server.
#
#   bash Examples/postgres-store/run-tests.sh [swift test arguments, e.g. --filter Conformance]
#   bash Examples/postgres-store/run-tests.sh --benchmarks [postgres-benchmarks arguments, e.g. --json]
#
# With --benchmarks the server keeps PostgreSQL's durable defaults (fsync, synchronous commit) and the script runs
# the release build of the postgres-benchmarks executable instead of the tests.
#
# 1. Installs Debian's `postgresql` and `libpq-dev` (and pkg-config) with apt-get when they are missing.
# 2. Creates a cluster with initdb in a new temporary folder and starts it listening only on a Unix socket
#    in that folder (no TCP port, so nothing else on the machine can reach it or collide with it). The
#    server refuses to run as root, so when this script runs as root the server runs as the unprivileged
#    `postgres` user (created if missing).
# 3. Runs `swift test` in this package with PGHOST/PGPORT/PGUSER/PGDATABASE pointing at that server.
# 4. Always stops the server and deletes the folder, also when the tests fail or the script is interrupted.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
benchmarks=0
if [[ "${1:-}" == "--benchmarks" ]]; then
  benchmarks=1
  shift
fi
started=$(date +%s)

log() { echo "run-tests: $*"; }

# --- 1. Packages ------------------------------------------------------------------------------------------
find_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; fi
}

missing=()
[[ -n "$(find_bindir)" ]] || missing+=(postgresql)
if ! command -v pkg-config >/dev/null 2>&1; then
  missing+=(pkg-config libpq-dev)
elif ! pkg-config --exists libpq; then
  missing+=(libpq-dev)
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "run-tests: missing ${missing[*]}: install them (sudo apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_install() {
    apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef "${missing[@]}" </dev/null
  }
  if ! apt_install >/tmp/postgres-store-apt.log 2>&1; then
    apt-get update -q </dev/null >>/tmp/postgres-store-apt.log 2>&1
    apt_install >>/tmp/postgres-store-apt.log 2>&1 || {
      tail -n 30 /tmp/postgres-store-apt.log >&2
      exit 1
    }
  fi
  rm -f /tmp/postgres-store-apt.log
fi
bindir="$(find_bindir)"
[[ -n "$bindir" ]] || { echo "run-tests: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; exit 1; }
log "server binaries: $bindir ($("$bindir/postgres" --version))"

# --- 2. Throwaway server ----------------------------------------------------------------------------------
as_server_user=()
if [[ $(id -u) -eq 0 ]]; then
  server_user=postgres
  if ! id "$server_user" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$server_user"
  fi
  as_server_user=(runuser -u "$server_user" --)
fi

workdir="$(mktemp -d /tmp/postgres-store.XXXXXX)"
data="$workdir/data"
cleanup() {
  local status=$?
  if [[ -f "$data/postmaster.pid" ]]; then
    local pid
    pid=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
    "${as_server_user[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w -t 20 stop >/dev/null 2>&1 \
      || { [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null; } || true
  fi
  rm -rf "$workdir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ((${#as_server_user[@]})); then chown "$server_user" "$workdir"; fi
chmod 700 "$workdir"
"${as_server_user[@]}" "$bindir/initdb" -D "$data" --username=postgres --auth=trust --encoding=UTF8 --no-locale \
  --no-sync >"$workdir/initdb.log" 2>&1 || {
  cat "$workdir/initdb.log" >&2
  exit 1
}
# A test server: only the private socket, room for the tests' pools, no waiting on the disk, and every
# writing statement logged with its parameters (the redaction test reads the log: no secret may be in it).
cat >>"$data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$workdir'
max_connections = 200
EOF
if ((benchmarks)); then
  echo "shared_buffers = '1GB'" >>"$data/postgresql.conf"
else
  printf '%s\n' "fsync = off" "synchronous_commit = off" "full_page_writes = off" "log_statement = 'mod'" \
    >>"$data/postgresql.conf"
fi
"${as_server_user[@]}" "$bindir/pg_ctl" -D "$data" -l "$workdir/server.log" -w -t 60 start >/dev/null || {
  cat "$workdir/server.log" >&2
  exit 1
}
log "server up on $workdir/.s.PGSQL.5432 after $(($(date +%s) - started)) s"

# --- 3. Tests ---------------------------------------------------------------------------------------------
export PGHOST="$workdir" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
export POSTGRES_STORE_SERVER_LOG="$workdir/server.log"
set +e
if ((benchmarks)); then
  swift build -c release --package-path "$here" --product postgres-benchmarks &&
    "$(swift build -c release --package-path "$here" --show-bin-path)/postgres-benchmarks" "$@"
else
  swift test --package-path "$here" "$@"
fi
status=$?
set -e
log "finished in $(($(date +%s) - started)) s (exit status $status)"
exit "$status"
