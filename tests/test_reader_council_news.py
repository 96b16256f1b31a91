"""The council_news reader: a registry of councils' news sources, read with the generic readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopwindow.exceptions import ConfigError
from shopwindow.models import Record
from shopwindow.snapshot import SnapshotTransport
from shopwindow.testing import crawl
from shopwindow_plugins import council_news
from shopwindow_plugins.council_news import CouncilNews, load_registry, parse_options

FIXTURES = Path(__file__).parent / "fixtures" / "council_news"
REGISTRY = FIXTURES / "registry.csv"
ROOT = Path(__file__).parent.parent
WORKING = ["E07000044", "S12000008", "W06000021"]  # Belfast's listing was redesigned


def run(**options) -> list[Record]:
    options.setdefault("registry", str(REGISTRY))
    options.setdefault("councils", WORKING)
    return crawl(CouncilNews, transport=SnapshotTransport(FIXTURES), options=options)


def by_council(records: list[Record]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for r in records:
        found.setdefault(r.extra["registry_council"], []).append(r.title)
    return found


def test_each_row_is_read_by_its_generic_reader_with_the_council_preset():
    records = run()
    titles = by_council(records)
    assert sorted(titles) == WORKING
    assert titles["S12000008"] == ["Roads alliance begins work"]  # feed
    assert titles["W06000021"] == ["New model for leisure services"]  # sitemap
    for r in records:
        assert r.councils[0] == r.extra["registry_council"]
        assert r.source_kind == "council"


def test_partner_councils_named_in_the_story_follow_the_publisher():
    record = next(r for r in run() if r.title == "Roads alliance begins work")
    assert record.councils == ["S12000008"]  # "our neighbours": no partner named, nothing guessed
    snapshot = ROOT / "data" / "snapshot" / "councils"
    records = crawl(CouncilNews, transport=SnapshotTransport(snapshot), options={"councils": ["W06000015"]})
    shared = next(r for r in records if "Shared Regulatory Services" in r.title)
    assert shared.councils == ["W06000015", "W06000013", "W06000014"]


def test_listing_pagination_is_followed_to_the_last_page():
    assert len(by_council(run())["E07000044"]) == 3


def test_dates_and_bodies_come_from_the_news_pages_without_site_furniture():
    record = next(r for r in run() if r.title == "Bin rounds redrawn to save fuel")
    assert record.published == "2015-11-19"
    assert "£150,000 a year" in record.body
    for junk in ("cookies", "Latest jobs", "£38,223", "Share this page", "Related links", "Accessibility"):
        assert junk not in record.body


def test_sitemap_row_follows_only_news_urls():
    transport = SnapshotTransport(FIXTURES)
    crawl(CouncilNews, transport=transport, options={"registry": str(REGISTRY), "councils": ["W06000021"]})
    asked = [str(r.url) for r in transport.requests if "robots.txt" not in str(r.url)]
    assert "https://www.monmouthshire.gov.uk/council-tax/" not in asked
    assert "https://www.monmouthshire.gov.uk/2016/01/leisure-new-model/" in asked


def test_councils_option_limits_the_rows_read():
    assert set(by_council(run(councils=["S12000008"]))) == {"S12000008"}


def test_max_items_caps_news_items_per_council():
    assert len(by_council(run(max_items=1))["E07000044"]) == 1


def test_redesigned_listing_fails_loudly_naming_the_selector():
    with pytest.raises(AssertionError, match=r"selector '\.news-item h2 a' matched nothing"):
        run(councils=["N09000003"])


def test_headline_naming_another_lead_council_keeps_that_council(monkeypatch):
    monkeypatch.setattr(council_news, "_named_councils", lambda text: ["S12000028"] if "alliance" in text else [])
    record = next(r for r in run(councils=["S12000008"]))
    assert record.councils == ["S12000028", "S12000008"]


def test_adding_a_council_is_one_line(tmp_path):
    registry = tmp_path / "registry.csv"
    registry.write_text(REGISTRY.read_text(encoding="utf-8").replace(
        "N09000003,Belfast City Council,https://www.belfastcity.gov.uk/news,pages",
        "N09000003,Belfast City Council,https://www.belfastcity.gov.uk/rss/news,feed"), encoding="utf-8")
    with pytest.raises(ConfigError):  # the old layout's selector is now an unknown option for feed
        load_registry(registry)
    registry.write_text(REGISTRY.read_text(encoding="utf-8")
                        + "S12000028,South Ayrshire Council,https://www.south-ayrshire.gov.uk/news,feed,\n", encoding="utf-8")
    rows = load_registry(registry)
    assert [r.code for r in rows][-1] == "S12000028" and len(rows) == 5


def test_bad_registry_lines_are_named_with_line_and_column(tmp_path):
    registry = tmp_path / "registry.csv"
    registry.write_text(
        "code,council,url,reader,options\n"
        "E0800001,Wigan Council,https://www.wigan.gov.uk/news,pages,\n"
        "E08000010,Wigan Council,ftp://wigan,pages,\n"
        "E08000035,Leeds City Council,https://news.leeds.gov.uk/feed/,rss,\n"
        "E10000016,Kent County Council,https://kccmediahub.net/feed/,feed,colour=blue\n"
        "E10000016,Kent County Council,https://kccmediahub.net/feed/,feed,\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as info:
        load_registry(registry)
    message = str(info.value)
    assert f"{registry}:2: column 'code'" in message
    assert f"{registry}:3: column 'url'" in message
    assert f"{registry}:4: column 'reader' 'rss'" in message
    assert f"{registry}:5: reader 'feed' has no option(s) colour" in message
    assert f"{registry}:6: council E10000016 is already listed on line 5" in message


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", {}),
        ('{"item_selector": "h3 a", "max_list_pages": 2}', {"item_selector": "h3 a", "max_list_pages": 2}),
        ("url_pattern=/news/; follow=false; max_items=5", {"url_pattern": "/news/", "follow": False, "max_items": 5}),
    ],
)
def test_options_are_json_or_key_value_pairs(text, expected):
    assert parse_options(text) == expected


def test_option_without_equals_sign_is_refused():
    with pytest.raises(ValueError, match="not key=value"):
        parse_options("follow")


def test_shipped_registry_covers_45_councils_in_all_four_nations():
    rows = load_registry(ROOT / "data" / "council_news.csv")
    assert len(rows) >= 45
    assert {r.code[0] for r in rows} == {"E", "S", "W", "N"}
    assert {r.reader for r in rows} == {"feed", "pages", "sitemap"}


def test_snapshot_gives_news_for_every_registry_council(tmp_path):
    snapshot = ROOT / "data" / "snapshot" / "councils"
    records = crawl(CouncilNews, transport=SnapshotTransport(snapshot), options={})
    codes = {r.code for r in load_registry(ROOT / "data" / "council_news.csv")}
    assert {r.extra["registry_council"] for r in records} == codes
    assert all(r.extra["registry_council"] in r.councils for r in records)
    assert len(records) >= 70
    assert all(r.published for r in records)
    furniture = ("cookie", "Latest jobs", "£38,223", "£25,991", "Recent posts", "Was this page helpful", "Share this page",
                 "Related links", "A to Z of services", "budget gap")
    leaks = [(r.url, w) for r in records for w in furniture if w.lower() in r.body.lower()]
    assert leaks == []


def test_a_bad_registry_fails_config_loading_before_any_request(tmp_path):
    from shopwindow.config import parse_config

    registry = tmp_path / "registry.csv"
    registry.write_text("code,council,url,reader,options\nE0800001,Wigan,https://www.wigan.gov.uk/news,pages,\n", encoding="utf-8")
    source = {"name": "cn", "plugin": "council_news", "registry": str(registry), "councils": ["E08000010", "Wigan"]}
    with pytest.raises(ConfigError) as info:
        parse_config({"sources": [source]})
    assert "column 'code' 'E0800001' is not a GSS code" in str(info.value)
    assert "option 'councils': 'Wigan' not GSS codes" in str(info.value)
