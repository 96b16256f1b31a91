"""One harvest of the hostile local site (tests/hostile_routes.py) through the CLI; each test checks one fault's outcome.

Every case must end the same way: the run finishes (pytest-timeout bounds it), the good pages
are stored, each failure is recorded in ``run_errors`` and ``harvest_runs``, and the terminal
shows no traceback.
"""

from __future__ import annotations

import json

import pytest

from harvest_helpers import errors_by_url, query, run_cli, write_config
from sites import LocalSite

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    with LocalSite(hosts=1, pages=5, hostile=True) as site:
        base = site.hosts[0].base
        feeds = [f"{base}/feeds/{name}" for name in ("good.xml", "laughs.xml", "broken.xml", "html.xml", "empty.xml")]
        config = write_config(tmp / "harvest.toml", [
            {"name": "hostile", "plugin": "pages", "url": f"{base}/hostile/", "item_selector": "ul.news a", "max_list_pages": 1},
            {"name": "feeds", "plugin": "feed", "urls": feeds},
            {"name": "silent", "plugin": "pages", "url": f"{site.silent.base}/news"},
            {"name": "dripping", "plugin": "pages", "url": f"{site.dripping.base}/news"},
        ])
        db = tmp / "hostile.db"
        result = run_cli(config, db)
        yield {"result": result, "db": db, "base": base, "site": site, "errors": errors_by_url(db)}


def url(hostile, path: str) -> str:
    return hostile["base"] + path


def test_run_ends_without_traceback_and_exits_1_for_the_dead_hosts(hostile):
    result = hostile["result"]
    assert result.exception is None
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.exit_code == 1  # silent and dripping hosts fail their sources
    assert "FAILED silent" in result.stderr and "FAILED dripping" in result.stderr


def test_every_source_run_is_recorded_with_its_error_count(hostile):
    runs = {row[0]: row[1:] for row in query(hostile["db"], "select source, status, errors, pages_fetched, finished from harvest_runs")}
    assert runs["hostile"][0] == "partial" and runs["hostile"][1] >= 15
    assert runs["feeds"][0] == "partial"
    assert runs["silent"][0] == "failed" and runs["dripping"][0] == "failed"
    assert all(row[3] for row in runs.values())  # every run has a finish time


@pytest.mark.parametrize("path, kind", [
    ("/hostile/slow", "timeout"),
    ("/hostile/hang", "timeout"),
    ("/hostile/drip", "timeout"),
    ("/hostile/huge-declared", "too-large"),
    ("/hostile/huge-streamed", "too-large"),
    ("/hostile/bomb", "too-large"),
    ("/hostile/loop", "redirect-loop"),
    ("/hostile/chain", "redirect-limit"),
    ("/hostile/to-ftp", "bad-scheme"),
    ("/hostile/to-file", "bad-scheme"),
    ("/hostile/to-internal", "private-address"),
    ("/hostile/to-localhost", "private-address"),
    ("/hostile/error-500", "http-500"),
    ("/hostile/empty", "empty"),
    ("/hostile/pdf", "parse"),
    ("/hostile/binary", "parse"),
    ("/feeds/html.xml", "parse"),
    ("/feeds/empty.xml", "empty"),
])
def test_each_fault_is_recorded_as_a_page_error_of_its_kind(hostile, path, kind):
    assert hostile["errors"].get(url(hostile, path)) == kind


def test_links_to_unnamed_loopback_hosts_are_refused_before_any_request(hostile):
    errors = {u: k for u, k in hostile["errors"].items() if u.startswith(("http://127.0.0.9", "http://localhost"))}
    assert set(errors.values()) == {"private-address"} and len(errors) == 2
    port = hostile["base"].rsplit(":", 1)[1]
    assert all(f":{port}/admin" not in path for _, path, _, _ in hostile["site"].log)  # never requested


def test_silent_and_dripping_hosts_fail_their_source_with_robots_unreachable(hostile):
    kinds = dict(query(hostile["db"], "select source, kind from run_errors where source in ('silent', 'dripping')"))
    assert kinds == {"silent": "robots-unreachable", "dripping": "robots-unreachable"}


