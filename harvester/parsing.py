"""Parsing and the record pipeline, off the event loop and on every core.

Parsing a page and running its records through the pipeline costs a few hundred
milliseconds of CPU. Done on the event loop it stalls every download (and a stalled
loop makes healthy requests hit their total timeout), and it uses one core of many.
:class:`PageParser` moves that work:

- readers marked ``parallel_parse = True`` (stateless, like the generic feed and
  sitemap readers) are parsed *and* piped in a pool of worker processes;
- other readers (which may keep state between callbacks) are parsed in one thread,
  in arrival order as before, and their records piped in the worker processes.

Worker processes build the default plugin manager themselves, so the pool is used only
when the run uses the default one; with a custom manager (tests registering throwaway
plugins) everything runs in the thread. Results are the same either way: each record
passes the same hooks, and a failure still fails only its page.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import Counter
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import pluggy

from .config import Source
from .models import Record, Request, Response
from .pipeline import process_record
from .readers import Reader

log = logging.getLogger(__name__)

@dataclass
class ParseOutcome:
    """A page's records (after the pipeline) and further requests, or the reason it failed."""

    records: list[Record] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)
    failure: str | None = None  # "parse" (the reader raised), "plugin-error" (a pipeline hook raised), "too-slow"
    message: str = ""
    trace: str = ""


def dispatch(reader: Reader, response: Response) -> tuple[list[Record], list[Request]]:
    """Call the request's callback on the reader and sort what it yields into records and requests."""
    records: list[Record] = []
    requests: list[Request] = []
    for item in reader.callback(response.request.callback)(response) or ():
        if isinstance(item, Record):
            records.append(item)
        elif isinstance(item, Request):
            requests.append(item)
        else:
            raise TypeError(f"reader {reader.name!r} yielded {type(item).__name__}; yield Record or Request objects")
    return records, requests


class PageTooSlow(BaseException):
    """Parsing one page took longer than its time limit.

    A BaseException, like KeyboardInterrupt, so that a plugin's ``except Exception`` (extraction logs and carries
    on) cannot swallow it and leave the page running without a limit.
    """


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise :class:`PageTooSlow` in the block once ``seconds`` of wall time pass (main thread only, else no limit).

    Every length and size is capped, but a page nobody foresaw could still make some pattern crawl: the alarm
    fails that page, as a broken one would, instead of holding a worker, and the run's end, hostage.
    Python's regex engine checks for signals while it matches, so even one long match is cut short.
    """
    if not seconds or not math.isfinite(seconds) or threading.current_thread() is not threading.main_thread():
        yield
        return

    def too_slow(signum, frame):
        raise PageTooSlow(f"parsing took longer than {seconds:g} s ([harvest] parse_time_limit)")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def parse_page(reader: Reader | None, response: Response | None, records: list[Record] | None, source: Source,
               pm: pluggy.PluginManager, use_pipeline: bool, seconds: float | None = None) -> ParseOutcome:
    """Dispatch ``response`` to ``reader`` (unless ``records`` are given) and pipe the records; never raises.

    With ``seconds``, a page still being read after that long fails as "too-slow" (in a process's main thread:
    the worker processes; elsewhere the limit cannot be enforced and is not).
    """
    try:
        with time_limit(seconds):
            return _parse_page(reader, response, records, source, pm, use_pipeline)
    except PageTooSlow as exc:
        return _failed(ParseOutcome(), "too-slow", str(exc), exc)


def _parse_page(reader: Reader | None, response: Response | None, records: list[Record] | None, source: Source,
                pm: pluggy.PluginManager, use_pipeline: bool) -> ParseOutcome:
    out = ParseOutcome()
    if records is None:
        try:
            records, out.requests = dispatch(reader, response)
        except Exception as exc:  # noqa: BLE001 - a reader bug or a changed layout fails this page, loudly
            name = getattr(reader, "name", "?")
            return _failed(out, "parse", f"reader {name!r} failed: {type(exc).__name__}: {exc}", exc)
    if not use_pipeline:
        out.records = records
        return out
    try:
        for record in records:
            out.records.extend(process_record(pm, record, source, out.stats))
    except Exception as exc:  # noqa: BLE001 - a pipeline plugin's bug fails this page, not the source
        return _failed(out, "plugin-error", f"{type(exc).__name__}: {exc}", exc)
    return out


def _failed(out: ParseOutcome, kind: str, message: str, exc: BaseException) -> ParseOutcome:
    out.failure, out.message = kind, message
    out.trace = "".join(traceback.format_exception(exc))
    out.records, out.requests = [], []
    return out


# -- worker processes ------------------------------------------------------------------------

_worker_pm: pluggy.PluginManager | None = None
_worker_readers: dict[tuple[str, str], Reader] = {}


def _init_worker() -> None:
    """Load the plugins once per worker and warm them (lazy indexes, compiled patterns) on a throwaway record."""
    global _worker_pm
    from .manager import get_plugin_manager

    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _worker_pm = get_plugin_manager()
    warm_up(_worker_pm)  # instant when the parent warmed up before forking


def warm_up(pm: pluggy.PluginManager) -> None:
    """Run a throwaway record through the pipeline so plugins build their lazy indexes (council names, patterns)."""
    try:
        warm = Record(title="Warm-up", url="http://warm-up.invalid/", summary="The council saved £1m.", body="The council saved £1m.")
        process_record(pm, warm, Source(name="warm-up", plugin="", urls=[]))
    except Exception:  # noqa: BLE001 - warming is an optimisation; a real page will report the real error
        pass


def _exit_with_parent(parent: int) -> None:
    """A harvest killed with SIGKILL cannot stop its workers; they notice and leave."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)


