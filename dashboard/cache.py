"""Per-database-state caching for the dashboard's slow aggregates (stale-while-revalidate).

Sums over every saving take seconds at 100,000 initiatives, so they are computed once per database state
and refreshed in the background when the file changes: a resident never waits for them after the first
computation, which the ``startup`` hook starts as soon as the server runs.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

_cache: dict[tuple, tuple[tuple, Any]] = {}
_refreshing: set[tuple] = set()


def _file_state(path: str | None) -> tuple:
    """A cheap fingerprint of the database: changes whenever the harvester commits (file or WAL)."""
    if not path:
        return ()
    state = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(path + suffix)
            state.append((st.st_mtime_ns, st.st_size))
        except OSError:
            state.append(None)
    return tuple(state)


async def cached(db, key: str, compute):
    """``await compute()`` once per database state; a stale value is served while a fresh one is computed."""
    cache_key = (db.path or db.name, key)
    fingerprint = _file_state(db.path)
    hit = _cache.get(cache_key)
    if hit is None:
        value = await compute()
        _cache[cache_key] = (fingerprint, value)
        return value
    if hit[0] != fingerprint and cache_key not in _refreshing:
        _refreshing.add(cache_key)

        async def refresh():
            try:
                _cache[cache_key] = (fingerprint, await compute())
            finally:
                _refreshing.discard(cache_key)

        asyncio.get_running_loop().create_task(refresh())
    return hit[1]


async def aggregate(db, sql: str) -> list[dict]:
    """Run a sector-wide aggregate without Datasette's per-query time limit (it only runs once per data state)."""

    def run(conn):
        cursor = conn.execute(sql)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    return await db.execute_fn(run)
