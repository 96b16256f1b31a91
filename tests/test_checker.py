"""`harvest check`: a reader run over its fixtures, every record validated, messages that say how to fix things."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopwindow import Reader, Record, Saving
from shopwindow.checker import check_reader, fixtures_for, validate_record, validate_records
from shopwindow.exceptions import ShopWindowError
from shopwindow.snapshot import write_recording
from shopwindow_plugins.lga_case_studies import LgaCaseStudiesReader

GOOD = dict(title="Shared waste service", url="https://www.example.gov.uk/news/waste", published="2025-03-04",
            councils=["E07000044"])


def problems(**changes) -> list[str]:
    return validate_record(Record(**{**GOOD, **changes}))


def test_a_good_record_has_no_problems():
    assert problems() == []
    assert problems(savings=[Saving(amount_gbp=350000, status="target", period="annual", quote="It will save £350k a year.",
                                    fiscal_year="2025-26")]) == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"title": ""}, "'title' is empty"),
    ({"title": "Home"}, "page furniture"),
    ({"title": "word " * 80}, "probably body text"),
    ({"url": "/news/waste"}, "urljoin(response.url, href)"),
    ({"url": "javascript:void(0)"}, "not a full http(s) address"),
    ({"published": "04/03/2025"}, "not an ISO date"),
    ({"published": "2025-02-30"}, "not a real date"),
    ({"published": "2099-01-01"}, "outside 1990 to today"),
    ({"councils": ["Kent County Council"]}, "not GSS codes"),
    ({"partners": [{"name": "NHS Kent", "kind": "hospital"}]}, "use one of company, fire, lga, nhs, other, police"),
    ({"evidence_grade": "strong"}, "'evidence_grade' is 'strong'"),
    ({"source_kind": "blog"}, "'source_kind' is 'blog'"),
    ({"topics": "waste"}, "'topics' must be a list"),
    ({"extra": {"when": object()}}, "JSON-friendly"),
])
def test_each_rule_names_the_field_and_the_fix(changes, expected):
    found = problems(**changes)
    assert len(found) == 1 and expected in found[0], found


@pytest.mark.parametrize(("saving", "expected"), [
    (Saving(quote="Saves money."), "neither amount_gbp nor percent"),
    (Saving(amount_gbp=-5, quote="q"), "amount_gbp is -5"),
    (Saving(percent=140, quote="q"), "from 0 to 100"),
    (Saving(amount_gbp=1, status="promised", quote="q"), "status is 'promised'; use one of achieved, estimated, target"),
    (Saving(amount_gbp=1, period="monthly", quote="q"), "period is 'monthly'"),
    (Saving(amount_gbp=1, fiscal_year="2023/24", quote="q"), "write it like '2023-24'"),
    (Saving(amount_gbp=1), "has no quote"),
    (Saving(amount_gbp=1, quote="q", councils=["Leeds"]), "not GSS codes"),
])
def test_saving_rules(saving, expected):
    found = problems(savings=[saving])
    assert len(found) == 1 and found[0].startswith("saving 1: ") and expected in found[0], found


def test_records_sharing_url_and_key_are_reported():
    found = validate_records([Record(**GOOD), Record(**{**GOOD, "title": "Another"})])
    assert len(found) == 1 and "share url" in found[0] and "`key`" in found[0]


def test_fixtures_are_found_beside_the_plugin_package():
    assert fixtures_for(LgaCaseStudiesReader) == Path(__file__).parent / "fixtures" / "lga_case_studies"


def test_built_in_reader_passes_over_its_fixtures():
    report = check_reader(LgaCaseStudiesReader, urls=["https://www.local.gov.uk/case-studies"])
    assert report.ok, report.problems
    assert report.records == 5 and report.pages == 7


class SloppyReader(Reader):
    name = "sloppy"

    def parse(self, response):
        yield Record(title="Home", url=response.url, published="14/10/2026")
        yield Record(title="Good one", url=response.url, key="b", councils=["Barnsley"])


def start_fixture(folder: Path, **extra) -> None:
    manifest = write_recording(folder / "start", "https://www.example.gov.uk/news", 200, {"content-type": "text/html"}, b"<p>hi</p>")
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "start": True, **extra}))


def test_check_reports_every_bad_record_with_its_number_and_url(tmp_path):
    start_fixture(tmp_path)
    report = check_reader(SloppyReader, tmp_path)
    assert not report.ok and report.records == 2
    url = "https://www.example.gov.uk/news"
    assert report.problems == [
        f"record 1 ({url}): 'title' is 'Home', which is page furniture, not a scheme. Take the article's own heading.",
        f"record 1 ({url}): 'published' is '14/10/2026', not an ISO date. Return an ISO date (YYYY-MM-DD) or None; "
        "shopwindow.dates.parse_date(text) turns '3 March 2025' into one.",
        f"record 2 ({url}): 'councils' has ['Barnsley'], not GSS codes. Use nine-character ONS codes like \"E06000018\" "
        "(leave councils empty and let the council-linking plugin find them from names).",
    ]


def test_start_manifest_options_are_checked_against_the_reader(tmp_path):
    start_fixture(tmp_path, options={"max_items": "ten"})

    class Limited(SloppyReader):
        name = "limited"
        options = {"max_items": "how many"}
        option_types = {"max_items": int}

    report = check_reader(Limited, tmp_path)
    assert any("option 'max_items' must be a int" in p for p in report.problems)


def test_reader_that_crashes_is_reported_not_raised(tmp_path):
    start_fixture(tmp_path)

    class Broken(Reader):
        name = "broken"

        def parse(self, response):
            raise ValueError("no table on the page")

    report = check_reader(Broken, tmp_path)
    assert report.records == 0 and "the reader failed and yielded nothing" in report.problems[0]
    assert "no table on the page" in report.problems[0]


def test_missing_start_page_and_missing_fixtures_say_what_to_do(tmp_path):
    write_recording(tmp_path / "page", "https://www.example.gov.uk/x", 200, {}, b"x")
    with pytest.raises(ShopWindowError, match='"start": true'):
        check_reader(SloppyReader, tmp_path)
    with pytest.raises(ShopWindowError, match="harvest record URL --to tests/fixtures/sloppy/NAME"):
        check_reader(SloppyReader)


def test_check_command_exit_codes(tmp_path):
    from shopwindow.cli import cli

    ok = CliRunner().invoke(cli, ["check", "lga_case_studies", "--url", "https://www.local.gov.uk/case-studies"])
    assert ok.exit_code == 0 and "OK lga_case_studies: 5 record(s)" in ok.output
    unknown = CliRunner().invoke(cli, ["check", "no_such_reader"])
    assert unknown.exit_code == 2 and "Installed readers:" in unknown.output and "lga_case_studies" in unknown.output
    started = CliRunner().invoke(cli, ["check", "lga_case_studies"])  # its listing fixture is marked "start": true
    assert started.exit_code == 0 and "5 record(s)" in started.output
    (tmp_path / "page.json").write_text('{"url": "https://www.example.gov.uk/news", "body": "page.html"}')
    (tmp_path / "page.html").write_text("<html><body><p>a page</p></body></html>")
    no_start = CliRunner().invoke(cli, ["check", "pages", "--fixtures", str(tmp_path)])
    assert no_start.exit_code == 2 and '"start": true' in no_start.output
