#!/usr/bin/env bash
# The CLI path app → environment → build (with its digest) → pods, against
# the sandbox. Usage: scripts/demo/app-env-build.sh (after `make build`).
source "$(dirname "$0")/lib.sh"
start_server
run app register --name shop --team trade --type self_developed --level core --repo-url https://git.example.com/trade/shop.git
run app approve shop --comment "looks fine"
run cluster list
run env create shop --type test --cluster sandbox --replicas 2 --port http:8080:80
wait_for ImagePullBackOff env pods shop/test
run env pods shop/test
run build start shop --branch main --version 1.0.0 --note "first build"
wait_for 'state: +succeeded' build show 1
run build show 1
run env show shop/test
