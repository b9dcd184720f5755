#!/usr/bin/env bash
# Soak benchmark (issue "production hardening"): start-up time and idle RSS of
# the embedded default, then 60 s of wrk at 200 connections over list, detail
# and write routes (API tokens and sessions), 100 event-stream subscribers and
# 20 releases kept running, on one `slipway serve` with SQLite and the
# in-process sandbox. Prints per-route p50/p99 and answer classes, RSS at the
# start and end with the growth over the second half, descriptors idle / peak /
# after, and the goals; exits 0 whether or not they are met (a benchmark is
# not a test). See bench/README.md.
#
# Knobs (environment): SOAK_SECONDS (60), SOAK_CONNECTIONS (200),
# SOAK_SUBSCRIBERS (100), SOAK_RELEASES (20), SOAK_APPS (200), BENCH_KEEP=1
# (keep the temp dir; kept anyway on failure), BENCH_BINARY=path (use this
# slipway binary instead of building build-release/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
die() { printf 'bench-soak: %s\n' "$*" >&2; exit 1; }
for tool in wrk python3 cmake; do
  command -v "$tool" >/dev/null || die "$tool not found (run scripts/install-deps.sh)"
done

work=$(mktemp -d /tmp/slipway-bench-soak.XXXXXX)
cleanup() {
  local rc=$?
  if [ "$rc" -ne 0 ] || [ "${BENCH_KEEP:-0}" = 1 ]; then echo "==> kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

cd "$repo"
binary=${BENCH_BINARY:-$repo/build-release/slipway}
if [ -z "${BENCH_BINARY:-}" ]; then
  echo "==> building the release preset (build-release/slipway)" >&2
  cmake --preset release >/dev/null
  cmake --build --preset release -j2 --target slipway
fi
[ -x "$binary" ] || die "$binary missing"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
python3 "$here/soak.py" "$binary" "$work" >"$work/summary.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "machine    $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "load avg   before $load_before, after $load_after (1/5/15 min)"
echo "binary     $binary"
python3 "$here/report.py" "$work/summary.json"
exit 0
