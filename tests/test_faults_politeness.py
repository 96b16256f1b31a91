"""Politeness on the local site: robots.txt fetched once per host and obeyed, Crawl-delay spacing requests."""

from __future__ import annotations

import pytest

from harvest_helpers import query, run_cli, write_config
from sites import LocalSite

pytestmark = pytest.mark.timeout(60)

ROBOTS = "User-agent: *\nCrawl-delay: 0.3\nDisallow: /news/item-2\n"


def test_crawl_delay_spaces_requests_and_disallow_is_obeyed(tmp_path):
    with LocalSite(hosts=2, pages=5, robots={0: ROBOTS}) as site:
        sources = [{"name": f"council-{i}", "plugin": "sitemap", "url": f"{h.base}/sitemap.xml"} for i, h in enumerate(site.hosts)]
        result = run_cli(write_config(tmp_path / "harvest.toml", sources), tmp_path / "h.db")
        delayed = sorted(t for h, p, _, t in site.log if h == 0)
        paths = [p for h, p, _, _ in site.log if h == 0]
    assert result.exit_code == 0 and "Traceback" not in result.stderr
    assert paths.count("/robots.txt") == 1
    assert "/news/item-2" not in paths
    gaps = [b - a for a, b in zip(delayed, delayed[1:])]
    # robots, sitemap and 4 articles, 0.3 s apart (requests_per_second alone would allow 5 ms); the
    # server notes arrival times, so allow for scheduling jitter on a busy machine.
    assert len(gaps) == 5 and min(gaps) >= 0.2
    assert query(tmp_path / "h.db", "select crawl_delay from robots where host like ?", (f"%{site.hosts[0].port}",)) == [(0.3,)]
    assert query(tmp_path / "h.db", "select status from documents where url like '%/news/item-2' and source = 'council-0'") == [("disallowed",)]


def test_a_site_that_changes_is_reparsed_and_one_that_does_not_is_not(tmp_path):
    with LocalSite(hosts=1, pages=6) as site:
        config = write_config(tmp_path / "harvest.toml", [{"name": "c", "plugin": "feed", "url": f"{site.hosts[0].base}/news/feed.xml"}])
        run_cli(config, tmp_path / "h.db")
        site.bump_version()
        site.reset_counts()
        result = run_cli(config, tmp_path / "h.db")
    assert result.exit_code == 0
    assert site.status_counts("/news/") == {"200": 7}  # new validators: feed and every article fetched in full
    assert query(tmp_path / "h.db", "select count(*), count(distinct url) from initiatives") == [(6, 6)]
