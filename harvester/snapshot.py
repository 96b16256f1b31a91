"""Recorded responses, replayed through an httpx transport.

``--offline`` runs, the tests and ``harvest record`` share one format. A recording is
a JSON manifest beside its body file::

    data/snapshot/lga/case-study-1.json   {"url": "https://www.local.gov.uk/...", "status": 200,
                                            "headers": {"content-type": "text/html; charset=utf-8"},
                                            "body": "case-study-1.html", "recorded": "2026-11-20",
                                            "note": "what the original page is"}
    data/snapshot/lga/case-study-1.html   the body, as bytes on the wire (before content-encoding)

``url`` is the original address the recording stands for. The transport answers
conditional requests (If-None-Match, If-Modified-Since) with 304, so a second
offline run behaves like an unchanged live site. Unknown URLs get a 404.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit, parse_qsl, urlencode

import httpx

log = logging.getLogger(__name__)


def normalise_url(url: str) -> str:
    """The lookup key for a URL: lower-case scheme and host, no fragment, sorted query."""
    parts = urlsplit(url.strip())
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


@dataclass
class Recording:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    manifest: Path


def load_recordings(*dirs: str | Path) -> dict[str, Recording]:
    """Read every manifest under ``dirs`` (recursively) into a URL-keyed index; a broken manifest is named and skipped."""
    index: dict[str, Recording] = {}
    for directory in dirs:
        for manifest in sorted(Path(directory).rglob("*.json")):
            try:
                data = json.loads(manifest.read_text(encoding="utf-8"))
                if not isinstance(data, dict) or "url" not in data:
                    continue  # some other JSON file (a fixture's expected output, say)
                body_name = data.get("body")
                body = (manifest.parent / body_name).read_bytes() if body_name else b""
                headers = {str(k).lower(): str(v) for k, v in (data.get("headers") or {}).items()}
                status = int(data.get("status", 200))
                if status == 200 and "etag" not in headers and "last-modified" not in headers:
                    # Give every recording a validator so a second offline run sees an unchanged site.
                    headers["etag"] = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                index[normalise_url(data["url"])] = Recording(data["url"], status, headers, body, manifest)
            except (OSError, ValueError, TypeError) as exc:
                log.warning("snapshot recording %s is broken and was skipped: %s", manifest, exc)
    return index


def write_recording(path: str | Path, url: str, status: int, headers: dict[str, str], body: bytes, note: str = "") -> Path:
    """Save a response as ``PATH.json`` plus a body file beside it; returns the manifest path."""
    path = Path(path)
    if path.suffix == ".json":
        path = path.with_suffix("")
    path.parent.mkdir(parents=True, exist_ok=True)
    ctype = headers.get("content-type", "")
    ext = ".html"
    for marker, candidate in (("pdf", ".pdf"), ("xml", ".xml"), ("rss", ".xml"), ("json", ".json.txt"),
                              ("csv", ".csv"), ("spreadsheet", ".xlsx"), ("text/plain", ".txt")):
        if marker in ctype:
            ext = candidate
            break
    body_path = path.with_name(path.name + ext)
    body_path.write_bytes(body)
    keep = {k.lower(): v for k, v in headers.items() if k.lower() in {"content-type", "etag", "last-modified", "location"}}
    manifest = path.with_name(path.name + ".json")
    manifest.write_text(
        json.dumps(
            {"url": url, "status": status, "headers": keep, "body": body_path.name,
             "recorded": datetime.now(timezone.utc).date().isoformat(), "note": note},
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    return manifest


class SnapshotTransport(httpx.AsyncBaseTransport, httpx.BaseTransport):
    """An httpx transport answering from recordings: the only difference between offline and live runs."""

    def __init__(self, *dirs: str | Path, recordings: dict[str, Recording] | None = None) -> None:
        self.recordings = recordings if recordings is not None else load_recordings(*dirs)
        self.requests: list[httpx.Request] = []  # what was asked, for tests and benchmarks

    def _respond(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        rec = self.recordings.get(normalise_url(str(request.url)))
        if rec is None:
            return httpx.Response(404, text="not in the snapshot", headers={"content-type": "text/plain"}, request=request)
        if rec.status == 200 and self._not_modified(request, rec.headers):
            keep = {k: v for k, v in rec.headers.items() if k in ("etag", "last-modified")}
            return httpx.Response(304, headers=keep, request=request)
        return httpx.Response(rec.status, headers=rec.headers, content=rec.body, request=request)

    @staticmethod
    def _not_modified(request: httpx.Request, headers: dict[str, str]) -> bool:
        inm = request.headers.get("if-none-match")
        if inm and headers.get("etag"):
            return inm.strip() == headers["etag"].strip()
        ims = request.headers.get("if-modified-since")
        if ims and headers.get("last-modified"):
            try:
                return parsedate_to_datetime(headers["last-modified"]) <= parsedate_to_datetime(ims)
            except (TypeError, ValueError):
                return False
        return False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._respond(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._respond(request)

