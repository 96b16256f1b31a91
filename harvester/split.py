"""One page, many initiatives: split a page into one record per council scheme.

Use it from Python::

    from shopwindow.split import split_page
    parts = split_page(record)   # None when the page is about one scheme

Two layouts are recognised, both from the text alone:

* **Blocks under council headings**: an awards shortlist ("Ipswich BC", "Harrow and Brent LBCs –
  shared legal service") or a report's case-study boxes ("Case study: Kirklees Council"). A
  heading is a short line, without a closing full stop, that starts by naming a council.
* **Round-ups**: an article on several councils' savings where each paragraph starts with (or
  is led by) a different council and carries its own figure.

Each part keeps the page's URL and date, gets its own title, body, councils and a stable
``key`` (a slug of its heading), so figures stay with the scheme whose text they sit in.
A page with fewer than two such parts is left whole.
"""

from __future__ import annotations

import dataclasses
import re

from .councils import find_councils
from .models import Record
from .money import find_money

MAX_HEADING = 120
_SLUG = re.compile(r"[^a-z0-9]+")
_HEADING_LEAD = re.compile(r"^\s*(?:case study\s*\d*\s*[:\-–—]?\s*|\d+[.)]\s*|[•*\-–]\s*)?", re.IGNORECASE)


def slug(text: str, limit: int = 60) -> str:
    """A stable, URL-safe key for a heading."""
    return _SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-") or "part"


def _lines(body: str) -> list[str]:
    return [line.strip() for line in body.splitlines()]


def _heading_councils(line: str) -> list[str]:
    """Councils a heading line names at its start, or [] if the line is not a council heading."""
    if not line or len(line) > MAX_HEADING or line.endswith((".", "?", "!", ":", ";", ",")):
        return []
    lead = _HEADING_LEAD.match(line).end()
    matches = find_councils(line)
    if not matches or matches[0].start > lead + 2:
        return []
    return [m.code for m in matches]


@dataclasses.dataclass
class _Part:
    heading: str
    councils: list[str]
    lines: list[str]


def _heading_blocks(body: str) -> list[_Part]:
    parts: list[_Part] = []
    for line in _lines(body):
        codes = _heading_councils(line)
        if codes:
            parts.append(_Part(line, codes, []))
        elif parts and line:
            parts[-1].lines.append(line)
    return [p for p in parts if p.lines]


def _paragraphs(body: str) -> list[str]:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    if len(paragraphs) < 3:
        paragraphs = [p for p in _lines(body) if p]
    return paragraphs


def _round_up(body: str) -> list[_Part]:
    """Paragraphs each led by different councils and each carrying a money figure."""
    parts: list[_Part] = []
    for paragraph in _paragraphs(body):
        matches = find_councils(paragraph[:200])
        if matches and matches[0].start < 80 and find_money(paragraph):
            codes = []
            for m in matches:
                if m.code not in codes:
                    codes.append(m.code)
            lead = matches[0].text.strip()
            parts.append(_Part(lead, codes, [paragraph]))
        elif parts and paragraph and not find_councils(paragraph):
            parts[-1].lines.append(paragraph)  # a follow-on paragraph about the same scheme
    return parts


def _distinct(parts: list[_Part]) -> bool:
    keys = {tuple(sorted(p.councils)) for p in parts}
    return len(parts) >= 2 and len(keys) >= 2


def split_page(record: Record) -> list[Record] | None:
    """One record per council scheme on the page, or None when the page describes one scheme."""
    body = record.body or ""
    if not body.strip() or record.key:  # a reader that already split the page knows best
        return None
    parts = _heading_blocks(body)
    if not _distinct(parts):
        parts = _round_up(body)
        # A round-up needs at least three schemes, or two led by councils that never share a paragraph.
        if not _distinct(parts) or (len(parts) < 3 and _shared(parts)):
            return None
    records, used = [], set()
    for part in parts:
        key = slug(part.heading)
        n = 2
        while key in used:
            key, n = f"{slug(part.heading)}-{n}", n + 1
        used.add(key)
        text = "\n".join(part.lines)
        first = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
        title = part.heading if len(part.heading) > 12 or not record.title else f"{part.heading}: {record.title}"
        records.append(dataclasses.replace(
            record, title=title[:300], summary=first[:500], body=text, key=key, councils=list(part.councils),
            partners=[], savings=[s for s in record.savings if s.quote and s.quote[:60] in text], extra={**record.extra, "page_title": record.title, "split": len(parts)},
        ))
    return records


def _shared(parts: list[_Part]) -> bool:
    seen: set[str] = set()
    for part in parts:
        if seen.intersection(part.councils):
            return True
        seen.update(part.councils)
    return False
