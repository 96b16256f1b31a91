"""The database schema, declared here and nowhere else.

:func:`ensure_schema` is idempotent: it creates what is missing and adds new
columns to existing tables, so an older database upgrades in place.
"""

from __future__ import annotations

import sqlite_utils

# table -> (columns in order with types, primary key, extra options)
TABLES: dict[str, dict] = {
    "councils": {
        "columns": {
            "code": str,  # GSS code
            "name": str,  # official name
            "short_name": str,  # "Croydon"
            "type": str,  # county | district | unitary | metropolitan district | london borough | ...
            "region": str,
            "nation": str,
            "parent_code": str,  # county GSS code for a district in a two-tier area
            "current": int,  # 1 for councils that exist today
            "successor_code": str,  # for councils abolished by reorganisation
            "end_date": str,
            "lat": float,
            "lng": float,
        },
        "pk": "code",
    },
    "council_names": {
        "columns": {"name": str, "code": str},  # normalised alias -> GSS code
        "pk": ("name", "code"),
    },
    "documents": {
        "columns": {
            "id": str,
            "url": str,
            "source": str,
            "title": str,
            "published": str,
            "fetched_at": str,
            "status": str,  # ok | unchanged | error | disallowed | gone
            "etag": str,
            "last_modified": str,
            "content_hash": str,
            "http_status": int,
            "final_url": str,
            "content_type": str,
            "first_seen": str,
            "last_seen": str,
            "error": str,
        },
        "pk": "id",
    },
    "service_areas": {
        "columns": {"slug": str, "label": str, "description": str},  # the taxonomy in docs/taxonomy.md
        "pk": "slug",
    },
    "delivery_models": {
        "columns": {"slug": str, "label": str, "description": str},
        "pk": "slug",
    },
    "initiatives": {
        "foreign_keys": [("service_area", "service_areas", "slug"), ("delivery_model", "delivery_models", "slug")],
        "columns": {
            "id": str,
            "title": str,
            "summary": str,
            "url": str,
            "source": str,
            "document_id": str,
            "published": str,
            "service_area": str,
            "delivery_model": str,
            "first_seen": str,
            "last_seen": str,
            "evidence_grade": str,  # self-reported | third-party | evaluated
            "source_kind": str,  # council | lga | thinktank | other
            "topics": str,  # JSON list
            "quality_flags": str,  # JSON list of flag names
            "status": str,  # published | gone
            "record_key": str,
        },
        "pk": "id",
    },
    "initiative_councils": {
        "columns": {"initiative_id": str, "council_code": str},
        "pk": ("initiative_id", "council_code"),
    },
    "initiative_partners": {
        "columns": {"initiative_id": str, "name": str, "kind": str},  # nhs | police | fire | company | lga | other
        "pk": ("initiative_id", "name"),
    },
    "initiative_link_sources": {
        # Which source document named each council and partner link: re-storing a source replaces only its own
        # links, and a link goes when no source names it any more.
        "columns": {"initiative_id": str, "link": str, "value": str, "document_id": str},  # link: council | partner
        "pk": ("initiative_id", "link", "value", "document_id"),
    },
    "initiative_sources": {
        "columns": {
            "initiative_id": str,
            "url": str,
            "document_id": str,
            "source": str,
            "title": str,
            "source_kind": str,
            "evidence_grade": str,  # what this source alone supports; initiatives.evidence_grade is the best of them
            "first_seen": str,
            "last_seen": str,
        },
        "pk": ("initiative_id", "url"),
    },
    "savings": {
        "columns": {
            "id": str,
            "initiative_id": str,
            "amount_gbp": float,
            "percent": float,
            "period": str,  # annual | cumulative | one-off | NULL
            "status": str,  # achieved | target | estimated
            "quote": str,  # the sentence that evidences it
            "fiscal_year": str,
            "council_code": str,  # NULL: the whole initiative
            "sector_wide": int,
            "amount_text": str,
            "document_id": str,
            "source_url": str,
        },
        "pk": "id",
    },
    "harvest_runs": {
        "columns": {
            "id": int,
            "source": str,
            "started": str,
            "finished": str,
            "status": str,  # running | ok | partial | failed | interrupted | skipped
            "pages_fetched": int,
            "pages_unchanged": int,
            "errors": int,
            "pages_failed": int,
            "records": int,
            "robots_disallowed": int,
            "error_text": str,  # JSON list of "url: message"
            "stats": str,  # JSON of namespaced counters
            "pid": int,
            "offline": int,
            # Written after the run by shopwindow.health (see the source_health view):
            "items_seen": int,  # initiatives this source's pages described this run, changed or unchanged
            "items_usual": float,  # median items_seen of its recent healthy runs
            "health": str,  # healthy | warning | unhealthy (accepted: a maintainer accepted a new normal)
            "health_reason": str,
        },
        "pk": "id",
    },
    "run_errors": {
        "columns": {"id": int, "run_id": int, "source": str, "url": str, "kind": str, "message": str, "at": str},
        "pk": "id",
    },
    "links": {
        # Navigation memory: what an unchanged listing or feed led to last time.
        "columns": {"from_url": str, "to_url": str, "callback": str, "document": int, "meta": str, "source": str},
        "pk": ("from_url", "to_url"),
    },
    "snapshot_info": {
        # Set by offline runs from data/snapshot/INFO.json (recorded, description); emptied by a live run.
        "columns": {"key": str, "value": str},
        "pk": "key",
    },
    "robots": {
        "columns": {"host": str, "checked_at": str, "http_status": int, "crawl_delay": float, "disallowed": int},
        "pk": "host",
    },
}

