#!/usr/bin/env python3
"""Bench helper (stdlib only): log in, create an API token, seed N applications.

Usage: seed.py HOST PORT USERNAME PASSWORD COUNT THREADS TOKEN_FILE

Writes the bearer token to TOKEN_FILE and prints one line to stdout:
    seeded=COUNT seconds=S rate=R
Exits non-zero on any unexpected status.
"""
import http.client
import json
import sys
import threading
import time

TEAMS = 10  # apps are spread over team-0 .. team-9


def request(conn, method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    h = {"Content-Type": "application/json"} if data is not None else {}
    h.update(headers or {})
    conn.request(method, path, body=data, headers=h)
    resp = conn.getresponse()
    return resp, resp.read()


def login_and_token(host, port, username, password):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    resp, body = request(conn, "POST", "/api/v1/auth/login",
                         {"username": username, "password": password})
    if resp.status != 200:
        sys.exit(f"login: HTTP {resp.status}: {body[:300]!r}")
    csrf = json.loads(body)["csrf_token"]
    cookie = "; ".join(c.split(";", 1)[0] for c in resp.headers.get_all("Set-Cookie") or [])
    resp, body = request(conn, "POST", "/api/v1/tokens", {"name": "bench-api"},
                         {"Cookie": cookie, "X-CSRF-Token": csrf})
    if resp.status != 201:
        sys.exit(f"create token: HTTP {resp.status}: {body[:300]!r}")
    conn.close()
    return json.loads(body)["token"]


def seed_range(host, port, token, indices, errors):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    auth = {"Authorization": f"Bearer {token}"}
    for i in indices:
        app = {
            "name": f"bench-{i:05d}",
            "team": f"team-{i % TEAMS}",
            "type": "empty",
            "level": "edge",
            "description": f"Benchmark application number {i}, created by bench/api/seed.py.",
        }
        try:
            resp, body = request(conn, "POST", "/api/v1/apps", app, auth)
        except (http.client.HTTPException, OSError):
            conn.close()  # server closed the keep-alive connection: reconnect once
            conn = http.client.HTTPConnection(host, port, timeout=60)
            resp, body = request(conn, "POST", "/api/v1/apps", app, auth)
        if resp.status != 201:
            errors.append(f"{app['name']}: HTTP {resp.status}: {body[:200]!r}")
            return
    conn.close()


def main():
    host, port, user, password, count, threads, token_file = sys.argv[1:8]
    port, count, threads = int(port), int(count), int(threads)
    token = login_and_token(host, port, user, password)
    with open(token_file, "w") as f:
        f.write(token)

    errors = []
    workers = [threading.Thread(target=seed_range,
                                args=(host, port, token, range(1 + t, count + 1, threads), errors))
               for t in range(threads)]
    start = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seconds = time.monotonic() - start
    if errors:
        sys.exit("seeding failed: " + "; ".join(errors[:3]))
    print(f"seeded={count} seconds={seconds:.2f} rate={count / seconds:.0f}")


if __name__ == "__main__":
    main()
