"""The resident pages' SQL: one async function per block of a page, all with bound parameters.

Where a page shows the same thing as a canned query, the SQL is the canned query's (read from
metadata.yml), so the page and the JSON API cannot drift apart.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from typing import Any

from . import load_metadata
from .cache import aggregate, cached

logger = logging.getLogger(__name__)

# Every total, ranking and badge counts an initiative's saving once: its headline figure from the
# initiative_savings_headline view (harvester/schema.py; the rule is in docs/dashboard.md), never a sum of the
# savings table, where the same scheme's saving appears once per source that reports it.
HEADLINE = "initiative_savings_headline"
ACHIEVED = f"(select h.amount_gbp from {HEADLINE} h where h.initiative_id = i.id and h.status = 'achieved')"
TARGET = f"(select h.amount_gbp from {HEADLINE} h where h.initiative_id = i.id and h.status != 'achieved')"
CARD_COLUMNS = f"""i.id, i.title, i.summary, i.url, i.published, i.first_seen, i.service_area, i.delivery_model,
  i.evidence_grade, i.status, i.quality_flags, i.source, {ACHIEVED} as achieved_gbp, {TARGET} as target_gbp"""


@functools.lru_cache(maxsize=None)
def canned_sql(name: str) -> str:
    """The SQL of the canned query ``name`` in metadata.yml."""
    return load_metadata()["databases"]["shopwindow"]["queries"][name]["sql"]


def rows(results) -> list[dict]:
    """Datasette results (or a list of rows) as plain dicts, with JSON list columns decoded."""
    out = []
    for row in getattr(results, "rows", results):
        item = dict(row)
        if "quality_flags" in item:
            item["quality_flags"] = _json_list(item["quality_flags"])
        out.append(item)
    return out


def _json_list(value: Any) -> list:
    if not value:
        return []
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return [str(value)]
    return parsed if isinstance(parsed, list) else [parsed]


async def warm(db) -> None:
    """Compute the home page's aggregates ahead of the first visitor."""
    try:
        await asyncio.gather(headline(db), *(savings_by(db, d) for d in ("service_area", "delivery_model")),
                             savings_by_year(db), council_choices(db), map_points(db))
    except Exception:  # noqa: BLE001 - warming is an optimisation; the page computes them itself if this fails
        logger.exception("Could not warm the dashboard's aggregates")


# -- home -----------------------------------------------------------------------------------------
async def headline(db) -> dict:
    """Sector headline figures: initiatives, councils involved, savings achieved and targeted, shared services."""

    async def compute():
        return (
            await aggregate(
                db,
                """select
                  (select count(*) from initiatives where status is not 'gone') as initiatives,
                  (select count(distinct council_code) from initiative_councils) as councils,
                  (select sum(amount_gbp) from initiative_savings_headline where status = 'achieved') as achieved_gbp,
                  (select sum(amount_gbp) from initiative_savings_headline where status != 'achieved') as target_gbp,
                  (select count(*) from initiatives where delivery_model like 'shared%') as shared_services""",
            )
        )[0]

    return await cached(db, "headline", compute)


async def savings_by(db, dimension: str) -> list[dict]:
    """Headline savings achieved grouped by ``service_area`` or ``delivery_model``, largest first."""
    expressions = {
        # Slugs, with any "shared service"-style text folded onto its slug so one label gets one bar.
        "service_area": "coalesce(replace(lower(i.service_area), ' ', '_'), 'not classified')",
        "delivery_model": "coalesce(replace(lower(i.delivery_model), ' ', '_'), 'not classified')",
    }
    expression = expressions[dimension]  # a fixed whitelist: never user input

    async def compute():
        return await aggregate(
            db,
            f"""select {expression} as label, sum(s.amount_gbp) as amount, count(*) as initiatives
            from {HEADLINE} s join initiatives i on i.id = s.initiative_id
            where s.status = 'achieved' and s.amount_gbp is not null
            group by label order by amount desc limit 16""",
        )

    return await cached(db, f"savings_by:{dimension}", compute)


# The financial year (April to March, "2015-16") of an ISO date: the year savings are stated for.
_FINANCIAL_YEAR = """case when i.published glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' then
  case when cast(substr(i.published, 6, 2) as integer) >= 4
    then substr(i.published, 1, 4) || '-' || substr(cast(substr(i.published, 1, 4) as integer) + 1, 3, 2)
    else (cast(substr(i.published, 1, 4) as integer) - 1) || '-' || substr(i.published, 3, 2) end end"""


