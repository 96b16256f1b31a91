"""The dashboard's side of a harvest: a ``shopwindow`` plugin that readies the database for serving."""

from __future__ import annotations

import logging

from shopwindow import hookimpl

log = logging.getLogger(__name__)


@hookimpl(trylast=True)
def after_run(db, report) -> None:
    """After every harvest: indexes, planner statistics and the postcode index, so `harvest serve` starts at once."""
    from . import prepare

    try:
        prepare(db)
    except Exception as exc:  # noqa: BLE001 - the harvest is stored; serving can still build what it needs
        log.warning("could not prepare the database for the dashboard: %s", exc)