def test_good_pages_around_the_faults_are_stored(hostile):
    titles = {row[0] for row in query(hostile["db"], "select title from initiatives")}
    for expected in ("Recovered after 429", "Recovered after 503", "Shared payroll saves money (good)",
                     "Shared payroll saves money (chain-end)", "Shared payroll saves money (good-feed-item)"):
        assert expected in titles
    assert {"Council 0 news 0: Merge the back-office teams of two districts"} <= titles  # good.xml items


def test_429_and_503_are_retried_after_their_retry_after(hostile):
    site = hostile["site"]
    for path, failures in (("/hostile/retry-429", 1), ("/hostile/retry-503", 2)):
        served = site.requests_for(0, path)
        assert [s for s, _ in served] == [429 if "429" in path else 503] * failures + [200]
        gaps = [b[1] - a[1] for a, b in zip(served, served[1:])]
        assert min(gaps) >= 0.9  # Retry-After: 1 was honoured


def test_misdeclared_and_missing_charsets_decode_to_real_text(hostile):
    rows = query(hostile["db"], "select summary from initiatives where url in (?, ?)",
                 (url(hostile, "/hostile/cp1252"), url(hostile, "/hostile/no-charset")))
    assert len(rows) == 2
    for (summary,) in rows:
        assert "£250,000" in summary and "–" in summary and "\ufffd" not in summary


def test_script_payloads_are_stored_as_inert_text(hostile):
    title, summary = query(hostile["db"], "select title, summary from initiatives where url = ?", (url(hostile, "/hostile/script"),))[0]
    assert title == "<script>alert('title')</script> Library hours"  # the page's escaped text, kept as text
    assert "document.cookie" not in summary and "onerror" not in summary


def test_robots_disallowed_page_is_not_fetched_and_is_recorded(hostile):
    target = url(hostile, "/private/secret-report")
    assert query(hostile["db"], "select status from documents where url = ?", (target,)) == [("disallowed",)]
    assert hostile["site"].requests_for(0, "/private/secret-report") == []
    assert query(hostile["db"], "select robots_disallowed from harvest_runs where source = 'hostile'") == [(1,)]


def test_duplicate_links_and_query_variants_are_fetched_and_stored_once(hostile):
    log = hostile["site"].log
    assert sum(1 for _, p, _, _ in log if p.startswith("/hostile/dup")) == 1
    assert sum(1 for _, p, _, _ in log if p.startswith("/hostile/query")) == 1
    dups = query(hostile["db"], "select count(*) from initiatives where title like 'Shared payroll saves money (dup)'")
    assert dups == [(1,)]
    stats = json.loads(query(hostile["db"], "select stats from harvest_runs where source = 'hostile'")[0][0])
    assert stats["queue/duplicate"] >= 2  # the reader itself folds the #fragment variant


def test_entity_expansion_bomb_is_not_expanded(hostile):
    served = hostile["site"].requests_for(0, "/feeds/laughs.xml")
    assert [s for s, _ in served] == [200]
    assert not query(hostile["db"], "select 1 from initiatives where title like '%lollol%' or summary like '%lollol%'")


def test_malformed_feed_yields_the_items_before_the_damage(hostile):
    assert hostile["site"].requests_for(0, "/hostile/good-feed-item")  # reached from the broken and the laughs feed
    assert not hostile["site"].requests_for(0, "/hostile/never")


def test_script_title_harvested_from_the_site_is_escaped_on_its_dashboard_page(hostile, tmp_path):
    from dashboard_data import build_postcode_index, fetch

    from shopwindow_dashboard import make_datasette

    (init_id,) = query(hostile["db"], "select id from initiatives where url = ?", (url(hostile, "/hostile/script"),))[0]
    page = fetch(make_datasette(str(hostile["db"]), postcodes_path=build_postcode_index(tmp_path)), f"/initiative/{init_id}")
    assert page.status_code == 200
    assert "<script>alert('title')" not in page.text and "&lt;script&gt;alert(" in page.text
