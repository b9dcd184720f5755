"""What a process's file descriptors are, by kind (stdlib, Linux /proc):
files by name, pipes, anonymous inodes (eventfd, epoll, timerfd), and TCP
sockets by role — a listener, a connection a client made to one of the
named ports ("← client"), or one this process made to a named port
("→ name"); a process that talks to itself (Slipway and its in-process
sandbox) holds both ends of such a connection."""
import collections
import os
import re

_TCP_STATES = {"01": "ESTABLISHED", "06": "TIME_WAIT", "08": "CLOSE_WAIT", "0A": "LISTEN"}


def _port(address):
    return int(address.rsplit(":", 1)[1], 16)


def _tcp_sockets(pid):
    """{inode: (local port, remote port, state)} of the process's network namespace."""
    out = {}
    for proto in ("tcp", "tcp6"):
        try:
            with open(f"/proc/{pid}/net/{proto}") as f:
                next(f)
                for line in f:
                    parts = line.split()
                    out[parts[9]] = (_port(parts[1]), _port(parts[2]), _TCP_STATES.get(parts[3], parts[3]))
        except OSError:
            pass
    return out


def kinds(pid, names):
    """Counter of descriptor kinds; `names` maps ports to what listens there."""
    sockets = _tcp_sockets(pid)
    counts = collections.Counter()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            tcp = sockets.get(target[len("socket:["):-1])
            if tcp is None:
                kind = "socket (not TCP)"
            else:
                local, remote, state = tcp
                if state == "LISTEN":
                    kind = f"tcp listening: {names.get(local, local)}"
                elif local in names:
                    kind = f"tcp {names[local]} ← client ({state})"
                elif remote in names:
                    kind = f"tcp → {names[remote]} ({state})"
                else:
                    kind = f"tcp :{local} → :{remote} ({state})"
        elif target.startswith("pipe:"):
            kind = "pipe"
        elif target.startswith("/"):
            kind = "file " + os.path.basename(target)
        else:
            kind = target  # anon_inode:[eventfd] and the like
        counts[kind] += 1
    return counts


def ports_of(endpoints):
    """{port: name} of sandbox-endpoints.json ({name: "http://host:port" or "host:port"})."""
    out = {}
    for name, address in endpoints.items():
        m = re.search(r":(\d+)/?$", address) if isinstance(address, str) else None
        if m:
            out[int(m.group(1))] = f"{name} emulator"
    return out


# Pools that keep what they opened, up to a bound, and so may hold more after
# a load than at idle without leaking: Slipway's SQLite connections (each
# holds the database file and its WAL; the shared-memory file is one per
# process) and each connector's idle HTTP handles (connectors/http_transport:
# at most 8, each keeping its connection; to an in-process emulator a
# connection shows twice, once from each end).
HTTP_HANDLES_KEPT = 8


def pool_of(kind, sqlite_connections):
    """(pool name, bound in descriptors) of a kind that a bounded pool holds, or None."""
    if kind in ("file slipway.db", "file slipway.db-wal"):
        return f"SQLite connections ({kind[5:]})", sqlite_connections
    m = re.match(r"tcp → (.+) emulator \(", kind)
    if m:
        return f"{m.group(1)} client's HTTP handles", HTTP_HANDLES_KEPT
    m = re.match(r"tcp (.+) emulator ← client \(", kind)
    if m:
        return f"{m.group(1)} emulator's end of them", HTTP_HANDLES_KEPT
    return None


def beyond_pools(after, left_over, sqlite_connections):
    """The left-over descriptors no bounded pool explains ({kind: count}),
    and what each pool holds after ({pool: (count, bound)})."""
    held, unexplained = {}, {}
    for kind, count in after.items():
        pool = pool_of(kind, sqlite_connections)
        if pool:
            total, bound = held.get(pool[0], (0, pool[1]))
            held[pool[0]] = (total + count, bound)
    for kind, change in left_over.items():
        pool = pool_of(kind, sqlite_connections)
        if change > 0 and (pool is None or held[pool[0]][0] > pool[1]):
            unexplained[kind] = change
    return unexplained, held


def difference(before, after):
    """{kind: after − before} for the kinds whose count changed."""
    return {k: after[k] - before[k] for k in sorted(set(before) | set(after)) if after[k] != before[k]}
