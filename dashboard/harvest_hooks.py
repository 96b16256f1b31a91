"""The dashboard's side of a harvest: a ``shopwindow`` plugin that readies the database for serving."""

from __future__ import annotations

import logging

from shopwindow import hookimpl

log = logging.getLogger(__name__)


@hookimpl(trylast=True)
def after_run(db, report) -> None:
    """After every harvest: the dashboard's indexes and fresh planner statistics (cheap).

    The postcode index depends only on the installed ONS data, not on the harvest, so it is
    built once by ``harvest serve`` (or ``prepare``), not after every run.
    """
    from shopwindow.schema import ensure_schema

    try:
        ensure_schema(db)
        db.conn.execute("ANALYZE")
    except Exception as exc:  # noqa: BLE001 - the harvest is stored; serving can still build what it needs
        log.warning("could not prepare the database for the dashboard: %s", exc)
