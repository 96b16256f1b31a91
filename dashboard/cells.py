"""How Datasette's HTML tables show Shop Window's cells: money in pounds, taxonomy slugs as labels, long quotes
folded. Only the HTML view changes (the ``render_cell`` hook); JSON and CSV keep the raw values."""

from __future__ import annotations

from markupsafe import Markup

from . import charts, data

SLUG_COLUMNS = {"service_area", "delivery_model"}
LONG_TEXT_COLUMNS = {"quote", "summary"}
SHOWN_CHARACTERS = 80  # a line or two of a table cell; the rest opens on demand
URL_COLUMNS = {"url", "source_url"}


def money(value: float) -> str:
    """Whole pounds with thousands separators: 160000000.0 -> "£160,000,000"."""
    return f"£{value:,.0f}" if value >= 0 else f"-£{-value:,.0f}"


def folded(text: str) -> Markup:
    """A long text as its first words, the whole of it in a <details> that opens on demand (escaped)."""
    cut = text[:SHOWN_CHARACTERS].rsplit(" ", 1)[0] or text[:SHOWN_CHARACTERS]
    # A minimum width, or the query page's wide table squeezes the quote into a column a word wide.
    return Markup('<details style="min-width: 14em"><summary>{}…</summary>{}</details>').format(cut, text)


def short_link(url: str) -> Markup | None:
    """An http(s) link shown by its host ("www.wigan.gov.uk/…"): a full URL is one unbreakable word that widens
    the whole table."""
    url = charts.http_url(url)
    if url == "#":
        return None
    host, _, path = url.split("://", 1)[1].partition("/")
    return Markup('<a href="{}">{}</a>').format(url, host + ("/…" if path.strip("/") else ""))


async def render(datasette, database_name: str, table: str | None, column: str, value):
    """The HTML of one cell, or None to leave it to Datasette (see the ``render_cell`` hook)."""
    if column.endswith("_gbp") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return money(value)
    if column in LONG_TEXT_COLUMNS and isinstance(value, str) and len(value) > SHOWN_CHARACTERS + 20:
        return folded(value)
    if column in URL_COLUMNS and isinstance(value, str):
        return short_link(value)
    if column in SLUG_COLUMNS and table is None and isinstance(value, str) and value:
        # Table pages already show a slug's label through its foreign key; query results have only the slug.
        return charts.label(value, await data.taxonomy_labels(datasette.get_database(database_name)))
    return None

