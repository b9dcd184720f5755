# The two set-up commands: `make run` and `make test`. Everything else is a helper.
JOBS ?= $(shell nproc)
# ccache hits across clones of the repository in different folders.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: deps build run test lint asan-test fuzz fuzz-merge package bench-api bench-release bench-lanes bench-soak clean

deps:
	@./scripts/install-deps.sh

build: deps
	@cmake --preset dev >/dev/null
	@cmake --build --preset dev -j $(JOBS)

run: build
	@./build/slipway serve

test: build
	@ctest --preset dev -j $(JOBS)

# Every C++ file formatted as .clang-format says, and clang-tidy's checks on
# the pure layers (scripts/lint.sh). CI fails on either.
lint: build
	@./scripts/lint.sh

# Unit, storage (SQLite) and engine tests under AddressSanitizer + UBSan.
asan-test: deps
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS) --target slipway_unit_tests slipway_store_tests slipway_engine_tests \
	  slipway_fuzz_replays
	@ctest --preset asan -j $(JOBS) -L '^(unit|storage-sqlite|engine|fuzz-replay)$$'

# Every fuzz target (fuzz/README.md) for FUZZ_SECONDS each (default 60), with
# libFuzzer under clang, ASan and UBSan. Not part of `make test`, which
# replays the committed corpora instead.
fuzz: deps
	@./scripts/fuzz.sh run

# Adds the inputs `make fuzz` found that add coverage to fuzz/corpus/.
fuzz-merge: deps
	@./scripts/fuzz.sh merge

# The Debian package of the release build: build-release/package/slipway_<version>_<arch>.deb.
package: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target slipway
	@./scripts/package.sh build-release/slipway build-release/package

bench-api: deps
	@./bench/api/run.sh

# 100 concurrent one-shot and 20 concurrent canary releases (bench/README.md).
bench-release: deps
	@./bench/release/run.sh

# Lanes of 1, 5 and 20 applications created and deleted, +50 ms per external call (bench/README.md).
bench-lanes: deps
	@./bench/lanes/run.sh

# 60 s of wrk at 200 connections, 100 event streams, 20 releases running; start-up and idle RSS (bench/README.md).
bench-soak: deps
	@./bench/soak/run.sh

clean:
	rm -rf build build-asan build-release build-fuzz
