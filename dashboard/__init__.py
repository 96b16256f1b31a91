"""Shop Window's Datasette plugin: metadata, canned queries and the resident dashboard.

The lead's ``harvest serve`` calls :func:`make_datasette` / :func:`serve`; a harvest calls :func:`prepare`.
Datasette finds the hooks below through the ``datasette`` entry point ``shopwindow = "shopwindow_dashboard"``.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

import yaml
from datasette import hookimpl

from .postcodes import PostcodeIndex, default_index_path

__all__ = ["make_datasette", "serve", "prepare", "ensure_views", "load_metadata"]

logger = logging.getLogger(__name__)


def _quiet_datasette_error_pages() -> None:
    """Work around Datasette 0.65 with ``rich`` installed (a dependency of ours): its default error handler calls
    ``rich.print_exception()`` even for a plain 404 raised outside an ``except`` block, which itself raises, so
    every unknown URL became a 500. Without ``rich`` it renders the normal error page (and logs 500s as before).
    """
    import datasette.handle_exception as handler

    handler.rich = None

HERE = Path(__file__).parent
DEFAULT_SETTINGS: dict[str, Any] = {
    "sql_time_limit_ms": 1500,  # a slow ad-hoc query is cut off rather than tying up a thread
    "facet_time_limit_ms": 300,
    "max_returned_rows": 1000,
    "default_page_size": 50,
    "allow_download": False,  # the whole file is published separately; no multi-megabyte downloads through the app
    "default_cache_ttl": 60,
    "num_sql_threads": 3,
}


def load_metadata(database_name: str = "shopwindow") -> dict:
    """Read ``metadata.yml`` and key its database block by ``database_name`` (the served file's stem)."""
    metadata = yaml.safe_load((HERE / "metadata.yml").read_text(encoding="utf-8"))
    metadata = copy.deepcopy(metadata)
    databases = metadata.setdefault("databases", {})
    if database_name != "shopwindow" and "shopwindow" in databases:
        databases[database_name] = databases.pop("shopwindow")
    return metadata


def make_datasette(db_path: str, postcodes_path: str | None = None, **settings: Any):
    """A Datasette serving ``db_path`` read-only with Shop Window's metadata, queries and resident pages.

    ``settings`` override Datasette settings (``sql_time_limit_ms=...``); ``postcodes_path`` points at a
    postcode index (default: ``postcodes.db`` beside the database, built on first use).
    """
    from datasette.app import Datasette

    _quiet_datasette_error_pages()
    name = Path(db_path).stem
    metadata = load_metadata(name)
    config = metadata["plugins"]["shopwindow"]
    config["database"] = name
    config["postcodes_path"] = str(postcodes_path or default_index_path(db_path))
    ds = Datasette(
        # A mutable file: Datasette reads it through mode=ro connections and we register no write queries, so
        # nothing can change it through the web while the harvester keeps writing to it (WAL).
        files=[db_path],
        metadata=metadata,
        # Templates and static/ are also found through the plugin entry point; static is served at
        # /-/static-plugins/shopwindow_dashboard/, which works under a plain `datasette` command too.
        template_dir=str(HERE / "templates"),
        settings={**DEFAULT_SETTINGS, **settings},
    )
    return ds


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8001, postcodes_path: str | None = None) -> None:
    """Serve the dashboard with uvicorn until interrupted (builds the postcode index first if it is missing)."""
    import uvicorn

    ds = make_datasette(db_path, postcodes_path=postcodes_path)
    ensure_views(db_path)
    PostcodeIndex(ds.plugin_config("shopwindow")["postcodes_path"]).ensure()
    logger.info("Serving %s on http://%s:%s/", db_path, host, port)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")


def ensure_views(db_path: str) -> None:
    """Create or update the schema's views (the headline savings rule) in a database harvested by an older version,
    before it is served read-only: every total on the pages reads ``initiative_savings_headline``."""
    import sqlite_utils
    from shopwindow.schema import VIEWS, ensure_view

    db = sqlite_utils.Database(db_path)
    try:
        for name, sql in VIEWS.items():
            ensure_view(db, name, sql)
    except Exception as exc:  # noqa: BLE001 - a read-only file still serves; its pages say what is missing
        logger.warning("could not create the views in %s: %s", db_path, exc)
    finally:
        db.close()


def prepare(db, postcodes_path: str | None = None) -> None:
    """After a harvest: make sure the dashboard's indexes exist, refresh planner statistics, build the postcode index.

    ``db`` is a ``sqlite_utils.Database``. Safe to call repeatedly.
    """
    from shopwindow.schema import ensure_schema

    ensure_schema(db)
    db.conn.execute("ANALYZE")
    db_file = db.conn.execute("PRAGMA database_list").fetchone()[2] or None
    PostcodeIndex(postcodes_path or default_index_path(db_file)).ensure()


@hookimpl
def register_routes(datasette):
    """The resident pages; see views.py."""
    from .views import ROUTES

    return ROUTES


@hookimpl
def prepare_jinja2_environment(env):
    """Money, icon and URL filters for the resident templates."""
    from .charts import register_filters

    register_filters(env)


@hookimpl
def prepare_connection(conn):
    """Bigger page cache and memory-mapped reads: random lookups across 100,000 initiatives avoid a syscall each."""
    conn.execute("PRAGMA cache_size = -65536")  # 64 MB per connection
    conn.execute("PRAGMA mmap_size = 268435456")  # 256 MB of address space, shared with the OS page cache


@hookimpl
def startup(datasette):
    """Start computing the home page's sector-wide sums in the background (seconds on a large database)."""

    _quiet_datasette_error_pages()  # also under a plain `datasette` command

    async def inner():
        import asyncio

        from .data import warm
        from .views import database

        asyncio.get_running_loop().create_task(warm(database(datasette)))

    return inner


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Shop Window's cells in Datasette's HTML tables: £ amounts, slug labels, long quotes folded (see cells.py)."""
    from .views import database as shopwindow_database

    if database != shopwindow_database(datasette).name:
        return None
    from .cells import render

    return render(datasette, database, table, column, value)


@hookimpl
def handle_exception(datasette, request, exception):
    """An unknown address (``/nope``, ``/council``, a missing table) gets the resident "Page not found" page;
    JSON requests keep Datasette's JSON error, and other errors Datasette's own page."""
    if getattr(exception, "status", None) != 404 or request.path.endswith(".json"):
        return None

    async def inner():
        from .views import not_found

        return await not_found(datasette, request)

    return inner


@hookimpl
def extra_template_vars(datasette):
    """Let Datasette's own pages link back to the resident dashboard."""
    return {"shopwindow_home": datasette.urls.path("/")}
