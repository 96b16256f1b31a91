"""Run a harvest: every selected source crawled concurrently, each page stored as it is parsed.

Data flow (one numbered path, as in Scrapy's architecture):
1. the source's reader yields start requests;
2. the fetcher fetches each politely (robots, rate limit, conditional request);
3. unchanged pages stop here, but their remembered links are followed (cheaply, conditionally);
4. the reader parses a changed page into records and more requests;
5. each record passes the pipeline hooks (split, link, enrich, check);
6. storage writes the page's records in one transaction and notes the run.
A reader or pipeline plugin that raises fails that page; one that cannot start fails its
source only. Every source's run is recorded in ``harvest_runs``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import pluggy

from .canonical import strip_tracking
from .config import Config, Source
from .fetcher import Fetcher, FetchResult
from .lock import SourceLocks, held_message, lock_dir_for
from .manager import get_plugin_manager
from .models import Record, Request
from .netsafety import system_resolver
from .parsing import PageParser, dispatch, parse_page  # noqa: F401 - dispatch re-exported
from .readers import Reader
from .registry import reader_classes
from .schedule import due_sources
from .schema import open_database
from .snapshot import SnapshotTransport
from .storage import Storage, now_iso

log = logging.getLogger(__name__)



@dataclass
class SourceReport:
    """What one source's run did. ``status``: ok | partial | failed | skipped."""

    source: str
    run_id: int | None = None
    status: str = "running"
    pages_fetched: int = 0
    pages_unchanged: int = 0
    pages_failed: int = 0
    records: int = 0
    robots_disallowed: int = 0
    errors: list[str] = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)
    started: str = ""
    finished: str = ""
    queued: int = 0

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "partial", "skipped")


@dataclass
class RunReport:
    sources: list[SourceReport] = field(default_factory=list)
    started: str = ""
    finished: str = ""
    db_path: str = ""
    interrupted_marked: int = 0
    problems: list[str] = field(default_factory=list)  # e.g. unhealthy sources, added by after_run hooks
    initiatives: int | None = None  # in the database after the run (records join known initiatives, and merge)

    @property
    def failed(self) -> list[SourceReport]:
        return [s for s in self.sources if not s.ok]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.problems else 0

    def summary(self) -> str:
        t = Counter()
        for s in self.sources:
            t.update(fetched=s.pages_fetched, unchanged=s.pages_unchanged, failed=s.pages_failed, records=s.records)
        failed = ", ".join(s.source for s in self.failed)
        skipped = sum(1 for s in self.sources if s.status == "skipped")
        ran = len(self.sources) - len(self.failed) - skipped
        return (
            f"{len(self.sources)} source(s): {ran} ran, {len(self.failed)} failed"
            + (f" ({failed})" if failed else "")
            + (f", {skipped} skipped (held by another run)" if skipped else "")
            + f"; {t['fetched']} pages fetched, {t['unchanged']} unchanged, {t['failed']} failed; {t['records']} records stored"
            + (f", {self.initiatives} initiatives in the database" if self.initiatives is not None else "")
        )


def canonical_request_url(url: str) -> str:
    """The de-duplication key: tracking stripped, scheme and host lower-cased, query sorted."""
    parts = urlsplit(strip_tracking(url))
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, urlencode(query), ""))


