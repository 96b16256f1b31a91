"""The polite, incremental fetcher: every network request a harvest makes goes through here.

- Politeness per host: requests start at least ``1 / requests_per_second`` apart (or the
  robots.txt Crawl-delay if slower); robots.txt is fetched once per host per run and obeyed.
- Incremental: conditional requests from the stored ETag / Last-Modified; a 304, or a body
  whose hash is unchanged, is reported as ``unchanged`` and not parsed again.
- Faults: connect/read/total timeouts, a body cap on the wire and after decompression,
  retries with backoff on 429/502/503/504 and timeouts honouring Retry-After, a bound on
  redirects, http(s) only, no redirect onto an unnamed host with a private address.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from .config import HarvestSettings
from .exceptions import FetchError, UnsafeURL
from .models import Request, Response
from .netsafety import Resolver, check_url, system_resolver
from .robots import RobotsRules, parse_robots
from .textdecode import decode, is_text

log = logging.getLogger(__name__)

RETRY_STATUSES = {429, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}

#: url -> {"etag", "last_modified", "content_hash"} remembered from earlier runs.
StateLookup = Callable[[str], "dict[str, str | None] | None"]


@dataclass
class FetchResult:
    """What happened to one request. ``status``: ok | unchanged | error | gone | disallowed."""

    request: Request
    url: str
    status: str
    response: Response | None = None
    http_status: int = 0
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    content_type: str = ""
    error: str | None = None
    error_kind: str | None = None
    attempts: int = 0


@dataclass
class HostSlot:
    """Per-host politeness: the earliest time the next request may start."""

    delay: float
    next_time: float = 0.0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class Fetcher:
    """Fetch :class:`Request` objects politely. Use as ``async with Fetcher(settings) as f: await f.fetch(req, hosts)``."""

    def __init__(
        self,
        settings: HarvestSettings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        state: StateLookup | None = None,
        resolver: Resolver | None = system_resolver,
        polite: bool = True,
        stats: Counter | None = None,
    ) -> None:
        self.settings = settings
        self.state = state or (lambda url: None)
        self.resolver = resolver
        self.polite = polite
        self.stats: Counter = stats if stats is not None else Counter()
        self.robots: dict[str, RobotsRules] = {}
        self._robots_tasks: dict[str, asyncio.Task] = {}
        self.robots_problems: dict[str, str] = {}  # host_key -> why its robots.txt could not be read
        self._slots: dict[str, HostSlot] = {}
        self._semaphore = asyncio.Semaphore(max(1, settings.concurrency))
        timeout = httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.total_timeout,
        )
        self.client = httpx.AsyncClient(
            transport=transport,
            timeout=timeout,
            follow_redirects=False,  # redirects are followed by hand, so each hop is checked
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=max(4, settings.concurrency * 2), max_keepalive_connections=settings.concurrency),
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for task in self._robots_tasks.values():
            task.cancel()
        await self.client.aclose()

    # -- politeness -------------------------------------------------------------------------

    def _slot(self, host: str) -> HostSlot:
        slot = self._slots.get(host)
        if slot is None:
            delay = 1.0 / self.settings.requests_per_second if self.polite else 0.0
            slot = self._slots[host] = HostSlot(delay=delay)
        return slot

    async def _wait_turn(self, host: str) -> None:
        slot = self._slot(host)
        async with slot.lock:
            now = time.monotonic()
            if slot.next_time > now:
                await asyncio.sleep(slot.next_time - now)
            slot.next_time = max(time.monotonic(), slot.next_time) + slot.delay

    def _push_back(self, host: str, seconds: float) -> None:
        slot = self._slot(host)
        slot.next_time = max(slot.next_time, time.monotonic() + seconds)

    async def robots_for(self, url: str) -> RobotsRules:
        """The robots.txt rules for ``url``'s host, fetched once per run (concurrent callers share one request)."""
        host_key = _host_key(url)
        if host_key in self.robots:
            return self.robots[host_key]
        task = self._robots_tasks.get(host_key)
        if task is None:
            task = self._robots_tasks[host_key] = asyncio.ensure_future(self._fetch_robots(host_key))
        return await asyncio.shield(task)

    async def _fetch_robots(self, host_key: str) -> RobotsRules:
        host = urlsplit(host_key).hostname or host_key
        status, text = 0, None
        try:
            await self._wait_turn(host)
            async with self._semaphore:
                # The total timeout matters here too: a server trickling robots.txt must not stall its host forever.
                status, headers, body, final = await asyncio.wait_for(
                    self._send(host_key + "/robots.txt", {}, follow=True, named=set()), timeout=self.settings.total_timeout
                )
            if status == 200:
                text, _ = decode(body[:512_000], headers.get("content-type"))
        except (FetchError, httpx.HTTPError, asyncio.TimeoutError) as exc:
            reason = str(exc) or type(exc).__name__
            log.info("robots.txt for %s unavailable: %s", host_key, reason)
            self.robots_problems[host_key] = reason
            status = 0
        if status >= 500:
            self.robots_problems[host_key] = f"HTTP {status}"
        rules = parse_robots(host, status, text)
        delay = rules.crawl_delay(self.settings.user_agent)
        if delay and self.polite:
            slot = self._slot(host)
            slot.delay = max(slot.delay, min(delay, 60.0))
            self._push_back(host, slot.delay)  # the robots.txt request itself counts as the first visit
        self.stats[f"robots/{status or 'unreachable'}"] += 1
        self.robots[host_key] = rules
        return rules

    # -- fetching ---------------------------------------------------------------------------

    async def fetch(self, request: Request, named_hosts: set[str] | None = None) -> FetchResult:
        """Fetch one request, following safe redirects, retrying transient faults. Never raises for network faults."""
        named = named_hosts or set()
        result = FetchResult(request=request, url=request.url, status="error")
        try:
            await check_url(request.url, named, self.resolver)
            rules = await self.robots_for(request.url)
            if not rules.allowed(request.url, self.settings.user_agent):
                problem = self.robots_problems.get(_host_key(request.url))
                if problem is not None:
                    # Not a robots.txt "no": the host could not tell us its rules, so this page fails (RFC 9309).
                    self.stats["fetch/disallowed/robots-unreachable"] += 1
                    result.status, result.error_kind = "disallowed", "robots-unreachable"
                    result.error = f"robots.txt unreachable ({problem}); host not crawled this run"
                    return result
                self.stats["fetch/disallowed"] += 1
                result.status, result.error, result.error_kind = "disallowed", "disallowed by robots.txt", "robots"
                return result
            return await self._fetch_with_retries(request, named, result)
        except UnsafeURL as exc:
            self.stats[f"fetch/refused/{exc.kind}"] += 1
            result.error, result.error_kind = str(exc), exc.kind
            return result
        except FetchError as exc:
            self.stats[f"fetch/error/{exc.kind}"] += 1
            result.error, result.error_kind = str(exc), exc.kind
            return result

    async def _fetch_with_retries(self, request: Request, named: set[str], result: FetchResult) -> FetchResult:
        known = self.state(request.url) or {}
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        host = urlsplit(request.url).hostname or ""
        attempts = 1 + max(0, self.settings.retries)
        for attempt in range(1, attempts + 1):
            result.attempts = attempt
            await self._wait_turn(host)
            try:
                async with self._semaphore:
                    status, resp_headers, body, final = await asyncio.wait_for(
                        self._send(request.url, headers, follow=True, named=named), timeout=self.settings.total_timeout
                    )
            except (asyncio.TimeoutError, httpx.TimeoutException) as exc:
                kind = "timeout"
                error = f"timed out ({type(exc).__name__ if not isinstance(exc, asyncio.TimeoutError) else 'total'})"
                wait = self._backoff(attempt)
            except httpx.TransportError as exc:
                kind, error, wait = "connect", f"network error: {type(exc).__name__}: {exc}", self._backoff(attempt)
            else:
                if status in RETRY_STATUSES:
                    kind, error = f"http-{status}", f"HTTP {status}"
                    retry_after = parse_retry_after(resp_headers.get("retry-after"))
                    if retry_after is not None and retry_after > self.settings.max_retry_after:
                        raise FetchError(
                            f"HTTP {status} with Retry-After {retry_after:.0f}s (more than max_retry_after)", url=request.url, kind=kind
                        )
                    wait = retry_after if retry_after is not None else self._backoff(attempt)
                    self._push_back(host, wait)
                else:
                    self.stats[f"fetch/{status}"] += 1
                    return self._finish(result, status, resp_headers, body, final, known)
            self.stats[f"fetch/retry/{kind}"] += 1
            if attempt < attempts:
                log.info("retrying %s in %.1fs after %s (attempt %d of %d)", request.url, wait, error, attempt, attempts)
                await asyncio.sleep(wait)
        raise FetchError(f"{error} after {attempts} attempts", url=request.url, kind=kind)

    def _backoff(self, attempt: int) -> float:
        return self.settings.backoff * (2 ** (attempt - 1)) * (0.75 + random.random() / 2)

    def _finish(self, result: FetchResult, status: int, headers: dict[str, str], body: bytes, final: str, known: dict) -> FetchResult:
        result.http_status, result.url = status, final
        result.etag = headers.get("etag") or known.get("etag")
        result.last_modified = headers.get("last-modified") or known.get("last_modified")
        result.content_type = headers.get("content-type", "")
        if status == 304:
            result.status, result.content_hash = "unchanged", known.get("content_hash")
            return result
        if status in (404, 410):
            result.status, result.error, result.error_kind = "gone", f"HTTP {status}", f"http-{status}"
            return result
        if status >= 300:
            result.status, result.error, result.error_kind = "error", f"HTTP {status}", f"http-{status}"
            return result
        digest = hashlib.sha256(body).hexdigest()
        result.content_hash = digest
        if known.get("content_hash") == digest:
            self.stats["fetch/same-hash"] += 1
            result.status = "unchanged"
            return result
        if not body.strip():
            result.status, result.error, result.error_kind = "error", "empty body", "empty"
            return result
        text, encoding = (None, None)
        if is_text(result.content_type, body):
            text, encoding = decode(body, result.content_type)
        result.response = Response(
            url=final,
            status=status,
            headers=headers,
            content=body,
            text=text,
            encoding=encoding,
            request=result.request,
            content_type=result.content_type.split(";")[0].strip().lower(),
        )
        result.status = "ok"
        return result

    async def _send(self, url: str, headers: dict[str, str], *, follow: bool, named: set[str]) -> tuple[int, dict[str, str], bytes, str]:
        """One GET with hand-followed redirects and capped bodies: (status, headers, body, final_url)."""
        seen = {url}
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            async with self.client.stream("GET", current, headers=headers) as resp:
                status = resp.status_code
                resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                if follow and status in REDIRECT_STATUSES and "location" in resp_headers:
                    target = urljoin(current, resp_headers["location"].strip())
                    if target in seen:
                        raise FetchError(f"redirect loop at {target}", url=url, kind="redirect-loop")
                    await check_url(target, named, self.resolver)
                    seen.add(target)
                    self.stats["fetch/redirect"] += 1
                    current = target
                    if urlsplit(target).hostname != urlsplit(url).hostname:
                        headers = {}  # validators belong to the original host's resource
                    continue
                body = await self._read_capped(resp, current)
                return status, resp_headers, body, current
        raise FetchError(f"more than {self.settings.max_redirects} redirects", url=url, kind="redirect-limit")

    async def _read_capped(self, resp: httpx.Response, url: str) -> bytes:
        cap = self.settings.max_bytes
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(f"body of {int(declared):,} bytes is over the {cap:,}-byte cap", url=url, kind="too-large")
        chunks, total = [], 0
        async for chunk in resp.aiter_bytes():
            total += len(chunk)
            if total > cap or resp.num_bytes_downloaded > cap:
                raise FetchError(f"body over the {cap:,}-byte cap (after decompression)", url=url, kind="too-large")
            chunks.append(chunk)
        return b"".join(chunks)


def _host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