async def savings_by_year(db, years: int = 16) -> dict:
    """Headline savings achieved per financial year: the year the headline figure is stated for, else the financial
    year its initiative was published in. A cumulative figure (saved over several years) belongs to no one year,
    so it is left out and totalled apart (``cumulative``), as are figures with neither year (``undated``).
    ``bars`` are the latest ``years`` years, oldest first."""

    async def compute():
        found = await aggregate(
            db,
            f"""select case when s.period = 'cumulative' then 'cumulative'
                  else coalesce(s.fiscal_year, {_FINANCIAL_YEAR}, 'undated') end as label,
              sum(s.amount_gbp) as amount, count(*) as initiatives
            from {HEADLINE} s join initiatives i on i.id = s.initiative_id
            where s.status = 'achieved' and s.amount_gbp is not null
            group by label order by label""",
        )
        apart = {row["label"]: row for row in found if row["label"] in ("cumulative", "undated")}
        bars = [row for row in found if row["label"] not in apart][-years:]
        return {"bars": bars, "cumulative": apart.get("cumulative"), "undated": apart.get("undated")}

    return await cached(db, "savings_by_year", compute)


async def taxonomy_labels(db) -> dict[str, str]:
    """Slug -> label from the ``service_areas`` and ``delivery_models`` lookup tables (empty if they are missing)."""

    async def compute():
        labels: dict[str, str] = {}
        for table in ("service_areas", "delivery_models"):
            if await db.table_exists(table):
                for row in (await db.execute(f"select slug, label from {table} where label is not null")).rows:
                    labels[row["slug"]] = row["label"]
        return labels

    return await cached(db, "taxonomy_labels", compute)


async def latest(db, limit: int = 8) -> list[dict]:
    """The most recently published initiatives."""
    results = await db.execute(
        f"select {CARD_COLUMNS} from initiatives i where i.status is not 'gone' "
        "order by i.published desc limit :limit",
        {"limit": limit},
    )
    return await with_councils(db, rows(results))


async def council_choices(db) -> list[dict]:
    """Every current council's name, for the search box's suggestions."""
    return await cached(
        db,
        "council_choices",
        lambda: _council_choices(db),
    )


async def _council_choices(db) -> list[dict]:
    results = await db.execute("select code, name, short_name from councils where current = 1 order by name")
    return rows(results)


# -- councils -------------------------------------------------------------------------------------
async def council(db, code: str) -> dict | None:
    """One council with its other tier (its county, or its districts) and, if abolished, what replaced it.

    ``parent`` is the county as recorded, with ``successors`` (the current councils that took over) when it
    was itself abolished; ``parent_listed`` says whether the county's initiatives are among this page's cards.
    """
    row = (await db.execute("select * from councils where code = :code", {"code": code})).first()
    if row is None:
        return None
    item = dict(row)
    item["parent"] = None
    if item.get("parent_code"):
        parent = (await db.execute("select * from councils where code = :code", {"code": item["parent_code"]})).first()
        item["parent"] = dict(parent) if parent else None
    if item["parent"] and not item["parent"]["current"]:
        item["parent"]["now"] = current_only(await successors(db, item["parent"]))
    item["parent_listed"] = bool(item["parent"] and shows_parent(item) and (await db.execute(
        "select exists(select 1 from initiative_councils where council_code = :code) as listed",
        {"code": item["parent"]["code"]})).first()["listed"])
    children = await db.execute(
        "select code, name, short_name from councils where parent_code = :code and current = 1 order by name",
        {"code": code},
    )
    item["children"] = rows(children)
    item["successors"] = await successors(db, item) if not item.get("current") else []
    return item


def shows_parent(item: dict) -> bool:
    """A current district's page lists its current county's initiatives too (county services reach its residents)."""
    parent = item.get("parent")
    return bool(item.get("current") and parent and parent.get("current"))