INDEXES: list[tuple[str, list[str]]] = [
    ("councils", ["parent_code"]),
    ("councils", ["type", "region"]),
    ("council_names", ["code"]),
    ("documents", ["source"]),
    ("documents", ["status"]),
    ("initiatives", ["document_id"]),
    ("initiatives", ["source"]),
    ("initiatives", ["published"]),
    ("initiatives", ["first_seen"]),
    ("initiatives", ["service_area"]),
    ("initiatives", ["delivery_model"]),
    ("initiatives", ["status"]),
    ("initiative_councils", ["council_code"]),
    ("initiative_partners", ["name"]),
    ("initiative_sources", ["document_id"]),
    ("initiative_link_sources", ["document_id"]),
    ("savings", ["document_id"]),
    ("savings", ["status", "amount_gbp"]),
    ("savings", ["council_code"]),
    ("harvest_runs", ["source", "started"]),
    ("run_errors", ["run_id"]),
    ("links", ["source"]),
    # Dashboard (shopwindow_dashboard): covering indexes that keep the council page and canned queries fast.
    ("councils", ["region"]),
    ("initiative_councils", ["council_code", "initiative_id"]),
    ("initiatives", ["service_area", "delivery_model"]),
    ("initiatives", ["service_area", "published"]),
    ("initiatives", ["source", "status"]),
    # initiative_savings_headline: its "is there a larger figure?" probe reads only this index.
    ("savings", ["initiative_id", "status", "amount_gbp", "percent", "id"]),
]

RETIRED_INDEXES = ["idx_savings_initiative_id", "idx_savings_initiative_id_status_amount_gbp"]

FTS: dict[str, list[str]] = {"initiatives": ["title", "summary"]}

# The headline savings rule, in one place (docs/dashboard.md, "Headline savings"). The same scheme's saving
# is often reported by several sources (the LGA, a thinktank, the council) and a range gives two figures, so
# summing the savings table counts it two or three times. Per initiative there is at most one headline
# figure for "achieved" and one for "planned" (target and estimated compete together): the largest amount
# reported; an initiative with no amount for that status falls back to its largest percentage (amount NULL,
# so it never enters a total). Ties go to the lowest saving id, so the choice is stable. Written as a row
# filter (not GROUP BY) so SQLite flattens it into callers and uses the savings indexes.
HEADLINE_SAVINGS_VIEW = """
create view initiative_savings_headline as
select s.initiative_id, s.status, s.amount_gbp, s.percent, s.period, s.fiscal_year, s.quote,
  s.source_url, s.document_id, s.council_code, s.sector_wide, s.amount_text, s.id as saving_id,
  (select count(*) from savings n where n.initiative_id = s.initiative_id
     and (n.status = 'achieved') = (s.status = 'achieved')) as figures_reported
from savings s
where (s.amount_gbp is not null or s.percent is not null)
  and not exists (
    select 1 from savings o
    where o.initiative_id = s.initiative_id and (o.status = 'achieved') = (s.status = 'achieved')
      and (o.amount_gbp is not null or o.percent is not null) and o.id != s.id
      and ((o.amount_gbp is not null, coalesce(o.amount_gbp, 0), coalesce(o.percent, 0), s.id)
           > (s.amount_gbp is not null, coalesce(s.amount_gbp, 0), coalesce(s.percent, 0), o.id))
  )
"""

