#!/usr/bin/env bash
# API throughput benchmark: `GET /api/v1/apps?limit=50` on slipway (10,000 apps,
# SQLite, bearer token) against nginx serving the very same bytes as a static
# file. Prints req/s, p99 and the ratio with the goals; exits 0 whether or not
# the goals are met (a benchmark is not a test). See bench/README.md.
#
# Knobs (environment): BENCH_APPS (10000), BENCH_SEED_THREADS (4),
# BENCH_DURATION (10s), BENCH_CONNECTIONS (64), BENCH_WRK_THREADS (2),
# BENCH_NGINX_WORKERS (auto), BENCH_KEEP=1 (keep the temp dir; kept anyway on failure),
# BENCH_BINARY=path (use this slipway binary instead of building build-release/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
apps=${BENCH_APPS:-10000}
seed_threads=${BENCH_SEED_THREADS:-4}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-64}
wrk_threads=${BENCH_WRK_THREADS:-2}
nginx_workers=${BENCH_NGINX_WORKERS:-auto}
path='/api/v1/apps?limit=50'

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench-api: %s\n' "$*" >&2; exit 1; }

for tool in wrk nginx python3 curl cmake; do
  command -v "$tool" >/dev/null || die "$tool not found (run scripts/install-deps.sh)"
done

# --- cleanup: every process we start is recorded here and stopped on exit ---
work=$(mktemp -d /tmp/slipway-bench.XXXXXX)
pids=()      # servers, stopped in cleanup
current=""   # the foreground step running now (see run_fg)
cleanup() {
  local rc=$? pid
  for pid in $current "${pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$rc" -ne 0 ] || [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

run_fg() {  # COMMAND…: run in the background and wait, so INT/TERM stop it at once
  local rc=0
  "$@" &
  current=$!
  wait "$current" || rc=$?
  current=""
  return "$rc"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_http() {  # URL NAME PID: wait until URL answers, or fail if PID died
  for _ in $(seq 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || die "$2 exited during start-up (logs in $work)"
    sleep 0.1
  done
  die "$2 did not answer at $1 within 30 s"
}

fetch() {  # URL OUT_BODY [curl args…]: saves body, prints status line+headers+body size
  local url=$1 out=$2; shift 2
  curl -sS -o "$out" -D "$out.headers" -w '%{http_code} ' "$@" "$url"
  echo $(( $(wc -c <"$out.headers") + $(wc -c <"$out") ))
}

# --- 1. build ---------------------------------------------------------------
cd "$repo"
binary=${BENCH_BINARY:-$repo/build-release/slipway}
if [ -z "${BENCH_BINARY:-}" ]; then
  log "building the release preset (build-release/slipway)"
  cmake --preset release >/dev/null
  cmake --build --preset release -j2 --target slipway
fi
[ -x "$binary" ] || die "$binary missing"

# --- 2. slipway -------------------------------------------------------------
slipway_port=$(free_port)
password="bench-$RANDOM-$RANDOM"
mkdir -p "$work/data"
cat >"$work/slipway.yaml" <<'EOF'
auth: {argon2: {time_cost: 1, memory_kib: 64}}
log: {access_log: false}
EOF
log "starting slipway on 127.0.0.1:$slipway_port"
SLIPWAY_ADMIN_PASSWORD=$password "$binary" serve --listen "127.0.0.1:$slipway_port" \
  --data-dir "$work/data" --config "$work/slipway.yaml" >"$work/slipway.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$slipway_port/healthz" slipway "${pids[-1]}"

# --- 3. seed ----------------------------------------------------------------
log "seeding $apps applications with $seed_threads client threads"
run_fg python3 "$here/seed.py" 127.0.0.1 "$slipway_port" admin "$password" \
  "$apps" "$seed_threads" "$work/token" >"$work/seed.txt"
token=$(cat "$work/token")
read -r seed_seconds seed_rate < <(sed -E 's/.*seconds=([0-9.]+) rate=([0-9]+)/\1 \2/' "$work/seed.txt")

# --- 4. reference file and nginx --------------------------------------------
mkdir -p "$work/www/api/v1"
read -r status slipway_bytes < <(fetch "http://127.0.0.1:$slipway_port$path" \
  "$work/www/api/v1/apps" -H "Authorization: Bearer $token")
[ "$status" = 200 ] || die "GET $path answered $status: $(head -c 300 "$work/www/api/v1/apps")"
rm -f "$work/www/api/v1/apps.headers"
items=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' \
  "$work/www/api/v1/apps")
[ "$items" = 50 ] || die "expected 50 items in the reference response, got $items"

nginx_port=$(free_port)
chmod 755 "$work" "$work/www" "$work/www/api" "$work/www/api/v1"  # nginx workers may run as nobody
chmod 644 "$work/www/api/v1/apps"
cat >"$work/nginx.conf" <<EOF
daemon off;
worker_processes $nginx_workers;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location = /api/v1/apps { }
  }
}
EOF
log "starting nginx (worker_processes $nginx_workers) on 127.0.0.1:$nginx_port"
nginx -e "$work/nginx-error.log" -p "$work" -c "$work/nginx.conf" >"$work/nginx.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$nginx_port$path" nginx "${pids[-1]}"
read -r status nginx_bytes < <(fetch "http://127.0.0.1:$nginx_port$path" "$work/nginx-body")
[ "$status" = 200 ] || die "nginx answered $status"
cmp -s "$work/nginx-body" "$work/www/api/v1/apps" || die "nginx body differs from slipway's"

# --- 5. load ----------------------------------------------------------------
cpu_seconds() {  # PID: user+system CPU of PID and its child processes (nginx workers)
  local p ticks=0
  for p in "$1" $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    ticks=$(( ticks + $(sed 's/.*) //' /proc/"$p"/stat | awk '{print $12 + $13}') ))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
run_wrk() {  # NAME PID URL [wrk args…]: writes wrk-NAME.txt and cpu-NAME (server CPU seconds)
  local name=$1 pid=$2 url=$3 before; shift 3
  run_fg wrk -t"$wrk_threads" -c"$connections" -d2s "$@" "$url" >/dev/null  # warm-up, discarded
  log "wrk -t$wrk_threads -c$connections -d$duration --latency  ($name)"
  before=$(cpu_seconds "$pid")
  run_fg wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "$@" "$url" >"$work/wrk-$name.txt"
  cat "$work/wrk-$name.txt" >&2
  awk -v a="$before" -v b="$(cpu_seconds "$pid")" 'BEGIN { print b - a }' >"$work/cpu-$name"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run_wrk slipway "${pids[0]}" "http://127.0.0.1:$slipway_port$path" -H "Authorization: Bearer $token"
run_wrk nginx "${pids[1]}" "http://127.0.0.1:$nginx_port$path"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 6. report --------------------------------------------------------------
echo
echo "machine    $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "load avg   before $load_before, after $load_after (1/5/15 min)"
echo "seeding    $apps apps in ${seed_seconds}s = $seed_rate registrations/s ($seed_threads client threads)"
echo "response   $(wc -c <"$work/www/api/v1/apps") body bytes; slipway $slipway_bytes, nginx $nginx_bytes bytes with headers"
python3 "$here/report.py" "$work/wrk-slipway.txt" "$work/wrk-nginx.txt" "$slipway_bytes" "$nginx_bytes" \
  "$(cat "$work/cpu-slipway")" "$(cat "$work/cpu-nginx")"
exit 0
