"""Bench helpers (stdlib only): the Slipway API over keep-alive connections,
one per thread, and an image push to the sandbox registry."""
import hashlib
import http.client
import json
import threading
import urllib.parse


class Api:
    """JSON over HTTP to one base URL; thread-safe (a connection per thread)."""

    def __init__(self, base_url, token=None):
        u = urllib.parse.urlsplit(base_url)
        self.host, self.port = u.hostname, u.port
        self.token = token
        self.local = threading.local()

    def _conn(self):
        if getattr(self.local, "conn", None) is None:
            self.local.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        return self.local.conn

    def call(self, method, path, body=None, headers=None, raw=False):
        """(status, parsed JSON or raw bytes, response headers); reconnects once."""
        data = body if raw else (None if body is None else json.dumps(body).encode())
        h = {}
        if data is not None and not raw:
            h["Content-Type"] = "application/json"
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        h.update(headers or {})
        for attempt in (0, 1):
            conn = self._conn()
            try:
                conn.request(method, path, body=data, headers=h)
                resp = conn.getresponse()
                payload = resp.read()
                break
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt:
                    raise
        if raw or not payload:
            return resp.status, payload, resp.headers
        try:
            return resp.status, json.loads(payload), resp.headers
        except ValueError:
            return resp.status, payload, resp.headers

    def json(self, method, path, body=None, expect=(200,)):
        status, doc, _ = self.call(method, path, body)
        if status not in expect:
            raise RuntimeError(f"{method} {path}: HTTP {status}: {str(doc)[:400]}")
        return doc


def login_token(base_url, username, password):
    """Logs in with a password and mints an API token."""
    api = Api(base_url)
    status, doc, headers = api.call("POST", "/api/v1/auth/login", {"username": username, "password": password})
    if status != 200:
        raise RuntimeError(f"login: HTTP {status}: {doc}")
    cookie = "; ".join(c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or [])
    status, doc, _ = api.call("POST", "/api/v1/tokens", {"name": "bench-release"},
                              {"Cookie": cookie, "X-CSRF-Token": doc["csrf_token"]})
    if status != 201:
        raise RuntimeError(f"token: HTTP {status}: {doc}")
    return doc["token"]


def _tar_one_file(name, content):
    header = bytearray(512)
    header[0:len(name)] = name.encode()
    for offset, width, value in ((100, 8, 0o644), (108, 8, 0), (116, 8, 0), (124, 12, len(content)), (136, 12, 0)):
        header[offset:offset + width] = (b"%0*o" % (width - 1, value)) + b"\0"
    header[156] = ord("0")
    header[257:263] = b"ustar\0"
    header[263:265] = b"00"
    header[148:156] = b" " * 8
    header[148:156] = b"%06o\0 " % sum(header)
    body = bytes(header) + content + b"\0" * ((512 - len(content) % 512) % 512)
    return body + b"\0" * 1024


def _digest(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def push_image(registry_url, repository, tag):
    """Pushes a tiny OCI image; returns its address host:port/repository:tag."""
    reg = Api(registry_url)
    layer = _tar_one_file("slipway-image.txt", f"bench image {repository}:{tag}\n".encode())
    config = json.dumps({"architecture": "amd64", "os": "linux",
                         "rootfs": {"type": "layers", "diff_ids": [_digest(layer)]}}).encode()
    for blob in (layer, config):
        status, _, headers = reg.call("POST", f"/v2/{repository}/blobs/uploads/", raw=True)
        if status != 202:
            raise RuntimeError(f"registry: start upload: HTTP {status}")
        location = urllib.parse.urlsplit(headers["Location"])
        path = location.path + "?" + (location.query + "&" if location.query else "")
        path += "digest=" + urllib.parse.quote(_digest(blob))
        status, doc, _ = reg.call("PUT", path, blob, {"Content-Type": "application/octet-stream"}, raw=True)
        if status != 201:
            raise RuntimeError(f"registry: upload blob: HTTP {status}: {doc[:200]!r}")
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": _digest(config),
                   "size": len(config)},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": _digest(layer),
                    "size": len(layer)}]}).encode()
    status, doc, _ = reg.call("PUT", f"/v2/{repository}/manifests/{tag}", manifest,
                              {"Content-Type": "application/vnd.oci.image.manifest.v1+json"}, raw=True)
    if status != 201:
        raise RuntimeError(f"registry: push manifest: HTTP {status}: {doc[:200]!r}")
    return f"{reg.host}:{reg.port}/{repository}:{tag}"
