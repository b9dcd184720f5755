#!/usr/bin/env bash
# Release benchmark: 100 concurrent one-shot releases and 20 concurrent canary
# releases on one `slipway serve` with the in-process sandbox, whose pods
# become Ready 1 s after they start. Prints releases per minute, CPU seconds
# per release and the step reaction latency p50/p99 (goal: p99 ≤ 250 ms);
# exits 0 whether or not the goal is met (a benchmark is not a test). See
# bench/README.md.
#
# Knobs (environment): BENCH_ONE_SHOTS (100), BENCH_CANARIES (20),
# BENCH_POD_READY_MS (1000), BENCH_ENGINE_WORKERS (the default of serve),
# BENCH_KUBE_TICK_MS (the emulated controllers' period; the default of serve),
# BENCH_DB_POOL_SIZE (database.pool_size; SQLite gets half; the default of serve),
# BENCH_KEEP=1 (keep the temp dir; kept anyway on failure),
# BENCH_BINARY=path (use this slipway binary instead of building build-release/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
one_shots=${BENCH_ONE_SHOTS:-100}
canaries=${BENCH_CANARIES:-20}
pod_ready_ms=${BENCH_POD_READY_MS:-1000}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench-release: %s\n' "$*" >&2; exit 1; }

for tool in python3 curl cmake; do
  command -v "$tool" >/dev/null || die "$tool not found (run scripts/install-deps.sh)"
done

work=$(mktemp -d /tmp/slipway-bench-release.XXXXXX)
server=""
cleanup() {
  local rc=$?
  if [ -n "$server" ]; then
    kill -TERM "$server" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ] || [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. build ---------------------------------------------------------------
cd "$repo"
binary=${BENCH_BINARY:-$repo/build-release/slipway}
if [ -z "${BENCH_BINARY:-}" ]; then
  log "building the release preset (build-release/slipway)"
  cmake --preset release >/dev/null
  cmake --build --preset release -j2 --target slipway
fi
[ -x "$binary" ] || die "$binary missing"

# --- 2. slipway with the in-process sandbox ---------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
password="bench-$RANDOM-$RANDOM"
{
  echo "auth: {argon2: {time_cost: 1, memory_kib: 64}}"
  # Debug lines carry the watch events', signals' and claims' times (split.py).
  echo "log: {access_log: false, level: debug}"
  echo "sandbox: {enabled: true, pod_ready_delay_ms: $pod_ready_ms${BENCH_KUBE_TICK_MS:+, kubernetes_tick_ms: $BENCH_KUBE_TICK_MS}}"
  if [ -n "${BENCH_ENGINE_WORKERS:-}" ]; then echo "engine: {workers: $BENCH_ENGINE_WORKERS}"; fi
  if [ -n "${BENCH_DB_POOL_SIZE:-}" ]; then echo "database: {pool_size: $BENCH_DB_POOL_SIZE}"; fi
} >"$work/slipway.yaml"
log "starting slipway on 127.0.0.1:$port (pods ready after $pod_ready_ms ms, controller tick ${BENCH_KUBE_TICK_MS:-default})"
SLIPWAY_ADMIN_PASSWORD=$password "$binary" serve --listen "127.0.0.1:$port" \
  --data-dir "$work/data" --config "$work/slipway.yaml" >"$work/slipway.log" 2>&1 &
server=$!
for _ in $(seq 300); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || die "slipway exited during start-up (logs in $work)"
  sleep 0.1
done
[ -f "$work/data/sandbox-endpoints.json" ] || die "no sandbox endpoints file (logs in $work)"

# --- 3. drive ----------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
python3 "$here/drive.py" "http://127.0.0.1:$port" "$password" "$server" "$work/data/sandbox-endpoints.json" \
  "$one_shots" "$canaries" "$work" >"$work/summary.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 4. report ----------------------------------------------------------------
echo
echo "machine    $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "load avg   before $load_before, after $load_after (1/5/15 min)"
echo "binary     $binary"
cat "$work/summary.txt"
python3 - "$work/results.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1])):
    for key, label, goal in (("total", "reaction", 150), ("slipway", "Slipway's share", 50)):
        p99 = (r["shares"].get(key) or {}).get("p99")
        verdict = "PASS" if p99 is not None and p99 <= goal else "MISS"
        print(f"goal       {r['phase']}: {label} p99 {p99} ms ≤ {goal} ms: {verdict}")
EOF
exit 0
