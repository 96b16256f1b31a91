"""Source health rules, the after_run verdicts, the source_health view and what `harvest run` / `harvest sources` say."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from shopwindow import health
from shopwindow.health import judge
from shopwindow.runner import harvest
from shopwindow.schema import open_database

from mini_site import MiniSite, mini_config, mini_pm


def test_run_failure_is_unhealthy_with_its_first_error():
    verdict = judge("failed", 1, 1, "https://x/: HTTP 500", 0, [40, 40])
    assert verdict.health == "unhealthy" and "HTTP 500" in verdict.reason


def test_zero_items_where_there_were_forty_means_the_layout_changed():
    verdict = judge("ok", 1, 0, "", 0, [40, 41, 39, 40, 40])
    assert verdict.health == "unhealthy"
    assert "found 0 items where it usually finds 40" in verdict.reason and "layout" in verdict.reason


@pytest.mark.parametrize(("items", "history", "expected"), [
    (38, [40, 41, 39], "healthy"),  # normal wobble
    (19, [40, 40, 40], "unhealthy"),  # under half of the median
    (1, [2, 3, 2], "healthy"),  # small sources: a drop of 1 is noise
    (0, [2, 2, 1], "unhealthy"),  # but nothing where there was something is not
    (0, [0, 0, 0], "healthy"),  # a source that never has items is not getting worse
    (25, [], "healthy"),  # first run: nothing to compare
    (0, [], "warning"),  # a new source that finds nothing deserves a look, but is not a regression
])
def test_item_drop_rules(items, history, expected):
    assert judge("ok", 5, 0, "", items, history).health == expected


def test_many_page_errors_are_unhealthy_and_a_few_are_a_warning():
    assert judge("partial", 10, 3, "https://x/a: timed out", 40, [40]).health == "unhealthy"
    few = judge("partial", 40, 1, "https://x/a: HTTP 404", 40, [40])
    assert few.health == "warning" and "1 of 40 pages failed" in few.reason


def run(db, site, pm, *names):
    return harvest(mini_config(*names), str(db), offline=True, transport=site.transport(), pm=pm)


def test_layout_change_after_healthy_runs_makes_the_run_exit_1_naming_source_and_reason(tmp_path):
    db, site, pm = tmp_path / "h.db", MiniSite(40), mini_pm(health)
    for _ in range(3):  # the second and third runs see an unchanged page: its 40 items still count
        report = run(db, site, pm)
        assert report.exit_code == 0 and not report.problems
    site.items = 0
    report = run(db, site, pm)
    assert report.exit_code == 1
    assert report.problems == [
        "mini is unhealthy: found 0 items where it usually finds 40 (median of its last 3 runs): "
        "the site has probably changed its layout; check the reader with `harvest check`"
    ]
    rows = sqlite3.connect(db).execute("select items_seen, health from harvest_runs order by id").fetchall()
    assert rows == [(40, "healthy"), (40, "healthy"), (40, "healthy"), (0, "unhealthy")]


def test_unhealthy_runs_stay_out_of_the_baseline_so_a_broken_reader_stays_loud(tmp_path):
    db, site, pm = tmp_path / "h.db", MiniSite(40), mini_pm(health)
    run(db, site, pm)
    site.items = 0
    for _ in range(4):
        assert run(db, site, pm).exit_code == 1


def test_source_health_view_has_latest_verdict_and_last_success(tmp_path):
    db, site, pm = tmp_path / "h.db", MiniSite(12), mini_pm(health)
    run(db, site, pm)
    site.status = 500
    run(db, site, pm)
    view = open_database(str(db))
    row = next(view.query("select * from source_health where source = 'mini'"))
    assert row["health"] == "unhealthy" and "HTTP 500" in row["reason"]
    assert row["last_status"] == "failed" and row["items_usual"] == 12 and row["runs"] == 2
    first = next(view.query("select finished from harvest_runs order by id limit 1"))["finished"]
    assert row["last_success"] == first


def test_sources_command_shows_health_items_and_reason(tmp_path, write_config):
    from shopwindow.cli import cli

    db, site, pm = tmp_path / "h.db", MiniSite(40), mini_pm(health)
    run(db, site, pm)
    site.items = 0
    run(db, site, pm)
    config = write_config('[[sources]]\nname = "mini"\nplugin = "feed"\nurl = "https://mini.example.gov.uk/schemes"\n')
    result = CliRunner().invoke(cli, ["sources", "--config", str(config), "--db", str(db)])
    assert result.exit_code == 0, result.output
    line = next(l for l in result.output.splitlines() if l.startswith("mini "))
    assert "unhealthy" in line and "0 (usual 40)" in line
    assert "UNHEALTHY mini: found 0 items where it usually finds 40" in result.output


def test_source_health_view_is_created_once_and_not_rewritten_on_every_open(tmp_path):
    db = open_database(str(tmp_path / "v.db"))
    assert "source_health" in db.view_names()
    changes = db.conn.total_changes
    schema_version = db.execute("pragma schema_version").fetchone()[0]
    health.prepare_database(db)
    assert db.execute("pragma schema_version").fetchone()[0] == schema_version and db.conn.total_changes == changes
