"""Issue 2 must-show: an unchanged re-run of a local multi-host site is answered by conditional hits and adds nothing."""

from __future__ import annotations

import pytest

from harvest_helpers import query, run_cli, write_config
from sites import LocalSite

pytestmark = pytest.mark.timeout(120)

TABLES = ("documents", "initiatives", "initiative_councils", "initiative_sources", "savings", "links")


def counts(db) -> dict[str, int]:
    return {t: query(db, f"select count(*) from {t}")[0][0] for t in TABLES}


def test_unchanged_rerun_is_95_percent_conditional_hits_and_adds_no_rows(tmp_path):
    with LocalSite(hosts=3, pages=25) as site:
        b = [h.base for h in site.hosts]
        sources = [
            {"name": "listing", "plugin": "pages", "url": f"{b[0]}/news", "item_selector": "ul.news a"},
            {"name": "feed", "plugin": "feed", "url": f"{b[1]}/news/feed.xml"},
            {"name": "sitemap", "plugin": "sitemap", "url": f"{b[2]}/sitemap.xml"},
        ]
        config = write_config(tmp_path / "harvest.toml", sources)
        db = tmp_path / "h.db"
        first = run_cli(config, db)
        before = counts(db)
        site.reset_counts()
        second = run_cli(config, db)
        served = site.status_counts()
    assert first.exit_code == 0 and second.exit_code == 0, second.stderr
    assert before["documents"] == 75 + 4 and before["initiatives"] > 0
    robots = 3  # fetched once per host per run, unconditionally
    page_requests = sum(served.values()) - robots
    assert page_requests == 75 + 2 + 1 + 1  # articles, two listing pages, feed, sitemap
    assert served.get("304", 0) / page_requests >= 0.95
    assert counts(db) == before
    unique = query(db, "select count(*), count(distinct url) from documents")[0]
    assert unique[0] == unique[1]
    runs = query(db, "select pages_fetched, pages_unchanged from harvest_runs order by id desc limit 3")
    assert all(fetched == 0 for fetched, _ in runs) and sum(u for _, u in runs) == page_requests
