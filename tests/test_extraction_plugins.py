"""The extraction plugins on the pipeline hooks: linking, savings, classification, splitting, checks, loading."""

from __future__ import annotations

import pytest
import sqlite_utils

from shopwindow import RejectRecord
from shopwindow.config import Source
from shopwindow.models import Record, Saving
from shopwindow.schema import ensure_schema
from shopwindow_plugins import classify as classify_plugin
from shopwindow_plugins import councils as councils_plugin
from shopwindow_plugins import savings as savings_plugin
from shopwindow_plugins import split as split_plugin


def source(council: str | None = None) -> Source:
    return Source(name="test", plugin="pages", urls=["https://example.org/"], council=council)


def test_link_record_sets_councils_and_partners_from_the_text():
    record = Record(title="Joint control room", url="https://example.org/a",
                    body="Surrey County Council and Surrey Police now share a control room.")
    councils_plugin.link_record(record=record, source=source())
    assert record.councils == ["E10000030"]
    assert record.partners == [{"name": "Surrey Police", "kind": "police"}]


def test_link_record_falls_back_to_the_source_council_only_when_the_page_names_none():
    unnamed = Record(title="We saved £2m on bins", url="https://example.org/b", body="Our new rounds saved £2m.")
    councils_plugin.link_record(record=unnamed, source=source("E06000018"))
    assert unnamed.councils == ["E06000018"]
    named = Record(title="Kirklees Council saves £2m", url="https://example.org/c", body="Kirklees saved £2m.")
    councils_plugin.link_record(record=named, source=source("E06000018"))
    assert named.councils == ["E08000034"]


def test_resolve_council_hook_answers_names():
    assert councils_plugin.resolve_council(name="LB Croydon") == "E09000008"
    assert councils_plugin.resolve_council(name="Surrey Police") is None


def test_savings_are_added_once_and_never_over_reader_supplied_ones():
    record = Record(title="Council saves £2m a year", url="https://example.org/d", councils=["E08000034"],
                    body="Kirklees Council has saved £2m a year by sharing its legal team.")
    savings_plugin.enrich_record(record=record, source=source())
    assert [(s.amount_gbp, s.status, s.period) for s in record.savings] == [(2e6, "achieved", "annual")]
    supplied = Record(title="t", url="https://example.org/e", body="It saved £9m.", savings=[Saving(amount_gbp=1.0)])
    savings_plugin.enrich_record(record=supplied, source=source())
    assert [s.amount_gbp for s in supplied.savings] == [1.0]


def test_classification_fills_only_unset_fields():
    record = Record(title="Shared waste service", url="https://example.org/f", delivery_model="mutual",
                    body="Two councils merged their recycling and waste collection teams.")
    classify_plugin.enrich_record(record=record, source=source())
    assert (record.service_area, record.delivery_model) == ("waste_environment", "mutual")


def test_split_record_hook_splits_a_shortlist():
    body = "Ipswich BC\nMoved forms online, saving £40,000.\n\nGedling BC\nShared its payroll, saving £25,000.\n"
    parts = split_plugin.split_record(record=Record(title="Shortlist", url="https://example.org/g", body=body),
                                      source=source())
    assert [p.councils for p in parts] == [["E07000202"], ["E07000173"]]


@pytest.mark.parametrize("record", [
    Record(title="", url="https://example.org/h", body="Text"),
    Record(title="Untitled fragment", url="https://example.org/i"),
])
def test_check_record_rejects_junk(record):
    with pytest.raises(RejectRecord):
        councils_plugin.check_record(record=record, source=source())


def test_check_record_keeps_a_council_record_without_body():
    councils_plugin.check_record(record=Record(title="Kent", url="https://example.org/j", councils=["E10000016"]),
                                 source=source())


def test_prepare_database_loads_the_register_idempotently():
    db = sqlite_utils.Database(memory=True)
    ensure_schema(db)
    councils_plugin.prepare_database(db=db)
    councils_plugin.prepare_database(db=db)
    assert db["councils"].count == 432
    assert db["councils"].get("E06000018")["name"] == "Nottingham City Council"
    assert db["councils"].get("E07000026")["successor_code"] == "E06000063"
    assert db.execute("select code from council_names where name = 'lb croydon'").fetchall() == [("E09000008",)]
