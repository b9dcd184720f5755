#!/usr/bin/env python3
"""Release benchmark driver (stdlib only), run by bench/release/run.sh.

Usage: drive.py BASE_URL PASSWORD SERVE_PID ENDPOINTS_FILE ONE_SHOTS CANARIES OUT_DIR

Against one `slipway serve` with the in-process sandbox: sets up ONE_SHOTS
environments of 1 pod and CANARIES environments of 4 pods (canary plan: 1 pod,
then 50 %, no pauses, no stability window), then
  1. scales every one-shot environment to 2 pods at once (100 concurrent
     one-shot releases) and waits for all of them;
  2. releases a new image to every canary environment at once.
For each phase: releases per minute, CPU seconds of the serve process per
release, and the step reaction latency p50/p90/p99 (reactions.py), split
into the cluster's share and Slipway's (split.py: the serve log of
OUT_DIR/slipway.log at debug level and the emulator's call log). Writes the
figures to OUT_DIR/results.json, what they come from (releases, workflows,
the emulator's ready and call logs, every reaction) to
OUT_DIR/raw-<phase>.json, and prints a summary.
"""
import concurrent.futures
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import client  # noqa: E402
import reactions  # noqa: E402
import split  # noqa: E402

THREADS = 25  # client threads starting releases and setting up
CANARY_POLICY = {"strategy": "canary",
                 "canary": {"steps": [{"pods": 1, "pause": "none"}, {"percent": 50, "pause": "none"}],
                            "stability_window_seconds": 0}}


def log(msg):
    print(f"==> {msg}", file=sys.stderr, flush=True)


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def parallel(fn, items):
    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(fn, items))


def set_up(api, image, count, prefix, replicas, policy=None, vendor_image=None):
    """Registers, approves and gives an environment to `count` applications; [(app_id, name, env_id)].
    With `vendor_image` they are commercial applications with complete details,
    so that code changes may name any image."""
    approver = None
    if vendor_image:
        approver = f"{prefix}-approver"
        api.json("POST", "/api/v1/users", {"username": approver, "password": f"password-of-{approver}",
                                           "role": "approver"}, expect=(201,))

    def one(i):
        name = f"{prefix}-{i:03d}"
        body = {"name": name, "team": "bench", "type": "commercial" if vendor_image else "self_developed",
                "level": "non_core", "description": f"release benchmark {name}"}
        if not vendor_image:
            body["repo_url"] = f"https://git.example.com/bench/{name}.git"
        app = api.json("POST", "/api/v1/apps", body, expect=(201,))
        approved = api.json("POST", f"/api/v1/apps/{app['id']}/approve", {"comment": "bench"})
        if vendor_image:
            api.json("PUT", f"/api/v1/apps/{app['id']}/details", {
                "version": approved["version"], "vendor_image": vendor_image, "approvers": [approver],
                "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}],
                "health_check": {"type": "http", "path": "/healthz", "port": 8080}})
        env_body = {"env_type": "test", "cluster": "sandbox", "image": image, "replicas": replicas,
                    "ports": [{"container_port": 8080}]}
        if policy:
            env_body["release_policy"] = policy
        env = api.json("POST", f"/api/v1/apps/{app['id']}/environments", env_body, expect=(201,))
        return app["id"], name, env["id"]
    return parallel(one, range(count))


def ready_pods(kube):
    state = kube.json("GET", "/_sandbox/state")
    n = 0
    for pod in state["state"]["objects"]["pods"]:
        conds = pod.get("status", {}).get("conditions", [])
        n += any(c["type"] == "Ready" and c["status"] == "True" for c in conds) and \
            "deletionTimestamp" not in pod["metadata"]
    return n


def wait_for(what, done, timeout=600, every=0.5):
    deadline = time.time() + timeout
    while not done():
        if time.time() > deadline:
            sys.exit(f"bench-release: timed out waiting for {what}")
        time.sleep(every)


def active_releases(api):
    return sum(len(api.json("GET", f"/api/v1/releases?limit=1&state={s}")["items"])
               for s in ("pending", "releasing", "canary"))


def summarize(values):
    if not values:
        return None
    return {"p50": reactions.percentile(values, 50), "p90": reactions.percentile(values, 90),
            "p99": reactions.percentile(values, 99), "max": max(values), "n": len(values)}