# view name -> its CREATE VIEW statement; ensure_schema replaces a view whose stored definition differs.
VIEWS: dict[str, str] = {"initiative_savings_headline": HEADLINE_SAVINGS_VIEW}


def ensure_schema(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """Create or upgrade every table, index and full-text index; enable WAL. Safe to call on every run."""
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal" and db.conn.in_transaction is False:
        try:
            db.enable_wal()
        except Exception:  # noqa: BLE001 - an in-memory database has no WAL; that is fine
            pass
    db.conn.execute("PRAGMA foreign_keys = OFF")
    db.conn.execute("PRAGMA busy_timeout = 10000")
    # WAL + NORMAL: no fsync per page commit, still consistent after a crash; a power cut can lose only
    # the last few pages, which the next run fetches again because their hashes were not stored.
    db.conn.execute("PRAGMA synchronous = NORMAL")
    for name, spec in TABLES.items():
        table = db[name]
        if not table.exists():
            table.create(
                spec["columns"], pk=spec["pk"], not_null=_not_null(spec), foreign_keys=spec.get("foreign_keys"),
                if_not_exists=True,
            )
        else:
            existing = set(table.columns_dict)
            for column, col_type in spec["columns"].items():
                if column not in existing:
                    table.add_column(column, col_type)
    for name in RETIRED_INDEXES:  # prefixes of a wider index: they only cost writes
        db.conn.execute(f"DROP INDEX IF EXISTS [{name}]")
    for table, columns in INDEXES:
        db[table].create_index(columns, if_not_exists=True)
    db["documents"].create_index(["url"], unique=True, if_not_exists=True)
    for table, columns in FTS.items():
        if not db[table].detect_fts():
            db[table].enable_fts(columns, create_triggers=True, tokenize="porter")
    for name, sql in VIEWS.items():
        ensure_view(db, name, sql)
    _own_unowned_links(db)
    return db


# A link without an owner (a database from before initiative_link_sources) is given to every source of its
# initiative, so it stays until each of them has been read again without naming it. Runs once per database.
_LINK_OWNERS = """
insert or ignore into initiative_link_sources (initiative_id, link, value, document_id)
select l.initiative_id, '{link}', l.{column}, s.document_id
from {table} l join initiative_sources s on s.initiative_id = l.initiative_id
where s.document_id is not null and not exists (
  select 1 from initiative_link_sources o
  where o.initiative_id = l.initiative_id and o.link = '{link}' and o.value = l.{column})
"""


#: PRAGMA user_version once the upgrades below have run: they are not repeated at every start.
SCHEMA_VERSION = 1


def _own_unowned_links(db: sqlite_utils.Database) -> None:
    if db.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    with db.atomic():  # the version is written in the same transaction: a killed upgrade runs again
        for link, table, column in (("council", "initiative_councils", "council_code"), ("partner", "initiative_partners", "name")):
            db.execute(_LINK_OWNERS.format(link=link, table=table, column=column))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def ensure_view(db: sqlite_utils.Database, name: str, sql: str) -> None:
    """Create view ``name`` from ``sql``, replacing an older definition (and writing nothing when it is current)."""
    row = db.execute("select sql from sqlite_master where type = 'view' and name = ?", [name]).fetchone()
    if row and " ".join(row[0].split()).lower() == " ".join(sql.split()).lower():
        return
    with db.atomic():
        db.execute(f"drop view if exists [{name}]")
        db.execute(sql)


def _not_null(spec: dict) -> set[str]:
    pk = spec["pk"]
    return set(pk) if isinstance(pk, tuple) else {pk}


def open_database(path: str, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and by default create or upgrade) the database at ``path``, with the core schema and plugin tables."""
    from pathlib import Path

    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    if create:
        ensure_schema(db)
        from .manager import get_plugin_manager

        get_plugin_manager().hook.prepare_database(db=db)
    return db
