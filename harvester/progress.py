"""Live progress for interactive runs (rich), plain log lines otherwise."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator

log = logging.getLogger(__name__)


@contextlib.contextmanager
def progress_display(sources, interactive: bool) -> Iterator[Callable]:
    """Yield a callback taking a SourceReport; it updates a rich display, or logs each finished source."""
    if not interactive:
        def plain(report) -> None:
            if report.status != "running":
                log.info("[%s] %s: %d fetched, %d unchanged, %d failed, %d initiatives", report.source, report.status,
                         report.pages_fetched, report.pages_unchanged, report.pages_failed, report.records)
        yield plain
        return
    # rich only when someone is watching: cron and CI runs never import it.
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    progress = Progress(
        SpinnerColumn(), TextColumn("[bold]{task.fields[name]}"), BarColumn(),
        TextColumn("{task.completed}/{task.total} pages"),
        TextColumn("[green]{task.fields[unchanged]} unchanged [red]{task.fields[errors]} errors [cyan]{task.fields[records]} initiatives"),
        TimeElapsedColumn(), console=Console(stderr=True),
    )
    tasks = {s.name: progress.add_task(s.name, name=s.name, total=1, unchanged=0, errors=0, records=0) for s in sources}

    def update(report) -> None:
        done = report.pages_fetched + report.pages_unchanged + report.pages_failed + report.robots_disallowed
        progress.update(tasks[report.source], completed=done, total=max(report.queued, done, 1),
                        unchanged=report.pages_unchanged, errors=report.pages_failed, records=report.records)

    with progress:
        yield update
