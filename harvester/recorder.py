"""``harvest record URL --to PATH``: fetch one page politely and save it as a recorded response.

The page goes through the project's fetcher, so robots.txt, the User-Agent, timeouts, body caps and
the redirect checks all apply. The recording (manifest + body, :func:`shopwindow.snapshot.write_recording`)
serves both reader tests (``tests/fixtures/<reader>/``) and the offline snapshot (``data/snapshot/``).
It is stored under the URL that was asked for, because that is the URL a reader will request again.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from .config import HarvestSettings
from .exceptions import ShopWindowError
from .fetcher import Fetcher
from .models import Request
from .netsafety import Resolver, check_scheme, system_resolver
from .snapshot import write_recording


@dataclass
class Recorded:
    """One saved recording."""

    url: str
    manifest: Path
    status: int
    bytes: int
    content_type: str
    final_url: str


def recording_path(url: str, to: str | Path) -> Path:
    """Where to save ``url``: ``to`` itself, or inside ``to`` named after the URL's path when ``to`` is a folder."""
    folder = str(to).endswith(("/", "\\"))  # checked before Path() drops the trailing slash
    to = Path(to)
    if folder or to.is_dir():
        parts = urlsplit(url)
        slug = re.sub(r"[^a-z0-9]+", "-", f"{parts.path} {parts.query}".lower()).strip("-") or "index"
        return to / slug[:80]
    return to


def record(
    url: str,
    to: str | Path,
    *,
    settings: HarvestSettings | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    resolver: Resolver | None = system_resolver,
    note: str = "",
    start: bool = False,
) -> Recorded:
    """Fetch ``url`` and write it as a recording at ``to``; ``start`` marks it as where ``harvest check`` begins.

    Raises :class:`ShopWindowError` with the reason when the page cannot be fetched (robots.txt, 404, timeout, ...).
    """
    check_scheme(url)
    settings = settings or HarvestSettings(retries=1)
    host = (urlsplit(url).hostname or "").lower()

    async def fetch():
        async with Fetcher(settings, transport=transport, resolver=resolver, polite=True) as fetcher:
            return await fetcher.fetch(Request(url, document=True), {host})

    result = asyncio.run(fetch())
    if result.status != "ok" or result.response is None:
        reason = result.error or result.status
        raise ShopWindowError(f"could not record {url}: {reason}. Nothing was saved.")
    response = result.response
    headers = dict(response.headers)
    manifest = write_recording(recording_path(url, to), url, response.status, headers, response.content,
                               note=note or f"recorded by harvest record from {result.url}")
    if start:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        data["start"] = True
        manifest.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return Recorded(url, manifest, response.status, len(response.content), result.content_type, result.url)
