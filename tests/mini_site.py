"""A tiny site and reader for runner-level tests of health, locks and --due: one page listing N schemes."""

from __future__ import annotations

import re

import httpx

from shopwindow import Reader, Record, hookimpl
from shopwindow.config import Config, HarvestSettings, Source
from shopwindow.manager import new_plugin_manager

URL = "https://mini.example.gov.uk/schemes"


class MiniReader(Reader):
    """One record per <li> on the page."""

    name = "mini"

    def parse(self, response):
        for n, title in enumerate(re.findall(r"<li>(.*?)</li>", response.text or "")):
            yield Record(title=title, url=response.url, key=str(n))


class MiniSite:
    """A MockTransport whose page lists ``items`` schemes (change it between runs); ``status`` other than 200 fails."""

    def __init__(self, items: int = 40) -> None:
        self.items = items
        self.status = 200

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if self.status != 200:
            return httpx.Response(self.status, text="nope")
        body = "<ul>" + "".join(f"<li>Scheme {n}</li>" for n in range(self.items)) + "</ul>"
        return httpx.Response(200, text=f"<html><body>{body}</body></html>", headers={"content-type": "text/html"})

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)


class _Plugin:
    @hookimpl
    def register_readers(self):
        return [MiniReader]


def mini_pm(*extra):
    """A plugin manager with only the mini reader (and ``extra`` plugins, e.g. shopwindow.health)."""
    pm = new_plugin_manager(load_entry_points=False)
    pm.register(_Plugin(), name="mini")
    for plugin in extra:
        pm.register(plugin)
    return pm


def mini_config(*names: str, schedule: str | None = None) -> Config:
    settings = HarvestSettings(retries=0, requests_per_second=1000.0)
    return Config(path=None, harvest=settings,
                  sources=[Source(name=n, plugin="mini", urls=[URL], schedule=schedule) for n in names or ("mini",)])
