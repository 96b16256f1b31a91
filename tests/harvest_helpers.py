"""Helpers for tests that run ``harvest run`` against the local site (tests/sites.py)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

#: Small timeouts and retries so that a hostile site costs seconds, not minutes.
FAST = {
    "requests_per_second": 200.0,
    "concurrency": 8,
    "connect_timeout": 1.0,
    "read_timeout": 0.5,
    "total_timeout": 2.0,
    "retries": 2,
    "backoff": 0.1,
    "max_retry_after": 5.0,
    "max_bytes": 2_000_000,
    "max_redirects": 5,
}


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(value)


def write_config(path: Path, sources: list[dict[str, Any]], **harvest: Any) -> Path:
    """Write a harvest.toml with ``FAST`` settings (overridden by ``harvest``) and the given sources."""
    settings = {**FAST, **harvest}
    lines = ["[harvest]"] + [f"{k} = {toml_value(v)}" for k, v in settings.items()]
    for source in sources:
        lines += ["", "[[sources]]"] + [f"{k} = {toml_value(v)}" for k, v in source.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class CliRun:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


def run_cli(config: Path, db: Path, *sources: str) -> CliRun:
    """``harvest run`` in-process through click's CliRunner; stdout and stderr kept apart."""
    from shopwindow.cli import cli

    result = CliRunner().invoke(cli, ["run", *sources, "--config", str(config), "--db", str(db), "--no-progress"])
    exception = result.exception if not isinstance(result.exception, SystemExit) else None
    return CliRun(result.exit_code, result.stdout, result.stderr, exception)


def query(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def errors_by_url(db: Path) -> dict[str, str]:
    """Every recorded page error, url -> kind (the last one wins)."""
    return {url: kind for url, kind in query(db, "select url, kind from run_errors order by id")}
