"""Source health: after each run, compare every source with its own history.

A built-in plugin on the ordinary hooks (listed under the ``shopwindow`` entry points as ``health``):

- ``after_run`` judges each source that ran and writes the verdict onto its ``harvest_runs`` row
  (``items_seen``, ``items_usual``, ``health``, ``health_reason``). Unhealthy sources are added to
  ``report.problems``, so ``harvest run`` exits 1 with a line saying which and why.
- ``prepare_database`` creates the ``source_health`` view: one row per source, its latest verdict.

The rules, in order (the first that applies wins):

1. the run failed -> unhealthy, with the first error;
2. at least :data:`ERROR_SHARE` of the pages it tried failed -> unhealthy;
3. it saw far fewer items than usual (fewer than :data:`DROP_RATIO` of the median of its last
   :data:`HISTORY_RUNS` runs that were not unhealthy, and at least :data:`MIN_DROP` fewer, or none where
   there were some) -> unhealthy: the site has probably changed its layout;
4. its first run found nothing, or some pages failed -> warning (shown by ``harvest sources``; exit code unchanged);
5. otherwise healthy.

"Items" are initiatives the source's pages described in this run, whether the page changed or was
unchanged (an unchanged page still counts its initiatives), so incremental runs compare fairly.
Unhealthy runs are left out of the baseline so a broken reader stays loud until it is fixed; to accept
a genuine new normal, set their ``health`` to ``accepted`` (see docs/scheduling.md).
"""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from . import hookimpl
from .schema import ensure_view

if TYPE_CHECKING:  # pragma: no cover
    from .runner import RunReport, SourceReport

log = logging.getLogger(__name__)

HISTORY_RUNS = 5
DROP_RATIO = 0.5
MIN_DROP = 3
ERROR_SHARE = 0.25


@dataclass
class Verdict:
    health: str  # healthy | warning | unhealthy
    reason: str
    items_seen: int
    items_usual: float | None


def judge(status: str, pages_tried: int, pages_failed: int, first_error: str, items: int, history: list[int]) -> Verdict:
    """Apply the health rules (module docstring) to one run; ``history`` is recent baseline item counts, newest first."""
    usual = float(statistics.median(history)) if history else None
    if status == "failed":
        return Verdict("unhealthy", f"the run failed: {first_error or 'no page could be read'}", items, usual)
    if pages_tried and pages_failed / pages_tried >= ERROR_SHARE:
        return Verdict("unhealthy", f"{pages_failed} of {pages_tried} pages failed (first: {first_error})", items, usual)
    if usual is not None and ((items == 0 and usual > 0) or (items < usual * DROP_RATIO and usual - items >= MIN_DROP)):
        return Verdict(
            "unhealthy",
            f"found {items} items where it usually finds {usual:g} (median of its last {len(history)} runs): "
            "the site has probably changed its layout; check the reader with `harvest check`",
            items,
            usual,
        )
    if usual is None and items == 0:
        return Verdict("warning", "first run found no items: check the source's URL and the reader with `harvest check`",
                       items, usual)
    if pages_failed:
        return Verdict("warning", f"{pages_failed} of {pages_tried} pages failed (first: {first_error})", items, usual)
    reason = "first run: no history to compare with" if usual is None else f"{items} items, usually {usual:g}"
    return Verdict("healthy", reason, items, usual)


def items_seen(db: sqlite_utils.Database, source: str, since: str) -> int:
    """Initiatives the source's pages described at or after ``since`` (changed pages and unchanged ones)."""
    row = db.execute(
        "select count(distinct initiative_id) from initiative_sources where source = ? and last_seen >= ?", [source, since]
    ).fetchone()
    return int(row[0] or 0)


def baseline(db: sqlite_utils.Database, source: str, before_run: int) -> list[int]:
    """Item counts of the source's last :data:`HISTORY_RUNS` completed, not-unhealthy runs before ``before_run``."""
    rows = db.execute(
        "select items_seen from harvest_runs where source = ? and id < ? and status in ('ok', 'partial') "
        "and items_seen is not null and coalesce(health, '') != 'unhealthy' order by id desc limit ?",
        [source, before_run, HISTORY_RUNS],
    ).fetchall()
    return [int(r[0]) for r in rows]


def assess_source(db: sqlite_utils.Database, sreport: SourceReport) -> Verdict:
    """Judge one source's run against its history and store the verdict on its ``harvest_runs`` row."""
    tried = sreport.pages_fetched + sreport.pages_unchanged + sreport.pages_failed
    first_error = sreport.errors[0] if sreport.errors else ""
    items = items_seen(db, sreport.source, sreport.started)
    verdict = judge(sreport.status, tried, sreport.pages_failed, first_error, items,
                    baseline(db, sreport.source, sreport.run_id))
    with db.atomic():
        db["harvest_runs"].update(
            sreport.run_id,
            {"items_seen": verdict.items_seen, "items_usual": verdict.items_usual,
             "health": verdict.health, "health_reason": verdict.reason[:1000]},
        )
    return verdict


@hookimpl
def after_run(db: sqlite_utils.Database, report: RunReport) -> None:
    """Judge every source that ran; unhealthy ones become ``report.problems`` (failed ones are reported already)."""
    for sreport in report.sources:
        if sreport.run_id is None or sreport.status in ("skipped", "running"):
            continue
        verdict = assess_source(db, sreport)
        sreport.stats[f"health/{verdict.health}"] += 1
        if verdict.health == "unhealthy":
            log.warning("[%s] unhealthy: %s", sreport.source, verdict.reason)
            if sreport.status != "failed":
                report.problems.append(f"{sreport.source} is unhealthy: {verdict.reason}")


SOURCE_HEALTH_VIEW = """
create view source_health as
select
    r.source,
    coalesce(r.health, case r.status when 'interrupted' then 'interrupted' else 'unknown' end) as health,
    r.health_reason as reason,
    r.status as last_status,
    r.started as last_started,
    r.finished as last_finished,
    (select max(coalesce(s.finished, s.started)) from harvest_runs s
        where s.source = r.source and s.status in ('ok', 'partial')) as last_success,
    r.items_seen as items_last,
    r.items_usual as items_usual,
    r.pages_failed as pages_failed_last,
    (select count(*) from harvest_runs c where c.source = r.source) as runs
from harvest_runs r
where r.id = (select max(m.id) from harvest_runs m where m.source = r.source and m.status != 'running')
"""


def ensure_health_view(db: sqlite_utils.Database) -> None:
    """Create the ``source_health`` view, replacing an older definition (and writing nothing when it is current)."""
    ensure_view(db, "source_health", SOURCE_HEALTH_VIEW)


@hookimpl
def prepare_database(db: sqlite_utils.Database) -> None:
    """Create the ``source_health`` view for the CLI, Datasette and the maintainers' page."""
    if db["harvest_runs"].exists():
        ensure_health_view(db)


def latest_health(db: sqlite_utils.Database | None) -> dict[str, dict]:
    """The ``source_health`` view as a dict keyed by source (empty when there is no database yet)."""
    if db is None or not db["harvest_runs"].exists():
        return {}
    if "source_health" not in db.view_names():
        ensure_health_view(db)
    return {row["source"]: row for row in db.query("select * from source_health")}

