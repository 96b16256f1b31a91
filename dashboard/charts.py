"""Geometry for the server-side SVG charts and map, plus the Jinja filters the templates use.

The functions return plain numbers and strings; the templates draw the SVG, so every label goes through
Jinja's autoescaping like any other harvested text (nothing here builds markup).
"""

from __future__ import annotations

import functools
import math
from urllib.parse import quote, urlencode

import jinja2

from .wording import FILTERS, plural

# Great Britain and Northern Ireland, with a margin: the map's fixed frame, so every map is comparable.
LAT_MIN, LAT_MAX, LNG_MIN, LNG_MAX = 49.8, 60.95, -8.3, 1.9
MAP_WIDTH = 300
_LNG_SCALE = math.cos(math.radians(54.5))  # longitude degrees are shorter than latitude degrees this far north

# Service-area slugs (docs/taxonomy.md) -> icon symbol in templates/sw_icons.html.
SERVICE_ICONS = {
    "adult_social_care": "care",
    "childrens_services": "children",
    "public_health": "health",
    "housing": "housing",
    "planning": "planning",
    "waste_environment": "waste",
    "transport": "transport",
    "economic_development": "economy",
    "customer_services": "customer",
    "back_office": "office",
    "regulatory_services": "regulatory",
    "community_safety": "regulatory",
    "culture_leisure": "culture",
    "whole_council": "office",  # a programme across the council, not one service
}


def bars(items: list[dict], value_key: str = "amount", label_key: str = "label") -> list[dict]:
    """Bars for a horizontal bar chart: each item gains ``pct`` (0-100 of the largest value)."""
    largest = max((item[value_key] or 0 for item in items), default=0) or 1
    return [{**item, "pct": round(100 * (item[value_key] or 0) / largest, 1)} for item in items]


def year_note(by_year: dict) -> str:
    """The year chart's caption note: which year a bar stands for, and what no bar includes."""
    note = ("Financial years, April to March: the year a saving is stated for, else the one its initiative was "
            "published in.")
    apart = {"cumulative": "saved over several years", "undated": "with no date"}
    left_out = [f"{gbp(row['amount'])} {words} ({plural(row['initiatives'], 'initiative')})"
                for key, words in apart.items() if (row := by_year.get(key))]
    if left_out:
        note += " Left out: " + " and ".join(left_out) + "."
    return note


def frame(points: list[tuple[float, float]], min_lat_span: float = 2.0) -> tuple[float, float, float, float]:
    """A map frame (lat_min, lat_max, lng_min, lng_max) around ``points`` with a margin, inside the UK frame."""
    if not points:
        return LAT_MIN, LAT_MAX, LNG_MIN, LNG_MAX
    lats, lngs = [p[0] for p in points], [p[1] for p in points]
    lat_mid, lng_mid = (min(lats) + max(lats)) / 2, (min(lngs) + max(lngs)) / 2
    lat_span = max(max(lats) - min(lats) + 0.6, min_lat_span)
    lng_span = max(max(lngs) - min(lngs) + 1.0, lat_span / _LNG_SCALE * 0.75)  # not too tall and thin
    lat_lo, lat_hi = max(LAT_MIN, lat_mid - lat_span / 2), min(LAT_MAX, lat_mid + lat_span / 2)
    lng_lo, lng_hi = max(LNG_MIN, lng_mid - lng_span / 2), min(LNG_MAX, lng_mid + lng_span / 2)
    return lat_lo, lat_hi, lng_lo, lng_hi


def projector(box: tuple[float, float, float, float]):
    """A function from (lat, lng) to SVG (x, y) for the frame ``box``, and the map's height."""
    lat_lo, lat_hi, lng_lo, lng_hi = box
    height = round(MAP_WIDTH * (lat_hi - lat_lo) / ((lng_hi - lng_lo) * _LNG_SCALE))

    def project(lat: float | None, lng: float | None) -> tuple[float, float] | None:
        if lat is None or lng is None or not (lat_lo <= lat <= lat_hi and lng_lo <= lng <= lng_hi):
            return None
        return (round((lng - lng_lo) / (lng_hi - lng_lo) * MAP_WIDTH, 1),
                round((lat_hi - lat) / (lat_hi - lat_lo) * height, 1))

    return project, height


