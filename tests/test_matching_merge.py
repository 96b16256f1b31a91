"""Re-matching after a run: initiatives stored apart that turn out to be one scheme are merged, once, with their provenance."""

from __future__ import annotations

import itertools
import json

import pytest
import sqlite_utils
from click.testing import CliRunner

from shopwindow.schema import ensure_schema
from shopwindow.storage import Storage
from shopwindow_plugins import matching
from shopwindow_plugins import rematch as rematch_plugin
from shopwindow_plugins.matching import match_initiative
from shopwindow_plugins.rematch import after_run, rematch
from test_matching import COUNCILS, GLASGOW_LED, GLASGOW_SENSORS, S, rec

SOUTH_HAMS = ["E07000044", "E07000047"]
# One scheme, four publishers (as in data/snapshot): the LGA's map row and case study name the shared
# workforce, the thinktank and the council's news the T18 programme, and the figure moved from £4.6m to
# £3.9m. In many orders matching on store makes two initiatives, one per pair of titles: each new record
# meets only the first source's summary. Side by side, the two initiatives' titles join them.
MAP = S(title="South Hams and West Devon shared workforce", url="https://www.local.gov.uk/map.csv", key="SS006", kind="lga",
        summary="Two district councils employ one workforce under a single chief executive and redesigned services "
                "through the T18 transformation programme.", councils=SOUTH_HAMS, amount=4.6e6)
CASE = S(title="South Hams and West Devon: a shared workforce and the T18 programme", url="https://www.local.gov.uk/south-hams-t18",
         kind="lga", summary="The two councils share one workforce and rebuilt services around online self-service through T18.",
         councils=SOUTH_HAMS, amount=4.6e6)
THINK = S(title="South Hams District Council: T18 transformation with West Devon", url="https://www.iese.org.uk/awards.pdf",
          kind="thinktank", key="t18", summary="South Hams and West Devon redesigned every service around online self-service "
          "and one shared workforce under the T18 programme, saving the two councils £3.9m a year.", councils=SOUTH_HAMS, amount=3.9e6)
NEWS = S(title="T18 transformation programme complete", url="https://www.southhams.gov.uk/news/t18-complete",
         summary="The two councils have completed T18, which moved most services online and created a single shared "
                 "workforce; it now saves £3.9m a year.", councils=["E07000044"], amount=3.9e6)


def new_db(path: str | None = None) -> sqlite_utils.Database:
    db = ensure_schema(sqlite_utils.Database(path) if path else sqlite_utils.Database(memory=True))
    db["councils"].insert_all([{"code": c, "name": n, "short_name": s} for c, (n, s) in COUNCILS.items()], pk="code")
    matching.prepare_database(db=db)  # each source's summary, as open_database makes it
    rematch_plugin.prepare_database(db=db)  # and the merge log
    return db


def store(db: sqlite_utils.Database, *specs: dict) -> None:
    for spec in specs:
        record = rec(spec)
        Storage(db).save_page(url=record.url + ("#" + record.key if record.key else ""), source=spec.get("kind", "council"),
                              fetch={}, records=[record], requests=[], match=match_initiative)


def groups(db: sqlite_utils.Database) -> list[list[str]]:
    """The source URLs of each initiative: what a harvest concluded, whatever the ids."""
    found: dict[str, list[str]] = {}
    for iid, url in db.execute("select initiative_id, url from initiative_sources order by url"):
        found.setdefault(iid, []).append(url)
    return sorted(found.values())


