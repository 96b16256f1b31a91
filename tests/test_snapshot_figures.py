"""The shipped offline snapshot builds the database issue 4 promises (harvest.toml + data/snapshot, no network).

Figures: >= 150 initiatives, >= 80 councils across all four nations, >= 60 initiatives with savings,
>= 30 shared services with two or more councils, sources of all three kinds; a second run changes
nothing; every saving has its evidence quote and source URL; LGA mirror copies are stored once.
Speed is measured by benchmarks, not asserted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from shopwindow import harvest, load_config

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def state(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    """Everything a rerun must leave alone (timestamps excluded)."""
    queries = {
        "initiatives": "select id, title, summary, url, published, service_area, delivery_model, evidence_grade, "
                       "quality_flags, status from initiatives order by id",
        "sources": "select initiative_id, url, source_kind, evidence_grade from initiative_sources order by 1, 2",
        "councils": "select initiative_id, council_code from initiative_councils order by 1, 2",
        "partners": "select initiative_id, name, kind from initiative_partners order by 1, 2",
        "savings": "select id, initiative_id, amount_gbp, status, period, quote from savings order by id",
    }
    return {name: [tuple(r) for r in db.execute(sql).fetchall()] for name, sql in queries.items()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("snapshot") / "shopwindow.db")
    config = load_config(ROOT / "harvest.toml")
    first = harvest(config, db_path=path, offline=True)
    db = sqlite_utils.Database(path)
    before = state(db)
    second = harvest(config, db_path=path, offline=True)
    return first, second, db, before


def one(db: sqlite_utils.Database, sql: str) -> int:
    return db.execute(sql).fetchone()[0]


def test_every_source_runs_offline_without_failure(built):
    first, second, _db, _before = built
    assert first.exit_code == 0 and second.exit_code == 0


def test_at_least_150_initiatives(built):
    assert one(built[2], "select count(*) from initiatives") >= 150


def test_at_least_80_councils_across_all_four_nations(built):
    db = built[2]
    assert one(db, "select count(distinct council_code) from initiative_councils") >= 80
    nations = {r[0] for r in db.execute(
        "select distinct c.nation from initiative_councils ic join councils c on c.code = ic.council_code")}
    assert {"England", "Wales", "Scotland", "Northern Ireland"} <= nations


def test_at_least_60_initiatives_with_savings(built):
    assert one(built[2], "select count(distinct initiative_id) from savings where sector_wide = 0") >= 60


def test_at_least_30_shared_services_with_two_or_more_councils(built):
    assert one(built[2], """select count(*) from initiatives i where delivery_model = 'shared_service'
                            and (select count(*) from initiative_councils c where c.initiative_id = i.id) >= 2""") >= 30


def test_sources_of_all_three_kinds(built):
    kinds = {r[0] for r in built[2].execute("select distinct source_kind from initiative_sources")}
    assert {"council", "lga", "thinktank"} <= kinds


def test_some_initiatives_are_reported_by_several_kinds_of_publisher(built):
    assert one(built[2], """select count(*) from (select initiative_id from initiative_sources
                            group by initiative_id having count(distinct source_kind) >= 2)""") >= 5


def test_every_saving_has_its_evidence_quote_and_source_url(built):
    db = built[2]
    assert one(db, "select count(*) from savings") > 0
    assert one(db, "select count(*) from savings where coalesce(trim(quote), '') = '' "
                   "or coalesce(source_url, '') not like 'http%'") == 0


def test_second_run_changes_nothing(built):
    first, second, db, before = built
    assert state(db) == before
    # the second run is answered "not modified" page by page, so nothing is parsed again
    assert sum(s.pages_fetched for s in second.sources) == 0
    assert sum(s.pages_unchanged for s in second.sources) == sum(s.pages_fetched for s in first.sources)
    assert one(db, "select count(*) from harvest_runs where status != 'ok'") == 0


def test_lga_mirror_copies_are_stored_once_under_the_main_site(built):
    db = built[2]
    assert one(db, "select count(*) from initiatives where url like '%lgaconservatives%' or url like '%lgalabour%'") == 0
    assert one(db, "select count(*) from initiative_sources "
                   "where url = 'https://www.local.gov.uk/north-yorkshire-county-council-no-wrong-door'") == 1
    assert one(db, "select count(*) from initiative_sources "
                   "where url = 'https://www.local.gov.uk/south-hams-and-west-devon-transformation-programme'") == 1


def test_every_initiative_has_quality_flags_and_an_evidence_grade(built):
    db = built[2]
    assert one(db, "select count(*) from initiatives where quality_flags is null or evidence_grade is null") == 0
    assert one(db, "select count(*) from initiatives where evidence_grade = 'evaluated'") >= 3
