"""The thinktank_reports reader: landing page -> PDF -> one record per council case study."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopwindow.config import Source
from shopwindow.exceptions import LayoutChanged
from shopwindow.models import Record, Request, Response
from shopwindow.snapshot import load_recordings, normalise_url
from shopwindow_plugins.report_pdf import ReportUnreadable, parse_heading, split_case_studies
from shopwindow_plugins.thinktank_reports import ThinktankReports

FIXTURES = Path(__file__).parent / "fixtures" / "thinktank_reports"
SNAPSHOT = Path(__file__).parent.parent / "data" / "snapshot" / "thinktanks"
RECORDINGS = load_recordings(FIXTURES)
LANDING = "https://www.localis.org.uk/research/sharing-the-load/"
PDF = "https://www.localis.org.uk/wp-content/uploads/2015/06/Sharing-the-load.pdf"


def reader(**options) -> ThinktankReports:
    return ThinktankReports(Source(name="thinktanks", plugin="thinktank_reports", urls=[LANDING], options=options))


def respond(url: str, request: Request | None = None, recordings=RECORDINGS) -> Response:
    rec = recordings[normalise_url(url)]
    ctype = rec.headers.get("content-type", "")
    text = None if "pdf" in ctype else rec.body.decode("utf-8")
    return Response(url, rec.status, rec.headers, rec.body, text, "utf-8", request or Request(url), ctype)


def run(start: str, recordings=RECORDINGS, **options) -> list[Record]:
    """Follow a landing page to its PDF the way the fetcher would, without a network or database."""
    r = reader(**options)
    queue = [Request(start)]
    records: list[Record] = []
    while queue:
        request = queue.pop(0)
        for item in r.callback(request.callback)(respond(request.url, request, recordings)):
            (queue if isinstance(item, Request) else records).append(item)
    return records


def test_landing_page_requests_the_pdf_with_report_details():
    [request] = list(reader().parse(respond(LANDING)))
    assert request.url == PDF
    assert request.callback == "parse_pdf" and request.document
    assert request.meta["report_title"] == "Sharing the Load: councils working together"
    assert request.meta["published"] == "2015-06-18"


def test_each_council_case_study_becomes_one_record():
    records = run(LANDING)
    assert [r.title for r in records] == [
        "Adur District Council: One officer team with Worthing",
        "Breckland District Council: Shared management with South Holland",
        "South Hams District Council: T18 with West Devon",
    ]
    assert {r.source_kind for r in records} == {"thinktank"}
    assert {r.published for r in records} == {"2015-06-18"}
    assert len({r.key for r in records}) == 3


def test_introduction_with_sector_wide_figures_is_not_an_initiative():
    bodies = " ".join(r.body for r in run(LANDING))
    assert "£5.8bn" not in bodies and "£460m" not in bodies
    assert "£2.5m a year" in bodies


def test_case_study_body_stops_at_the_next_section():
    last = run(LANDING)[-1]
    assert "£3.9m a year" in last.body
    assert "Ministers" not in last.body and "Recommendations" not in last.body


def test_running_headers_and_page_numbers_are_not_in_bodies():
    records = run(LANDING)
    assert all("Localis | Sharing the Load" not in r.body for r in records)


def test_record_keys_are_stable_slugs():
    first = [r.key for r in run(LANDING)]
    assert first == [r.key for r in run(LANDING)]
    assert first[0] == "adur-district-council-one-officer-team-with-worthing"


def test_landing_page_without_a_pdf_link_fails_loudly_naming_the_selector():
    with pytest.raises(LayoutChanged, match="pdf_selector|a\\[href"):
        list(reader().parse(respond("https://www.localis.org.uk/research/redesigned/")))


def test_truncated_pdf_is_a_clear_error_for_that_page():
    url = "https://www.localis.org.uk/wp-content/uploads/2015/06/broken.pdf"
    with pytest.raises(ReportUnreadable, match="broken.pdf"):
        list(reader().parse_pdf(respond(url, Request(url, callback="parse_pdf"))))


def test_pdf_over_the_size_cap_is_refused():
    with pytest.raises(ReportUnreadable, match="max_pdf_bytes"):
        list(reader(max_pdf_bytes=1000).parse_pdf(respond(PDF, Request(PDF, callback="parse_pdf"))))


def test_page_cap_reads_only_the_first_pages():
    records = list(reader(max_pdf_pages=1).parse_pdf(respond(PDF, Request(PDF, callback="parse_pdf"))))
    assert records == []  # the cover page holds no case study


def test_non_pdf_body_is_refused():
    url = LANDING
    with pytest.raises(ReportUnreadable, match="not a PDF"):
        list(reader().parse_pdf(respond(url)))


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Case study: Wigan Council – The Deal", ("Wigan Council", "The Deal")),
        ("Case Study 4: Kent County Council", ("Kent County Council", "")),
        ("Leeds City Council: Family Valued", ("Leeds City Council", "Family Valued")),
        ("Case Study: Norfolk County Council saves £1.2m with telecare", ("Norfolk County Council", "saves £1.2m with telecare")),
        ("The council said: savings were made.", None),
        ("Between them, the councils saved £2m: a good result", None),
    ],
)
def test_case_study_headings_are_recognised(line, expected):
    assert parse_heading(line) == expected


def test_heading_with_scheme_on_the_next_line_takes_it_as_the_scheme():
    pages = ["Introduction\nCuts everywhere.\nCase study: Thurrock Council\nLocal Area Coordination\nIt avoided £1m of costs.\n"]
    intro, [study] = split_case_studies(pages)
    assert (study.council, study.scheme) == ("Thurrock Council", "Local Area Coordination")
    assert study.text == "It avoided £1m of costs."
    assert "Cuts everywhere." in intro


def test_snapshot_reports_give_eight_or_more_case_studies_each():
    recordings = load_recordings(SNAPSHOT)
    landing = [r.url for r in recordings.values() if not r.url.endswith(".pdf")]
    assert len(landing) >= 2
    for url in landing:
        assert len(run(url, recordings)) >= 8, url


def test_case_study_council_leads_and_named_partners_follow():
    adur, breckland, south_hams = run(LANDING)
    assert adur.councils == ["E07000223", "E07000229"]  # Adur, then Worthing
    assert breckland.councils == ["E07000143", "E07000140"]  # Breckland, then South Holland
    assert south_hams.councils == ["E07000044", "E07000047"]  # South Hams, then West Devon


def test_a_damaged_page_is_reported_and_the_rest_still_read(monkeypatch):
    from pypdf import PageObject

    original = PageObject.extract_text
    calls = {"n": 0}

    def flaky(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:  # the cover page
            raise ValueError("bad content stream")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", flaky)
    records = list(reader().parse_pdf(respond(PDF, Request(PDF, callback="parse_pdf"))))
    assert len(records) == 3
    assert records[0].extra["pdf_errors"] == [f"{PDF}: page 1 could not be read: ValueError: bad content stream"]


def test_contents_page_entries_do_not_open_case_studies():
    pages = [
        "Contents\nIntroduction ............ 3\nCase study: Adur District Council – One team ............ 4\n",
        "Introduction\nGrants fell by 40%.\nCase study: Adur District Council – One team\nIt saved £2.5m a year.\n",
    ]
    intro, studies = split_case_studies(pages)
    assert [s.text for s in studies] == ["It saved £2.5m a year."]
    assert "Grants fell by 40%." in intro


def test_council_heading_followed_by_a_sentence_keeps_the_sentence_as_body():
    _, [study] = split_case_studies(["Case study: Kent County Council\nKent replaced 118,000 street lights with LEDs.\n"])
    assert (study.council, study.scheme) == ("Kent County Council", "")
    assert study.text == "Kent replaced 118,000 street lights with LEDs."
