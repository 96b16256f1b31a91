"""Storage: idempotent writes, one transaction per page, vanished initiatives removed."""

from __future__ import annotations

import pytest
import sqlite_utils

from shopwindow import Record, Saving
from shopwindow.models import Request
from shopwindow.schema import ensure_schema
from shopwindow.storage import Storage

FETCH = {"etag": '"1"', "last_modified": None, "content_hash": "h1", "http_status": 200, "final_url": "", "content_type": "text/html"}


@pytest.fixture
def storage():
    return Storage(ensure_schema(sqlite_utils.Database(memory=True)))


def shortlist(*titles):
    return [
        Record(title=t, url="https://www.lgcplus.com/shortlist", key=t.lower(), councils=["E06000018"],
               savings=[Saving(amount_gbp=2_000_000, status="achieved", period="annual", quote=f"{t} saved £2m a year.")])
        for t in titles
    ]


def counts(db):
    return {t: db[t].count for t in ("documents", "initiatives", "initiative_councils", "savings", "initiative_sources", "links")}


def test_saving_the_same_page_twice_duplicates_nothing(storage):
    for _ in range(2):
        storage.save_page(url="https://www.lgcplus.com/shortlist", source="lgc", fetch=FETCH, records=shortlist("A", "B"),
                          requests=[Request("https://www.lgcplus.com/next", document=False)])
    assert counts(storage.db) == {"documents": 1, "initiatives": 2, "initiative_councils": 2, "savings": 2,
                                  "initiative_sources": 2, "links": 1}


def test_an_initiative_no_longer_on_the_page_is_removed_with_its_savings(storage):
    storage.save_page(url="https://www.lgcplus.com/shortlist", source="lgc", fetch=FETCH, records=shortlist("A", "B"), requests=[])
    storage.save_page(url="https://www.lgcplus.com/shortlist", source="lgc", fetch=FETCH, records=shortlist("A"), requests=[])
    assert [r["title"] for r in storage.db.query("select title from initiatives")] == ["A"]
    assert storage.db["savings"].count == 1


def test_first_seen_is_kept_and_last_seen_moves(storage):
    storage.save_page(url="https://x.gov.uk/a", source="s", fetch=FETCH, records=shortlist("A"), requests=[])
    first = storage.db["initiatives"].get(next(iter(storage.db.query("select id from initiatives")))["id"])
    storage.db.execute("update initiatives set first_seen = '2020-01-01', last_seen = '2020-01-01'")
    storage.db.conn.commit()
    storage.record_unchanged("https://x.gov.uk/a", "s", 304)
    again = storage.db["initiatives"].get(first["id"])
    assert again["first_seen"] == "2020-01-01" and again["last_seen"] > "2020-01-01"


def test_a_failure_mid_page_writes_nothing(storage, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(storage, "_drop_vanished", explode)
    with pytest.raises(RuntimeError):
        storage.save_page(url="https://x.gov.uk/a", source="s", fetch=FETCH, records=shortlist("A"), requests=[])
    assert counts(storage.db) == dict.fromkeys(counts(storage.db), 0)


def test_killed_run_is_marked_interrupted(storage):
    storage.db["harvest_runs"].insert({"source": "s", "status": "running", "pid": 999_999_999, "started": "2026-01-01"})
    assert storage.mark_interrupted() == 1
    assert next(storage.db.query("select status from harvest_runs"))["status"] == "interrupted"


def test_schema_is_idempotent_and_has_full_text_search(storage):
    ensure_schema(storage.db)
    storage.save_page(url="https://x.gov.uk/a", source="s", fetch=FETCH, records=shortlist("Shared legal service"), requests=[])
    hits = list(storage.db["initiatives"].search("legal"))
    assert [h["title"] for h in hits] == ["Shared legal service"]
