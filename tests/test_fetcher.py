"""The fetcher's behaviour, one rule per test, on mocked transports (no network, no sleeping for long)."""

from __future__ import annotations

import asyncio
import gzip

import httpx
import pytest

from shopwindow.config import HarvestSettings
from shopwindow.fetcher import Fetcher, parse_retry_after
from shopwindow.models import Request

HOST = "www.example-council.gov.uk"


def settings(**overrides) -> HarvestSettings:
    base = dict(retries=2, backoff=0.01, max_retry_after=5, total_timeout=5, read_timeout=2, connect_timeout=2, max_redirects=3,
                requests_per_second=1000.0)
    base.update(overrides)
    return HarvestSettings(**base)


def fetch(handler, url=f"https://{HOST}/news", state=None, named=frozenset({HOST}), resolver=None, **overrides):
    async def go():
        async with Fetcher(settings(**overrides), transport=httpx.MockTransport(handler), state=(state or {}).get,
                           resolver=resolver) as fetcher:
            return await fetcher.fetch(Request(url), set(named)), fetcher

    return asyncio.run(go())


def page(request, body=b"<html><body><p>hello</p></body></html>", status=200, headers=None):
    if request.url.path == "/robots.txt":
        return httpx.Response(404)
    return httpx.Response(status, content=body, headers={"content-type": "text/html; charset=utf-8", **(headers or {})})


