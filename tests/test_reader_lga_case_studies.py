"""The LGA case-study reader over recorded listing and case-study pages (tests/fixtures/lga_case_studies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopwindow.config import Source
from shopwindow.exceptions import LayoutChanged
from shopwindow.models import Record, Request, Response
from shopwindow.snapshot import SnapshotTransport, load_recordings, normalise_url
from shopwindow.testing import crawl as run_reader
from shopwindow_plugins.lga_case_studies import LgaCaseStudiesReader, council_from_title, section_key

FIXTURES = Path(__file__).parent / "fixtures" / "lga_case_studies"
RECORDINGS = load_recordings(FIXTURES)


def respond(request: Request) -> Response:
    """The recorded response for a request, as the fetcher would hand it to the reader."""
    rec = RECORDINGS.get(normalise_url(request.url))
    if rec is None:
        raise AssertionError(f"no recording for {request.url}")
    return Response(request.url, rec.status, rec.headers, rec.body, rec.body.decode("utf-8"), "utf-8", request,
                    rec.headers.get("content-type", ""))


def crawl(urls: list[str], **options) -> tuple[list[Record], list[str]]:
    """Run the reader through the offline fetcher over the fixtures; return its records and the URLs it fetched."""
    transport = SnapshotTransport(FIXTURES)
    records = run_reader(LgaCaseStudiesReader, urls=urls, options=options, transport=transport)
    fetched = [str(r.url) for r in transport.requests if not r.url.path.endswith("/robots.txt")]
    return records, fetched


@pytest.fixture(scope="module")
def crawled() -> tuple[list[Record], list[Request]]:
    return crawl(["https://www.local.gov.uk/case-studies"])


def test_follows_pagination_to_every_case_study(crawled):
    records, fetched = crawled
    assert [u for u in fetched if "/case-studies?" in u] == [
        "https://www.local.gov.uk/case-studies?page=0",
        "https://www.local.gov.uk/case-studies?sort_by=created&sort_order=DESC&page=1",
    ]
    assert len(records) == 5


def test_listings_are_navigation_and_case_studies_are_documents():
    reader = LgaCaseStudiesReader(Source(name="lga", plugin="lga_case_studies", urls=["https://www.local.gov.uk/case-studies"]))
    (start,) = list(reader.start_requests())
    out = list(reader.parse(respond(start)))
    assert start.document is False
    assert [r.document for r in out if r.callback == "parse"] == [False]
    details = [r for r in out if r.callback == "parse_case_study"]
    assert len(details) == 3 and all(r.document for r in details)
    assert details[0].meta["topic"] and details[0].meta["teaser"]


def test_case_studies_are_fetched_and_stored_at_canonical_urls(crawled):
    records, fetched = crawled
    # the lgaconservatives mirror link is folded onto the main site before fetching
    assert "https://www.local.gov.uk/north-yorkshire-county-council-no-wrong-door" in fetched
    assert not any("lgaconservatives" in u for u in fetched)
    assert all(rec.url.startswith("https://www.local.gov.uk/") for rec in records)


def test_mirror_copy_is_stored_under_its_rel_canonical(crawled):
    records, _ = crawled
    south_hams = next(r for r in records if "South Hams" in r.title)
    assert south_hams.url == "https://www.local.gov.uk/south-hams-and-west-devon-transformation-programme"
    assert south_hams.extra["fetched_url"].startswith("https://lgalabour.local.gov.uk/")


def test_record_carries_title_summary_date_topic_and_kind(crawled):
    records, _ = crawled
    wigan = next(r for r in records if r.title.startswith("Wigan Council"))
    assert wigan.title == "Wigan Council: The Deal between council and residents"
    assert wigan.summary.startswith("Wigan Council rebuilt")
    assert wigan.published == "2019-03-12"
    assert wigan.topics == ["Efficiency and income generation"]
    assert wigan.source_kind == "lga"
    assert wigan.extra["title_council"] == "Wigan Council"


def test_sections_are_kept_and_in_body(crawled):
    records, _ = crawled
    wigan = next(r for r in records if r.title.startswith("Wigan Council"))
    sections = wigan.extra["sections"]
    assert list(sections) == ["challenge", "solution", "impact", "lessons", "contact"]
    assert "£160m" in sections["impact"]
    assert "The challenge" in wigan.body and "£160m" in wigan.body
    # page chrome never reaches the body
    assert "cookies" not in wigan.body and "Smith Square" not in wigan.body


def test_max_list_pages_stops_pagination():
    records, fetched = crawl(["https://www.local.gov.uk/case-studies"], max_list_pages=1)
    assert len([u for u in fetched if "/case-studies?" in u]) == 1
    assert len(records) == 3


def test_filters_go_into_the_listing_query():
    reader = LgaCaseStudiesReader(Source(name="lga", plugin="lga_case_studies", urls=["https://www.local.gov.uk/case-studies"],
                                         options={"keys": "shared service", "from": "2015-01-01", "topics": "efficiency"}))
    (request,) = list(reader.start_requests())
    assert "keys=shared+service" in request.url and "from=2015-01-01" in request.url
    assert "topics=efficiency" in request.url and "page=0" in request.url


def test_empty_search_yields_nothing_without_error():
    records, fetched = crawl(["https://www.local.gov.uk/case-studies?keys=no+such+scheme"])
    assert records == [] and len(fetched) == 1


def test_changed_listing_layout_fails_loudly_naming_the_selector():
    reader = LgaCaseStudiesReader(Source(name="lga", plugin="lga_case_studies", urls=[]))
    request = Request("https://www.local.gov.uk/case-studies-redesigned?page=0", document=False)
    with pytest.raises(LayoutChanged, match=r"\.views-row"):
        list(reader.parse(respond(request)))


def test_changed_listing_layout_fails_the_crawl():
    with pytest.raises(AssertionError, match="views-row"):
        crawl(["https://www.local.gov.uk/case-studies-redesigned"])


def test_changed_case_study_layout_fails_loudly_naming_the_selector():
    reader = LgaCaseStudiesReader(Source(name="lga", plugin="lga_case_studies", urls=[]))
    request = Request("https://www.local.gov.uk/redesigned-case-study", callback="parse_case_study")
    with pytest.raises(LayoutChanged, match="field--name-body"):
        list(reader.parse_case_study(respond(request)))


@pytest.mark.parametrize(
    ("heading", "key"),
    [("The challenge", "challenge"), ("The solution", "solution"), ("The impact", "impact"),
     ("How is the new approach being sustained?", "sustaining"), ("Lessons learned", "lessons"),
     ("Contact", "contact"), ("Next steps", "next-steps")],
)
def test_section_headings_map_to_stable_keys(heading, key):
    assert section_key(heading) == key


def test_council_is_read_from_title_prefix_only():
    assert council_from_title("Adur and Worthing Councils: a shared workforce") == "Adur and Worthing Councils"
    assert council_from_title("Shared services across Devon") is None


def test_date_printed_as_text_only_is_parsed():
    reader = LgaCaseStudiesReader(Source(name="lga", plugin="lga_case_studies", urls=[]))
    request = Request("https://www.local.gov.uk/wigan-council-deal-between-council-and-residents", callback="parse_case_study")
    response = respond(request)
    html = response.text.replace('<time datetime="2019-03-12T12:00:00Z">12 March 2019</time>', "12 March 2019")
    (record,) = reader.parse_case_study(Response(response.url, 200, {}, html.encode(), html, "utf-8", request, "text/html"))
    assert record.published == "2019-03-12"
