"""Plugins: loaded from entry points one by one, failures isolated to a page or a source."""

from __future__ import annotations

import importlib.metadata
import sys
import types

import httpx
import pytest
import sqlite_utils

from shopwindow import Record, RejectRecord, Request, hookimpl
from shopwindow.config import Config, HarvestSettings, Source
from shopwindow.manager import load_errors, new_plugin_manager
from shopwindow.readers import Reader
from shopwindow.runner import harvest


def test_built_in_plugins_load_through_the_entry_point_group():
    pm = new_plugin_manager()
    names = {name for name, _ in pm.list_name_plugin()}
    assert {"feed", "sitemap", "pages"} <= names


def test_a_broken_plugin_is_named_and_skipped(monkeypatch):
    broken = importlib.metadata.EntryPoint(name="broken", value="shopwindow_no_such_module", group="shopwindow")
    real = importlib.metadata.entry_points

    def fake(**kwargs):
        found = list(real(**kwargs))
        return found + [broken] if kwargs.get("group") == "shopwindow" else found

    monkeypatch.setattr("shopwindow.manager.entry_points", fake)
    pm = new_plugin_manager()
    assert pm.get_plugin("broken") is None and pm.get_plugin("feed") is not None
    assert "No module named" in load_errors["broken"]


def test_a_misspelt_hook_is_caught(monkeypatch):
    module = types.ModuleType("shopwindow_typo_plugin")

    @hookimpl
    def enrich_recod(record):  # typo
        pass

    module.enrich_recod = enrich_recod
    monkeypatch.setitem(sys.modules, "shopwindow_typo_plugin", module)
    ep = importlib.metadata.EntryPoint(name="typo", value="shopwindow_typo_plugin", group="shopwindow")
    monkeypatch.setattr("shopwindow.manager.entry_points", lambda **kw: [ep] if kw.get("group") == "shopwindow" else [])
    pm = new_plugin_manager()
    assert pm.get_plugin("typo") is None
    assert "enrich_recod" in load_errors["typo"]


class GoodReader(Reader):
    name = "good"

    def parse(self, response):
        yield Record(title="Shared legal service", url=response.url, body="Two councils share one legal team.")
        yield Record(title="junk", url=response.url + "#junk", key="junk")


class ExplodingStartReader(Reader):
    name = "explodes-at-start"

    def start_requests(self):
        raise RuntimeError("plugin bug at start")


class ExplodingParseReader(Reader):
    name = "explodes-in-parse"

    def start_requests(self):
        yield Request("https://b.gov.uk/ok")
        yield Request("https://b.gov.uk/bad")

    def parse(self, response):
        if response.url.endswith("/bad"):
            raise ValueError("cannot read this page")
        yield Record(title="Fine page", url=response.url)


class Pipeline:
    @hookimpl
    def register_readers(self):
        return [GoodReader, ExplodingStartReader, ExplodingParseReader]

    @hookimpl
    def check_record(self, record):
        if record.title == "junk":
            raise RejectRecord("junk title")


def site(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/robots.txt":
        return httpx.Response(404)
    return httpx.Response(200, html="<html><body><p>page</p></body></html>")


@pytest.fixture
def pm():
    pm = new_plugin_manager(load_entry_points=False)
    pm.register(Pipeline())
    return pm


def run(pm, tmp_path, *sources):
    config = Config(path=None, harvest=HarvestSettings(retries=0), sources=list(sources))
    db = tmp_path / "sw.db"
    report = harvest(config, str(db), pm=pm, transport=httpx.MockTransport(site), resolver=None, polite=False)
    return report, sqlite_utils.Database(db)


def test_a_plugin_that_raises_fails_only_its_own_source(pm, tmp_path):
    report, db = run(
        pm, tmp_path,
        Source("good", "good", ["https://a.gov.uk/"]),
        Source("bad", "explodes-at-start", ["https://c.gov.uk/"]),
    )
    statuses = {s.source: s.status for s in report.sources}
    assert statuses == {"good": "ok", "bad": "failed"}
    assert report.exit_code == 1
    assert [r["title"] for r in db.query("select title from initiatives")] == ["Shared legal service"]  # junk rejected
    run_row = next(db.query("select * from harvest_runs where source = 'bad'"))
    assert run_row["status"] == "failed" and "plugin bug at start" in run_row["error_text"]


def test_a_reader_that_raises_on_one_page_fails_only_that_page(pm, tmp_path):
    report, db = run(pm, tmp_path, Source("mixed", "explodes-in-parse", ["https://b.gov.uk/"]))
    (source,) = report.sources
    assert source.status == "partial" and source.pages_failed == 1 and source.records == 1
    error = next(db.query("select * from run_errors"))
    assert error["url"] == "https://b.gov.uk/bad" and "cannot read this page" in error["message"]
    assert report.exit_code == 0  # the source ran; the failed page is recorded
