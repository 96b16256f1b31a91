"""The record pipeline: split, link, enrich, check. Stage order comes from the hooks, not plugin load order."""

from __future__ import annotations

import logging
from collections import Counter

import pluggy

from .config import Source
from .exceptions import RejectRecord
from .models import Record

log = logging.getLogger(__name__)


def process_record(pm: pluggy.PluginManager, record: Record, source: Source, stats: Counter | None = None) -> list[Record]:
    """Run one record through every stage; return the records to store (zero if rejected, several if split).

    ``RejectRecord`` drops a record; any other exception propagates, failing the page (not the source).
    """
    stats = stats if stats is not None else Counter()
    parts = pm.hook.split_record(record=record, source=source) or [record]
    if len(parts) > 1:
        stats["pipeline/split"] += len(parts) - 1
    kept: list[Record] = []
    for part in parts:
        try:
            pm.hook.link_record(record=part, source=source)
            pm.hook.enrich_record(record=part, source=source)
            pm.hook.check_record(record=part, source=source)
        except RejectRecord as exc:
            stats["pipeline/rejected"] += 1
            log.debug("rejected %s (%s): %s", part.url, part.title, exc)
            continue
        if not part.councils and source.council:
            part.councils = [source.council]
        kept.append(part)
    return kept
