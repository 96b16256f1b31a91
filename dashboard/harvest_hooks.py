"""The dashboard's side of a harvest: a ``shopwindow`` plugin that readies the database for serving."""

from __future__ import annotations

import logging

from shopwindow import hookimpl

log = logging.getLogger(__name__)


@hookimpl(trylast=True)
def after_run(db, report) -> None:
    """After every harvest: fresh planner statistics for the dashboard's queries (cheap).

    The dashboard's indexes are part of the core schema, which opening the database for the run has
    already ensured. The postcode index depends only on the installed ONS data, not on the harvest,
    so it is built once by ``harvest serve`` (or ``prepare``), not after every run.
    """
    try:
        db.conn.execute("ANALYZE")
    except Exception as exc:  # noqa: BLE001 - the harvest is stored; serving can still build what it needs
        log.warning("could not prepare the database for the dashboard: %s", exc)
