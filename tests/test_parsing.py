"""PageParser: parsing off the event loop gives the same records as inline, and a failure stays with its page."""

from __future__ import annotations

import asyncio

import pytest

from shopwindow import hookimpl
from shopwindow.config import Source
from shopwindow.manager import get_plugin_manager, new_plugin_manager
from shopwindow.models import Request, Response
from shopwindow.parsing import PageParser, parse_page
from shopwindow_plugins.feed import FeedReader
from shopwindow_plugins.sitemap import SitemapReader
from sites import NewsSite

pytestmark = pytest.mark.timeout(120)

SITE = NewsSite(0, 4)
SITE.base = "http://127.0.0.2:8000"


def article(n: int) -> Response:
    url = f"{SITE.base}/news/item-{n}"
    body = SITE.article(n)
    return Response(url=url, status=200, headers={}, content=body, text=body.decode(), encoding="utf-8",
                    request=Request(url, callback="parse_article", document=True), content_type="text/html")


def not_a_sitemap() -> Response:
    url = f"{SITE.base}/sitemap.xml"
    return Response(url=url, status=200, headers={}, content=b"<html><body>moved</body></html>", text="<html></html>",
                    encoding="utf-8", request=Request(url, callback="parse", document=True), content_type="application/xml")


def parse_all(processes: int, responses: list[Response], pm=None) -> list:
    source = Source(name="t", plugin="sitemap", urls=[])
    pm = pm or get_plugin_manager()

    async def go():
        parser = PageParser(pm, processes)
        try:
            return await asyncio.gather(*(parser.parse(SitemapReader(source), source, r) for r in responses))
        finally:
            parser.close()

    return asyncio.run(go())


def test_worker_processes_give_the_same_records_as_the_thread():
    responses = [article(n) for n in range(4)]
    in_thread = parse_all(0, responses)
    in_workers = parse_all(1, responses)
    assert [o.records for o in in_workers] == [o.records for o in in_thread]
    assert all(len(o.records) == 1 and not o.failure for o in in_workers)


def test_a_reader_failure_in_a_worker_fails_only_its_page():
    outcomes = parse_all(1, [article(0), not_a_sitemap(), article(1)])
    assert [o.failure for o in outcomes] == [None, "parse", None]
    assert "not a sitemap" in outcomes[1].message and "LayoutChanged" in outcomes[1].trace
    assert outcomes[0].records and outcomes[2].records


class Explodes:
    @hookimpl
    def enrich_record(self, record, source):
        if record.url.endswith("item-2"):
            raise ValueError("boom")


def test_a_pipeline_plugin_error_fails_only_its_page():
    pm = new_plugin_manager(load_entry_points=False)
    pm.register(Explodes())
    outcomes = parse_all(0, [article(n) for n in range(4)], pm=pm)
    assert [o.failure for o in outcomes] == [None, None, "plugin-error", None]
    assert outcomes[2].message == "ValueError: boom" and outcomes[2].records == []


def test_navigation_yields_requests_without_the_pipeline():
    feed = SITE.feed()
    url = f"{SITE.base}/news/feed.xml"
    response = Response(url=url, status=200, headers={}, content=feed, text=feed.decode(), encoding="utf-8",
                        request=Request(url, callback="parse", document=False), content_type="application/rss+xml")
    out = parse_page(FeedReader(Source(name="f", plugin="feed", urls=[url])), response, None, Source(name="f", plugin="feed", urls=[]),
                     get_plugin_manager(), True)
    assert [r.url for r in out.requests] == [f"{SITE.base}/news/item-{n}" for n in range(4)] and not out.records


class Spins:
    """A reader stuck on a page: the kind of bug (or hostile page) no cap foresaw."""

    name = "spins"

    def callback(self, name):
        def parse(response):
            while True:
                pass
            yield  # pragma: no cover

        return parse


class SpinsAndShrugs:
    """A pipeline plugin that loops, inside the ``except Exception`` extraction code uses to carry on."""

    @hookimpl
    def enrich_record(self, record, source):
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001, S110 - what the test is about: this must not swallow the time limit
            pass


def test_a_page_over_its_time_limit_fails_as_too_slow_and_the_next_page_is_read():
    source = Source(name="t", plugin="spins", urls=[])
    out = parse_page(Spins(), article(0), None, source, get_plugin_manager(), True, seconds=0.2)
    assert out.failure == "too-slow" and "parse_time_limit" in out.message and out.records == []
    assert parse_page(SitemapReader(source), article(1), None, source, get_plugin_manager(), True, seconds=5).records


def test_a_plugin_catching_exceptions_cannot_swallow_the_time_limit():
    pm = new_plugin_manager(load_entry_points=False)
    pm.register(SpinsAndShrugs())
    out = parse_page(SitemapReader(Source(name="t", plugin="sitemap", urls=[])), article(0), None,
                     Source(name="t", plugin="sitemap", urls=[]), pm, True, seconds=0.2)
    assert out.failure == "too-slow"


def test_worker_processes_enforce_the_time_limit():
    source = Source(name="t", plugin="sitemap", urls=[])

    async def go(limit):
        parser = PageParser(get_plugin_manager(), 1, time_limit=limit)
        try:
            return await parser.parse(SitemapReader(source), source, article(0))
        finally:
            parser.close()

    # A millisecond is far less than reading and piping an article takes; a minute is far more.
    assert asyncio.run(go(0.001)).failure == "too-slow"
    assert asyncio.run(go(60)).records
