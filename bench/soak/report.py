"""Prints the soak's summary (soak.py's JSON) with the goals."""
import json
import sys

r = json.load(open(sys.argv[1]))


def verdict(ok):
    return "PASS" if ok else "MISS"


print(f"start-up   to /readyz 200: {r['startup_ms']} ms (goal ≤ 200: {verdict(max(r['startup_ms']) <= 200)})")
print(f"idle RSS   {r['idle_rss_mib']} MiB (goal ≤ 50: {verdict(max(r['idle_rss_mib']) <= 50)})")
failed = fivexx = 0
for name, x in r["routes"].items():
    errors = sum(x["errors"][k] for k in ("connect", "read", "write", "timeout"))
    failed += errors
    fivexx += x["classes"]["5xx"]
    rate = x["requests"] / r["seconds"]
    print(f"route      {name:6} {x['requests']:7} requests ({rate:6.0f}/s)  p50 {x['p50_ms']:7.2f} ms  "
          f"p99 {x['p99_ms']:7.2f} ms  max {x['max_ms']:8.2f} ms  2xx {x['classes']['2xx']} 4xx {x['classes']['4xx']} "
          f"5xx {x['classes']['5xx']} socket errors {errors}")
s = r["subscribers"]
print(f"streams    {s['environment']} environment streams ({s['environment_ended_early']} ended early), "
      f"{s['release']} release subscribers following {s['release_streams_followed']} release streams, "
      f"{s['refused']} refused, {s['bytes']} bytes read")
print(f"releases   {r['releases']}")
m = r["rss_mib"]
print(f"RSS        start {m['start']} MiB, end {m['end']} MiB, second-half growth {m['second_half_growth_pct']} % "
      f"(goal ≤ 10: {verdict(m['second_half_growth_pct'] is not None and m['second_half_growth_pct'] <= 10)})")
f = r["fds"]
print(f"fds        idle {f['idle']}, peak {f['peak']}, after {f['after']} (back to idle: {verdict(f['after'] <= f['idle'])})")
for kind, change in f.get("left_over", {}).items():
    print(f"             {change:+4}  {kind}")
for name, p in f.get("pools", {}).items():
    print(f"           pool {name}: {p['held']} held after (bound {p['bound']})")
beyond = f.get("beyond_pools", {})
print(f"goal       descriptors back to idle apart from bounded pools: {verdict(not beyond)}"
      + (f" (unexplained: {beyond})" if beyond else ""))
print(f"goal       0 failed requests: {verdict(failed == 0)} ({failed}); 0 5xx: {verdict(fivexx == 0)} ({fivexx}); "
      f"streams held: {verdict(s['environment_ended_early'] == 0 and s['refused'] == 0)}")
