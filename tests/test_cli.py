"""The harvest CLI: exit codes, one-line errors, and the commands a maintainer uses."""

from __future__ import annotations

import json
import shutil

import sqlite_utils
from click.testing import CliRunner

from shopwindow.cli import cli

CONFIG = """
[harvest]
snapshot = "{snapshot}"
[[sources]]
name = "kirklees-news"
plugin = "feed"
url = "https://www.kirklees.gov.uk/news/rss.xml"
council = "E08000034"
url_pattern = "/news/"
{extra}
"""


def make_project(tmp_path, fixtures, extra=""):
    snapshot = tmp_path / "snapshot"
    shutil.copytree(fixtures / "feed", snapshot)
    (tmp_path / "harvest.toml").write_text(CONFIG.format(snapshot=snapshot, extra=extra))
    return tmp_path / "harvest.toml", tmp_path / "sw.db"


def test_run_offline_exits_0_and_ends_with_a_summary(tmp_path, fixtures):
    config, db = make_project(tmp_path, fixtures)
    result = CliRunner().invoke(cli, ["run", "--config", str(config), "--db", str(db), "--offline", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "1 source(s): 1 ran, 0 failed" in result.output
    rows = sqlite_utils.Database(db).query(
        "select title, group_concat(council_code) codes from initiatives join initiative_councils on id = initiative_id group by id"
    )
    codes = {r["title"]: set(r["codes"].split(",")) for r in rows}
    assert codes["Road gritting season begins"] == {"E08000034"}  # names no council: the source's default
    assert codes["Libraries move to shared catalogue"] == {"E08000034", "E08000033"}  # Kirklees and Calderdale


def test_config_error_exits_2_without_traceback_and_writes_nothing(tmp_path, fixtures):
    config, db = make_project(tmp_path, fixtures, extra='schedule = "every monday"')
    result = CliRunner().invoke(cli, ["run", "--config", str(config), "--db", str(db), "--offline", "--no-progress"])
    assert result.exit_code == 2
    assert "field 'schedule'" in result.output and "kirklees-news" in result.output
    assert "Traceback" not in result.output
    assert not db.exists()


def test_unknown_source_on_the_command_line_exits_2(tmp_path, fixtures):
    config, db = make_project(tmp_path, fixtures)
    result = CliRunner().invoke(cli, ["run", "kirklees", "--config", str(config), "--db", str(db), "--offline"])
    assert result.exit_code == 2 and "Did you mean 'kirklees-news'" in result.output


def test_failing_source_exits_1_and_other_sources_are_still_stored(tmp_path, fixtures):
    extra = '\n[[sources]]\nname = "dead"\nplugin = "feed"\nurl = "https://dead.example.gov.uk/rss"\n'
    config, db = make_project(tmp_path, fixtures, extra=extra)
    result = CliRunner().invoke(cli, ["run", "--config", str(config), "--db", str(db), "--offline", "--no-progress"])
    assert result.exit_code == 1
    assert "FAILED dead" in result.output
    database = sqlite_utils.Database(db)
    assert database["initiatives"].count == 2
    statuses = {r["source"]: r["status"] for r in database.query("select source, status from harvest_runs")}
    assert statuses == {"kirklees-news": "ok", "dead": "failed"}


def test_runs_and_sources_show_history(tmp_path, fixtures):
    config, db = make_project(tmp_path, fixtures)
    runner = CliRunner()
    runner.invoke(cli, ["run", "--config", str(config), "--db", str(db), "--offline", "--no-progress"])
    runs = json.loads(runner.invoke(cli, ["runs", "--config", str(config), "--db", str(db), "--json"]).output)
    assert runs[0]["source"] == "kirklees-news" and runs[0]["status"] == "ok"
    sources = runner.invoke(cli, ["sources", "--config", str(config), "--db", str(db)])
    assert sources.exit_code == 0 and "kirklees-news" in sources.output


def test_plugins_lists_built_in_readers_with_versions():
    result = CliRunner().invoke(cli, ["plugins", "--json"])
    rows = {r["name"]: r for r in json.loads(result.output)}
    assert rows["feed"]["readers"] == "feed" and rows["feed"]["version"]
    assert rows["pages"]["package"] == "shopwindow"


def test_serve_without_a_database_says_what_to_do(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "run `harvest run` first" in result.output
