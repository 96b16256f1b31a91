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

import bisect
import dataclasses
import re

from .councils import Match, find_council_mentions, resolve
from .furniture import related_links_start
from .models import Record
from .money import find_figures
from .savings import record_text

MAX_HEADING = 120
_SLUG = re.compile(r"[^a-z0-9]+")
_HEADING_LEAD = re.compile(r"^\s*(?:case study\s*\d*\s*[:\-–—]?\s*|\d+[.)]\s*|[•*\-–]\s*)?", re.IGNORECASE)


def slug(text: str, limit: int = 60) -> str:
    """A stable, URL-safe key for a heading."""
    return _SLUG.sub("-", text.lower()).strip("-")[:limit].strip("-") or "part"


_LINE = re.compile(r"[^\n]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


@dataclasses.dataclass
class _Part:
    heading: str
    councils: list[str]
    lines: list[str]
    start: int = 0  # where the part begins in the body


def _within(mentions: list[Match], starts: list[int], start: int, end: int) -> list[Match]:
    """The mentions starting in [start, end); ``starts`` are their offsets (mentions are in text order)."""
    return mentions[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def _codes_in(mentions: list[Match], starts: list[int], start: int, end: int) -> list[str]:
    return list(dict.fromkeys(m.code for m in _within(mentions, starts, start, end)))


def _heading_blocks(body: str, mentions: list[Match]) -> list[_Part]:
    """Short lines that start by naming a council, each with the lines below it.

    A heading that is nothing but an everyday-word council name ("Barnet", "Reading"), which linking leaves alone
    in running text, counts too when at least two other headings on the page name councils.
    """
    parts: list[_Part] = []
    bare: set[int] = set()  # indexes of parts whose heading is only a bare name
    starts = [m.start for m in mentions]
    for line_match in _LINE.finditer(body):
        line = line_match.group().strip()
        if not line:
            continue
        begin = line_match.start() + (len(line_match.group()) - len(line_match.group().lstrip()))
        codes: list[str] = []
        if len(line) <= MAX_HEADING and not line.endswith((".", "?", "!", ":", ";", ",")):
            lead = begin + _HEADING_LEAD.match(line).end()
            inside = _within(mentions, starts, begin, line_match.end())
            if inside and inside[0].start <= lead + 2:
                codes = list(dict.fromkeys(m.code for m in inside))
            elif not inside and len(line) <= 40 and (code := _bare_name(line)):
                codes = [code]
                bare.add(len(parts))
        if codes:
            parts.append(_Part(line, codes, [], begin))
        elif parts:
            parts[-1].lines.append(line)
    if len(parts) - len(bare) < 2:  # bare names alone are not a list of councils' headings
        parts = _fold(parts, bare)
    return [p for p in parts if p.lines]


def _bare_name(line: str) -> str | None:
    """The council a heading line names and nothing else ("Barnet"), or None."""
    name = line[_HEADING_LEAD.match(line).end():].strip()
    return resolve(name) if name[:1].isupper() and len(name.split()) <= 4 else None


def _fold(parts: list[_Part], bare: set[int]) -> list[_Part]:
    """Undo headings made from bare names: each becomes a line of the part before it again."""
    kept: list[_Part] = []
    for k, part in enumerate(parts):
        if k in bare and kept:
            kept[-1].lines.extend([part.heading] + part.lines)
        elif k not in bare:
            kept.append(part)
    return kept


def _paragraphs(body: str) -> list[tuple[str, int, int]]:
    paragraphs, start = [], 0
    for gap in _BLANK_LINE.finditer(body):
        if paragraph := body[start:gap.start()].strip():
            paragraphs.append((paragraph, start, gap.start()))
        start = gap.end()
    if paragraph := body[start:].strip():
        paragraphs.append((paragraph, start, len(body)))
    if len(paragraphs) < 3:
        paragraphs = [(m.group().strip(), m.start(), m.end()) for m in _LINE.finditer(body) if m.group().strip()]
    return paragraphs


def _round_up(body: str, mentions: list[Match], figures: list) -> list[_Part]:
    """Paragraphs each led by different councils and each carrying a figure (money or a percentage)."""
    parts: list[_Part] = []
    starts = [m.start for m in mentions]
    figure_starts = [f.start for f in figures]
    for paragraph, start, end in _paragraphs(body):
        inside = _within(mentions, starts, start, end)
        lead = inside[0] if inside else None
        has_figure = bisect.bisect_left(figure_starts, start) < bisect.bisect_left(figure_starts, end)
        if lead is not None and lead.start - start < 80 and has_figure:
            parts.append(_Part(lead.text.strip(), _codes_in(mentions, starts, start, min(end, start + 200)), [paragraph]))
        elif parts and lead is None:
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
    mentions = _body_mentions(record, body)
    if len({m.code for m in mentions}) < 2:
        return None  # one council (or none): one scheme, however long the page
    # "Related stories" links are other pages' schemes, not this page's (find_council_mentions stops there too)
    body = body[:related_links_start(body)]
    parts = _heading_blocks(body, mentions)
    figures = find_figures(body)
    if _distinct(parts) and _joint_scheme(parts, mentions, figures):
        return None
    if not _distinct(parts):
        # A paragraph's figure may be money or a percentage ("cut its agency bill by 12%"): either marks a scheme.
        parts = _round_up(body, mentions, figures)
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


def _body_mentions(record: Record, body: str) -> list[Match]:
    """The council mentions in the body, read from the record's whole text: linking and saving extraction read
    that same string next, so one scan of it serves all three (most pages are not split and are read once)."""
    text = record_text(record)
    base = len(text) - len(body)  # the body comes last
    # Built field by field: dataclasses.replace costs ten times as much, and a long page has hundreds of mentions.
    return [Match(m.code, m.name, m.text, m.start - base, m.end - base, m.current, m.successor_codes, m.designated,
                  m.origin) for m in find_council_mentions(text) if m.start >= base]


def _joint_scheme(parts: list[_Part], mentions: list[Match], figures: list) -> bool:
    """Headings that are facets of one joint scheme, not schemes: the text before them names every one of their
    councils and holds the page's figures, and the parts add no figure of their own ("Publica, owned by Cotswold,
    Forest of Dean and West Oxfordshire, saved £5.8m", then a heading per council on its share)."""
    first = parts[0].start
    intro = {m.code for m in mentions if m.start < first}
    return (any(f.start < first for f in figures) and not any(f.start >= first for f in figures)
            and {code for part in parts for code in part.councils} <= intro)


def _shared(parts: list[_Part]) -> bool:
    seen: set[str] = set()
    for part in parts:
        if seen.intersection(part.councils):
            return True
        seen.update(part.councils)
    return False
