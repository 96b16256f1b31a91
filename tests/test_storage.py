"""Storage: idempotent writes, one transaction per page, vanished initiatives removed."""

from __future__ import annotations

import pytest
import sqlite_utils

from shopwindow import Record, Saving
from shopwindow.models import Request
from shopwindow.schema import SCHEMA_VERSION, ensure_schema
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


# -- several sources, one initiative: each source owns the councils, partners and savings it named ----------

LGA = "https://www.local.gov.uk/case-studies/shared-legal"
NEWS = "https://www.wigan.gov.uk/news/shared-legal"


def legal(url, council, partner, amount):
    return Record(title="Shared legal service", url=url, councils=[council], partners=[{"name": partner, "kind": "nhs"}],
                  savings=[Saving(amount_gbp=amount, status="achieved", quote=f"It saved £{amount:,.0f}.")])


def store_both(storage, *, first=None):
    """The LGA's case study first (the primary), then the council's news joining it as a second source."""
    storage.save_page(url=LGA, source="lga", fetch=FETCH, records=[first or legal(LGA, "E08000010", "NHS Wigan", 1e6)], requests=[])
    joined = next(storage.db.query("select id from initiatives"))["id"]
    storage.save_page(url=NEWS, source="news", fetch=FETCH, records=[legal(NEWS, "E08000001", "Bolton FT", 2e6)], requests=[],
                      match=lambda db, record, own_id: joined)
    return joined


def links(db):
    return (sorted(r[0] for r in db.execute("select council_code from initiative_councils")),
            sorted(r[0] for r in db.execute("select name from initiative_partners")),
            sorted(r[0] for r in db.execute("select amount_gbp from savings")))


def test_restoring_the_first_source_keeps_what_the_second_source_named(storage):
    store_both(storage)
    # An incremental re-run: the LGA page changed, and now names another council.
    storage.save_page(url=LGA, source="lga", fetch=dict(FETCH, content_hash="h2"),
                      records=[legal(LGA, "E08000002", "NHS Wigan", 1.5e6)], requests=[])
    assert storage.db["initiatives"].count == 1
    assert links(storage.db) == (["E08000001", "E08000002"], ["Bolton FT", "NHS Wigan"], [1.5e6, 2e6])


def test_restoring_the_second_source_keeps_what_the_first_named(storage):
    joined = store_both(storage)
    storage.save_page(url=NEWS, source="news", fetch=dict(FETCH, content_hash="h2"), records=[legal(NEWS, "E08000003", "Bolton FT", 3e6)],
                      requests=[], match=lambda db, record, own_id: joined)
    assert links(storage.db) == (["E08000003", "E08000010"], ["Bolton FT", "NHS Wigan"], [1e6, 3e6])


def test_a_council_named_by_both_sources_stays_until_neither_names_it(storage):
    store_both(storage, first=legal(LGA, "E08000001", "Bolton FT", 1e6))  # both name Bolton
    storage.save_page(url=LGA, source="lga", fetch=FETCH, records=[legal(LGA, "E08000010", "NHS Wigan", 1e6)], requests=[])
    assert links(storage.db)[:2] == (["E08000001", "E08000010"], ["Bolton FT", "NHS Wigan"])


def test_a_source_that_stops_describing_the_initiative_takes_its_links_with_it(storage):
    store_both(storage)
    storage.save_page(url=NEWS, source="news", fetch=FETCH, records=[], requests=[])
    assert links(storage.db) == (["E08000010"], ["NHS Wigan"], [1e6])


def test_two_records_of_one_page_joining_one_initiative_keep_each_others_savings(storage):
    """The second record of a page must not wipe what the first stored for the same source."""
    storage.save_page(url=LGA, source="lga", fetch=FETCH, records=[legal(LGA, "E08000010", "NHS Wigan", 1e6)], requests=[])
    joined = next(storage.db.query("select id from initiatives"))["id"]
    page = [legal(NEWS + "#a", "E08000001", "Bolton FT", 2e6), legal(NEWS + "#b", "E08000002", "Salford CCG", 3e6)]
    for _ in range(2):
        storage.save_page(url=NEWS, source="news", fetch=FETCH, records=page, requests=[], match=lambda db, record, own_id: joined)
    assert links(storage.db) == (["E08000001", "E08000002", "E08000010"], ["Bolton FT", "NHS Wigan", "Salford CCG"], [1e6, 2e6, 3e6])


def test_an_older_database_gives_its_links_to_every_source_and_upgrades_once(storage):
    """Before links had owners: each existing link is kept until every source of its initiative stops naming it."""
    store_both(storage)
    storage.db.execute("drop table initiative_link_sources")
    storage.db.execute("PRAGMA user_version = 0")  # as a database made before the upgrade has
    for _ in range(2):
        ensure_schema(storage.db)
    assert storage.db["initiative_link_sources"].count == 2 * 4  # 2 councils + 2 partners, each owned by both documents
    assert storage.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # not run again at the next start
    storage.save_page(url=LGA, source="lga", fetch=FETCH, records=[legal(LGA, "E08000002", "NHS Wigan", 1e6)], requests=[])
    assert links(storage.db)[0] == ["E08000001", "E08000002", "E08000010"]  # the news page, not yet re-read, still owns E08000010


def test_two_sources_quoting_the_same_sentence_each_keep_their_own_saving_row(storage):
    same = "It saved £1,000,000."
    store_both(storage, first=Record(title="Shared legal service", url=LGA, councils=["E08000010"],
                                     savings=[Saving(amount_gbp=1e6, status="achieved", quote=same)]))
    joined = next(storage.db.query("select id from initiatives"))["id"]
    storage.save_page(url=NEWS, source="news", fetch=dict(FETCH, content_hash="h2"), requests=[],
                      records=[Record(title="Shared legal service", url=NEWS, councils=["E08000001"],
                                      savings=[Saving(amount_gbp=1e6, status="achieved", quote=same)])],
                      match=lambda db, record, own_id: joined)
    assert sorted(r[0] for r in storage.db.execute("select source_url from savings where amount_gbp = 1e6")) == [LGA, NEWS]
    # The news page drops the figure: the LGA's telling of it stays.
    storage.save_page(url=NEWS, source="news", fetch=dict(FETCH, content_hash="h3"), requests=[],
                      records=[Record(title="Shared legal service", url=NEWS, councils=["E08000001"])],
                      match=lambda db, record, own_id: joined)
    assert [r[0] for r in storage.db.execute("select source_url from savings where amount_gbp = 1e6")] == [LGA]