def run_phase(name, api, kube, pid, start_one, targets, reaction_of, out_dir):
    """Starts one release per target at once, waits for all, measures."""
    log(f"{name}: starting {len(targets)} releases at once")
    if active_releases(api):
        sys.exit("bench-release: releases are still running before the phase")
    status, _, _ = kube.call("DELETE", "/_sandbox/faults")  # empties the emulator's call log
    if status != 204:
        sys.exit(f"bench-release: clearing the emulator's call log: HTTP {status}")
    cpu0, t0 = cpu_seconds(pid), time.time()
    ids = parallel(start_one, targets)
    wait_for(f"{name} releases", lambda: active_releases(api) == 0)
    cpu1 = cpu_seconds(pid)
    releases = parallel(lambda i: api.json("GET", f"/api/v1/releases/{i}"), ids)
    workflows = parallel(lambda r: api.json("GET", f"/api/v1/workflows/{r['workflow_id']}"), releases)
    pods_ready = kube.json("GET", "/_sandbox/state")["state"]["pods_ready"]
    calls = kube.json("GET", "/_sandbox/calls")["calls"]
    states = {}
    for r in releases:
        states[r["state"]] = states.get(r["state"], 0) + 1
    completed = [(r, w) for r, w in zip(releases, workflows) if r["state"] == "completed"]
    first = min(reactions.ms(r["created_at"]) for r in releases)
    last = max(reactions.ms(r["finished_at"]) for r, _ in completed) if completed else first
    raw_path = os.path.join(out_dir, f"raw-{name}.json")  # for a closer look
    with open(raw_path, "w") as f:  # written first: kept when a reaction cannot be read
        json.dump({"releases": releases, "workflows": workflows, "pods_ready": pods_ready, "calls": calls}, f)
    reacts = []
    for r, w in completed:
        reacts.extend(reaction_of(r, w, pods_ready))
    trace = split.parse_log(os.path.join(out_dir, "slipway.log"))
    by_step = split.calls_by_step(calls)
    splits = [s for s in (split.split(r, trace, by_step) for r in reacts) if s]
    with open(raw_path, "w") as f:
        json.dump({"releases": releases, "workflows": workflows, "pods_ready": pods_ready, "calls": calls,
                   "reactions": reacts, "splits": splits}, f)
    out = {"phase": name, "releases": len(ids), "states": states, "wall_seconds": round(time.time() - t0, 2),
           "span_seconds": (last - first) / 1000, "cpu_seconds": round(cpu1 - cpu0, 2),
           "reactions_ms": [r["total"] for r in reacts], "reactions_split": len(splits),
           "step_already_running": sum(1 for s in splits if s.get("was_running"))}
    out["releases_per_minute"] = round(len(completed) / out["span_seconds"] * 60, 1) if completed else 0
    out["cpu_seconds_per_release"] = round(out["cpu_seconds"] / max(1, len(completed)), 3)
    out["shares"] = {key: summarize([s[key] for s in (splits if key != "total" else reacts) if key in s])
                     for key, _ in split.SHARES}
    if reacts:
        out["reaction_p50_ms"] = out["shares"]["total"]["p50"]
        out["reaction_p99_ms"] = out["shares"]["total"]["p99"]
        out["reaction_max_ms"] = out["shares"]["total"]["max"]
    return out


def print_phase(r):
    print(f"{r['phase']:9} {r['releases']:4} releases {r['states']}  "
          f"{r['releases_per_minute']:7.1f} releases/min  {r['cpu_seconds_per_release']:.3f} CPU s/release  "
          f"{len(r['reactions_ms'])} reactions, {r['reactions_split']} split "
          f"({r['step_already_running']} with the step running at the event)")
    for key, label in split.SHARES:
        s = r["shares"].get(key)
        if s:
            print(f"  {label:32} p50 {s['p50']:5} ms  p90 {s['p90']:5} ms  p99 {s['p99']:5} ms  "
                  f"max {s['max']:5} ms  (n={s['n']})")


def main():
    base, password, pid, endpoints_file, one_shots, canaries, out_dir = sys.argv[1:8]
    pid, one_shots, canaries = int(pid), int(one_shots), int(canaries)
    with open(endpoints_file) as f:
        endpoints = json.load(f)
    api = client.Api(base, client.login_token(base, "admin", password))
    kube = client.Api(endpoints["kubernetes"])
    v1 = client.push_image(endpoints["registry"], "bench/service", "1.0.0")
    v2 = client.push_image(endpoints["registry"], "bench/service", "2.0.0")

    log(f"setting up {one_shots} one-shot and {canaries} canary environments")
    shots = set_up(api, v1, one_shots, "shot", 1)
    cans = set_up(api, v1, canaries, "can", 4, CANARY_POLICY, v1.rsplit(":", 1)[0]) if canaries else []
    wait_for("every pod ready", lambda: ready_pods(kube) >= one_shots + 4 * canaries, every=1)

    results = []
    if shots:
        def scale(target):
            return api.json("POST", f"/api/v1/environments/{target[2]}/scale", {"replicas": 2},
                            expect=(202,))["release_id"]
        results.append(run_phase("one-shot", api, kube, pid, scale, shots, reactions.one_shot, out_dir))
    if cans:
        def change_for(target):  # made and submitted before the clock starts
            app_id, name, env_id = target
            change = api.json("POST", f"/api/v1/apps/{app_id}/changes",
                              {"env_id": env_id, "title": f"{name} to 2.0.0", "image": v2}, expect=(201,))
            api.json("POST", f"/api/v1/changes/{change['id']}/submit", {})
            return change["id"]

        def release(change_id):
            return api.json("POST", f"/api/v1/changes/{change_id}/release", {"strategy": "canary"},
                            expect=(202,))["id"]
        changes = parallel(change_for, cans)
        results.append(run_phase("canary", api, kube, pid, release, changes, reactions.canary, out_dir))

    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    for r in results:
        print_phase(r)


if __name__ == "__main__":
    main()
