"""How numbers, dates and register words read on the resident pages (Jinja filters; plain text, escaped later)."""

from __future__ import annotations

from datetime import datetime


def plural(count: int | None, word: str) -> str:
    """"1 initiative", "2 initiatives", "1,200 initiatives"."""
    count = count or 0
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def percent(value: float | str | None) -> str:
    """A percentage without a needless decimal: 60.0 -> "60%", 12.5 -> "12.5%"."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return f"{value}%"
    return f"{number:,.1f}".rstrip("0").rstrip(".") + "%"


def when(value: str | None) -> str:
    """An ISO date or time as people write it: "2026-11-20" -> "20 Nov 2026", "2026-11-20T09:00:00" ->
    "20 Nov 2026, 09:00". Anything else is shown as it is."""
    text = (value or "").strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    day = f"{moment.day} {moment:%b %Y}"
    return day if len(text) <= 10 else f"{day}, {moment:%H:%M}"


def council_type(value: str | None, start: bool = False) -> str:
    """A register type as words: "london borough" -> "London borough" ("London borough" to start a sentence,
    "district" -> "District")."""
    words = [("London" if word.lower() == "london" else word) for word in (value or "council").split()]
    text = " ".join(words)
    return text[:1].upper() + text[1:] if start else text


FILTERS = {"plural": plural, "percent": percent, "when": when, "council_type": council_type}