class SourceCrawl:
    """One source's crawl: a queue of requests worked by a few tasks sharing the run's fetcher."""

    def __init__(self, source: Source, reader: Reader, fetcher: Fetcher, storage: Storage | None, pm: pluggy.PluginManager,
                 report: SourceReport, max_pages: int, workers: int, on_progress: Callable[[SourceReport], None] | None,
                 use_pipeline: bool = True, parser: PageParser | None = None) -> None:
        self.source, self.reader, self.fetcher, self.storage, self.pm = source, reader, fetcher, storage, pm
        self.parser = parser  # None: parse on the event loop (testing.crawl)
        self.report, self.max_pages, self.workers, self.on_progress = report, max_pages, workers, on_progress
        self.use_pipeline = use_pipeline
        self.queue: asyncio.Queue[Request] = asyncio.Queue()
        self.seen: set[str] = set()
        self.collected: list[Record] = []  # when storage is None (testing.crawl)
        self.hosts = source.hosts

    def enqueue(self, request: Request) -> None:
        request.url = strip_tracking(request.url)
        key = canonical_request_url(request.url)
        if key in self.seen:
            self.report.stats["queue/duplicate"] += 1
            return
        if len(self.seen) >= self.max_pages:
            self.report.stats["queue/over-max-pages"] += 1
            return
        self.seen.add(key)
        self.report.queued += 1
        self.queue.put_nowait(request)

    async def run(self) -> None:
        for request in self.reader.start_requests():
            self.enqueue(request)
        tasks = [asyncio.create_task(self._worker()) for _ in range(self.workers)]
        try:
            await self.queue.join()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _worker(self) -> None:
        while True:
            request = await self.queue.get()
            try:
                await self._handle(request)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - one page's failure must not stop the source
                self._page_error(request.url, "plugin-error", f"{type(exc).__name__}: {exc}", exc)
            finally:
                self.queue.task_done()
                if self.on_progress:
                    self.on_progress(self.report)

    def _page_error(self, url: str, kind: str, message: str, exc: BaseException | None = None) -> None:
        self.report.pages_failed += 1
        self.report.stats[f"page/error/{kind}"] += 1
        self.report.errors.append(f"{url}: {message}")
        if exc is not None:
            log.debug("page %s failed:\n%s", url, "".join(traceback.format_exception(exc)))
        log.warning("[%s] %s: %s", self.source.name, url, message)
        if self.storage is not None and self.report.run_id is not None:
            self.storage.record_error(self.report.run_id, self.source.name, url, kind, message)

    async def _handle(self, request: Request) -> None:
        result: FetchResult = await self.fetcher.fetch(request, self.hosts)
        if result.status == "unchanged":
            self.report.pages_unchanged += 1
            if self.storage is not None:
                self.storage.record_unchanged(request.url, self.source.name, result.http_status)
                for follow in self.storage.links_from(request.url):
                    self.enqueue(follow)
            return
        if result.status == "disallowed" and result.error_kind != "robots-unreachable":
            self.report.robots_disallowed += 1
            if self.storage is not None:
                self.storage.record_failure(request.url, self.source.name, "disallowed", 0, "disallowed by robots.txt")
            return
        if result.status != "ok" or result.response is None:
            self._page_error(request.url, result.error_kind or "error", result.error or "failed")
            if self.storage is not None:
                self.storage.record_failure(request.url, self.source.name, result.status, result.http_status, result.error or "")
            return
        self.report.pages_fetched += 1
        if self.parser is not None:
            outcome = await self.parser.parse(self.reader, self.source, result.response, self.use_pipeline)
        else:
            outcome = parse_page(self.reader, result.response, None, self.source, self.pm, self.use_pipeline)
        self.report.stats.update(outcome.stats)
        if outcome.failure:
            # A reader bug or a changed layout ("parse"), a pipeline plugin's bug ("plugin-error") or a page over the time
            # limit ("too-slow") fails this page only.
            self._page_error(request.url, outcome.failure, outcome.message)
            log.debug("page %s failed:\n%s", request.url, outcome.trace)
            if self.storage is not None:
                self.storage.record_failure(request.url, self.source.name, "error", result.http_status, f"{outcome.failure}: {outcome.message}")
            return
        stored, requests = outcome.records, outcome.requests
        for follow in requests:
            self.enqueue(follow)
        if self.storage is None:
            self.collected.extend(stored)
            self.report.records += len(stored)
            return
        fetch = {
            "etag": result.etag,
            "last_modified": result.last_modified,
            "content_hash": result.content_hash,
            "http_status": result.http_status,
            "final_url": result.url,
            "content_type": result.content_type,
        }
        self.report.records += self.storage.save_page(
            url=request.url,
            source=self.source.name,
            fetch=fetch,
            records=stored,
            requests=requests,
            title=stored[0].title if stored else None,
            published=stored[0].published if stored else None,
            match=self._matcher(),
        )

    def _matcher(self):
        hook = self.pm.hook.match_initiative
        if not hook.get_hookimpls():
            return None
        return lambda db, record, own_id: hook(db=db, record=record, initiative_id=own_id)