def table_rows(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    tables = ("initiatives", "initiative_sources", "initiative_councils", "savings", "initiative_merges")
    return {t: sorted(tuple(r) for r in db.execute(f"select * from {t}").fetchall()) for t in tables}


def test_initiatives_stored_apart_are_merged_into_one_with_every_source():
    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    assert db["initiatives"].count == 2  # matching on store alone could not see it
    merged = rematch(db)
    assert len(merged) == 1
    assert groups(db) == [sorted(rec(s).url for s in (NEWS, MAP, CASE, THINK))]


def test_the_outcome_does_not_depend_on_the_order_sources_were_stored():
    every_order = list(itertools.permutations((NEWS, MAP, CASE, THINK)))
    outcomes, apart = set(), 0
    for order in every_order:
        db = new_db()
        store(db, *order)
        apart += db["initiatives"].count > 1
        rematch(db)
        outcomes.add(json.dumps(groups(db)))
    assert apart >= len(every_order) // 2  # on store alone the order decided
    assert outcomes == {json.dumps([sorted(rec(s).url for s in (NEWS, MAP, CASE, THINK))])}


def test_the_older_initiative_survives_and_keeps_its_title():
    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    oldest = db.execute("select id, title from initiatives order by first_seen, id limit 1").fetchone()
    (row,) = rematch(db)
    assert row["kept_id"] == oldest[0]
    assert db.execute("select id, title from initiatives").fetchall() == [oldest]


def test_a_merge_keeps_every_fact_with_its_provenance():
    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    facts = "select url, source, source_kind, title from initiative_sources order by url"
    figures = "select amount_gbp, quote, source_url, document_id from savings order by source_url, amount_gbp"
    before = (db.execute(facts).fetchall(), db.execute(figures).fetchall(),
              sorted({r[0] for r in db.execute("select council_code from initiative_councils")}))
    rematch(db)
    (kept,) = [r[0] for r in db.execute("select id from initiatives")]
    assert (db.execute(facts).fetchall(), db.execute(figures).fetchall(),
            [r[0] for r in db.execute("select council_code from initiative_councils where initiative_id = ? order by 1", [kept])]) == before
    assert {r[0] for r in db.execute("select initiative_id from savings")} == {kept}


def test_every_merge_is_logged_with_the_sources_it_moved():
    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    (row,) = rematch(db)
    (logged,) = db["initiative_merges"].rows
    assert (logged["kept_id"], logged["merged_id"]) == (row["kept_id"], row["merged_id"])
    assert logged["score"] >= matching.THRESHOLD and logged["merged_at"]
    moved = json.loads(logged["moved_urls"])
    assert moved and all(db.execute("select initiative_id from initiative_sources where url = ?", [u]).fetchone()[0]
                         == row["kept_id"] for u in moved)


def test_a_second_rematch_merges_nothing_and_changes_nothing():
    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    rematch(db)
    before = table_rows(db)
    assert rematch(db) == []
    assert table_rows(db) == before


def test_a_merged_source_read_again_stays_with_the_survivor():
    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    rematch(db)
    before = groups(db)
    store(db, NEWS, MAP, CASE, THINK)
    assert groups(db) == before and rematch(db) == []


@pytest.mark.parametrize("order", [(GLASGOW_SENSORS, GLASGOW_LED), (GLASGOW_LED, GLASGOW_SENSORS)])
def test_two_schemes_of_one_council_stay_apart(order):
    db = new_db()
    store(db, *order)
    assert rematch(db) == []
    assert db["initiatives"].count == 2


def test_the_database_is_sound_after_a_merge(tmp_path):
    db = new_db(str(tmp_path / "merge.db"))
    store(db, NEWS, MAP, CASE, THINK)
    rematch(db)
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.execute("insert into initiatives_fts(initiatives_fts) values ('integrity-check')")  # raises if FTS drifted
    assert db["initiatives_fts"].count == db["initiatives"].count == 1
    for table in ("initiative_sources", "initiative_councils", "savings"):
        assert db.execute(f"select count(*) from {table} where initiative_id not in (select id from initiatives)").fetchone()[0] == 0
    hits = [r[0] for r in db.execute("select rowid from initiatives_fts where initiatives_fts match 'workforce OR T18'")]
    assert len(hits) == 1


def test_a_failing_merge_leaves_the_database_as_it_was(monkeypatch):
    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    before = table_rows(db)

    def broken(db, kept, merged, value):
        db.execute("delete from initiative_sources where initiative_id = ?", [merged])
        raise RuntimeError("disk full")

    monkeypatch.setattr(rematch_plugin, "merge", broken)
    with pytest.raises(RuntimeError):
        rematch(db)
    assert table_rows(db) == before


def test_the_end_of_run_hook_merges(tmp_path):
    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    after_run(db=db, report=None)
    assert db["initiatives"].count == 1


def test_a_run_that_stored_nothing_skips_the_re_match(tmp_path):
    from types import SimpleNamespace

    db = new_db()
    store(db, NEWS, MAP, CASE, THINK)
    stored_apart = db["initiatives"].count
    assert stored_apart > 1
    unchanged = SimpleNamespace(sources=[SimpleNamespace(records=0)], problems=[])
    after_run(db=db, report=unchanged)
    assert db["initiatives"].count == stored_apart  # nothing new was stored, so nothing is compared
    after_run(db=db, report=SimpleNamespace(sources=[SimpleNamespace(records=1)], problems=[]))
    assert db["initiatives"].count == 1


def test_harvest_rematch_command_merges_an_existing_database(tmp_path):
    from shopwindow.cli import cli

    path = str(tmp_path / "old.db")
    store(new_db(path), NEWS, MAP, CASE, THINK)
    result = CliRunner().invoke(cli, ["rematch", "--db", path])
    assert result.exit_code == 0, result.output
    assert "T18" in result.output or "workforce" in result.output
    assert sqlite_utils.Database(path)["initiatives"].count == 1
    assert CliRunner().invoke(cli, ["rematch", "--db", path]).output == ""


def test_each_source_keeps_its_own_summary_for_re_matching_until_it_is_gone():
    db = new_db()
    store(db, MAP, CASE)
    remembered = {r[0] for r in db.execute("select url from matching_texts")}
    assert remembered == {rec(MAP).url, rec(CASE).url}  # the initiative itself keeps only the primary's
    db.execute("delete from initiative_sources where url = ?", [rec(CASE).url])
    rematch(db)
    assert [r[0] for r in db.execute("select url from matching_texts")] == [rec(MAP).url]


def test_re_matching_is_its_own_built_in_plugin_beside_matching_on_store():
    from shopwindow.cli import cli

    rows = {r["name"]: r for r in json.loads(CliRunner().invoke(cli, ["plugins", "--json"]).output)}
    assert rows["matching"]["hooks"] == "match_initiative, prepare_database"
    assert rows["rematch"]["hooks"] == "after_run, prepare_database, register_commands"
    assert rematch_plugin.score is matching.score  # one scoring rule, shared by import
