"""Quality flags and evidence grades computed after a run (plugins/quality.py, docs/quality.md)."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from shopwindow.config import Source
from shopwindow.models import Record, Saving
from shopwindow.schema import ensure_schema
from shopwindow.storage import Storage
from shopwindow_plugins import quality
from shopwindow_plugins.quality import enrich_record, is_implausible, text_grade, update_quality

SOURCE = Source(name="s", plugin="x", urls=[])
COUNCILS = [
    {"code": "E07000044", "name": "South Hams District Council", "type": "district", "nation": "England"},
    {"code": "E08000010", "name": "Wigan Metropolitan Borough Council", "type": "metropolitan district", "nation": "England"},
    {"code": "N09000003", "name": "Belfast City Council", "type": "district", "nation": "Northern Ireland"},
]


@pytest.fixture
def db() -> sqlite_utils.Database:
    database = ensure_schema(sqlite_utils.Database(memory=True))
    database["councils"].insert_all(COUNCILS, pk="code")
    quality.prepare_database(database)
    return database


def save(db, record: Record, source: str = "src", match=None) -> None:
    enrich_record(record=record, source=SOURCE)
    Storage(db).save_page(url=record.url, source=source, fetch={}, records=[record], requests=[], match=match)


def flags_of(db, url: str) -> tuple[list[str], str]:
    row = db.execute("select quality_flags, evidence_grade from initiatives where url = ?", [url]).fetchone()
    return json.loads(row[0]), row[1]


def test_saving_without_period_and_undated_single_source_are_flagged(db):
    save(db, Record(title="A", url="https://a.gov.uk/1", councils=["E08000010"], source_kind="council",
                    savings=[Saving(amount_gbp=2e6, period=None, quote="saved £2m")]))
    update_quality(db)
    assert flags_of(db, "https://a.gov.uk/1") == (["saving-without-period", "single-source", "undated"], "self-reported")


def test_a_dated_annual_saving_from_two_sources_has_no_flags(db):
    from shopwindow_plugins.matching import match_initiative

    base = dict(councils=["E08000010"], published="2019-03-12", savings=[Saving(amount_gbp=5e6, period="annual", quote="£5m a year")])
    save(db, Record(title="Wigan Council: The Deal", summary="residents deal council tax", url="https://lga/deal", source_kind="lga", **base))
    save(db, Record(title="The Deal with residents", summary="residents deal council tax", url="https://wigan/deal", source_kind="council",
                    **base), match=match_initiative)
    update_quality(db)
    assert db["initiatives"].count == 1
    assert flags_of(db, "https://lga/deal") == ([], "third-party")


@pytest.mark.parametrize(
    ("code", "amount", "period", "implausible"),
    [
        ("E07000044", 10e6, "annual", True),  # a district's whole net budget is about £15m
        ("E07000044", 1.5e6, "annual", False),
        ("E07000044", 12e6, "cumulative", False),
        ("E08000010", 160e6, "cumulative", False),  # Wigan's reported savings since 2011
        ("E08000010", 200e6, "annual", True),
        ("N09000003", 10e6, "annual", False),
    ],
)
def test_implausible_saving_rule_scales_with_council_type(db, code, amount, period, implausible):
    url = f"https://x/{code}/{amount}/{period}"
    save(db, Record(title="T", url=url, councils=[code], published="2020-01-01",
                    savings=[Saving(amount_gbp=amount, period=period, quote="q")]))
    update_quality(db)
    assert ("implausible-saving" in flags_of(db, url)[0]) is implausible


def test_shared_saving_is_judged_against_all_its_councils():
    assert is_implausible(10e6, "annual", [15e6]) is True
    assert is_implausible(10e6, "annual", [15e6, 350e6]) is False
    assert is_implausible(10e6, "annual", []) is False  # no known council: no judgement


def test_dead_source_link_when_the_last_fetch_failed(db):
    url = "https://a.gov.uk/gone"
    save(db, Record(title="Gone", url=url, councils=["E08000010"], published="2020-01-01"))
    update_quality(db)
    assert "dead-source-link" not in flags_of(db, url)[0]
    Storage(db).record_failure(url, "src", "gone", 410, "HTTP 410 Gone")
    update_quality(db)
    assert "dead-source-link" in flags_of(db, url)[0]
    assert db.execute("select count(*) from initiative_flags where flag = 'dead-source-link'").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("status", "http_status", "dead"),
    [("error", 0, True), ("error", 503, True), ("gone", 404, True), ("error", 200, False), ("disallowed", 0, False)],
)
def test_failed_fetch_is_dead_but_a_parse_failure_or_robots_refusal_is_not(db, status, http_status, dead):
    url = "https://a.gov.uk/page"
    save(db, Record(title="Page", url=url, councils=["E08000010"], published="2020-01-01"))
    Storage(db).record_failure(url, "src", status, http_status, "what happened")
    update_quality(db)
    assert ("dead-source-link" in flags_of(db, url)[0]) is dead


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("An independent evaluation by Loughborough University found fewer arrests.", "evaluated"),
        ("The scheme was independently evaluated in 2018.", "evaluated"),
        ("The accounts were audited and the savings confirmed.", "evaluated"),
        ("A National Audit Office report examined the programme.", "evaluated"),
        ("The scheme has not yet been independently evaluated.", None),
        ("Our internal audit team checks the figures.", None),
        ("We saved £2m a year.", None),
    ],
)
def test_text_grade_recognises_independent_evaluation(text, grade):
    assert text_grade(text) == grade


def test_evaluated_source_lifts_the_initiative_grade_whichever_comes_first(db):
    from shopwindow_plugins.matching import match_initiative

    common = dict(councils=["E10000023"], published="2017-11-02")
    db["councils"].insert({"code": "E10000023", "name": "North Yorkshire County Council", "type": "county", "nation": "England"})
    save(db, Record(title="No Wrong Door hubs extended", summary="hubs for teenagers on the edge of care", url="https://ny/nwd",
                    source_kind="council", **common))
    save(db, Record(title="North Yorkshire County Council: No Wrong Door", summary="hubs for teenagers on the edge of care",
                    body="An independent evaluation by Loughborough University reported fewer arrests.", url="https://lga/nwd",
                    source_kind="lga", **common), match=match_initiative)
    update_quality(db)
    assert db["initiatives"].count == 1
    assert flags_of(db, "https://ny/nwd") == ([], "evaluated")


def test_recomputing_changes_nothing_the_second_time(db):
    save(db, Record(title="A", url="https://a.gov.uk/1", councils=["E08000010"]))
    assert update_quality(db) == 1
    assert update_quality(db) == 0


def test_records_are_graded_by_publisher(db):
    council = Record(title="x", url="u", source_kind="council")
    thinktank = Record(title="x", url="u", source_kind="thinktank")
    enrich_record(record=council, source=SOURCE)
    enrich_record(record=thinktank, source=SOURCE)
    assert (council.evidence_grade, thinktank.evidence_grade) == ("self-reported", "third-party")
