"""`harvest record`: one polite fetch through the project's fetcher, saved in the snapshot format (MockTransport, no network)."""

from __future__ import annotations

import json

import httpx
import pytest
from click.testing import CliRunner

from shopwindow.config import HarvestSettings
from shopwindow.exceptions import ShopWindowError
from shopwindow.recorder import record, recording_path
from shopwindow.snapshot import SnapshotTransport, load_recordings

PAGE = b"<html><head><title>Food waste</title></head><body><h1>Food waste collections start</h1></body></html>"
URL = "https://www.example.gov.uk/news/food-waste?page=2"
FAST = HarvestSettings(retries=0, requests_per_second=1000.0)  # politeness delays are the fetcher's tests' business


def site(robots: str = "User-agent: *\nAllow: /\n"):
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        path = request.url.path
        if path == "/robots.txt":
            return httpx.Response(200, text=robots)
        if path == "/news/food-waste":
            return httpx.Response(200, content=PAGE, headers={"content-type": "text/html; charset=utf-8", "etag": '"v1"',
                                                                "set-cookie": "session=secret"})
        if path == "/moved":
            return httpx.Response(302, headers={"location": "http://intranet.example.gov.uk/private"})
        return httpx.Response(404, text="gone")

    return httpx.MockTransport(handler), seen


async def public_resolver(host: str) -> list[str]:
    return ["10.1.2.3"] if host.startswith("intranet") else ["93.184.216.34"]


def test_records_body_and_headers_and_replays_identically(tmp_path):
    transport, seen = site()
    saved = record(URL, tmp_path / "food-waste", transport=transport, resolver=public_resolver, note="a news story", settings=FAST)
    manifest = json.loads(saved.manifest.read_text())
    assert manifest["url"] == URL and manifest["status"] == 200 and manifest["note"] == "a news story"
    assert manifest["headers"] == {"content-type": "text/html; charset=utf-8", "etag": '"v1"'}  # no cookies kept
    assert (tmp_path / manifest["body"]).read_bytes() == PAGE
    assert "start" not in manifest
    replay = httpx.Client(transport=SnapshotTransport(tmp_path)).get(URL)
    assert replay.status_code == 200 and replay.content == PAGE
    assert [r.url.path for r in seen] == ["/robots.txt", "/news/food-waste"]  # robots.txt asked first
    assert seen[-1].headers["user-agent"].startswith("ShopWindow/")


def test_start_flag_marks_the_page_harvest_check_begins_at(tmp_path):
    transport, _ = site()
    saved = record(URL, tmp_path / "listing.json", transport=transport, resolver=public_resolver, start=True, settings=FAST)
    assert saved.manifest == tmp_path / "listing.json"
    assert json.loads(saved.manifest.read_text())["start"] is True
    assert URL in {r.url for r in load_recordings(tmp_path).values()}


def test_folder_target_names_the_recording_after_the_url():
    assert recording_path(URL, "fixtures/").as_posix() == "fixtures/news-food-waste-page-2"


@pytest.mark.parametrize(("url", "robots", "reason"), [
    ("https://www.example.gov.uk/news/food-waste", "User-agent: *\nDisallow: /news/\n", "robots.txt"),
    ("https://www.example.gov.uk/missing", "", "HTTP 404"),
    ("https://www.example.gov.uk/moved", "", "intranet.example.gov.uk"),
])
def test_refused_or_failed_fetch_saves_nothing_and_says_why(tmp_path, url, robots, reason):
    transport, _ = site(robots)
    with pytest.raises(ShopWindowError, match="could not record") as caught:
        record(url, tmp_path / "page", transport=transport, resolver=public_resolver,
               settings=FAST)
    assert reason in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_record_command_refuses_non_http_urls_with_one_line(tmp_path):
    from shopwindow.cli import cli

    result = CliRunner().invoke(cli, ["record", "file:///etc/passwd", "--to", str(tmp_path / "x"), "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 1
    assert "only http and https" in result.output and "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
