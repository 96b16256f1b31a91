"""When is a source due? Its ``schedule`` (a cron expression) and its history in ``harvest_runs`` decide.

Rules (times are UTC, like every timestamp in the database):

- A source that has never run is due.
- A source with a ``schedule`` is due once the schedule has fired since its last attempt started:
  ``croniter(schedule, last_started).get_next() <= now``. A missed slot (the machine was off) is caught
  up at the next ``harvest run --due``, once, not once per missed slot.
- A source without a ``schedule`` is due :data:`DEFAULT_INTERVAL` (one day) after its last attempt.
- An attempt is a run that finished as ok, partial or failed. Failed runs count, so a broken site is
  retried at its next slot rather than hammered every few minutes; runs that were interrupted (killed)
  or are still running do not count, so a killed run is retried at the next call.

``harvest schedule`` prints the crontab line or systemd units that call ``harvest run --due`` every
few minutes; this module decides which sources each call actually harvests.
"""

from __future__ import annotations

import shlex
import shutil
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlite_utils
from croniter import croniter

from .config import Config, Source

#: How often a source without a ``schedule`` is harvested.
DEFAULT_INTERVAL = timedelta(days=1)
#: Run statuses that count as an attempt for due-ness.
ATTEMPT_STATUSES = ("ok", "partial", "failed")
#: Default minutes between ``harvest run --due`` calls in the generated crontab and timer.
DEFAULT_EVERY = 15


@dataclass
class Due:
    """A source's place in the schedule at a moment: when it last ran, when it is next due, whether it is due now."""

    source: str
    last_started: datetime | None
    next_due: datetime
    due: bool


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def parse_time(value: str | None) -> datetime | None:
    """An ISO timestamp from the database as an aware UTC datetime (naive values are taken as UTC)."""
    if not value:
        return None
    when = datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def next_due(source: Source, last_started: datetime | None, now: datetime) -> datetime:
    """When ``source`` is next due, given when its last attempt started (None: never; due ``now``)."""
    if last_started is None:
        return now
    if source.schedule:
        return croniter(source.schedule, last_started).get_next(datetime)
    return last_started + DEFAULT_INTERVAL


def last_attempts(db: sqlite_utils.Database | None) -> dict[str, datetime]:
    """Each source's latest attempt start time (see :data:`ATTEMPT_STATUSES`)."""
    if db is None or not db["harvest_runs"].exists():
        return {}
    marks = ", ".join("?" for _ in ATTEMPT_STATUSES)
    rows = db.execute(
        f"select source, max(started) from harvest_runs where status in ({marks}) group by source", list(ATTEMPT_STATUSES)
    ).fetchall()
    return {source: parse_time(started) for source, started in rows if started}


def schedule_status(config: Config, db: sqlite_utils.Database | None, now: datetime | None = None) -> list[Due]:
    """Every enabled source's :class:`Due` at ``now`` (default: the current time)."""
    now = now or utcnow()
    last = last_attempts(db)
    rows = []
    for source in config.sources:
        if not source.enabled:
            continue
        started = last.get(source.name)
        when = next_due(source, started, now)
        rows.append(Due(source.name, started, when, when <= now))
    return rows


def due_sources(config: Config, db: sqlite_utils.Database | None, now: datetime | None = None) -> list[str]:
    """Names of the enabled sources due at ``now``, in config order."""
    return [d.source for d in schedule_status(config, db, now) if d.due]


# -- installing the schedule ------------------------------------------------------------------------


def harvest_command(config_path: str | Path, db_path: str | None = None, executable: str | None = None) -> str:
    """The shell command a scheduler runs: absolute paths, so it works from cron's empty environment."""
    exe = executable or shutil.which("harvest") or str(Path(sys.executable).with_name("harvest"))
    parts = [str(Path(exe).absolute()), "--quiet", "run", "--due", "--no-progress", "--config", str(Path(config_path).resolve())]
    if db_path:
        parts += ["--db", str(Path(db_path).resolve())]
    return shlex.join(parts)


def crontab(config: Config, command: str, every: int = DEFAULT_EVERY, log_path: str | None = None) -> str:
    """A crontab block calling ``harvest run --due`` every ``every`` minutes, with each source's schedule as a comment."""
    minute = "0" if every >= 60 else f"*/{every}"
    hour = "*" if every <= 60 else f"*/{every // 60}"
    workdir = shlex.quote(str(Path(config.path or ".").resolve().parent))
    redirect = f" >> {shlex.quote(log_path)} 2>&1" if log_path else ""
    lines = ["# Shop Window: harvest every source that is due (install with `crontab -e`).", *_schedule_comments(config)]
    lines.append(f"{minute} {hour} * * * cd {workdir} && {command}{redirect}")
    return "\n".join(lines) + "\n"


def systemd_units(config: Config, command: str, every: int = DEFAULT_EVERY, name: str = "shopwindow-harvest") -> str:
    """A systemd service and timer (printed one after the other) calling ``harvest run --due`` every ``every`` minutes."""
    workdir = Path(config.path or ".").resolve().parent
    calendar = f"*:0/{every}" if every < 60 else (f"0/{every // 60}:00" if every > 60 else "hourly")
    service = "\n".join([
        f"# /etc/systemd/system/{name}.service",
        "[Unit]",
        "Description=Shop Window: harvest the sources that are due",
        "Wants=network-online.target",
        "After=network-online.target",
        "",
        "[Service]",
        "Type=oneshot",
        f"WorkingDirectory={workdir}",
        f"ExecStart={command}",
        "# Exit 1 means a source failed or looks unhealthy: systemd marks the unit failed, so alerts fire.",
        "Nice=10",
        "",
    ])
    timer = "\n".join([
        f"# /etc/systemd/system/{name}.timer   (enable with: systemctl enable --now {name}.timer)",
        *_schedule_comments(config),
        "[Unit]",
        "Description=Run the Shop Window harvest when sources are due",
        "",
        "[Timer]",
        f"OnCalendar={calendar}",
        "Persistent=true",
        "RandomizedDelaySec=60",
        "",
        "[Install]",
        "WantedBy=timers.target",
        "",
    ])
    return service + "\n" + timer


def _schedule_comments(config: Config) -> list[str]:
    return [
        f"#   {s.name}: {s.schedule or 'daily (no schedule set)'}" + ("" if s.enabled else " [disabled]")
        for s in config.sources
    ]
