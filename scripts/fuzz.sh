#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`) and runs each for
# FUZZ_SECONDS (default 60), one after the other, on the committed corpus
# fuzz/corpus/<target>/. New inputs go to build-fuzz/corpus/<target>/
# (`make fuzz-merge` adds those that add coverage to the committed corpus),
# crashes to build-fuzz/artifacts/<target>/. FUZZ_TARGETS="a b" runs only
# those. Exits non-zero when a target crashed. See fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
mode="${1:-run}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-$(nproc)}"

targets="${FUZZ_TARGETS:-$(cd fuzz && ls -- *_fuzz.cpp | sed 's/_fuzz\.cpp$//')}"
failed=()
for t in $targets; do
  work="build-fuzz/corpus/$t"
  mkdir -p "$work" "build-fuzz/artifacts/$t"
  if [ "$mode" = merge ]; then
    # Keeps the committed corpus and adds the found inputs that add coverage.
    "build-fuzz/fuzz/${t}_fuzz" -merge=1 "fuzz/corpus/$t" "$work" 2>&1 | tail -n 1
    continue
  fi
  echo "== $t (${seconds}s)"
  log="build-fuzz/artifacts/$t/last-run.log"
  if "build-fuzz/fuzz/${t}_fuzz" "$work" "fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 \
       -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t/" >"$log" 2>&1; then
    # libFuzzer's last status line: executions, coverage (cov) and features (ft).
    grep -E '^#[0-9]+' "$log" | tail -n 1
    grep -E '^stat::number_of_executed_units' "$log" || true
  else
    failed+=("$t")
    grep -E 'ERROR|SUMMARY|property broken|Test unit written' "$log" || tail -n 20 "$log"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "crashed: ${failed[*]} (inputs and logs in build-fuzz/artifacts/)"
  exit 1
fi