async def successors(db, item: dict, depth: int = 4) -> list[dict]:
    """The councils that replaced an abolished one, each with ``now``: its own current successors, if it was
    abolished in turn (Taunton Deane -> Somerset West and Taunton -> Somerset Council).

    Successors are stored joined by ";" when a council was split (Cumbria: Cumberland; Westmorland and Furness).
    """
    codes = [c for c in (item.get("successor_code") or "").split(";") if c]
    if not codes or depth == 0:
        return []
    found = {r["code"]: r for r in rows(await db.execute(
        f"select code, name, current, successor_code, end_date from councils where code in "
        f"({', '.join('?' * len(codes))})", codes))}
    out = []
    for c in codes:
        if c in found:
            row = found[c]
            row["now"] = [] if row["current"] else current_only(await successors(db, row, depth - 1))
            out.append(row)
    return out


def current_only(found: list[dict]) -> list[dict]:
    """The current councils among ``found`` and their ``now`` (a chain of abolitions flattened to its end)."""
    out: list[dict] = []
    for row in found:
        for council_ in ([row] if row["current"] else row["now"]):
            if council_["code"] not in {c["code"] for c in out}:
                out.append(council_)
    return out


# The councils a council replaced, however many reorganisations back (Somerset Council <- Somerset West and
# Taunton <- Taunton Deane); successor_code holds codes joined by ";" when a council was split. A few hundred
# register rows: cheap next to the initiative lookups it feeds.
PREDECESSORS = """predecessors(code) as (
  select code from councils where instr(';' || successor_code || ';', ';' || :code || ';') > 0
  union select c.code from councils c join predecessors p
    on instr(';' || c.successor_code || ';', ';' || p.code || ';') > 0)"""


async def predecessor_codes(db, code: str) -> list[str]:
    """The codes of the councils ``code`` replaced, through every reorganisation."""
    found = await db.execute(f"with recursive {PREDECESSORS} select code from predecessors", {"code": code})
    return [row["code"] for row in found.rows]


async def council_figures(db, code: str) -> dict:
    """Headline figures for a council's own initiatives and those of the councils it replaced: each initiative's
    headline saving once, when it is for the whole initiative or for one of these councils (a figure reported for
    a partner council is not this one's). ``from_predecessors`` counts the initiatives of the councils replaced."""
    codes = [code, *await predecessor_codes(db, code)]
    params = {f"c{n}": value for n, value in enumerate(codes)}
    us = ", ".join(f":{key}" for key in params)  # bound parameters, computed once (a CTE here ran per row)
    row = (
        await db.execute(
            f"""with mine as (select distinct initiative_id from initiative_councils where council_code in ({us}))
            select
              (select count(*) from mine) as initiatives,
              (select count(*) from mine where initiative_id not in
                 (select initiative_id from initiative_councils where council_code = :c0)) as from_predecessors,
              (select sum(amount_gbp) from initiative_savings_headline where status = 'achieved'
                 and initiative_id in (select * from mine) and (council_code is null or council_code in ({us})))
                 as achieved_gbp,
              (select sum(amount_gbp) from initiative_savings_headline where status != 'achieved'
                 and initiative_id in (select * from mine) and (council_code is null or council_code in ({us})))
                 as target_gbp,
              (select count(*) from initiatives where id in (select * from mine) and delivery_model like 'shared%')
                 as shared_services""",
            params,
        )
    ).first()
    return dict(row)


async def council_initiatives(db, code: str, limit: int = 24) -> list[dict]:
    """Cards for a council's initiatives, those of the councils it replaced and, for a current district, its
    current county's (newest first). ``via_rank`` says how each is linked: 0 this council, 1 a predecessor
    (``via_name``), 2 the county."""
    results = await db.execute(
        f"""with recursive {PREDECESSORS},
        linked(code, rank) as (
          select :code, 0
          union all select code, 1 from predecessors
          union all select parent_code, 2 from councils where code = :code and current = 1
            and parent_code in (select code from councils where current = 1))
        select {CARD_COLUMNS}, c.code as via_code, c.name as via_name, min(linked.rank) as via_rank
        from linked join initiative_councils ic on ic.council_code = linked.code
        join initiatives i on i.id = ic.initiative_id
        join councils c on c.code = ic.council_code
        group by i.id order by i.published desc limit :limit""",
        {"code": code, "limit": limit},
    )
    return rows(results)


async def partners(db, code: str) -> list[dict]:
    """Councils this council shares initiatives with, with how many and where they are."""
    results = await db.execute(
        """select c.code, c.name, c.short_name, c.lat, c.lng, count(*) as shared
        from initiative_councils a
        join initiative_councils b on b.initiative_id = a.initiative_id and b.council_code != a.council_code
        join councils c on c.code = b.council_code
        where a.council_code = :code
        group by c.code order by shared desc, c.name limit 30""",
        {"code": code},
    )
    return rows(results)


