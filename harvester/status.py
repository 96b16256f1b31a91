"""Read-only views of sources and runs for the CLI (and anyone calling from Python)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils

if TYPE_CHECKING:  # only a type here; `harvest runs --db FILE` never reads a config
    from .config import Config


def _db(path: str) -> sqlite_utils.Database | None:
    if not Path(path).exists():
        return None
    db = sqlite_utils.Database(path)
    return db if db["harvest_runs"].exists() else None


def source_status(config: Config, db_path: str, now: datetime | None = None) -> list[dict[str, Any]]:
    """Each configured source with its last run, health, last success, items last time versus usual, and next due."""
    from .health import latest_health
    from .schedule import schedule_status

    db = _db(db_path)
    health = latest_health(db)
    due = {d.source: d for d in schedule_status(config, db, now)}
    # Each source's latest run, in one query rather than one per source.
    latest = {} if db is None else {r["source"]: r for r in db.query(
        "select * from harvest_runs where id in (select max(id) from harvest_runs group by source)")}
    rows = []
    for s in config.sources:
        last = latest.get(s.name)
        h = health.get(s.name, {})
        d = due.get(s.name)
        usual = h.get("items_usual")
        rows.append(
            {
                "name": s.name,
                "plugin": s.plugin,
                "enabled": s.enabled,
                "schedule": s.schedule or "",
                "last_status": last["status"] if last else "never run",
                "last_finished": (last["finished"] or last["started"]) if last else "",
                "last_records": last["records"] if last else None,
                "health": h.get("health") or ("new" if last is None else "unknown"),
                "health_reason": h.get("reason") or "",
                "last_success": h.get("last_success") or "",
                "items_last": h.get("items_last"),
                "items_usual": None if usual is None else round(usual, 1),
                "next_due": ("disabled" if not s.enabled else "now" if d is None or d.due else d.next_due.isoformat()),
            }
        )
    return rows


def run_history(db_path: str, source: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    db = _db(db_path)
    if db is None:
        return []
    where, params = ("where source = ?", [source]) if source else ("", [])
    return list(db.query(f"select * from harvest_runs {where} order by id desc limit ?", params + [limit]))


def format_table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """A plain fixed-width table (stable for scripts and tests; rich is for live progress only)."""
    if not rows:
        return "(none)"
    cells = [[("" if r.get(c) is None else str(r.get(c))) for c in columns] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)
