#!/usr/bin/env bash
# A private PostgreSQL cluster in a folder of ours, on a port of ours: used by `make run` and by every test JVM.
#
#   scripts/postgres.sh start DIR PORT   create the cluster in DIR if it is new, then start it on 127.0.0.1:PORT
#   scripts/postgres.sh stop DIR         stop it (fast shutdown)
#   scripts/postgres.sh psql DIR PORT [psql args...]   run psql as the superuser over the cluster's socket
#
# The superuser is 'postgres', reachable only over the cluster's own Unix socket in DIR/socket (peer-free trust);
# TCP connections need a password (scram-sha-256). PostgreSQL refuses to run as root: when we are root, the
# cluster runs as the 'postgres' system user that Debian's package creates.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

find_bindir() {
  if [ -n "${SC_PG_BINDIR:-}" ]; then echo "$SC_PG_BINDIR"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] && command -v pg_config >/dev/null 2>&1; then d=$(pg_config --bindir); fi
  if [ -z "$d" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "postgres.sh: PostgreSQL is not installed; installing Debian's postgresql package" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2 \
      || die "could not install PostgreSQL with apt-get"
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$d" ] && [ -x "$d/initdb" ] || die "PostgreSQL server binaries not found (install Debian's 'postgresql' package or set SC_PG_BINDIR)"
  echo "$d"
}

# run a command as the cluster's owner
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user (Debian's postgresql package creates it)"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# root's folders may be closed to the postgres user (mktemp -d makes 0700 folders): open the path for traversal only
ensure_traversable() {
  [ "$(id -u)" = 0 ] || return 0
  local p
  p=$(cd "$1" && pwd)
  while [ "$p" != "/" ]; do
    if ! runuser -u postgres -- test -x "$p"; then chmod o+x "$p"; fi
    p=$(dirname "$p")
  done
}

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: postgres.sh start|stop|psql DIR [PORT]"
bindir=$(find_bindir)

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    ensure_traversable "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner mkdir -p "$dir/data" "$dir/socket"
      as_owner "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    fi
    if as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      exit 0
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c fsync=${SC_PG_FSYNC:-on} -c max_connections=200" start >/dev/null \
      || { tail -n 20 "$dir/postgres.log" >&2; die "PostgreSQL did not start on port $port"; }
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    ;;
  psql)
    port=${3:?port}; shift 3
    as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres "$@"
    ;;
  *) die "unknown command '$cmd'" ;;
esac