def test_conditional_request_sends_stored_validators_and_304_is_unchanged():
    seen = {}

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        seen.update(request.headers)
        return httpx.Response(304, headers={"etag": '"v1"'})

    state = {f"https://{HOST}/news": {"etag": '"v1"', "last_modified": "Mon, 01 Jan 2024 00:00:00 GMT", "content_hash": "abc"}}
    result, _ = fetch(handler, state=state)
    assert seen["if-none-match"] == '"v1"'
    assert seen["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert result.status == "unchanged" and result.response is None


def test_same_body_without_validators_is_unchanged_by_hash():
    first, _ = fetch(page)
    assert first.status == "ok"
    second, _ = fetch(page, state={f"https://{HOST}/news": {"content_hash": first.content_hash}})
    assert second.status == "unchanged"


def test_429_with_retry_after_is_retried_and_recovers():
    calls = []

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(429, headers={"retry-after": "0"})
        return page(request)

    result, fetcher = fetch(handler)
    assert result.status == "ok" and result.attempts == 2
    assert fetcher.stats["fetch/retry/http-429"] == 1


def test_retry_after_longer_than_allowed_fails_the_page_without_waiting():
    result, _ = fetch(lambda r: httpx.Response(404) if r.url.path == "/robots.txt" else httpx.Response(503, headers={"retry-after": "3600"}))
    assert result.status == "error" and "Retry-After" in result.error


def test_permanent_503_gives_up_after_retries():
    result, _ = fetch(lambda r: httpx.Response(404) if r.url.path == "/robots.txt" else httpx.Response(503))
    assert result.status == "error" and result.attempts == 3 and "after 3 attempts" in result.error


def test_read_timeout_is_retried_then_recorded():
    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        raise httpx.ReadTimeout("silent server", request=request)

    result, _ = fetch(handler)
    assert result.status == "error" and result.error_kind == "timeout"


def test_declared_oversized_body_is_refused():
    result, _ = fetch(lambda r: page(r, headers={"content-length": str(50_000_000)}), max_bytes=1_000_000)
    assert result.error_kind == "too-large"


def test_gzip_bomb_is_cut_off_after_decompression():
    bomb = gzip.compress(b"\0" * 20_000_000)
    result, _ = fetch(lambda r: page(r, body=bomb, headers={"content-encoding": "gzip"}), max_bytes=1_000_000)
    assert result.error_kind == "too-large"
    assert len(bomb) < 1_000_000  # small on the wire: only the decompressed size can catch it


def test_redirect_loop_and_long_chains_are_bounded():
    loop = lambda r: page(r) if r.url.path == "/robots.txt" else httpx.Response(302, headers={"location": "/a" if r.url.path == "/b" else "/b"})
    result, _ = fetch(loop)
    assert result.error_kind == "redirect-loop"
    chain = lambda r: page(r) if r.url.path == "/robots.txt" else httpx.Response(301, headers={"location": r.url.path + "x"})
    result, _ = fetch(chain)
    assert result.error_kind == "redirect-limit"


def test_redirect_to_another_scheme_is_refused():
    result, _ = fetch(lambda r: page(r) if r.url.path == "/robots.txt" else httpx.Response(302, headers={"location": "file:///etc/passwd"}))
    assert result.status == "error" and result.error_kind == "bad-scheme"


def test_redirect_to_unnamed_host_with_private_address_is_refused():
    async def resolver(host):
        return {"metadata.internal": ["169.254.169.254"], "cdn.example.com": ["93.184.216.34"]}[host]

    to_private = lambda r: page(r) if r.url.path == "/robots.txt" else httpx.Response(302, headers={"location": "http://metadata.internal/latest"})
    result, _ = fetch(to_private, resolver=resolver)
    assert result.error_kind == "private-address"

    def to_public(request):
        if request.url.host == "cdn.example.com":
            return page(request)
        return page(request) if request.url.path == "/robots.txt" else httpx.Response(302, headers={"location": "https://cdn.example.com/p"})

    result, _ = fetch(to_public, resolver=resolver)
    assert result.status == "ok" and result.url == "https://cdn.example.com/p"


def test_named_host_is_trusted_even_on_a_private_address():
    async def resolver(host):  # pragma: no cover - must not be asked about the named host
        raise AssertionError("named hosts are not resolved")

    result, _ = fetch(page, url="http://10.0.0.5/intranet-news", named={"10.0.0.5"}, resolver=resolver)
    assert result.status == "ok"


def test_robots_disallow_is_obeyed_and_fetched_once_per_host():
    robots_calls = []

    def handler(request):
        if request.url.path == "/robots.txt":
            robots_calls.append(1)
            return httpx.Response(200, text="User-agent: *\nDisallow: /private\nCrawl-delay: 0.2\n")
        return page(request)

    async def go():
        async with Fetcher(settings(), transport=httpx.MockTransport(handler), resolver=None) as fetcher:
            blocked = await fetcher.fetch(Request(f"https://{HOST}/private/x"), {HOST})
            allowed = await fetcher.fetch(Request(f"https://{HOST}/news"), {HOST})
            return blocked, allowed, fetcher

    blocked, allowed, fetcher = asyncio.run(go())
    assert blocked.status == "disallowed" and allowed.status == "ok"
    assert len(robots_calls) == 1
    assert fetcher._slot(HOST).delay == 0.2  # Crawl-delay slower than requests_per_second wins


def test_robots_server_error_disallows_the_host_for_this_run():
    result, _ = fetch(lambda r: httpx.Response(500) if r.url.path == "/robots.txt" else page(r))
    assert result.status == "disallowed"


def test_honest_user_agent_is_sent():
    agents = []

    def handler(request):
        agents.append(request.headers["user-agent"])
        return page(request)

    fetch(handler, user_agent="ShopWindow/0.1 (+https://example.org/about)")
    assert set(agents) == {"ShopWindow/0.1 (+https://example.org/about)"}


def test_binary_body_is_kept_as_bytes_not_decoded():
    result, _ = fetch(lambda r: page(r, body=b"%PDF-1.4 binary", headers={"content-type": "application/pdf"}))
    assert result.response.text is None and result.response.content.startswith(b"%PDF")


def test_empty_body_is_an_error_not_a_blank_page():
    result, _ = fetch(lambda r: page(r, body=b""))
    assert result.status == "error" and result.error_kind == "empty"


def test_not_found_is_recorded_as_gone():
    result, _ = fetch(lambda r: httpx.Response(404))
    assert result.status == "gone"


@pytest.mark.parametrize("value, expected", [("120", 120.0), (None, None), ("soon", None)])
def test_retry_after_parsing(value, expected):
    assert parse_retry_after(value) == expected


def test_per_host_rate_limit_spaces_request_starts():
    import time

    starts = []

    def handler(request):
        if request.url.path != "/robots.txt":
            starts.append(time.monotonic())
        return page(request)

    async def go():
        async with Fetcher(settings(requests_per_second=20.0), transport=httpx.MockTransport(handler), resolver=None) as fetcher:
            await asyncio.gather(*(fetcher.fetch(Request(f"https://{HOST}/p{i}"), {HOST}) for i in range(5)))

    asyncio.run(go())
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert min(gaps) >= 0.045  # 20 requests/s -> 50 ms apart (minus timer slack)
