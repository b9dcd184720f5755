#!/usr/bin/env bash
# The CLI path of a production release against the sandbox: register →
# approve → environment → build → change → approval → canary with two
# promotions → completed → rollback to the previous image.
# Usage: scripts/demo/canary-release.sh (after `make build`).
source "$(dirname "$0")/lib.sh"
start_server
cat >"$DEMO_DIR/prod.json" <<'JSON'
{"release_policy": {"strategy": "canary",
                    "canary": {"steps": [{"pods": 1, "pause": "manual"}, {"percent": 50, "pause": "manual"}],
                               "stability_window_seconds": 2}}}
JSON
echo approver-password | "$SLIPWAY" user create --username lin --role approver --password-stdin >/dev/null
login_as lin approver-password
run app register --name shop --team trade --type self_developed --level core --repo-url https://git.example.com/trade/shop.git
run app approve shop --comment "registration reviewed"
run app complete shop --build-job trade/shop --port http:8080 --health-check http:/healthz:8080 --approver lin
run env create shop --type prod --cluster sandbox --replicas 4 --port http:8080:80 --spec-file "$DEMO_DIR/prod.json"
for version in 1.0.0 2.0.0; do
  build=$([ "$version" = 1.0.0 ] && echo 1 || echo 2)
  run build start shop --branch main --version "$version"
  wait_for 'state: +succeeded' build show "$build"
  run build show "$build"
  run change create shop --env prod --title "ship $version" --build "$build"
  run change submit "$build"
  run_as lin change approve "$build" --comment "diff reviewed"
  if [ "$build" = 1 ]; then
    run release start 1 --strategy one_shot
    wait_for 'state: +completed' release show 1
  fi
done
run release start 2
for _ in 1 2; do
  wait_for 'state: +canary' release show 2
  run env pods shop/prod
  run release promote 2
  wait_for 'state: +(releasing|completed)' release show 2
done
wait_for 'state: +completed' release show 2
run release show 2
run release rollback 2
run release rollback 2 --yes
wait_for 'state: +completed' release show 3
wait_for '1\.0\.0' env pods shop/prod
run env pods shop/prod
run baseline list 1
run baseline diff 1 2 3
