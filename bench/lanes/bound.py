"""The critical-path lower bound of a lane operation (stdlib only).

Inputs: the operation's workflow tree (GET /api/v1/workflows/{id}, each
child's own tree under "child_trees") and the emulators' call logs
(GET /_sandbox/calls per system), taken right after the operation with the
logs cleared right before it.

Every HTTP call a workflow step makes carries `X-Slipway-Step:
<workflow id>/<step>` (the engine sets it around the step's handler), so the
logs say how many external calls each step made, over all its runs. DNS
messages carry no header: an UPDATE names the records it changes, and each
application's records are `<its business domain>-<lane>.<zone>`, which the
`domains` step of that application's child workflow changes. HTTP calls
without a step header while the operation ran are the API request's own
(the TAPD story lookup of POST /lanes).

Within a workflow steps run one after another; the children a step starts
run side by side and the step goes on when the last one ended. A step's own
calls are mostly one after another, but some steps make independent calls
side by side (lane_parallel.hpp); every call takes at least D (the injected
delay), so two calls of which one waited for the other arrived at least D
apart. A step's sequential calls, seq(s), are therefore the longest chain
of its calls (over all its runs) in which each arrived at least D after the
previous one: for a step that makes its calls one by one that is all of
them. The fewest sequential calls any run of the operation needs is

    path(w) = sum over the steps s of w:  seq(s) + max over the children c started by s: path(c)

plus the request's own calls, and with every call delayed by D ms the
operation cannot take less than (that count) × D. Everything above it is
Slipway's own time: engine hand-offs between steps, a parent waking after its
last child, polling, database writes, queueing for workers, CPU.
"""
import collections


def domain_of(i):
    """The business domain of the i-th benchmark application (distinct per app)."""
    return f"bd{i:02d}"


def chain(arrivals, delay_ms):
    """The longest chain of calls each arriving at least delay_ms after the previous one."""
    best = []
    for t in sorted(arrivals):
        best.append(1 + max((b for u, b in zip(sorted(arrivals), best) if u + delay_ms <= t), default=0))
    return max(best, default=0)


def _step_calls(calls):
    """{(workflow id, step name): [arrival ms]} from the HTTP logs; [(system, call)] untagged."""
    arrivals = collections.defaultdict(list)
    untagged = []
    for system, log in calls.items():
        if system == "dns-admin":
            continue
        for c in log:
            tag = c.get("step") or ""
            if tag:
                wf, _, step = tag.partition("/")
                arrivals[(wf, step)].append(c["at_ms"])
            else:
                untagged.append((system, c))
    return arrivals, untagged


def _dns_calls(calls, tree, domains):
    """DNS UPDATEs attributed to the `domains` step of the child of their application
    (one per domain, made one after another)."""
    counts = collections.Counter()
    unmatched = 0
    by_app = {}

    def walk(w):
        if w["kind"] in ("lane.app.create", "lane.app.delete"):
            by_app[w["subject"]] = w["id"]
        for c in w.get("child_trees", []):
            walk(c)
    walk(tree)
    for c in calls.get("dns-admin", []):
        if c.get("opcode") != "UPDATE":
            continue
        names = c.get("updated", [])
        owner = None
        for app, wf in by_app.items():
            d = domains.get(app)
            if d and any(n.startswith(d + "-") for n in names):
                owner = wf
        if owner:
            counts[(owner, "domains")] += 1
        else:
            unmatched += 1
    return counts, unmatched


def _path(w, counts, steps_out):
    """Sequential calls on the longest path through workflow w; fills steps_out with
    (workflow kind, subject, step, calls) along the path."""
    total = 0
    for step in w["steps"]:
        own = counts.get((w["id"], step["name"]), 0)
        kids = [c for c in w.get("child_trees", [])
                if any(ch["id"] == c["id"] and ch["step"] == step["index"] for ch in w.get("children", []))]
        best, best_steps = 0, []
        for c in kids:
            sub = []
            n = _path(c, counts, sub)
            if n > best or not best_steps:
                best, best_steps = n, sub
        steps_out.append((w["kind"], w["subject"], step["name"], own))
        steps_out.extend(best_steps)
        total += own + best
    return total


