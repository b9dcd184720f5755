# Shared by the demo scripts: a throwaway `slipway serve` with the in-process
# sandbox, logged in as admin, and `run` that prints each command before its
# output — the transcripts in closing notes and docs come from these scripts.
set -euo pipefail
SLIPWAY=${SLIPWAY:-$(cd "$(dirname "$0")/../.." && pwd)/build/slipway}
DEMO_DIR=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export SLIPWAY_CONFIG="$DEMO_DIR/cli.json" HOME="$DEMO_DIR"
SERVER="http://127.0.0.1:$PORT"

start_server() {
  SLIPWAY_ADMIN_PASSWORD=demo-admin-password "$SLIPWAY" serve --listen "127.0.0.1:$PORT" \
    --data-dir "$DEMO_DIR/data" >"$DEMO_DIR/serve.log" 2>&1 &
  SERVE_PID=$!
  trap 'kill $SERVE_PID 2>/dev/null; wait $SERVE_PID 2>/dev/null; rm -rf "$DEMO_DIR"' EXIT
  for _ in $(seq 100); do curl -sf "$SERVER/readyz" >/dev/null && break; sleep 0.1; done
  echo demo-admin-password | "$SLIPWAY" login --server "$SERVER" --username admin --password-stdin >/dev/null
}

run() {
  echo "\$ slipway $*"
  "$SLIPWAY" "$@"
  echo
}

# Repeats `slipway <args>` until its output matches the regex (at most 60 s).
wait_for() {
  local pattern=$1
  shift
  for _ in $(seq 120); do
    "$SLIPWAY" "$@" 2>/dev/null | grep -Eq "$pattern" && return 0
    sleep 0.5
  done
  echo "timed out waiting for /$pattern/ in: slipway $*" >&2
  return 1
}

# Logs `user` in with its own credentials file; `run_as user …` then acts as them.
login_as() {
  echo "$2" | SLIPWAY_CONFIG="$DEMO_DIR/$1.json" "$SLIPWAY" login --server "$SERVER" --username "$1" --password-stdin >/dev/null
}
run_as() {
  local user=$1
  shift
  echo "(as $user) \$ slipway $*"
  SLIPWAY_CONFIG="$DEMO_DIR/$user.json" "$SLIPWAY" "$@"
  echo
}
