#!/usr/bin/env bash
# Lane benchmark: lanes of 1, 5 and 20 applications created and deleted on
# one `slipway serve` with the in-process sandbox, every emulator answering
# 50 ms late. Prints the wall time of create (POST until `active`) and delete
# (DELETE ?confirm= until 200), the critical-path lower bound from the
# workflow's own steps and the emulators' call logs, and wall/bound; goals:
# 20 applications delete ≤ 1 s, create ≤ 2 s, both ≤ 1.3× the bound. Exits 0
# whether or not the goals are met (a benchmark is not a test). See
# bench/README.md.
#
# Knobs (environment): BENCH_SIZES (1,5,20), BENCH_ROUNDS (1), BENCH_DELAY_MS (50),
# BENCH_OTHER_APPS (3: applications of the base environment in no lane, the
# lanes' fallbacks), BENCH_ENGINE_WORKERS (the default of serve),
# BENCH_KEEP=1 (keep the temp dir; kept anyway on failure),
# BENCH_BINARY=path (use this slipway binary instead of building build-release/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
sizes=${BENCH_SIZES:-1,5,20}
rounds=${BENCH_ROUNDS:-1}
delay_ms=${BENCH_DELAY_MS:-50}
other_apps=${BENCH_OTHER_APPS:-3}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench-lanes: %s\n' "$*" >&2; exit 1; }

for tool in python3 curl cmake; do
  command -v "$tool" >/dev/null || die "$tool not found (run scripts/install-deps.sh)"
done

work=$(mktemp -d /tmp/slipway-bench-lanes.XXXXXX)
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
  echo "log: {access_log: false}"
  echo "sandbox: {enabled: true}"
  if [ -n "${BENCH_ENGINE_WORKERS:-}" ]; then echo "engine: {workers: $BENCH_ENGINE_WORKERS}"; fi
} >"$work/slipway.yaml"
log "starting slipway on 127.0.0.1:$port"
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
python3 "$here/drive.py" "http://127.0.0.1:$port" "$password" "$work/data/sandbox-endpoints.json" \
  "$sizes" "$rounds" "$delay_ms" "$other_apps" "$work" | tee "$work/summary.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 4. report ----------------------------------------------------------------
echo
echo "machine    $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "load avg   before $load_before, after $load_after (1/5/15 min)"
echo "binary     $binary"
echo "engine     workers: ${BENCH_ENGINE_WORKERS:-the default of serve}; every emulator call +$delay_ms ms"
python3 "$here/report.py" "$work/results.json"
exit 0