async def peers(db, item: dict, limit: int = 8) -> list[dict]:
    """Councils like this one: the nearest current councils of the same type in the same region.

    The same rule as the ``ideas_to_borrow`` canned query, so the page's peers are the ideas' sources.
    """
    results = await db.execute(
        """select c.code, c.name, c.short_name,
          (select count(*) from initiative_councils ic where ic.council_code = c.code) as initiatives
        from councils c where c.type = :type and c.region is :region and c.code != :code and c.current = 1
        order by (c.lat - :lat) * (c.lat - :lat) + (c.lng - :lng) * (c.lng - :lng) * 0.36, c.name limit :limit""",
        {"type": item.get("type"), "region": item.get("region"), "code": item["code"], "limit": limit,
         "lat": item.get("lat"), "lng": item.get("lng")},
    )
    return rows(results)


async def ideas_to_borrow(db, code: str, limit: int = 8) -> list[dict]:
    """The top of the ``ideas_to_borrow`` canned query, cached per council and database state like the sector
    sums: ranking a council's peers' thousands of initiatives is the slowest part of its page."""

    async def compute():
        return rows(await db.execute(canned_sql("ideas_to_borrow"), {"council": code}))[:limit]

    return await cached(db, f"ideas:{code}:{limit}", compute)


async def neighbours(db, item: dict, limit: int = 6) -> list[str]:
    """Codes of a council's neighbours: its other tier, its county siblings, and the nearest councils."""
    codes = {item["code"]}
    if item.get("parent"):
        codes.add(item["parent"]["code"])
    codes.update(child["code"] for child in item.get("children", []))
    if item.get("lat") is not None:
        results = await db.execute(
            """select code from councils where current = 1 and lat is not null and code != :code
            order by (lat - :lat) * (lat - :lat) + (lng - :lng) * (lng - :lng) * 0.36 limit :limit""",
            {"code": item["code"], "lat": item["lat"], "lng": item["lng"], "limit": limit},
        )
        codes.update(row["code"] for row in results.rows)
    return sorted(codes)


async def map_points(db) -> list[dict]:
    """Every current council with a location: the backdrop of the partners map."""

    async def compute():
        results = await db.execute("select code, short_name, lat, lng from councils where current = 1 and lat is not null")
        return rows(results)

    return await cached(db, "map_points", compute)


async def find_by_name(db, query: str, limit: int = 1000) -> list[dict]:
    """Councils, current or abolished, whose name, short name or alias matches ``query``: exact matches first,
    then current councils, then by name. A region's name matches its councils ("London": Westminster too). All of
    them: the register has a few hundred. Abolished ones carry ``end_date`` (their page says what replaced them)."""
    text = " ".join(query.lower().split())
    results = await db.execute(
        """select distinct c.code, c.name, c.short_name, c.type, c.parent_code, c.current, c.end_date,
          (lower(c.short_name) = :text or lower(c.name) = :text) as exact
        from councils c
        where lower(c.name) like :like or lower(c.short_name) like :like or lower(c.region) = :text
          or c.code in (select code from council_names where name = :text)
        order by exact desc, c.current desc, c.name limit :limit""",
        {"text": text, "like": f"%{text}%", "limit": limit},
    )
    found = rows(results)
    exact = [row for row in found if row["exact"]]
    if len(exact) > 1:  # Sheffield's old and new codes: the current council is the one meant
        exact = [row for row in exact if row["current"]]
    return exact if len(exact) == 1 else found


async def with_councils(db, items: list[dict]) -> list[dict]:
    """Attach each initiative's councils (code, name) for the cards."""
    if not items:
        return items
    ids = [item["id"] for item in items]
    placeholders = ", ".join(f":p{n}" for n in range(len(ids)))
    results = await db.execute(
        f"""select ic.initiative_id, c.code, c.name from initiative_councils ic join councils c on c.code = ic.council_code
        where ic.initiative_id in ({placeholders}) order by c.name""",
        {f"p{n}": value for n, value in enumerate(ids)},
    )
    by_id: dict[str, list[dict]] = {}
    for row in results.rows:
        by_id.setdefault(row["initiative_id"], []).append({"code": row["code"], "name": row["name"]})
    for item in items:
        item["councils"] = by_id.get(item["id"], [])
    return items