def _ready() -> bool:
    return True


def _work(source: Source, response: Response | None, records: list[Record] | None, use_pipeline: bool,
          seconds: float | None = None) -> ParseOutcome:
    reader = None
    if records is None:
        key = (source.name, source.plugin)
        reader = _worker_readers.get(key)
        if reader is None:
            from .registry import reader_classes

            reader = _worker_readers[key] = reader_classes(_worker_pm)[source.plugin](source)
    return parse_page(reader, response, records, source, _worker_pm, use_pipeline, seconds)


class PageParser:
    """Where a run's pages are parsed: ``await parser.parse(reader, source, response)``. Close with :meth:`close`."""

    def __init__(self, pm: pluggy.PluginManager, processes: int, time_limit: float | None = None) -> None:
        self.pm = pm
        self.time_limit = time_limit  # seconds per page, enforced in the worker processes
        self.thread: Executor = ThreadPoolExecutor(1, thread_name_prefix="parse")
        self.processes = processes
        self.pool: ProcessPoolExecutor | None = None
        if processes > 0:
            # fork, not spawn or forkserver: those re-import the caller's __main__ (an unguarded script would run twice),
            # and fork reuses the loaded plugins. The pool starts before any thread or lock exists (see harvest_async).
            ctx = multiprocessing.get_context("fork")
            warm_up(pm)  # once, here: every forked worker inherits the built indexes (copy-on-write)
            self.pool = ProcessPoolExecutor(processes, mp_context=ctx, initializer=_init_worker)
            for _ in range(processes):  # start the workers now, while robots.txt and the first pages download
                self.pool.submit(_ready)

    async def parse(self, reader: Reader, source: Source, response: Response, use_pipeline: bool = True) -> ParseOutcome:
        loop = asyncio.get_running_loop()
        # Navigation pages (feeds, listings) are cheap and lead to everything else: parse them at once, here.
        if self.pool is not None and getattr(reader, "parallel_parse", False) and response.request.document:
            try:
                return await loop.run_in_executor(self.pool, _work, source, response, None, use_pipeline, self.time_limit)
            except BrokenProcessPool:
                self._lose_pool()
        if self.pool is None:  # nothing to hand over: parse and pipe in one hop
            return await loop.run_in_executor(self.thread, parse_page, reader, response, None, source, self.pm,
                                              use_pipeline)
        out = await loop.run_in_executor(self.thread, parse_page, reader, response, None, source, self.pm, False)
        if out.failure or not use_pipeline or not out.records:
            return out
        if self.pool is not None:
            try:
                piped = await loop.run_in_executor(self.pool, _work, source, None, out.records, True, self.time_limit)
            except BrokenProcessPool:
                self._lose_pool()
            else:
                piped.requests = out.requests if not piped.failure else []
                return piped
        piped = await loop.run_in_executor(self.thread, parse_page, None, None, out.records, source, self.pm, True)
        piped.requests = out.requests if not piped.failure else []
        return piped

    def _lose_pool(self) -> None:
        """A worker died (killed, out of memory): carry on in the thread rather than fail every later page."""
        log.warning("a parsing process died; parsing the rest of this run in one thread")
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None

    def close(self) -> None:
        self.thread.shutdown(wait=True)
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

