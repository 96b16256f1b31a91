"""Writing harvest results: one transaction per page, deterministic keys, nothing duplicated.

A run killed at any moment leaves a consistent database: a page's document row (with
its content hash) and its records commit together, so an interrupted page is simply
fetched and parsed again next time.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from .models import Record, Request

CHILD_TABLES = ("initiative_councils", "initiative_partners", "initiative_link_sources", "savings", "initiative_sources")


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def document_id(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def initiative_id(record: Record) -> str:
    return hashlib.sha1(f"{record.url}#{record.key}".encode("utf-8")).hexdigest()[:16]


class Storage:
    """The harvester's view of the database (sqlite-utils)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # -- runs ---------------------------------------------------------------------------------

    def mark_interrupted(self) -> int:
        """Mark runs left 'running' by a process that no longer exists as 'interrupted'; return how many."""
        stale = []
        for row in self.db.query("select id, pid from harvest_runs where status = 'running'"):
            if not _pid_alive(row["pid"]):
                stale.append(row["id"])
        with self.db.atomic():
            for run_id in stale:
                self.db.conn.execute(
                    "update harvest_runs set status = 'interrupted', finished = coalesce(finished, ?), "
                    "error_text = coalesce(error_text, ?) where id = ?",
                    [now_iso(), json.dumps(["run was killed before it finished"]), run_id],
                )
        return len(stale)

    def start_run(self, source: str, offline: bool) -> int:
        with self.db.atomic():
            cursor = self.db.conn.execute(
                "insert into harvest_runs (source, started, status, pages_fetched, pages_unchanged, errors, pages_failed, "
                "records, robots_disallowed, pid, offline) values (?, ?, 'running', 0, 0, 0, 0, 0, 0, ?, ?)",
                [source, now_iso(), os.getpid(), int(offline)],
            )
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, values: dict[str, Any]) -> None:
        values = dict(values, finished=now_iso())
        with self.db.atomic():
            self.db["harvest_runs"].update(run_id, values)

    def record_error(self, run_id: int, source: str, url: str, kind: str, message: str) -> None:
        with self.db.atomic():
            self.db["run_errors"].insert(
                {"run_id": run_id, "source": source, "url": url, "kind": kind, "message": message[:2000], "at": now_iso()}
            )

    # -- documents ------------------------------------------------------------------------------

    def load_state(self) -> dict[str, dict[str, str | None]]:
        """Validators and content hashes of every known URL, for conditional requests."""
        return {
            row["url"]: {"etag": row["etag"], "last_modified": row["last_modified"], "content_hash": row["content_hash"]}
            for row in self.db.query(
                "select url, etag, last_modified, content_hash from documents where status in ('ok', 'unchanged')"
            )
        }

    def _document(self, url: str, source: str, values: dict[str, Any]) -> str:
        doc_id = document_id(url)
        now = values.get("fetched_at") or now_iso()
        existing = self.db.execute("select first_seen from documents where id = ?", [doc_id]).fetchone()
        row = {"id": doc_id, "url": url, "source": source, "last_seen": now, "fetched_at": now, **values}
        row["first_seen"] = existing[0] if existing and existing[0] else now
        self.db["documents"].upsert(row, pk="id")
        return doc_id

    def record_unchanged(self, url: str, source: str, http_status: int) -> str:
        """A 304 or same-hash page: still published, nothing to re-parse."""
        now = now_iso()
        with self.db.atomic():
            doc_id = document_id(url)
            # One plain UPDATE: an unchanged page is the common case of a re-run, and sqlite-utils' upsert spends a
            # dozen statements (introspection included) on the same row. A page not yet stored goes the long way.
            updated = self.db.conn.execute(
                "update documents set url = ?, source = ?, last_seen = ?, fetched_at = ?, status = 'unchanged', "
                "http_status = ?, error = null where id = ?", [url, source, now, now, http_status, doc_id]).rowcount
            if not updated:
                self._document(url, source, {"status": "unchanged", "http_status": http_status, "fetched_at": now,
                                             "error": None})
            self.db.conn.execute("update initiative_sources set last_seen = ? where document_id = ?", [now, doc_id])
            self.db.conn.execute(
                "update initiatives set last_seen = ?, status = 'published' where id in "
                "(select initiative_id from initiative_sources where document_id = ?)",
                [now, doc_id],
            )
        return doc_id

    def record_failure(self, url: str, source: str, status: str, http_status: int, error: str) -> None:
        """A failed fetch: keep the document's earlier content and validators, note the failure."""
        with self.db.atomic():
            existing = self.db.execute("select id from documents where id = ?", [document_id(url)]).fetchone()
            values = {"status": status, "http_status": http_status, "error": error[:2000]}
            if existing:
                self.db["documents"].update(existing[0], dict(values, fetched_at=now_iso()))
            else:
                self._document(url, source, values)

    # -- pages -------------------------------------------------------------------------------------

    def links_from(self, url: str) -> list[Request]:
        """The requests a navigation page led to last time it changed."""
        return [
            Request(row["to_url"], callback=row["callback"], document=bool(row["document"]), meta=json.loads(row["meta"] or "{}"))
            for row in self.db.query("select * from links where from_url = ?", [url])
        ]

    def save_page(
        self,
        *,
        url: str,
        source: str,
        fetch: dict[str, Any],
        records: list[Record],
        requests: Iterable[Request],
        title: str | None = None,
        published: str | None = None,
        match=None,
    ) -> int:
        """Store one parsed page (document, its initiatives and outgoing links) in one transaction; return records stored."""
        now = now_iso()
        with self.db.atomic():
            doc_id = self._document(
                url,
                source,
                dict(fetch, status="ok", error=None, fetched_at=now, title=title or (records[0].title if records else None), published=published),
            )
            self.db.conn.execute("delete from links where from_url = ?", [url])
            link_rows = [
                {"from_url": url, "to_url": r.url, "callback": r.callback, "document": int(r.document),
                 "meta": json.dumps(r.meta, sort_keys=True, default=str), "source": source}
                for r in requests
            ]
            if link_rows:
                self.db["links"].upsert_all(link_rows, pk=("from_url", "to_url"))
            restored: set[str] = set()
            new_ids = [self._save_record(record, doc_id, source, now, match, restored) for record in records]
            self._drop_vanished(doc_id, set(new_ids))
        return len(new_ids)

    def _save_record(self, record: Record, doc_id: str, source: str, now: str, match, restored: set[str]) -> str:
        """Store one record; ``restored`` holds the initiatives this page has already cleared its own facts from."""
        own_id = initiative_id(record)
        init_id = own_id
        if match is not None:
            init_id = match(self.db, record, own_id) or own_id
        existing = self.db.execute("select first_seen, document_id from initiatives where id = ?", [init_id]).fetchone()
        primary = existing is None or existing[1] in (None, doc_id)
        row = {
            "id": init_id,
            "last_seen": now,
            "status": "published",
            "first_seen": existing[0] if existing else now,
        }
        fields = {
            "title": record.title,
            "summary": record.summary,
            "url": record.url,
            "source": source,
            "document_id": doc_id,
            "published": record.published,
            "service_area": record.service_area,
            "delivery_model": record.delivery_model,
            "evidence_grade": record.evidence_grade,
            "source_kind": record.source_kind,
            "topics": json.dumps(record.topics) if record.topics else None,
            "record_key": record.key or None,
        }
        if primary:
            row.update(fields)
            self.db["initiatives"].upsert(row, pk="id")
        else:
            # A second source for a known initiative: fill gaps, never overwrite the primary's fields.
            current = self.db["initiatives"].get(init_id)
            row.update({k: v for k, v in fields.items() if current.get(k) in (None, "") and v not in (None, "")})
            self.db["initiatives"].update(init_id, row)
        if init_id not in restored:
            # This source's earlier councils, partners and savings make way for what the page says now; other
            # sources' stay. Once per page: two records of one page can describe one initiative.
            self._forget_source(init_id, doc_id)
            restored.add(init_id)
        self._link(init_id, doc_id, record)
        self._prune_links(init_id)
        if record.savings:
            self.db["savings"].upsert_all(
                [
                    {
                        "id": s.key(init_id, doc_id),
                        "initiative_id": init_id,
                        "amount_gbp": s.amount_gbp,
                        "percent": s.percent,
                        "period": s.period,
                        "status": s.status,
                        "quote": s.quote,
                        "fiscal_year": s.fiscal_year,
                        "council_code": s.councils[0] if len(s.councils) == 1 else None,
                        "sector_wide": int(s.sector_wide),
                        "amount_text": s.amount_text,
                        "document_id": doc_id,
                        "source_url": record.url,
                    }
                    for s in record.savings
                ],
                pk="id",
            )
        source_row = self.db.execute(
            "select first_seen from initiative_sources where initiative_id = ? and url = ?", [init_id, record.url]
        ).fetchone()
        self.db["initiative_sources"].upsert(
            {
                "initiative_id": init_id,
                "url": record.url,
                "document_id": doc_id,
                "source": source,
                "title": record.title,
                "source_kind": record.source_kind,
                "evidence_grade": record.evidence_grade,
                "first_seen": source_row[0] if source_row else now,
                "last_seen": now,
            },
            pk=("initiative_id", "url"),
        )
        return init_id

    def _forget_source(self, init_id: str, doc_id: str) -> None:
        """Drop the link ownerships and savings that document ``doc_id`` gave initiative ``init_id``."""
        for table in ("initiative_link_sources", "savings"):
            self.db.conn.execute(f"delete from {table} where initiative_id = ? and document_id = ?", [init_id, doc_id])

    def _link(self, init_id: str, doc_id: str, record: Record) -> None:
        """Link the record's councils and partners to the initiative, noting this document as one of their owners."""
        codes = list(dict.fromkeys(record.councils))
        owned = [("council", code) for code in codes] + [("partner", p["name"]) for p in record.partners]
        if not owned:
            return
        self.db["initiative_link_sources"].insert_all(
            [{"initiative_id": init_id, "link": link, "value": value, "document_id": doc_id} for link, value in owned],
            pk=("initiative_id", "link", "value", "document_id"),
            ignore=True,
        )
        if codes:
            self.db["initiative_councils"].insert_all(
                [{"initiative_id": init_id, "council_code": code} for code in codes], pk=("initiative_id", "council_code"), ignore=True
            )
        if record.partners:
            self.db["initiative_partners"].insert_all(
                [{"initiative_id": init_id, "name": p["name"], "kind": p.get("kind", "other")} for p in record.partners],
                pk=("initiative_id", "name"),
                ignore=True,
            )

    def _prune_links(self, init_id: str) -> None:
        """Remove the initiative's councils and partners that no source names any more."""
        for link, table, column in (("council", "initiative_councils", "council_code"), ("partner", "initiative_partners", "name")):
            self.db.conn.execute(
                f"delete from {table} where initiative_id = ? and not exists (select 1 from initiative_link_sources o "
                f"where o.initiative_id = {table}.initiative_id and o.link = ? and o.value = {table}.{column})",
                [init_id, link],
            )

    def _drop_vanished(self, doc_id: str, keep: set[str]) -> None:
        """Initiatives this page no longer describes lose this source; with no source left, they are removed."""
        old = [r[0] for r in self.db.execute("select initiative_id from initiative_sources where document_id = ?", [doc_id])]
        for init_id in set(old) - keep:
            self.db.conn.execute("delete from initiative_sources where initiative_id = ? and document_id = ?", [init_id, doc_id])
            self._forget_source(init_id, doc_id)
            self._prune_links(init_id)
            remaining = self.db.execute("select count(*) from initiative_sources where initiative_id = ?", [init_id]).fetchone()[0]
            if remaining == 0:
                for table in CHILD_TABLES:
                    self.db.conn.execute(f"delete from {table} where initiative_id = ?", [init_id])
                self.db.conn.execute("delete from initiatives where id = ?", [init_id])


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    if pid == os.getpid():
        return False  # our own earlier run in this process cannot still be running
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
