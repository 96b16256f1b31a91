"""Every hook a Shop Window plugin can implement. This module holds the specs and nothing else.

Implement them in a module listed under the ``shopwindow`` entry-point group,
decorated with ``@shopwindow.hookimpl``. Calls are keyword-only and an
implementation may accept fewer arguments than its spec.

Record pipeline order comes from the stages, not from plugin load order:
``split_record`` -> ``link_record`` -> ``enrich_record`` -> ``check_record``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    import click
    import sqlite_utils

    from .config import Source
    from .models import Record
    from .readers import Reader
    from .runner import RunReport

hookspec = pluggy.HookspecMarker("shopwindow")


@hookspec
def register_readers() -> list[type[Reader]]:
    """Return reader classes this plugin offers; each has a unique ``name`` used as ``plugin =`` in config."""


@hookspec(firstresult=True)
def split_record(record: Record, source: Source) -> list[Record] | None:
    """Stage 0: split a page describing several schemes into one record per scheme, or return None to keep it whole."""


@hookspec
def link_record(record: Record, source: Source) -> None:
    """Stage 1: find who is behind the record (councils as GSS codes, partners) and set them on it in place."""


@hookspec
def enrich_record(record: Record, source: Source) -> None:
    """Stage 2: add derived facts in place (savings, service area, delivery model, evidence grade)."""


@hookspec
def check_record(record: Record, source: Source) -> None:
    """Stage 3: correct the record in place, or raise ``RejectRecord`` to drop it before storage."""


@hookspec(firstresult=True)
def resolve_council(name: str) -> str | None:
    """Return the GSS code for a council name as written ("Ipswich BC"), or None if it is not a council."""


@hookspec(firstresult=True)
def match_initiative(db: sqlite_utils.Database, record: Record, initiative_id: str) -> str | None:
    """Return the id of an already stored initiative that is the same scheme as ``record``, or None for a new one."""


@hookspec
def prepare_database(db: sqlite_utils.Database) -> None:
    """Called after the core schema is ensured: create a plugin's own tables, views or indexes (idempotently)."""


@hookspec
def after_run(db: sqlite_utils.Database, report: RunReport) -> None:
    """Called once after a harvest run has stored everything: compute flags, health, summaries."""


@hookspec
def register_commands(cli: click.Group) -> None:
    """Add click commands to the ``harvest`` command group (called only when plugin commands are needed; a
    command named like a core one is ignored)."""


@hookspec
def extra_sources() -> list[dict[str, Any]]:
    """Return source definitions (as in ``[[sources]]``) a plugin adds to every configuration."""
