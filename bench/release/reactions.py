"""How fast releases react to the cluster: from the moment the Kubernetes
emulator reports the pods a step waits for as Ready (its `pods_ready` log,
wall-clock ms of the status write) to the start of the next step (Slipway's
timestamps, wall-clock ms, same machine). See bench/README.md.

Each reaction is a dict: release, workflow (id), ready (ms), end (ms), and
total (end - ready); split.py adds where the time went."""


def ms(text):
    """Epoch milliseconds of an API time ("2026-11-27T06:20:09.486Z")."""
    from datetime import datetime, timezone
    return int(datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp() * 1000)


def _ready_times(pods_ready, app, track, after, until):
    """ready_at_ms of the app's pods of `track` that turned Ready in (after, until]."""
    return [r["ready_at_ms"] for r in pods_ready
            if r["labels"].get("app") == app and r["labels"].get("track") == track
            and after < r["ready_at_ms"] <= until]


def _step_start(workflow, name):
    for step in workflow["steps"]:
        if step["name"] == name:
            return step["started_at"]
    raise KeyError(name)


def _reaction(release, ready, end):
    return {"release": release["id"], "workflow": release["workflow_id"], "ready": ready, "end": end,
            "total": end - ready}


def one_shot(release, workflow, pods_ready):
    """One reaction: the last new pod Ready → the engine starts `finish`."""
    finish = _step_start(workflow, "finish")
    ready = _ready_times(pods_ready, release["app"], "stable", ms(release["created_at"]), finish)
    if not ready:
        raise ValueError(f"release {release['id']}: no pod turned ready during it")
    return [_reaction(release, max(ready), finish)]


def canary(release, workflow, pods_ready):
    """One reaction per canary step (its new canary pods Ready → the next
    display step has started, i.e. its scaling is applied and recorded) and
    one for the promotion (the last promoted pod Ready → `finish` starts)."""
    steps = release["steps"]  # 0 record, 1..n canary steps, n+1 promote, n+2 baseline
    n = len(release["plan"])
    out = []
    for k in range(1, n + 1):
        start, nxt = ms(steps[k]["started_at"]), ms(steps[k + 1]["started_at"])
        ready = _ready_times(pods_ready, release["app"], "canary", start, nxt)
        if not ready:
            raise ValueError(f"release {release['id']}: no canary pod turned ready in step {k}")
        out.append(_reaction(release, max(ready), nxt))
    finish = _step_start(workflow, "finish")
    ready = _ready_times(pods_ready, release["app"], "stable", ms(steps[n + 1]["started_at"]), finish)
    if not ready:
        raise ValueError(f"release {release['id']}: no promoted pod turned ready")
    out.append(_reaction(release, max(ready), finish))
    return out


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(len * p / 100)
    return ordered[int(rank) - 1]