def map_layers(backdrop: list[dict], focus: dict, partners: list[dict]) -> dict:
    """The partners map, framed on this council and its partners: other councils as faint dots, the partners
    numbered (the list beside the map names them), this council as a square."""
    located = [(row["lat"], row["lng"]) for row in [focus, *partners] if row.get("lat") is not None]
    project, height = projector(frame(located))
    dots = [point for point in (project(row["lat"], row["lng"]) for row in backdrop) if point]
    numbered = []
    for number, row in enumerate(partners, start=1):
        point = project(row.get("lat"), row.get("lng"))
        if point:
            numbered.append({**row, "number": number, "x": point[0], "y": point[1]})
    here = project(focus.get("lat"), focus.get("lng"))
    return {"width": MAP_WIDTH, "height": height, "dots": dots, "partners": numbered,
            "here": {"x": here[0], "y": here[1]} if here else None}


def gbp(value: float | None) -> str:
    """Money as residents read it: £2.4m, £350k, £900."""
    if value is None:
        return "not given"
    value = float(value)
    if abs(value) >= 1_000_000_000:
        return f"£{value / 1_000_000_000:.1f}bn".replace(".0bn", "bn")
    if abs(value) >= 1_000_000:
        return f"£{value / 1_000_000:.1f}m".replace(".0m", "m")
    if abs(value) >= 10_000:
        return f"£{value / 1000:.0f}k"
    return f"£{value:,.0f}"


def service_icon(area: str | None) -> str:
    """Symbol id of a service area's icon in the sprite (``other`` when unclassified)."""
    return SERVICE_ICONS.get((area or "").lower().replace(" ", "_"), "other")


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    try:
        from shopwindow.classify import labels
    except ImportError:  # the taxonomy module is optional for the dashboard
        return {}
    return labels()


def label(slug: str | None, labels: dict[str, str] | None = None) -> str:
    """The human label of a taxonomy slug ("waste_environment" -> "Waste and environment"); text passes through.

    ``labels`` are the database's own (the ``service_areas`` and ``delivery_models`` tables, see
    ``data.taxonomy_labels``); the taxonomy module's labels are the fallback.
    """
    if not slug:
        return ""
    key = slug.lower().replace(" ", "_")
    for mapping in (labels or {}, _labels()):
        found = mapping.get(slug) or mapping.get(key)
        if found:
            return found
    return slug.replace("_", " ")


@jinja2.pass_context
def _label_filter(context, slug: str | None) -> str:
    """``label`` with the page's ``taxonomy_labels`` (absent on Datasette's own pages: fallback labels)."""
    return label(slug, context.get("taxonomy_labels"))


def mailto(address: str, subject: str, body: str) -> str:
    """A mailto: link with a pre-filled subject and body (percent-encoded; autoescaping does the rest)."""
    return f"mailto:{address}?" + urlencode({"subject": subject, "body": body}, quote_via=quote)


def http_url(value: str | None) -> str:
    """``value`` if it is an http(s) URL, else "#": a harvested ``javascript:`` link must never reach an href."""
    text = (value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else "#"


def atom_date(value: str | None) -> str:
    """An ISO date or datetime as an RFC 3339 timestamp for Atom (dates become midnight UTC)."""
    text = (value or "1970-01-01").strip()
    if len(text) == 10:
        return f"{text}T00:00:00Z"
    return text if ("+" in text[10:] or text.endswith("Z")) else f"{text}Z"


def register_filters(env) -> None:
    """Add Shop Window's filters to Datasette's Jinja environment."""
    env.filters["httpurl"] = http_url
    env.filters["atomdate"] = atom_date
    env.filters["gbp"] = gbp
    env.filters.update(FILTERS)
    env.filters["service_icon"] = service_icon
    env.filters["label"] = _label_filter
    env.filters["urlquote"] = lambda value: quote(str(value or ""), safe="")
