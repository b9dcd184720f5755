"""Splits each reaction (reactions.py) into the cluster's share and Slipway's.

  ready R ──cluster──▶ event E ──slipway──▶ call C ──step──▶ next step N

- R: the emulator's status write that made the last awaited pod Ready.
- E: the first watch event of the release (its Deployments or pods) that
  reached Slipway at or after R (`watch event: … arrived_ms=` debug lines
  of the serve log, written by services/releases/rollout_watcher.cpp): the
  emulator's controllers, its watch stream and the client's read.
- C: the first Kubernetes call of the release's `deploy` step that arrived
  at the emulator at or after E (the emulator's call log: `X-Slipway-Step`
  and arrival `at_ms`): the signal, a worker's claim, the step's database
  reads, the call on the wire.
- N: the next step's start, as reactions.py reads it; C → N is the step's
  own work (its Kubernetes calls, its commit, a worker claiming the next
  step), of which the emulator's time answering those calls (`done_ms` −
  `at_ms` of its call log) is shown apart.

Slipway's share is split once more with the debug lines of the engine:
E → the workflow signalled (`wake: … done_ms=`), E → the step claimed
(`engine claim: … claimed_ms=`, the first claim in [E, C]; none when the
step was running already) and that claim → C.
"""
import re
from bisect import bisect_left

_LINE = re.compile(r"(watch event|wake|engine claim|engine commit): (.*)")


def parse_log(path):
    """{'events': {workflow: [arrived_ms]}, 'wakes': {workflow: [(done_ms, delivered)]},
    'claims': {(workflow, step): [claimed_ms]}}, each list sorted."""
    events, wakes, claims = {}, {}, {}
    with open(path, errors="replace") as f:
        for line in f:
            m = _LINE.search(line)
            if not m:
                continue
            kv = dict(p.split("=", 1) for p in m.group(2).split() if "=" in p)
            kind = m.group(1)
            if kind == "watch event":
                events.setdefault(kv["workflow"], []).append(int(kv["arrived_ms"]))
            elif kind == "wake":
                wakes.setdefault(kv["workflow"], []).append((int(kv["done_ms"]), kv["delivered"] == "1"))
            elif kind == "engine claim":
                claims.setdefault((kv["workflow"], kv["step"]), []).append(int(kv["claimed_ms"]))
    for table in (events, wakes, claims):
        for v in table.values():
            v.sort()
    return {"events": events, "wakes": wakes, "claims": claims}


def calls_by_step(calls):
    """{step tag: sorted arrival ms} of the emulator's call log, and
    {workflow: [(arrival, answered)]} of every step's calls."""
    out, spans = {}, {}
    for c in calls:
        if c.get("step"):
            out.setdefault(c["step"], []).append(c["at_ms"])
            spans.setdefault(c["step"].split("/")[0], []).append((c["at_ms"], c.get("done_ms", c["at_ms"])))
    for v in out.values():
        v.sort()
    return out, spans


def _first_at_or_after(sorted_values, t):
    i = bisect_left(sorted_values, t)
    return sorted_values[i] if i < len(sorted_values) else None


def split(reaction, log, calls_and_spans):
    """Adds cluster/slipway/step shares (ms) to `reaction`; returns it, or
    None when the records do not show the event or the call."""
    calls, spans = calls_and_spans
    wf = reaction["workflow"]
    event = _first_at_or_after(log["events"].get(wf, []), reaction["ready"])
    if event is None:
        return None
    call = _first_at_or_after(calls.get(f"{wf}/deploy", []), event)
    if call is None or call > reaction["end"]:
        return None
    out = dict(reaction, event=event, call=call, cluster=event - reaction["ready"],
               slipway=call - event, step=reaction["end"] - call)
    # The emulator's own time answering the calls made in the step share
    # (its controllers hold one lock that every call waits for).
    out["step_in_emulator"] = sum(done - at for at, done in spans.get(wf, []) if call <= at <= reaction["end"])
    wake = next((t for t, _ in log["wakes"].get(wf, []) if t >= event), None)
    if wake is not None and wake <= call:
        out["to_signal"] = wake - event
    claim = _first_at_or_after(log["claims"].get((wf, "deploy"), []), event)
    if claim is not None and claim <= call:
        out["to_claim"] = claim - event
        out["claim_to_call"] = call - claim
    else:
        out["was_running"] = True
    return out


SHARES = (("total", "total (ready → next step)"), ("cluster", "cluster (ready → watch event)"),
          ("slipway", "Slipway (event → next call)"), ("step", "step (call → next step)"),
          ("step_in_emulator", "  · of which the emulator answering"),
          ("to_signal", "  · event → signalled"), ("to_claim", "  · event → claimed"),
          ("claim_to_call", "  · claimed → call"))
