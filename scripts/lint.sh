#!/usr/bin/env bash
# Style checks CI runs (`make lint`): every C++ file formatted as .clang-format
# says (clang-format --dry-run fails on any difference), and clang-tidy's
# checks in .clang-tidy on the pure layers (src/core, src/engine: no findings
# allowed). Needs build/compile_commands.json (`make build` writes it).
set -euo pipefail
cd "$(dirname "$0")/.."

files=$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp' 'fuzz/*.cpp' 'fuzz/*.hpp')
echo "==> clang-format: $(echo "$files" | wc -l) files"
echo "$files" | xargs clang-format --dry-run -Werror

[ -f build/compile_commands.json ] || { echo "lint: run make build first (build/compile_commands.json)" >&2; exit 1; }
sources=$(git ls-files 'src/core/*.cpp' 'src/engine/*.cpp' | grep -v '_test\.cpp$')
echo "==> clang-tidy: $(echo "$sources" | wc -l) files of src/core and src/engine"
# gcc's warning flags in the compile commands are unknown to clang.
echo "$sources" | xargs -P "$(nproc)" -n 4 clang-tidy -p build --quiet --extra-arg=-Wno-unknown-warning-option
echo "==> lint: clean"
