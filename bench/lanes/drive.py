#!/usr/bin/env python3
"""Lane benchmark driver (stdlib only), run by bench/lanes/run.sh.

Usage: drive.py BASE_URL PASSWORD ENDPOINTS_FILE SIZES ROUNDS DELAY_MS OTHER_APPS OUT_DIR

Against one `slipway serve` with the in-process sandbox: sets up max(SIZES)
applications (a port, one business domain, a `test` environment on the
`sandbox` cluster, one config file in Consul) and OTHER_APPS more that no
lane takes (they become the lanes' fallback Services). Then, ROUNDS times,
for each size n in SIZES: with every emulator answering DELAY_MS later
(POST /_sandbox/latency), creates a lane of n applications (POST, then GET
until it is `active`) and deletes it (DELETE ?confirm= until 200), timing
both from the client. For each operation it reads back the workflow tree
(GET /api/v1/workflows/{id}, children included) and the emulators' call logs
(GET /_sandbox/calls: every call names the workflow step that made it in
X-Slipway-Step) and computes the critical-path lower bound (bound.py).
Writes OUT_DIR/results.json, OUT_DIR/raw-<op>-<n>-<round>.json and prints
a table.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "release"))
import bound  # noqa: E402
import client  # noqa: E402

STORY = {"workspace_id": "10158231", "id": "1010158231500000001"}  # the sandbox TAPD story
CONSUL_TOKEN = {"X-Consul-Token": "sandbox-consul-token"}
POLL_S = 0.005  # how often the lane is read while it is being created


def log(msg):
    print(f"==> {msg}", file=sys.stderr, flush=True)


def http_emulators(endpoints):
    """system → Api for every emulator with the /_sandbox admin endpoints over HTTP
    (the DNS responder's are on "dns-admin")."""
    return {name: client.Api(url) for name, url in endpoints.items() if url.startswith("http://")}


def set_latency(emulators, delay_ms):
    """Clears faults and call logs everywhere, then delays every call by delay_ms."""
    for name, api in emulators.items():
        status, doc, _ = api.call("DELETE", "/_sandbox/faults")
        if status != 204:
            raise RuntimeError(f"{name}: DELETE /_sandbox/faults: HTTP {status}: {doc}")
        if delay_ms:
            api.json("POST", "/_sandbox/latency", {"delay_ms": delay_ms})


def read_calls(emulators):
    return {name: api.json("GET", "/_sandbox/calls")["calls"] for name, api in emulators.items()}


def workflow_tree(api, workflow_id):
    """The workflow with its children's trees under "child_trees"."""
    wf = api.json("GET", f"/api/v1/workflows/{workflow_id}")
    wf["child_trees"] = [workflow_tree(api, c["id"]) for c in wf.get("children", [])]
    return wf


def set_up(api, names, others):
    for i, name in enumerate(names + others):
        body = {"name": name, "team": "bench", "type": "self_developed", "level": "non_core",
                "description": f"lane benchmark {name}", "repo_url": f"https://git.example.com/bench/{name}.git"}
        app = api.json("POST", "/api/v1/apps", body, expect=(201,))
        approved = api.json("POST", f"/api/v1/apps/{app['id']}/approve", {"comment": "bench"})
        api.json("PUT", f"/api/v1/apps/{app['id']}/details", {
            "version": approved["version"], "ports": [{"name": "http", "port": 8080}],
            "business_domains": [bound.domain_of(i)]})
        api.json("POST", f"/api/v1/apps/{app['id']}/environments", {"env_type": "test", "cluster": "sandbox"},
                 expect=(201,))


def put_configs(consul, names, others):
    for name in names:
        status, doc, _ = consul.call(
            "PUT", f"/v1/kv/slipway/config/{name}/test/sandbox/app.properties",
            f"site=https://web-qa.sandbox.test/home\nuser.url=http://{others[0] if others else name}.app:8080\n".encode(),
            {"Content-Type": "text/plain", **CONSUL_TOKEN}, raw=True)
        if status != 200:
            raise RuntimeError(f"consul: HTTP {status}: {doc!r}")


def create_lane(api, name, apps):
    t0 = time.time()
    doc = api.json("POST", "/api/v1/lanes", {"name": name, "story": STORY, "apps": [{"app": a} for a in apps]},
                   expect=(202,))
    t_post = time.time()
    lane_id = doc["lane"]["id"]
    while True:
        lane = api.json("GET", f"/api/v1/lanes/{lane_id}")
        if lane["state"] != "creating":
            break
        if time.time() - t0 > 300:
            sys.exit(f"bench-lanes: lane {name} still creating after 300 s")
        time.sleep(POLL_S)
    t1 = time.time()
    if lane["state"] != "active":
        sys.exit(f"bench-lanes: lane {name} ended {lane['state']}: {lane.get('error')}")
    return lane_id, doc["workflow_id"], t0, t1, t_post - t0


def delete_lane(api, lane_id, name):
    t0 = time.time()
    while True:
        status, doc, _ = api.call("DELETE", f"/api/v1/lanes/{lane_id}?confirm={name}")
        if status == 200:
            break
        if status != 202 or time.time() - t0 > 300:
            sys.exit(f"bench-lanes: DELETE lane {name}: HTTP {status}: {doc}")
    return doc["workflow_id"], t0, time.time()


def main():
    base, password, endpoints_file, sizes, rounds, delay_ms, other_apps, out_dir = sys.argv[1:9]
    sizes = [int(s) for s in sizes.split(",")]
    rounds, delay_ms, other_apps = int(rounds), int(delay_ms), int(other_apps)
    with open(endpoints_file) as f:
        endpoints = json.load(f)
    api = client.Api(base, client.login_token(base, "admin", password))
    emulators = http_emulators(endpoints)
    names = [f"lb-app-{i:02d}" for i in range(max(sizes))]
    others = [f"lb-other-{i:02d}" for i in range(other_apps)]
    log(f"setting up {len(names)} applications and {len(others)} others")
    set_up(api, names, others)
    put_configs(client.Api(endpoints["consul"]), names, others)
    domains = {names[i]: bound.domain_of(i) for i in range(len(names))}

    results = []
    # A warm-up lane (first connections, the cluster client, caches) not counted.
    log("warm-up lane of 1 application")
    set_latency(emulators, delay_ms)
    lane_id, _, _, _, _ = create_lane(api, "lb-warm", names[:1])
    delete_lane(api, lane_id, "lb-warm")
    for r in range(1, rounds + 1):
        for n in sizes:
            name = f"lb-r{r}-n{n}"
            log(f"round {r}: lane of {n} applications")
            set_latency(emulators, delay_ms)
            lane_id, wf_id, t0, t1, post_s = create_lane(api, name, names[:n])
            calls = read_calls(emulators)
            tree = workflow_tree(api, wf_id)
            created = bound.analyse("create", tree, calls, domains, delay_ms, t0, t1)
            created.update({"round": r, "apps": n, "post_ms": round(post_s * 1000)})
            with open(os.path.join(out_dir, f"raw-create-{n}-{r}.json"), "w") as f:
                json.dump({"tree": tree, "calls": calls, "t0": t0, "t1": t1, "delay_ms": delay_ms}, f)

            set_latency(emulators, delay_ms)
            wf_id, t0, t1 = delete_lane(api, lane_id, name)
            calls = read_calls(emulators)
            tree = workflow_tree(api, wf_id)
            deleted = bound.analyse("delete", tree, calls, domains, delay_ms, t0, t1)
            deleted.update({"round": r, "apps": n})
            with open(os.path.join(out_dir, f"raw-delete-{n}-{r}.json"), "w") as f:
                json.dump({"tree": tree, "calls": calls, "t0": t0, "t1": t1, "delay_ms": delay_ms}, f)
            results += [created, deleted]
            for x in (created, deleted):
                print(bound.line(x), flush=True)
    set_latency(emulators, 0)
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
