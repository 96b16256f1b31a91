"""Geometry for the server-side SVG charts and map, plus the Jinja filters the templates use.

The functions return plain numbers and strings; the templates draw the SVG, so every label goes through
Jinja's autoescaping like any other harvested text (nothing here builds markup).
"""

from __future__ import annotations

import math
from urllib.parse import quote, urlencode

# Great Britain and Northern Ireland, with a margin: the map's fixed frame, so every map is comparable.
LAT_MIN, LAT_MAX, LNG_MIN, LNG_MAX = 49.8, 60.95, -8.3, 1.9
MAP_WIDTH = 300
_LNG_SCALE = math.cos(math.radians(54.5))  # longitude degrees are shorter than latitude degrees this far north
MAP_HEIGHT = round(MAP_WIDTH * (LAT_MAX - LAT_MIN) / ((LNG_MAX - LNG_MIN) * _LNG_SCALE))

SERVICE_ICONS = {
    "adult social care": "care",
    "children's services": "children",
    "public health": "health",
    "housing": "housing",
    "planning": "planning",
    "waste and environment": "waste",
    "transport": "transport",
    "economic development": "economy",
    "customer services": "customer",
    "back office": "office",
    "regulatory services": "regulatory",
}


def bars(items: list[dict], value_key: str = "amount", label_key: str = "label") -> list[dict]:
    """Bars for a horizontal bar chart: each item gains ``pct`` (0-100 of the largest value)."""
    largest = max((item[value_key] or 0 for item in items), default=0) or 1
    return [{**item, "pct": round(100 * (item[value_key] or 0) / largest, 1)} for item in items]


def project(lat: float | None, lng: float | None) -> tuple[float, float] | None:
    """SVG coordinates of a latitude and longitude in the map frame (None when unknown)."""
    if lat is None or lng is None:
        return None
    x = (lng - LNG_MIN) / (LNG_MAX - LNG_MIN) * MAP_WIDTH
    y = (LAT_MAX - lat) / (LAT_MAX - LAT_MIN) * MAP_HEIGHT
    return round(x, 1), round(y, 1)


def map_layers(backdrop: list[dict], focus: dict, partners: list[dict]) -> dict:
    """Points for the partners map: every council faintly, the partners numbered, this council marked."""
    dots = [point for point in (project(row["lat"], row["lng"]) for row in backdrop) if point]
    numbered = []
    for number, row in enumerate(partners, start=1):
        point = project(row.get("lat"), row.get("lng"))
        if point:
            numbered.append({**row, "number": number, "x": point[0], "y": point[1]})
    here = project(focus.get("lat"), focus.get("lng"))
    return {"width": MAP_WIDTH, "height": MAP_HEIGHT, "dots": dots, "partners": numbered,
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
    return SERVICE_ICONS.get((area or "").lower(), "other")


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
    env.filters["service_icon"] = service_icon
    env.filters["urlquote"] = lambda value: quote(str(value or ""), safe="")
