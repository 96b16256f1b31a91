"""The resident pages: thin async views over data.py / details.py, rendered with dashboard/templates/sw_*.html."""

from __future__ import annotations

import asyncio
import functools
import logging
import re
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, unquote

from datasette.utils.asgi import Response

from . import charts, data, details
from .cache import cached
from .postcodes import PostcodeIndex, default_index_path, format_postcode, looks_like_postcode, normalise_postcode

logger = logging.getLogger(__name__)
GSS_TEXT = r"[A-Z][0-9]{8}"  # an ONS GSS code: E07000008
GSS = rf"(?P<code>{GSS_TEXT})"
ANY_CODE = r"(?P<code>[^/]+)"  # anything: a lower-case code is redirected, the rest get our own 404 page
_indexes: dict[str, PostcodeIndex] = {}
# Postcode areas of the Crown dependencies: in the postcode directory, but not in the UK and so without councils.
CROWN_DEPENDENCIES = {"GY": "Guernsey", "JE": "Jersey", "IM": "the Isle of Man"}


def config(datasette) -> dict:
    """Plugin settings from metadata.yml (empty under a plain ``datasette`` command without our metadata)."""
    return datasette.plugin_config("shopwindow") or {}


def database(datasette):
    """The Shop Window database: the one named in the plugin config, else the first one served."""
    name = config(datasette).get("database")
    if name and name in datasette.databases:
        return datasette.get_database(name)
    return next(db for db in datasette.databases.values() if db.name != "_internal")


def postcode_index(datasette) -> PostcodeIndex:
    """The shared postcode index for this Datasette (one connection per thread inside)."""
    db = database(datasette)
    path = config(datasette).get("postcodes_path") or str(default_index_path(db.path))
    if path not in _indexes:
        _indexes[path] = PostcodeIndex(path)
    return _indexes[path]


@functools.lru_cache(maxsize=1)
def _static_plugin_name() -> str:
    """Datasette serves our static/ under the name it registered the plugin by (the distribution's name)."""
    from datasette.plugins import get_plugins

    ours = (Path(__file__).parent / "static").resolve()
    for plugin in get_plugins():
        if plugin["static_path"] and Path(plugin["static_path"]).resolve() == ours:
            return plugin["name"]
    return "shopwindow_dashboard"


async def banner(datasette, db) -> dict | None:
    """Whether the data is the bundled offline sample, and when it was recorded.

    Read from a ``snapshot_info`` table (a ``recorded`` key/value row or column) if present, else the
    ``sample_note`` setting; failing both, a database whose latest run replayed recordings (``offline``)
    still says so, with the date of that run.
    """
    if await db.table_exists("snapshot_info"):
        for row in (await db.execute("select * from snapshot_info")).rows:
            item = dict(row)
            if item.get("key") in ("recorded", "recorded_at") and item.get("value"):
                return {"recorded": str(item["value"])}
            for key in ("recorded", "recorded_at"):
                if item.get(key):
                    return {"recorded": str(item[key])}
        # An empty table: the last run was live, so this is not (only) the recorded sample.
    if config(datasette).get("sample_note"):
        return {"recorded": str(config(datasette)["sample_note"])}
    if await db.table_exists("harvest_runs"):
        row = (await db.execute("select offline, started from harvest_runs order by id desc limit 1")).first()
        if row and row["offline"]:
            return {"recorded": None, "harvested": (row["started"] or "")[:10]}
    return None


