"""Helpers for testing readers on recorded responses: the same fetcher and dispatch as a real run, no database.

    from shopwindow.testing import crawl
    from shopwindow.snapshot import SnapshotTransport
    records = crawl(MyReader, urls=["https://example.gov.uk/news"], transport=SnapshotTransport("tests/fixtures/my_reader"))
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import httpx
import pluggy

from .config import HarvestSettings, Source
from .fetcher import Fetcher
from .manager import new_plugin_manager
from .models import Record
from .readers import Reader
from .runner import SourceCrawl, SourceReport


def crawl(
    reader_cls: type[Reader],
    urls: list[str] | None = None,
    *,
    transport: httpx.AsyncBaseTransport,
    options: dict[str, Any] | None = None,
    council: str | None = None,
    pipeline: bool = False,
    pm: pluggy.PluginManager | None = None,
    max_pages: int = 500,
    report: SourceReport | None = None,
) -> list[Record]:
    """Run ``reader_cls`` over ``transport`` and return the records it yields (through the pipeline if ``pipeline``).

    Page errors are collected in ``report.errors`` (pass your own :class:`SourceReport` to inspect them);
    a reader that raises on its first page makes this function raise, so a changed layout fails the test.
    """
    source = Source(name="test", plugin=reader_cls.name, urls=list(urls or []), council=council, options=dict(options or {}))
    report = report if report is not None else SourceReport(source="test")
    pm = pm or (new_plugin_manager() if pipeline else new_plugin_manager(load_entry_points=False))

    async def go() -> list[Record]:
        async with Fetcher(HarvestSettings(retries=0), transport=transport, resolver=None, polite=False, stats=Counter()) as fetcher:
            job = SourceCrawl(source, reader_cls(source), fetcher, None, pm, report, max_pages=max_pages, workers=4,
                              on_progress=None, use_pipeline=pipeline)
            await job.run()
            return job.collected

    records = asyncio.run(go())
    parse_errors = [e for e in report.errors if "failed:" in e]
    if parse_errors and not records:
        raise AssertionError("reader failed:\n" + "\n".join(parse_errors))
    return records
