"""The generic readers (feed, sitemap, pages) on recorded council pages."""

from __future__ import annotations

import pytest

from shopwindow.exceptions import LayoutChanged
from shopwindow.runner import SourceReport
from shopwindow.snapshot import SnapshotTransport
from shopwindow.testing import crawl
from shopwindow_plugins.feed import FeedReader
from shopwindow_plugins.pages import PagesReader
from shopwindow_plugins.sitemap import SitemapReader


def test_feed_follows_every_item_to_its_article(fixtures):
    records = crawl(FeedReader, ["https://www.kirklees.gov.uk/news/rss.xml"], transport=SnapshotTransport(fixtures / "feed"),
                    options={"url_pattern": "/news/"})
    by_title = {r.title: r for r in records}
    assert set(by_title) == {"Libraries move to shared catalogue", "Road gritting season begins"}
    library = by_title["Libraries move to shared catalogue"]
    assert library.published == "2019-05-14"
    assert "£120,000 a year" in library.body
    assert "cookies" not in library.body and "Civic Centre" not in library.body  # banner and footer cut
    assert library.url == "https://www.kirklees.gov.uk/news/libraries-shared-catalogue"  # tracking query dropped


def test_feed_page_mis_declared_as_utf8_is_decoded_as_windows_1252(fixtures):
    records = crawl(FeedReader, ["https://www.kirklees.gov.uk/news/rss.xml"], transport=SnapshotTransport(fixtures / "feed"))
    gritting = next(r for r in records if r.title.startswith("Road gritting"))
    assert "council’s fleet" in gritting.body
    assert "£450 per run – the same" in gritting.body
    assert gritting.published == "2019-11-04"


def test_feed_reader_rejects_an_html_page_loudly():
    from shopwindow.models import Request, Response

    reader = FeedReader(type("S", (), {"options": {}, "urls": []})())
    response = Response("https://x.gov.uk/news", 200, {}, b"<html><body>not a feed</body></html>", "", "utf-8",
                        Request("https://x.gov.uk/news"), "text/html")
    with pytest.raises(LayoutChanged, match="not an RSS or Atom feed"):
        list(reader.parse(response))


def test_feed_with_entity_expansion_bomb_does_not_expand():
    from shopwindow_plugins.feed import xml_root

    bomb = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
    <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
    <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
    <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
    <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
    <rss><channel><item><title>&lol9;</title><link>https://x.gov.uk/a</link></item></channel></rss>"""
    root = xml_root(bomb)
    title = "".join(root.find("channel/item/title").itertext())
    assert len(title) < 1000


def test_pages_reader_follows_items_and_next_link_without_duplicates(fixtures):
    records = crawl(PagesReader, ["https://www.gwynedd.llyw.cymru/en/Council/News/News.aspx"], transport=SnapshotTransport(fixtures / "pages"))
    assert sorted(r.title for r in records) == ["Care at home pilot", "Chargers for rural car parks"]
    care = next(r for r in records if r.title == "Care at home pilot")
    assert care.published == "2019-07-29"
    assert "Anglesey" not in care.body  # job adverts are page furniture
    chargers = next(r for r in records if r.title.startswith("Chargers"))
    assert chargers.published == "2021-03-02"
    assert chargers.summary == "Twenty new charging points in council car parks."


def test_pages_reader_fails_loudly_when_the_listing_layout_changes(fixtures):
    report = SourceReport(source="test")
    with pytest.raises(AssertionError, match="item_selector|matched nothing"):
        crawl(PagesReader, ["https://www.example-borough.gov.uk/news"], transport=SnapshotTransport(fixtures / "pages"), report=report)
    assert report.pages_failed == 1


def test_sitemap_index_leads_to_matching_pages_only(fixtures):
    records = crawl(SitemapReader, ["https://www.fife.gov.uk/sitemap.xml"], transport=SnapshotTransport(fixtures / "sitemap"),
                    options={"url_pattern": r"/news/"})
    assert [r.title for r in records] == ["Shared depot for waste vehicles"]
    assert records[0].published == "2022-06-01"  # from <lastmod>, the page has no date
