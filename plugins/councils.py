"""Built-in plugin: link records to councils (GSS codes) and partners; load the council register.

A thin layer over :mod:`shopwindow.councils`; see ``docs/extraction.md``.
"""

from __future__ import annotations

import csv
import logging

from shopwindow import RejectRecord, hookimpl
from shopwindow.councils import DATA_DIR, find_councils, find_partners, lead_councils, resolve
from shopwindow.models import Record
from shopwindow.savings import record_text

log = logging.getLogger(__name__)


@hookimpl
def link_record(record: Record, source) -> None:
    """Set councils and partners from the title, summary and body; keep the source's council if none is named."""
    text = record_text(record)
    default = getattr(source, "council", None)
    if not record.councils:
        record.councils = [m.code for m in lead_councils(text, default=default)]
    elif default and default not in record.councils and not find_councils(text):
        record.councils.append(default)
    known = {p.get("name", "").lower() for p in record.partners}
    for partner in find_partners(text):
        if partner.name.lower() not in known:
            record.partners.append(partner.as_dict())
            known.add(partner.name.lower())


@hookimpl(trylast=True)
def resolve_council(name: str) -> str | None:
    """Resolve a council name as written ("Ipswich BC") to its GSS code."""
    return resolve(name)


@hookimpl(trylast=True)
def check_record(record: Record, source) -> None:
    """Reject junk: a record without a title, or with neither a council nor any text to describe it."""
    if not (record.title or "").strip():
        raise RejectRecord("record has no title")
    if not record.councils and not (record.summary or record.body or "").strip():
        raise RejectRecord(f"record {record.title[:60]!r} names no council and has no text")


@hookimpl
def prepare_database(db) -> None:
    """Load ``councils.csv`` and its aliases into the ``councils`` and ``council_names`` tables (idempotent)."""
    with open(DATA_DIR / "councils.csv", newline="", encoding="utf-8") as fh:
        rows = [_typed(row) for row in csv.DictReader(fh)]
    with open(DATA_DIR / "council_aliases.csv", newline="", encoding="utf-8") as fh:
        names = [{"name": row["alias"], "code": row["code"]} for row in csv.DictReader(fh)]
    with db.conn:
        db["councils"].upsert_all(rows, pk="code")
        db["council_names"].upsert_all(names, pk=("name", "code"))
    log.debug("loaded %d councils and %d names", len(rows), len(names))


def _typed(row: dict[str, str]) -> dict:
    out: dict = {k: (v or None) for k, v in row.items()}
    out["current"] = int(row["current"] or 0)
    out["lat"] = float(row["lat"]) if row["lat"] else None
    out["lng"] = float(row["lng"]) if row["lng"] else None
    return out
