"""Dates as councils and the sector write them, to ISO ``YYYY-MM-DD``.

Handles "9 August 2012", "Published: Thursday, 19th November 2015", "April 8, 2013",
"May 22nd, 2019", "29.07.19", "4/08/2011" (day first, as in the UK), ISO stamps and
HTTP dates. Returns None rather than guess when nothing date-like is present.
"""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_to_datetime

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
            ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_ORD = r"(?:st|nd|rd|th)?"
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b")
DMY_WORDS = re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH}\.?,?\s+(\d{{4}})\b", re.I)
MDY_WORDS = re.compile(rf"\b{_MONTH}\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b", re.I)
DMY_NUM = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})\b")
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{4}})\b", re.I)


def _make(y: int, m: int, d: int) -> str | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not (1990 <= y <= 2100):
        return None
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None, *, allow_month_only: bool = False) -> str | None:
    """The first date found in ``text`` as ISO, or None."""
    if not text:
        return None
    text = " ".join(str(text).split())[:500]
    found: list[tuple[int, str]] = []
    for m in ISO.finditer(text):
        if iso := _make(int(m.group(1)), int(m.group(2)), int(m.group(3))):
            found.append((m.start(), iso))
    for m in DMY_WORDS.finditer(text):
        if iso := _make(int(m.group(3)), MONTHS[_month_key(m.group(2))], int(m.group(1))):
            found.append((m.start(), iso))
    for m in MDY_WORDS.finditer(text):
        if iso := _make(int(m.group(3)), MONTHS[_month_key(m.group(1))], int(m.group(2))):
            found.append((m.start(), iso))
    for m in DMY_NUM.finditer(text):
        if iso := _make(int(m.group(3)), int(m.group(2)), int(m.group(1))):
            found.append((m.start(), iso))
    if found:
        return min(found)[1]
    try:  # RFC 2822 dates from feeds and HTTP headers
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if allow_month_only and (m := MONTH_YEAR.search(text)):
        return _make(int(m.group(2)), MONTHS[_month_key(m.group(1))], 1)
    return None


def _month_key(word: str) -> str:
    word = word.lower().rstrip(".")
    return word if word in MONTHS else word[:3]

