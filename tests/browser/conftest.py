"""Browser-test fixtures: a real uvicorn server on a free loopback port, and Debian's Chromium through Playwright.

The tests skip (with the reason) when Chromium, Playwright or axe-core is missing, except under CI=true where
a missing piece is a failure: CI must run them.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ for dashboard_data

from dashboard_data import build_dashboard_db, build_postcode_index  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SHOPWINDOW_CHROMIUM", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def missing(reason: str) -> None:
    """Skip, or fail under CI=true (where the browser tests must run)."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_url(tmp_path_factory):
    """Serve a fixture database with uvicorn in a thread; yield its base URL."""
    import uvicorn

    from shopwindow_dashboard import make_datasette

    directory = tmp_path_factory.mktemp("browser")
    db_path = build_dashboard_db(directory / "shopwindow.db")
    _add_long_words(db_path)
    ds = make_datasette(db_path, postcodes_path=build_postcode_index(directory))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(ds.app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the dashboard server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _add_long_words(db_path: str) -> None:
    """Real hosts and source names are long single words: a phone's width must still hold them."""
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    db["robots"].insert({"host": "www.northumberlandandnewcastleuponlyne-shared-services.gov.uk",
                         "checked_at": "2026-11-20T09:00:00", "http_status": 200, "disallowed": 0})
    db["harvest_runs"].insert({"id": 50, "source": "council_news_northumberland_and_newcastle_upon_tyne",
                               "started": "2026-11-20T09:00:00", "status": "ok", "offline": 1, "pages_fetched": 1})
    db.conn.commit()
    db.close()


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium (never a downloaded browser).

    Module-scoped on purpose: Playwright's sync API runs an event loop in the main thread for as long as it
    is open, which would break every later test that calls ``asyncio.run``.
    """
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server_url):
    """A fresh page that may only reach the test server; other hosts are recorded and refused."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server_url)
    page = context.new_page()
    page.outside_requests = []

    def guard(route):
        if route.request.url.startswith(server_url):
            route.continue_()
        else:
            page.outside_requests.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        missing("axe-core is not installed (npm install, or make browser-deps)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
