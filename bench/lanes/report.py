#!/usr/bin/env python3
"""Prints the lane benchmark's table and goals from results.json (stdlib only)."""
import json
import statistics
import sys

GOALS = {"create": 2000, "delete": 1000}  # ms, for 20 applications
RATIO_GOAL = 1.3


def main():
    results = json.load(open(sys.argv[1]))
    print()
    print(f"{'op':6} {'apps':>4} {'runs':>4}  {'wall ms (each run)':22} {'bound ms':>8} {'seq/total calls':>15} "
          f"{'wall/bound':>10} {'hand-offs ms':>12} {'ns wait ms':>10}")
    by = {}
    for r in results:
        by.setdefault((r["op"], r["apps"]), []).append(r)
    verdicts = []
    for (op, n), rs in sorted(by.items(), key=lambda k: (k[0][0] != "create", k[0][1])):
        walls = [r["wall_ms"] for r in rs]
        bound = rs[0]["bound_ms"]
        ratio = statistics.median(r["ratio"] for r in rs)
        calls = f"{rs[0]['sequential_calls']}/{rs[0]['total_calls']}"
        overhead = statistics.median(r["wall_ms"] - r["bound_ms"] for r in rs)
        ns_wait = statistics.median(r.get("namespace_wait_ms", 0) for r in rs)
        print(f"{op:6} {n:4} {len(rs):4}  {', '.join(map(str, walls)):22} {bound:8} {calls:>15} {ratio:10.2f} "
              f"{overhead:12} {ns_wait:10.0f}")
        if n == 20:
            med = statistics.median(walls)
            verdicts.append(f"goal       {op} of 20 applications: median wall {med:.0f} ms ≤ {GOALS[op]} ms: "
                            f"{'PASS' if med <= GOALS[op] else 'MISS'}; wall/bound {ratio:.2f} ≤ {RATIO_GOAL}: "
                            f"{'PASS' if ratio <= RATIO_GOAL else 'MISS'}" +
                            (f" ({statistics.median(r['ratio_without_namespace_wait'] for r in rs):.2f} without the "
                             f"namespace wait)" if op == "delete" else ""))
    print("(hand-offs = wall − bound: time not spent waiting for the emulators on the critical path;\n"
          " ns wait = the delete's namespace step beyond its own calls: the cluster finishing the namespace)")
    for v in verdicts:
        print(v)


if __name__ == "__main__":
    main()
