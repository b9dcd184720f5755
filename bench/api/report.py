#!/usr/bin/env python3
"""Bench helper: parse two `wrk --latency` outputs and print the comparison table.

Usage: report.py SLIPWAY_WRK NGINX_WRK SLIPWAY_BYTES NGINX_BYTES SLIPWAY_CPU NGINX_CPU
(BYTES = status line + headers + body of one response, as measured with curl;
CPU = user+system seconds the server process(es) used during the wrk run.)

Always exits 0 unless an output cannot be parsed: a benchmark is not a test.
"""
import re
import sys

RATIO_GOAL = 0.5   # slipway req/s must be at least half of nginx's
P99_GOAL_MS = 10.0  # slipway p99 latency
SIZE_TOLERANCE = 0.05

TIME_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
SIZE_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}


def parse(path):
    text = open(path).read()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    total = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)([KMGT]?B) read", text)
    if not (rps and p99 and total):
        sys.exit(f"cannot parse wrk output {path}:\n{text}")
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    requests = int(total.group(1))
    return {
        "rps": float(rps.group(1)),
        "p99_ms": float(p99.group(1)) * TIME_UNITS[p99.group(2)],
        "requests": requests,
        "bytes_per_req": float(total.group(2)) * SIZE_UNITS[total.group(3)] / max(requests, 1),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(x) for x in sock.groups()) if sock else 0,
    }


def check(name, r, expected_bytes):
    problems = []
    if r["non2xx"]:
        problems.append(f"{name}: {r['non2xx']} of {r['requests']} responses were not 2xx")
    if r["socket_errors"]:
        problems.append(f"{name}: {r['socket_errors']} socket errors")
    # wrk rounds its byte total (e.g. "1.23GB"), so compare within a tolerance.
    if abs(r["bytes_per_req"] - expected_bytes) > SIZE_TOLERANCE * expected_bytes:
        problems.append(f"{name}: {r['bytes_per_req']:.0f} bytes/response read, "
                        f"expected ~{expected_bytes}")
    return problems


def main():
    s, n = parse(sys.argv[1]), parse(sys.argv[2])
    s_bytes, n_bytes = int(sys.argv[3]), int(sys.argv[4])
    s["cpu_us"] = float(sys.argv[5]) * 1e6 / max(s["requests"], 1)
    n["cpu_us"] = float(sys.argv[6]) * 1e6 / max(n["requests"], 1)
    ratio = s["rps"] / n["rps"] if n["rps"] else 0.0

    def verdict(ok):
        return "PASS" if ok else "MISS"

    print()
    print(f"{'server':<10} {'req/s':>10} {'p99 ms':>8} {'requests':>10} {'bytes/resp':>11} "
          f"{'server CPU us/req':>18}")
    for name, r in (("slipway", s), ("nginx", n)):
        print(f"{name:<10} {r['rps']:>10.0f} {r['p99_ms']:>8.2f} {r['requests']:>10} "
              f"{r['bytes_per_req']:>11.0f} {r['cpu_us']:>18.0f}")
    print()
    print(f"ratio slipway/nginx   {ratio:.2f}   goal >= {RATIO_GOAL}   {verdict(ratio >= RATIO_GOAL)}")
    print(f"slipway p99           {s['p99_ms']:.2f} ms   goal <= {P99_GOAL_MS:g} ms   "
          f"{verdict(s['p99_ms'] <= P99_GOAL_MS)}")
    if s["cpu_us"] and n["cpu_us"]:
        print(f"server CPU per request slipway/nginx   {s['cpu_us'] / n['cpu_us']:.1f}x   "
              "(less sensitive than req/s to other load on the machine)")
    problems = check("slipway", s, s_bytes) + check("nginx", n, n_bytes)
    for p in problems:
        print(f"WARNING {p}")
    if not problems:
        print("every response was 2xx, no socket errors, response sizes as expected")


if __name__ == "__main__":
    main()
