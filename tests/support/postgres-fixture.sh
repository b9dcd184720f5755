#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for tests (CTest fixture postgres.start / postgres.stop,
# and servers of a test's own).
#   postgres-fixture.sh start DIR   start a server; DIR/url holds its URL (database `slipway`)
#   postgres-fixture.sh stop DIR    stop it and remove DIR
#   postgres-fixture.sh down DIR    stop it at once (`pg_ctl stop -m immediate`: every
#                                   connection drops, new ones are refused), keeping its data
#   postgres-fixture.sh up DIR      start it again after `down`, on the same port
# The cluster lives under /tmp (DIR/datadir names it): the server runs as the
# `postgres` user, which may not be able to reach DIR, and socket paths are short.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

# initdb refuses to run as root.
as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [[ -f "$dir/datadir" ]]; then
    local cluster
    cluster=$(cat "$dir/datadir")
    if [[ -f "$cluster/data/postmaster.pid" ]]; then
      as_pg "$PGBIN/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$cluster"
  fi
  rm -rf "$dir"
}

# Starts the cluster in $1 on port $2; fails when it cannot listen. Fast and
# not crash-safe, unless started with SLIPWAY_PG_DURABLE=1 (kept in
# $dir/durable for `up`): a server that `down` stops with -m immediate must
# keep every commit it acknowledged, as a production one does.
run_server() {
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [[ -f "$dir/durable" ]]; then durability="-c fsync=on -c synchronous_commit=on"; fi
  as_pg "$PGBIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 start \
    -o "-p $2 -k $1 -c listen_addresses=127.0.0.1 $durability -c max_connections=300" \
    >/dev/null
}

down() {
  as_pg "$PGBIN/pg_ctl" -D "$(cat "$dir/datadir")/data" -m immediate -w stop >/dev/null
}

up() {
  local cluster
  cluster=$(cat "$dir/datadir")
  run_server "$cluster" "$(cat "$dir/port")" || { cat "$cluster/server.log" >&2; exit 1; }
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  stop  # a stale DIR from an interrupted run
  mkdir -p "$dir"
  local cluster
  cluster=$(mktemp -d /tmp/slipway-pg.XXXXXX)
  echo "$cluster" >"$dir/datadir"
  if [[ "${SLIPWAY_PG_DURABLE:-0}" == 1 ]]; then touch "$dir/durable"; fi
  if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$cluster"; fi
  chmod 700 "$cluster"
  as_pg "$PGBIN/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$cluster/initdb.log" 2>&1 || { cat "$cluster/initdb.log" >&2; exit 1; }
  # A free port can be taken between the probe and the bind: try a few.
  local port
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if run_server "$cluster" "$port"; then
      echo "$port" >"$dir/port"
      psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'CREATE DATABASE slipway'
      echo "postgres://postgres@127.0.0.1:$port/slipway" >"$dir/url.tmp"
      mv "$dir/url.tmp" "$dir/url"
      echo "PostgreSQL ready at $(cat "$dir/url")"
      return 0
    fi
  done
  cat "$cluster/server.log" >&2
  exit 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  down) down ;;
  up) up ;;
  *) echo "unknown command: $cmd" >&2; exit 2 ;;
esac