async def harvest_async(
    config: Config,
    db_path: str | None = None,
    sources: list[str] | tuple[str, ...] | None = None,
    *,
    offline: bool = False,
    transport: httpx.AsyncBaseTransport | None = None,
    concurrency: int | None = None,
    progress: Callable[[SourceReport], None] | None = None,
    pm: pluggy.PluginManager | None = None,
    polite: bool | None = None,
    resolver=system_resolver,
    due: bool = False,
) -> RunReport:
    """Harvest the selected sources (default: every enabled one) into ``db_path``; see :func:`harvest`.

    ``due``: only those of them that are due by their schedule (see :mod:`shopwindow.schedule`). Sources
    another run is harvesting right now are skipped (see :mod:`shopwindow.lock`), reported as ``skipped``.
    """
    # Worker processes load the default plugins themselves, so they can stand in only for the default manager.
    processes = config.harvest.parse_processes if pm is None else 0
    pm = pm or get_plugin_manager()
    # Fork the parsing workers first, before the database and source locks are opened: children must not inherit them.
    parser = PageParser(pm, processes, config.harvest.parse_time_limit)
    db_path = db_path or config.harvest.database
    selected = config.select(sources)
    settings = config.harvest
    if concurrency:
        settings.concurrency = concurrency
    if offline and transport is None:
        snapshot = Path(settings.snapshot)
        transport = SnapshotTransport(snapshot)
    if offline:
        resolver = None  # nothing leaves the process, so there is no address to check
    polite = (not offline) if polite is None else polite

    db = open_database(db_path)
    storage = Storage(db)
    report = RunReport(started=now_iso(), db_path=str(db_path))
    report.interrupted_marked = storage.mark_interrupted()
    if due:
        due_now = set(due_sources(config, db))
        selected = [s for s in selected if s.name in due_now]
    locks = SourceLocks(lock_dir_for(db_path))
    mine = set(locks.acquire([s.name for s in selected]))
    selected = [s for s in selected if s.name in mine]
    skipped = [SourceReport(source=n, status="skipped", errors=[held_message(n, pid)]) for n, pid in locks.held.items()]
    readers = reader_classes(pm)
    state = storage.load_state()

    async with locks, Fetcher(settings, transport=transport, state=state.get, resolver=resolver, polite=polite) as fetcher:

        async def run_one(source: Source) -> SourceReport:
            sreport = SourceReport(source=source.name, started=now_iso())
            sreport.run_id = storage.start_run(source.name, offline)
            try:
                reader = readers[source.plugin](source)
                crawl = SourceCrawl(
                    source, reader, fetcher, storage, pm, sreport,
                    max_pages=source.max_pages or settings.max_pages_per_source,
                    workers=max(1, settings.concurrency), on_progress=progress, parser=parser,
                )
                await crawl.run()
            except Exception as exc:  # noqa: BLE001 - a plugin that raises fails its own source only
                sreport.status = "failed"
                sreport.errors.insert(0, f"source failed: {type(exc).__name__}: {exc}")
                log.error("[%s] source failed: %s", source.name, exc)
                log.debug("%s", "".join(traceback.format_exception(exc)))
                storage.record_error(sreport.run_id, source.name, "", "source", f"{type(exc).__name__}: {exc}")
            else:
                touched = sreport.pages_fetched + sreport.pages_unchanged
                if sreport.pages_failed and touched == 0:
                    sreport.status = "failed"
                elif sreport.pages_failed:
                    sreport.status = "partial"
                else:
                    sreport.status = "ok"
            sreport.finished = now_iso()
            sreport.stats.update({k: v for k, v in fetcher.stats.items() if k.startswith("robots/")})
            storage.finish_run(
                sreport.run_id,
                {
                    "status": sreport.status,
                    "pages_fetched": sreport.pages_fetched,
                    "pages_unchanged": sreport.pages_unchanged,
                    "pages_failed": sreport.pages_failed,
                    "errors": len(sreport.errors),
                    "records": sreport.records,
                    "robots_disallowed": sreport.robots_disallowed,
                    "error_text": json.dumps(sreport.errors[:200]) if sreport.errors else None,
                    "stats": json.dumps(dict(sreport.stats), sort_keys=True),
                },
            )
            if progress:
                progress(sreport)
            return sreport

        try:
            report.sources = list(await asyncio.gather(*(run_one(s) for s in selected))) + skipped
        finally:
            parser.close()
        _save_robots(storage, fetcher)
    if report.sources:
        _note_snapshot(storage, offline, settings.snapshot)
    try:
        pm.hook.after_run(db=db, report=report)
    except Exception as exc:  # noqa: BLE001 - post-run summaries must not lose the run
        log.error("an after_run hook failed: %s", exc)
        report.problems.append(f"after_run hook failed: {exc}")
    report.finished = now_iso()
    if db["initiatives"].exists():
        report.initiatives = db["initiatives"].count
    db.close()
    return report


def _note_snapshot(storage: Storage, offline: bool, snapshot: str) -> None:
    """Say in the database whether it holds the recorded sample, and when that was recorded (the dashboard's banner)."""
    with storage.db.atomic():
        storage.db["snapshot_info"].delete_where()
        if not offline:
            return
        info_path = Path(snapshot) / "INFO.json"
        try:
            info = json.loads(info_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            info = {}
        rows = [{"key": str(k), "value": str(v)} for k, v in info.items() if isinstance(v, (str, int, float))]
        rows.append({"key": "harvested", "value": now_iso()})
        storage.db["snapshot_info"].insert_all(rows, pk="key", replace=True)


def _save_robots(storage: Storage, fetcher: Fetcher) -> None:
    rows = [
        {
            "host": host,
            "checked_at": now_iso(),
            "http_status": rules.http_status,
            "crawl_delay": rules.crawl_delay(fetcher.settings.user_agent),
            "disallowed": rules.disallowed,
        }
        for host, rules in fetcher.robots.items()
    ]
    if rows:
        with storage.db.atomic():
            storage.db["robots"].upsert_all(rows, pk="host")


def harvest(config: Config, db_path: str | None = None, sources: list[str] | tuple[str, ...] | None = None, **kwargs) -> RunReport:
    """Harvest synchronously: ``harvest(load_config("harvest.toml"), "data/shopwindow.db", offline=True)``.

    Returns a :class:`RunReport`; its ``exit_code`` is 0 when every source ran and 1 when any failed.
    """
    return asyncio.run(harvest_async(config, db_path, sources, **kwargs))
