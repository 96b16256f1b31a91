"""SQL for the initiative page, the Atom feeds and the harvest transparency pages."""

from __future__ import annotations

from .data import CARD_COLUMNS, canned_sql, rows, with_councils


async def initiative(db, initiative_id: str) -> dict | None:
    """One initiative with its councils, partners, every saving reported (with evidence; ``headline`` marks the
    figures its totals count) and every source that mentions it."""
    row = (await db.execute(f"select {CARD_COLUMNS} from initiatives i where i.id = :id", {"id": initiative_id})).first()
    if row is None:
        return None
    item = rows([row])[0]
    await with_councils(db, [item])
    params = {"id": initiative_id}
    item["partners"] = rows(
        await db.execute("select name, kind from initiative_partners where initiative_id = :id order by name", params)
    )
    item["savings"] = rows(
        await db.execute(
            """select s.amount_gbp, s.amount_text, s.percent, s.period, s.status, s.quote, s.fiscal_year, s.sector_wide,
              coalesce(s.source_url, d.url, :url) as source_url, c.name as council_name, c.code as council_code,
              s.id in (select h.saving_id from initiative_savings_headline h where h.initiative_id = :id) as headline
            from savings s left join councils c on c.code = s.council_code left join documents d on d.id = s.document_id
            where s.initiative_id = :id order by s.status = 'achieved' desc, s.amount_gbp desc""",
            {**params, "url": item["url"]},
        )
    )
    item["sources"] = rows(
        await db.execute(
            """select url, title, source, source_kind, first_seen, last_seen from initiative_sources
            where initiative_id = :id order by first_seen""",
            params,
        )
    )
    if not any(source["url"] == item["url"] for source in item["sources"]) and item["url"]:
        item["sources"].insert(0, {"url": item["url"], "title": item["title"], "source": item["source"],
                                   "source_kind": None, "first_seen": item["first_seen"], "last_seen": None})
    return item


async def similar(db, item: dict, limit: int = 6) -> list[dict]:
    """Initiatives elsewhere in the same service area and delivery model (sharing no council with this one)."""
    results = await db.execute(
        f"""select {CARD_COLUMNS} from initiatives i
        where i.service_area = :area and i.delivery_model is :model and i.id != :id and i.status is not 'gone'
          and not exists (select 1 from initiative_councils a join initiative_councils b on a.council_code = b.council_code
                          where a.initiative_id = i.id and b.initiative_id = :id)
        order by i.published desc limit :limit""",
        {"area": item["service_area"], "model": item["delivery_model"], "id": item["id"], "limit": limit},
    )
    return await with_councils(db, rows(results))


async def feed_entries(db, *, council_codes: list[str] | None = None, service_area: str | None = None,
                       limit: int = 50) -> list[dict]:
    """Newest initiatives (by first seen) for some councils or one service area, for an Atom feed."""
    if council_codes is not None:
        params = {f"c{n}": code for n, code in enumerate(council_codes)}
        placeholders = ", ".join(f":{key}" for key in params) or "null"
        where = f"i.id in (select initiative_id from initiative_councils where council_code in ({placeholders}))"
    else:
        params = {"area": service_area}
        where = "i.service_area = :area"
    results = await db.execute(
        f"select {CARD_COLUMNS} from initiatives i where {where} and i.status is not 'gone' "
        "order by i.first_seen desc limit :limit",
        {**params, "limit": limit},
    )
    return await with_councils(db, rows(results))


async def source_health(db) -> list[dict]:
    """The ``harvest_transparency`` canned query: the latest run of every source."""
    return rows(await db.execute(canned_sql("harvest_transparency")))


async def robots_decisions(db) -> list[dict]:
    """The ``robots_decisions`` canned query."""
    return rows(await db.execute(canned_sql("robots_decisions")))


async def whats_new(db, limit: int = 20) -> list[dict]:
    """Initiatives most recently seen for the first time."""
    results = await db.execute(
        "select id, title, source, first_seen, last_seen, url from initiatives order by first_seen desc limit :limit",
        {"limit": limit},
    )
    return rows(results)


async def no_longer_published(db, limit: int = 20) -> list[dict]:
    """Initiatives whose pages no longer list them."""
    return rows(await db.execute(canned_sql("no_longer_published")))[:limit]


async def source_detail(db, source: str, limit: int = 200) -> dict:
    """One source's recent runs and the pages it read, with first and last seen."""
    runs = await db.execute(
        """select id, started, finished, status, offline, pages_fetched, pages_unchanged, errors, robots_disallowed, records
        from harvest_runs where source = :source order by id desc limit 20""",
        {"source": source},
    )
    documents = await db.execute(
        """select url, title, status, http_status, first_seen, last_seen, fetched_at from documents
        where source = :source order by last_seen desc limit :limit""",
        {"source": source, "limit": limit},
    )
    counts = await db.execute(
        "select status, count(*) as pages from documents where source = :source group by status order by pages desc",
        {"source": source},
    )
    return {"runs": rows(runs), "documents": rows(documents), "counts": rows(counts)}
