"""The LGA shared-services map reader over recorded CSV and XLSX downloads (tests/fixtures/lga_shared_services)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shopwindow import hookimpl
from shopwindow.config import Source
from shopwindow.exceptions import LayoutChanged
from shopwindow.manager import new_plugin_manager, set_plugin_manager
from shopwindow.models import Record, Request, Response
from shopwindow.snapshot import load_recordings
from shopwindow_plugins.lga_shared_services import LgaSharedServicesReader, parse_amount, parse_period, partner_kind

FIXTURES = Path(__file__).parent / "fixtures" / "lga_shared_services"
RECORDINGS = {rec.manifest.stem: rec for rec in load_recordings(FIXTURES).values()}
KNOWN = {  # a tiny council register, so these tests do not depend on the real one
    "westminster city council": "E09000033",
    "royal borough of kensington and chelsea": "E09000020",
    "london borough of hammersmith and fulham": "E09000013",
    "south hams district council": "E07000044",
    "west devon borough council": "E07000047",
    "newport city council": "W06000022",
    "belfast city council": "N09000003",
    "herefordshire council": "E06000019",
}


class TinyRegister:
    @hookimpl
    def resolve_council(self, name: str) -> str | None:
        return KNOWN.get(name.lower())


@pytest.fixture(autouse=True)
def register():
    pm = new_plugin_manager(load_entry_points=False)
    pm.register(TinyRegister())
    set_plugin_manager(pm)
    yield
    set_plugin_manager(None)


def read(name: str, **options) -> list[Record]:
    rec = RECORDINGS[name]
    ctype = rec.headers.get("content-type", "")
    text = rec.body.decode("utf-8") if "csv" in ctype else None
    source = Source(name="map", plugin="lga_shared_services", urls=[rec.url], options=options)
    response = Response(rec.url, 200, rec.headers, rec.body, text, "utf-8", Request(rec.url), ctype)
    return list(LgaSharedServicesReader(source).parse(response))


def test_each_row_becomes_a_shared_service_record_keyed_by_its_id():
    records = read("map-csv")
    assert [r.key for r in records] == ["SS001", "SS006", "SS012", "SS013", "SS021", "SS023", "SS041", "SS042"]
    assert {r.delivery_model for r in records} == {"shared_service"}
    assert {r.source_kind for r in records} == {"lga"}
    assert len({(r.url, r.key) for r in records}) == len(records)


def test_all_councils_of_a_row_are_linked():
    tri = read("map-csv")[0]
    assert tri.title == "Tri-borough shared services"
    assert tri.councils == ["E09000033", "E09000020", "E09000013"]
    assert tri.partners == []


def test_names_that_are_not_councils_become_partners_with_a_kind():
    srs = next(r for r in read("map-csv") if r.key == "SS012")
    assert srs.councils == ["W06000022"]  # the other Gwent councils are unknown to the tiny register
    kinds = {p["name"]: p["kind"] for p in srs.partners}
    assert kinds["Gwent Police"] == "police"
    assert kinds["Torfaen County Borough Council"] == "other"


def test_savings_column_becomes_a_structured_saving_with_its_quote():
    records = {r.key: r for r in read("map-csv")}
    (tri,) = records["SS001"].savings
    assert tri.amount_gbp == 33_400_000 and tri.period == "annual" and tri.status == "target"
    assert "£33,400,000" in tri.quote and tri.amount_text == "£33,400,000"
    (gwyrdd,) = records["SS013"].savings
    assert gwyrdd.amount_gbp == 500_000_000 and gwyrdd.status == "estimated" and gwyrdd.period == "cumulative"
    assert records["SS012"].savings == []


def test_xlsx_download_gives_the_same_records_as_csv():
    csv_records, xlsx_records = read("map-csv"), read("map-xlsx")
    assert [(r.key, r.title, r.councils, [s.amount_gbp for s in r.savings]) for r in xlsx_records] == \
        [(r.key, r.title, r.councils, [s.amount_gbp for s in r.savings]) for r in csv_records]


def test_start_year_dates_the_record_and_nation_is_kept():
    belfast = next(r for r in read("map-csv") if r.key == "SS023")
    assert belfast.published == "2003-04-01"
    assert belfast.extra["nation"] == "Northern Ireland"


def test_unknown_worksheet_fails_naming_it():
    with pytest.raises(LayoutChanged, match="Summary"):
        read("map-xlsx", sheet="Summary")


def test_renamed_columns_fail_loudly_naming_the_missing_column():
    with pytest.raises(LayoutChanged, match="councils involved"):
        read("map-layout-changed")


@pytest.mark.parametrize(
    ("text", "amount"),
    [("£1,200,000", 1_200_000), ("1.2m", 1_200_000), ("£350k", 350_000), ("£2.5 million", 2_500_000), ("33400000", 33_400_000),
     ("", None), ("n/a", None)],
)
def test_savings_cells_are_read_as_pounds(text, amount):
    assert parse_amount(text) == amount


def test_periods_and_partner_kinds():
    assert parse_period("per annum") == "annual" and parse_period("to date") == "cumulative" and parse_period("") is None
    assert partner_kind("Wye Valley NHS Trust") == "nhs"
    assert partner_kind("Hoople Ltd") == "company"
    assert partner_kind("Avon Fire and Rescue Service") == "fire"


def test_xlsx_served_as_octet_stream_and_cp1252_csv_are_read():
    rec = RECORDINGS["map-xlsx"]
    source = Source(name="map", plugin="lga_shared_services", urls=["https://example.org/download?id=7"])
    response = Response("https://example.org/download?id=7", 200, {}, rec.body, None, None, Request(rec.url),
                        "application/octet-stream")
    assert len(list(LgaSharedServicesReader(source).parse(response))) == 8
    csv_bytes = RECORDINGS["map-csv"].body.decode("utf-8").encode("cp1252")
    response = Response("https://example.org/map.csv", 200, {}, csv_bytes, None, None, Request(rec.url), "text/csv")
    tri = next(LgaSharedServicesReader(source).parse(response))
    assert tri.savings[0].amount_gbp == 33_400_000
