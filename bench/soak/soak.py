"""Soak of one `slipway serve` (SQLite, in-process sandbox): start-up time and
idle memory, then SOAK_SECONDS of wrk over list, detail and write routes with
API tokens and browser sessions, 100 event-stream subscribers and 20 releases
kept running, sampling the server's memory and descriptors every second.
Stdlib only. Usage: soak.py BINARY WORKDIR; prints a report and writes
results.json there."""
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "release"))
from client import Api, push_image  # noqa: E402

import fds as descriptors  # noqa: E402  (bench/soak/fds.py)

SECONDS = int(os.environ.get("SOAK_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "200"))
SUBSCRIBERS = int(os.environ.get("SOAK_SUBSCRIBERS", "100"))
RELEASES = int(os.environ.get("SOAK_RELEASES", "20"))
APPS = int(os.environ.get("SOAK_APPS", "200"))
PASSWORD = f"soak-{random.randrange(1 << 30)}"
HERE = os.path.dirname(os.path.abspath(__file__))


def log(msg):
    print(f"==> {msg}", file=sys.stderr, flush=True)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def status_of(port, path):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            return int(s.recv(64).split(b" ")[1])
    except (OSError, ValueError, IndexError):
        return 0


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def start_server(binary, work, port, extra=""):
    os.makedirs(work, exist_ok=True)
    config = os.path.join(work, "slipway.yaml")
    with open(config, "w") as f:
        f.write("auth: {argon2: {time_cost: 1, memory_kib: 64}}\nlog: {access_log: false}\n" + extra)
    env = dict(os.environ, SLIPWAY_ADMIN_PASSWORD=PASSWORD)
    out = open(os.path.join(work, "slipway.log"), "w")
    t0 = time.monotonic()
    proc = subprocess.Popen([binary, "serve", "--listen", f"127.0.0.1:{port}", "--data-dir",
                             os.path.join(work, "data"), "--config", config], stdout=out, stderr=out, env=env)
    while status_of(port, "/readyz") != 200:
        if proc.poll() is not None:
            sys.exit(f"soak: slipway exited during start-up (see {work}/slipway.log)")
        if time.monotonic() - t0 > 60:
            sys.exit("soak: slipway not ready after 60 s")
        time.sleep(0.002)
    return proc, (time.monotonic() - t0) * 1000


def stop(proc):
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()


def startup_figures(binary, work):
    """Start-up to /readyz 200 and idle RSS on the embedded default, three starts."""
    starts, idle = [], []
    for i in range(3):
        port = free_port()
        proc, ms = start_server(binary, os.path.join(work, f"start-{i}"), port)
        time.sleep(2)  # idle: the sandbox's and engine's threads settled
        starts.append(round(ms, 1))
        idle.append(rss_kib(proc.pid))
        stop(proc)
    return starts, idle


def login_session(base, username, password):
    api = Api(base)
    status, doc, headers = api.call("POST", "/api/v1/auth/login", {"username": username, "password": password})
    if status != 200:
        raise RuntimeError(f"login {username}: HTTP {status}: {doc}")
    cookie = "; ".join(c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or [])
    return cookie, doc["csrf_token"]


def mint_token(base, cookie, csrf):
    status, doc, _ = Api(base).call("POST", "/api/v1/tokens", {"name": "soak"}, {"Cookie": cookie, "X-CSRF-Token": csrf})
    if status != 201:
        raise RuntimeError(f"token: HTTP {status}: {doc}")
    return doc["token"]


def parallel(fn, items, workers=8):
    out = [None] * len(items)
    items = list(items)

    def run(k):
        for i in range(k, len(items), workers):
            out[i] = fn(items[i])
    threads = [threading.Thread(target=run, args=(k,)) for k in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def seed(api, registry_url):
    image = push_image(registry_url, "soak/app", "1.0")
    # Changes need complete details, approvers among them.
    api.json("POST", "/api/v1/users", {"username": "soak-approver", "password": "password-of-soak-approver",
                                       "role": "approver"}, expect=(201,))

    def one(i):
        name = f"soak-{i:03d}"
        # Commercial: its changes name an image of the vendor's (self-developed ones release builds).
        app = api.json("POST", "/api/v1/apps", {"name": name, "team": "soak", "type": "commercial",
                                                "level": "non_core", "description": f"soak {name}"},
                       expect=(201,))
        approved = api.json("POST", f"/api/v1/apps/{app['id']}/approve", {"comment": "soak"})
        api.json("PUT", f"/api/v1/apps/{app['id']}/details", {
            "version": approved["version"], "vendor_image": image.rsplit(":", 1)[0], "approvers": ["soak-approver"],
            "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}],
            "health_check": {"type": "http", "path": "/healthz", "port": 8080}})
        env = api.json("POST", f"/api/v1/apps/{app['id']}/environments",
                       {"env_type": "test", "cluster": "sandbox", "image": image, "replicas": 1,
                        "ports": [{"container_port": 8080}]}, expect=(201,))
        return app["id"], env["id"]
    return image, parallel(one, range(APPS))


class Subscriber(threading.Thread):
    """Reads event streams until stopped, counting bytes. An environment's
    stream must stay open; a release's ends with the release, and the
    subscriber then follows the environment's next release (`path_of`
    answers the stream to open, None while there is none)."""

    def __init__(self, port, path_of, headers, follows_releases):
        super().__init__(daemon=True)
        self.port, self.path_of, self.headers = port, path_of, headers
        self.follows_releases = follows_releases
        self.bytes = 0
        self.streams = 0      # streams answered 200
        self.refused = 0      # streams answered otherwise
        self.ended_early = False
        self.stopping = False
        self.sock = None

    def run(self):
        last = None
        while not self.stopping:
            path = self.path_of()
            if path is None or path == last:
                time.sleep(0.05)
                continue
            last = path
            self.read_one(path)
            if not self.follows_releases:
                self.ended_early = not self.stopping
                return

    def read_one(self, path):
        try:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=120)
            head = "".join(f"{k}: {v}\r\n" for k, v in self.headers.items())
            self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: soak\r\n{head}\r\n".encode())
            first = self.sock.recv(4096)
            if not first or int(first.split(b" ")[1]) != 200:
                self.refused += 1
                return
            self.streams += 1
            self.bytes += len(first)
            while not self.stopping:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return
                self.bytes += len(chunk)
        except (OSError, ValueError, IndexError):
            if not self.stopping:
                self.refused += 1
        finally:
            if self.sock:
                self.sock.close()

    def close(self):
        self.stopping = True
        if self.sock:
            try:
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def keep_releases_running(api, envs, stop_at, counts, running):
    """Keeps one release running on each of `envs` until stop_at: a scale
    between 1 and 2 pods as soon as the last one ended."""
    replicas = {env: 2 for env in envs}  # after the warm-up
    while time.time() < stop_at:
        for env in envs:
            rid = running.get(env)
            if rid is not None:
                state = api.json("GET", f"/api/v1/releases/{rid}")["state"]
                if state in ("pending", "releasing", "canary"):
                    continue
                counts[state] = counts.get(state, 0) + 1
            replicas[env] = 3 - replicas[env]
            status, doc, _ = api.call("POST", f"/api/v1/environments/{env}/scale", {"replicas": replicas[env]})
            if status == 202:
                running[env] = doc["release_id"]
                counts["started"] = counts.get("started", 0) + 1
            else:
                counts[f"refused {status}"] = counts.get(f"refused {status}", 0) + 1
                running.pop(env, None)
        time.sleep(0.2)


def write_requests(path, lines):
    with open(path, "w") as f:
        for line in lines:
            f.write("\t".join(line) + "\n")


def run_wrk(name, port, requests_file, headers, connections, seconds, out):
    env = dict(os.environ, SOAK_REQUESTS=requests_file, SOAK_HEADERS="|".join(f"{k}: {v}" for k, v in headers.items()))
    threads = max(1, min(4, connections // 25))
    return subprocess.Popen(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                             "-s", os.path.join(HERE, "route.lua"), f"http://127.0.0.1:{port}"],
                            stdout=open(out, "w"), stderr=subprocess.STDOUT, env=env)


def main():
    binary, work = sys.argv[1], sys.argv[2]
    starts, idle = startup_figures(binary, work)
    log(f"start-up to /readyz: {starts} ms; idle RSS {[round(k / 1024, 1) for k in idle]} MiB")

    port = free_port()
    proc, _ = start_server(binary, os.path.join(work, "soak"), port,
                           "sandbox: {enabled: true, pod_ready_delay_ms: 1500}\n"
                           "server: {max_streams_per_user: 200, max_streams: 400}\n")
    base = f"http://127.0.0.1:{port}"
    endpoints = json.load(open(os.path.join(work, "soak", "data", "sandbox-endpoints.json")))
    cookie, csrf = login_session(base, "admin", PASSWORD)
    token = mint_token(base, cookie, csrf)
    api = Api(base, token)
    log(f"seeding {APPS} applications with a test environment each")
    image, targets = seed(api, endpoints["registry"])
    time.sleep(5)

    # Route groups: a list (token), details (session), writes (session + CSRF).
    files = os.path.join(work, "requests")
    os.makedirs(files, exist_ok=True)
    write_requests(f"{files}/list", [("GET", "/api/v1/apps?limit=50"), ("GET", "/api/v1/releases?limit=50"),
                                     ("GET", "/api/v1/apps?limit=50&q=soak-1")])
    write_requests(f"{files}/detail", [x for app, env in targets
                                       for x in (("GET", f"/api/v1/apps/{app}"), ("GET", f"/api/v1/environments/{env}"))])
    write_requests(f"{files}/write", [("POST", f"/api/v1/apps/{app}/changes",
                                       json.dumps({"env_id": env, "title": "soak change", "image": image}))
                                      for app, env in targets])
    groups = [("list", {"Authorization": f"Bearer {token}"}, CONNECTIONS * 2 // 5),
              ("detail", {"Cookie": cookie}, CONNECTIONS * 2 // 5),
              ("write", {"Cookie": cookie, "X-CSRF-Token": csrf}, CONNECTIONS // 5)]

    release_envs = [env for _, env in targets[:RELEASES]]
    # Warm-up: one release on each of them, so that the connection pools the
    # releases use are open when the idle descriptors are counted.
    warm = [api.json("POST", f"/api/v1/environments/{env}/scale", {"replicas": 2}, expect=(202,))["release_id"]
            for env in release_envs]
    while any(api.json("GET", f"/api/v1/releases/{r}")["state"] in ("pending", "releasing", "canary") for r in warm):
        time.sleep(0.5)
    time.sleep(2)
    names = {port: "slipway API"}
    names.update(descriptors.ports_of(endpoints))
    idle_fds, idle_kinds = fds(proc.pid), descriptors.kinds(proc.pid, names)
    stop_at = time.time() + SECONDS + 5
    release_counts, running = {}, {}
    keeper = threading.Thread(target=keep_releases_running, args=(Api(base, token), release_envs, stop_at,
                                                                   release_counts, running), daemon=True)
    keeper.start()
    subscribers = []
    for i in range(SUBSCRIBERS):
        if i % 2 == 0:
            path = f"/api/v1/environments/{targets[i % len(targets)][1]}/events"
            s = Subscriber(port, lambda path=path: path, {"Authorization": f"Bearer {token}"}, False)
        else:
            env = release_envs[(i // 2) % len(release_envs)]
            s = Subscriber(port, lambda env=env: f"/api/v1/releases/{running[env]}/events" if env in running else None,
                           {"Authorization": f"Bearer {token}"}, True)
        s.start()
        subscribers.append(s)
    log(f"{SECONDS} s of wrk at {CONNECTIONS} connections, {SUBSCRIBERS} subscribers, {RELEASES} releases running")
    wrks = [(name, run_wrk(name, port, f"{files}/{name}", headers, conns, SECONDS, f"{work}/wrk-{name}.txt"))
            for name, headers, conns in groups]
    samples = []
    t0 = time.time()
    while any(w.poll() is None for _, w in wrks):
        samples.append({"t": round(time.time() - t0, 1), "rss_kib": rss_kib(proc.pid), "fds": fds(proc.pid)})
        time.sleep(1)
    routes = {}
    for name, w in wrks:
        text = open(f"{work}/wrk-{name}.txt").read()
        routes[name] = json.loads(text.strip().splitlines()[-1])
    for s in subscribers:
        s.close()
    keeper.join()
    env_streams = [s for s in subscribers if not s.follows_releases]
    release_streams = [s for s in subscribers if s.follows_releases]
    api_end = Api(base, token)
    deadline = time.time() + 60
    while time.time() < deadline and any(
            api_end.json("GET", f"/api/v1/releases?limit=1&state={s}")["items"] for s in ("pending", "releasing", "canary")):
        time.sleep(0.5)
    settled_fds = fds(proc.pid)
    deadline = time.time() + 30
    while time.time() < deadline and settled_fds > idle_fds:
        time.sleep(1)
        settled_fds = fds(proc.pid)
    after_kinds = descriptors.kinds(proc.pid, names)
    left_over = descriptors.difference(idle_kinds, after_kinds)
    # serve's default database.pool_size 8: SQLite gets half (app/server_resources.cpp).
    unexplained, pools = descriptors.beyond_pools(after_kinds, left_over, sqlite_connections=4)

    half = [x["rss_kib"] for x in samples[len(samples) // 2:]]
    result = {
        "startup_ms": starts, "idle_rss_mib": [round(k / 1024, 1) for k in idle],
        "seconds": SECONDS, "connections": CONNECTIONS, "routes": routes,
        "subscribers": {"environment": len(env_streams), "environment_ended_early": sum(s.ended_early for s in env_streams),
                        "release": len(release_streams), "release_streams_followed": sum(s.streams for s in release_streams),
                        "refused": sum(s.refused for s in subscribers), "bytes": sum(s.bytes for s in subscribers)},
        "releases": release_counts,
        "rss_mib": {"start": round(samples[0]["rss_kib"] / 1024, 1), "end": round(samples[-1]["rss_kib"] / 1024, 1),
                    "second_half_growth_pct": round((half[-1] - half[0]) * 100 / half[0], 1) if half else None},
        "fds": {"idle": idle_fds, "peak": max(x["fds"] for x in samples), "after": settled_fds,
                "idle_kinds": idle_kinds, "left_over": left_over, "beyond_pools": unexplained,
                "pools": {name: {"held": n, "bound": bound} for name, (n, bound) in pools.items()}},
        "samples": samples,
    }
    stop(proc)
    json.dump(result, open(os.path.join(work, "results.json"), "w"), indent=1)
    print(json.dumps({k: v for k, v in result.items() if k != "samples"}, indent=1))


if __name__ == "__main__":
    main()
