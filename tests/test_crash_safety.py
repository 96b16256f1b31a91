"""A ``harvest run`` killed with SIGKILL mid-run, then run again, ends with the database a clean run makes.

The kill moments are random but seeded: each iteration waits until a seeded number of pages
is stored, then a seeded extra delay, so the kill lands inside the crawl.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from harvest_helpers import query, write_config
from sites import LocalSite

pytestmark = [pytest.mark.timeout(240), pytest.mark.slow]

HARVEST = str(Path(sys.executable).with_name("harvest"))
SEEDS = (7, 11)

#: What must survive a crash exactly: content, not timestamps.
CONTENT = {
    "initiatives": "select id, title, summary, url, published, service_area, delivery_model from initiatives order by id",
    "savings": "select id, initiative_id, amount_gbp, percent, status, quote from savings order by id",
    "documents": "select url, content_hash from documents order by url",
    "initiative_councils": "select initiative_id, council_code from initiative_councils order by 1, 2",
}


def harvest(config: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([HARVEST, "run", "--config", str(config), "--db", str(db), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen) -> str:
    _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err, err
    assert proc.returncode in (0, 1), err
    return err


def content(db: Path) -> dict[str, list[tuple]]:
    return {name: query(db, sql) for name, sql in CONTENT.items()}


def stored_pages(db: Path) -> int:
    try:
        return query(db, "select count(*) from documents where status = 'ok'")[0][0]
    except sqlite3.Error:  # not created yet, or busy
        return 0


@pytest.fixture(scope="module")
def site_and_clean(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crash")
    with LocalSite(hosts=2, pages=15, latency=0.02) as site:
        sources = [
            {"name": "sitemap", "plugin": "sitemap", "url": f"{site.hosts[0].base}/sitemap.xml"},
            {"name": "listing", "plugin": "pages", "url": f"{site.hosts[1].base}/news", "item_selector": "ul.news a"},
        ]
        config = write_config(tmp / "harvest.toml", sources, concurrency=4)
        clean = tmp / "clean.db"
        finish(harvest(config, clean))
        yield site, config, content(clean)


@pytest.mark.parametrize("seed", SEEDS)
def test_killed_run_reruns_to_the_clean_result(site_and_clean, tmp_path, seed):
    site, config, clean = site_and_clean
    rng = random.Random(seed)
    db = tmp_path / "crash.db"
    proc = harvest(config, db)
    wanted = rng.randrange(1, 12)
    deadline = time.monotonic() + 60
    while stored_pages(db) < wanted and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(rng.uniform(0, 0.3))
    assert proc.poll() is None, "the run finished before the kill; the site needs more pages or latency"
    workers = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert not alive, "parsing workers outlived the killed run"

    finish(harvest(config, db))

    assert query(db, "pragma integrity_check") == [("ok",)]
    statuses = [s for (s,) in query(db, "select status from harvest_runs order by id")]
    assert statuses[:2] == ["interrupted", "interrupted"] and "running" not in statuses
    for table, key in (("documents", "url"), ("initiatives", "id"), ("savings", "id")):
        total, unique = query(db, f"select count(*), count(distinct {key}) from {table}")[0]
        assert total == unique, f"duplicated rows in {table}"
    assert content(db) == clean