async def render(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    """Render a resident page with the shared context (banner, corrections address, database name)."""
    db = database(datasette)
    settings = config(datasette)
    base = {
        "sample_recorded": await cached(db, "banner", lambda: banner(datasette, db)),  # once per database state
        "database": db.name,
        "static": datasette.urls.static_plugins(_static_plugin_name(), ""),
        "corrections_email": settings.get("corrections_email", "corrections@shopwindow.example"),
        "taxonomy_labels": await data.taxonomy_labels(db),
        "query_url": lambda name, **params: datasette.urls.database(db.name) + f"/{name}"
        + ("?" + "&".join(f"{k}={quote(str(v), safe='')}" for k, v in params.items()) if params else ""),
    }
    html = await datasette.render_template(template, {**base, **context}, request=request)
    return Response.html(html, status=status)


NOT_FOUND = "There is no page at this address. Find a council by its postcode or name instead."


async def not_found(datasette, request, message: str = NOT_FOUND) -> Response:
    """A 404 page in the dashboard's style (raising NotFound would print a full traceback per request); also
    Datasette's own 404s for HTML, through the ``handle_exception`` hook."""
    return await render(datasette, request, "sw_message.html", {"heading": "Page not found", "message": message},
                        status=404)


async def home(datasette, request):
    """Home: find your council, the sector's headline figures, charts, the latest initiatives."""
    db = database(datasette)
    figures, by_area, by_model, by_year, newest, choices = await asyncio.gather(
        data.headline(db), data.savings_by(db, "service_area"), data.savings_by(db, "delivery_model"),
        data.savings_by_year(db), data.latest(db), data.council_choices(db),
    )
    charts_ = [
        {"id": "by-area", "title": "Savings achieved by service area", "bars": charts.bars(by_area)},
        {"id": "by-model", "title": "Savings achieved by delivery model", "bars": charts.bars(by_model)},
        {"id": "by-year", "title": "Savings achieved by financial year", "bars": charts.bars(by_year["bars"]),
         "note": charts.year_note(by_year)},
    ]
    return await render(datasette, request, "sw_home.html",
                        {"figures": figures, "charts": charts_, "latest": newest, "choices": choices})


async def find(datasette, request):
    """``/find?q=``: redirect to the one council a postcode or name means, or list the choices."""
    db = database(datasette)
    query = (request.args.get("q") or "").strip()[:100]
    context = {"query": query, "choices": [], "message": None, "choices_note": None}
    if not query:
        context["message"] = "Type a postcode (such as CB1 0AA) or a council name."
        return await render(datasette, request, "sw_find.html", context, status=400)
    if re.fullmatch(GSS_TEXT, query, flags=re.IGNORECASE):
        code = query.upper()
        if await data.council(db, code) is not None:
            return Response.redirect(datasette.urls.path(f"/council/{code}"))
        context["message"] = f"No council has the code {code}. Check it, or search by name or postcode."
        return await render(datasette, request, "sw_find.html", context, status=404)
    if looks_like_postcode(query):
        return await _find_postcode(datasette, request, db, query, context)
    choices = await data.find_by_name(db, query)
    if len(choices) == 1:
        return Response.redirect(datasette.urls.path(f"/council/{choices[0]['code']}"))
    if not choices:
        context["message"] = f"No council matches “{query}”. Try its place name, or your postcode."
        return await render(datasette, request, "sw_find.html", context, status=404)
    context["choices"] = choices
    context["choices_note"] = f"{len(choices)} councils match “{query}”. Choose yours:"
    return await render(datasette, request, "sw_find.html", context)


async def _find_postcode(datasette, request, db, query: str, context: dict):
    compact = normalise_postcode(query)
    if compact is None:
        context["message"] = (f"“{query}” is only the first half of a postcode. "
                              "Type the whole postcode, for example CB1 0AA.")
        return await render(datasette, request, "sw_find.html", context, status=400)
    postcode = format_postcode(compact)
    # One primary-key probe (tens of microseconds): cheaper inline than a hop to a worker thread.
    code = postcode_index(datasette).district(compact)
    if compact[:2] in CROWN_DEPENDENCIES or code in ("L99999999", "M99999999"):  # the directory's codes for them
        context["message"] = (f"{postcode} is in {CROWN_DEPENDENCIES.get(compact[:2], 'the Channel Islands')}. "
                              "Shop Window covers councils in the UK; the Channel Islands and the Isle of Man have "
                              "their own governments and are not covered.")
        return await render(datasette, request, "sw_find.html", context, status=404)
    if code is None:
        context["message"] = f"We could not find the postcode {postcode}. Check it, or search by council name."
        return await render(datasette, request, "sw_find.html", context, status=404)
    item = await data.council(db, code)
    if item is None:
        context["message"] = f"{postcode} is in the area {code}, which is not in our council register yet."
        return await render(datasette, request, "sw_find.html", context, status=404)
    if not data.shows_parent(item):
        return Response.redirect(datasette.urls.path(f"/council/{code}"))
    context["choices"] = [item, item["parent"]]
    context["choices_note"] = (f"{postcode} has two councils: {item['name']} runs local services such as bins and "
                               f"planning, and {item['parent']['name']} runs county services such as social care "
                               "and roads.")
    return await render(datasette, request, "sw_find.html", context)


def _locate(datasette, backdrop: list[dict], item: dict, partners: list[dict]) -> tuple[list[dict], dict, list[dict]]:
    """Fill councils missing from the register's lat/lng with their postcodes' centre, when the index is built."""
    rows = [*backdrop, item, *partners]
    if all(row.get("lat") is not None for row in rows):
        return backdrop, item, partners
    index = postcode_index(datasette)
    if not index.path.exists():  # never build the index (seconds) inside a page request
        return backdrop, item, partners
    centres = index.centres()

    def fill(row: dict) -> dict:
        if row.get("lat") is None and row.get("code") in centres:
            lat, lng = centres[row["code"]]
            return {**row, "lat": lat, "lng": lng}
        return row

    return [fill(row) for row in backdrop], fill(item), [fill(row) for row in partners]


async def council_page(datasette, request):
    """A council: its other tier, headline figures, initiative cards, partners map, peers and ideas to borrow."""
    db = database(datasette)
    code = unquote(request.url_vars["code"])
    if code != code.upper() and re.fullmatch(GSS_TEXT, code.upper()):
        return Response.redirect(datasette.urls.path(f"/council/{code.upper()}"), status=301)
    item = await data.council(db, code)
    if item is None:
        return await not_found(datasette, request, f"No council has the code “{code[:40]}”.")
    figures, cards, partners, peers, ideas, backdrop = await asyncio.gather(
        data.council_figures(db, code), data.council_initiatives(db, code), data.partners(db, code),
        data.peers(db, item), data.ideas_to_borrow(db, code), data.map_points(db),
    )
    await data.with_councils(db, cards)
    page_url = datasette.absolute_url(request, f"/council/{code}")
    return await render(datasette, request, "sw_council.html", {
        "council": item, "figures": figures, "initiatives": cards, "partners": partners, "peers": peers,
        "ideas": ideas, "map": charts.map_layers(*_locate(datasette, backdrop, item, partners)),
        "correction": charts.mailto(config(datasette).get("corrections_email", "corrections@shopwindow.example"),
                                    f"Correction for {item['name']} ({code})",
                                    f"Page: {page_url}\n\nWhat should change, and where is it published?\n"),
    })


async def initiative_page(datasette, request):
    """An initiative: what, who, when, every saving with its evidence, all sources, similar initiatives."""
    db = database(datasette)
    item = await details.initiative(db, unquote(request.url_vars["id"]))
    if item is None:
        return await not_found(datasette, request, "We have no initiative at this address.")
    page_url = datasette.absolute_url(request, f"/initiative/{quote(item['id'], safe='')}")
    return await render(datasette, request, "sw_initiative.html", {
        "item": item, "similar": await details.similar(db, item),
        "correction": charts.mailto(config(datasette).get("corrections_email", "corrections@shopwindow.example"),
                                    f"Correction: {item['title']}",
                                    f"Page: {page_url}\nSource: {item['url']}\n\nWhat should change, and where "
                                    "is it published?\n"),
    })


async def _feed(datasette, request, title: str, entries: list[dict], self_path: str) -> Response:
    labels = await data.taxonomy_labels(database(datasette))
    updated = max((entry.get("first_seen") or "" for entry in entries), default="") or \
        datetime.now(timezone.utc).isoformat(timespec="seconds")
    html = await datasette.render_template("sw_feed.xml", {
        "title": title, "entries": entries, "updated": updated,
        "self_url": datasette.absolute_url(request, self_path), "home_url": datasette.absolute_url(request, "/"),
        "taxonomy_labels": labels,
    }, request=request)
    return Response(html, content_type="application/atom+xml; charset=utf-8")


async def council_feed(datasette, request):
    """Atom feed of a council's new initiatives."""
    db = database(datasette)
    item = await data.council(db, request.url_vars["code"])
    if item is None:
        return await not_found(datasette, request, "No council has this code.")
    entries = await details.feed_entries(db, council_codes=[item["code"]], limit=config(datasette).get("feed_size", 50))
    return await _feed(datasette, request, f"Shop Window: {item['name']}", entries, request.path)


async def neighbours_feed(datasette, request):
    """Atom feed of new initiatives for a council and its neighbours (other tier, nearest councils)."""
    db = database(datasette)
    item = await data.council(db, request.url_vars["code"])
    if item is None:
        return await not_found(datasette, request, "No council has this code.")
    codes = await data.neighbours(db, item)
    entries = await details.feed_entries(db, council_codes=codes, limit=config(datasette).get("feed_size", 50))
    return await _feed(datasette, request, f"Shop Window: {item['name']} and neighbours", entries, request.path)


async def service_feed(datasette, request):
    """Atom feed of new initiatives in one service area (``?area=housing``)."""
    area = request.args.get("area") or ""
    if not area:
        return Response.text("Give a service area: /feeds/service.atom?area=housing", status=400)
    db = database(datasette)
    entries = await details.feed_entries(db, service_area=area, limit=config(datasette).get("feed_size", 50))
    title = f"Shop Window: {charts.label(area, await data.taxonomy_labels(db))}"
    return await _feed(datasette, request, title, entries, f"/feeds/service.atom?area={quote(area)}")


async def transparency(datasette, request):
    """How the data was gathered: every source's last read, robots.txt decisions, what's new and what has gone."""
    db = database(datasette)
    sources, robots, new, gone = await asyncio.gather(
        details.source_health(db), details.robots_decisions(db), details.whats_new(db), details.no_longer_published(db)
    )
    return await render(datasette, request, "sw_transparency.html",
                        {"sources": sources, "robots": robots, "new": new, "gone": gone})


async def transparency_source(datasette, request):
    """One source's runs and pages, with first and last seen."""
    source = request.url_vars["source"]
    detail = await details.source_detail(database(datasette), source)
    if not detail["runs"] and not detail["documents"]:
        return await not_found(datasette, request, f"No harvest source is called {source}.")
    return await render(datasette, request, "sw_source.html", {"source": source, **detail})


ROUTES = [
    (r"^/$", home),
    (r"^/find$", find),
    (rf"^/council/{ANY_CODE}$", council_page),
    (rf"^/council/{GSS}/feed\.atom$", council_feed),
    (rf"^/council/{GSS}/neighbours\.atom$", neighbours_feed),
    (r"^/initiative/(?P<id>[^/]+)$", initiative_page),
    (r"^/feeds/service\.atom$", service_feed),
    (r"^/transparency$", transparency),
    (r"^/transparency/(?P<source>[^/]+)$", transparency_source),
]