def _timeline(w, t0_ms, t1_ms):
    """Where the wall time went on the path of the slowest child at each fan-out:
    ms in steps, ms between steps (hand-offs), before the first step and after the last."""
    spans = []

    def walk(wf):
        kids_by_step = collections.defaultdict(list)
        for ch, tr in zip(wf.get("children", []), wf.get("child_trees", [])):
            kids_by_step[ch["step"]].append(tr)
        for step in wf["steps"]:
            spans.append((step["started_at"], step["finished_at"], f"{wf['kind']}.{step['name']}"))
            kids = kids_by_step.get(step["index"], [])
            if kids:
                last = max(kids, key=lambda k: max(s["finished_at"] or 0 for s in k["steps"]))
                walk(last)
    walk(w)
    return spans


def analyse(op, tree, calls, domains, delay_ms, t0, t1):
    arrivals, untagged = _step_calls(calls)
    dns, dns_unmatched = _dns_calls(calls, tree, domains)
    counts = collections.Counter({k: chain(v, delay_ms) for k, v in arrivals.items()})
    counts.update(dns)
    path_steps = []
    path = _path(tree, counts, path_steps)
    t0_ms, t1_ms = t0 * 1000, t1 * 1000
    # Untagged calls that arrived while the operation ran: the request's own.
    own = [c["at_ms"] for _, c in untagged if t0_ms - 5 <= c.get("at_ms", 0) <= t1_ms + 5]
    request_calls = chain(own, delay_ms)
    sequential = path + request_calls
    wall_ms = round((t1 - t0) * 1000)
    bound_ms = sequential * delay_ms
    ids = {w["id"] for w in _all_workflows(tree)}
    total_calls = sum(len(v) for k, v in arrivals.items() if k[0] in ids) + sum(dns.values()) + len(own)
    # How long the workflow's steps ran vs. the gaps between them, on the slowest path.
    spans = sorted(s for s in _timeline(tree, t0_ms, t1_ms) if s[0] and s[1])
    workflow_start = tree["created_at"]
    workflow_end = max(s[1] for s in spans) if spans else workflow_start
    # The namespace step of a delete also waits for the cluster to finish the
    # namespace (the emulator keeps it Terminating for namespace_delete_delay,
    # 500 ms, after emptying it): time that is no call's.
    ns_wait = 0
    for a, b, name in spans:
        if name == "lane.delete.namespace":
            ns_calls = counts.get((tree["id"], "namespace"), 0)
            ns_wait = max(0, (b - a) - ns_calls * delay_ms)
    return {
        "op": op,
        "namespace_wait_ms": ns_wait,
        "ratio_without_namespace_wait": round((wall_ms - ns_wait) / bound_ms, 2) if bound_ms else None,
        "wall_ms": wall_ms,
        "bound_ms": bound_ms,
        "ratio": round(wall_ms / bound_ms, 2) if bound_ms else None,
        "sequential_calls": sequential,
        "request_calls": request_calls,
        "total_calls": total_calls,
        "dns_unmatched": dns_unmatched,
        "workflow_ms": workflow_end - workflow_start,
        "before_workflow_ms": round(workflow_start - t0_ms),
        "after_workflow_ms": round(t1_ms - workflow_end),
        "path": [{"kind": k, "subject": s, "step": st, "calls": n} for k, s, st, n in path_steps],
        "spans": [{"step": name, "start_ms": a - workflow_start, "end_ms": b - workflow_start}
                  for a, b, name in spans],
        "retries": sum(max(0, s.get("failures", 0)) for s in _all_steps(tree)),
    }


def _all_workflows(w):
    yield w
    for c in w.get("child_trees", []):
        yield from _all_workflows(c)


def _all_steps(w):
    yield from w["steps"]
    for c in w.get("child_trees", []):
        yield from _all_steps(c)


def line(x):
    return (f"{x['op']:6} {x['apps']:3} apps  round {x['round']}  wall {x['wall_ms']:5} ms  "
            f"bound {x['bound_ms']:5} ms ({x['sequential_calls']} sequential of {x['total_calls']} calls)  "
            f"wall/bound {x['ratio']}")
