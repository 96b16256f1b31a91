"""Sterling amounts and percentages as written in council and thinktank prose.

Use it from Python::

    from shopwindow.money import find_money, parse_amount
    parse_amount("£3.5bn")                      # 3500000000.0
    [m.amount_gbp for m in find_money("saved £2-3m in 2018-19, up to £300k a year")]
    # [2000000.0, 300000.0]

Every common form is read: "£462 million", "£6m", "£45,000", "£1.2 m", "£12.3million",
"£4½m", "£300k", "1.5 million pounds", "almost six million pounds", ranges ("£2-3m",
"£2m to £3m", "between £0.8m and £1.3m" - one figure: the amount is the lower bound, ``high``
the upper, the text the range as written), and percentages ("savings of 25%", "up to
15 per cent"). A qualifier written just before the figure ("up to", "more than", "around")
is kept. Malformed or absurd figures ("£-5m", "£1,2,3", 25-digit numbers, more than a
trillion pounds, more than 100%) are dropped, and no input makes these functions raise.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .regextrie import lower_case

log = logging.getLogger(__name__)

MAX_GBP = 1e12  # more than a trillion pounds is a misreading, not a council saving
_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6,
                "b": 1e9, "bn": 1e9, "billion": 1e9, "billions": 1e9}
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_NUMBERS = {
    "a": 1, "an": 1, "hundred": 100, "a hundred": 100, "half a": 0.5, "a quarter of a": 0.25, "several": None,
    **{w: k + 1 for k, w in enumerate(_UNITS)}, **{w: k + 10 for k, w in enumerate(_TEENS)},
    **{w: 10 * (k + 2) for k, w in enumerate(_TENS)},
    # "twenty-five", "thirty two"
    **{f"{t}{sep}{u}": 10 * (k + 2) + j + 1 for k, t in enumerate(_TENS) for j, u in enumerate(_UNITS) for sep in "- "},
}
_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]{1,15}(?:\.[0-9]+)?)(?:[ ]?[½¼¾])?(?![0-9]|,[0-9]|\.[0-9])|[½¼¾]"
_MULT = r"(?:bn|billions?|b|mn|mil|millions?|m|k|thousand)(?![a-z])"
_STERLING_TAIL = (
    rf"{_NUM})(?:(?:[ ]|[ ]?\r?\n[ \t]*(?=(?:millions?|billions?|thousand|bn)\b)|-(?=(?:millions?|billions?|thousand)\b))?"
    rf"(?P<mult>{_MULT}))?"
    rf"(?:[ ]?(?P<joiner>-|–|—|to)[ ]?(?:£[ ]?)?(?P<num2>{_NUM})(?:[ ]?(?P<mult2>{_MULT}))?)?"
)
# "£" first, so the regex engine can jump from one pound sign to the next; "GBP 5m" is rare and looked for apart.
_STERLING = re.compile(r"£[ ]?(?P<num>" + _STERLING_TAIL, re.IGNORECASE)
_GBP = re.compile(r"\bGBP[ ]?(?P<num>" + _STERLING_TAIL, re.IGNORECASE)
_POUNDS_AFTER = re.compile(
    rf"(?<![£\w.,])(?P<num>{_NUM})[ ]?(?P<mult>{_MULT})?[ ]?(?:pounds|pound|sterling)\b", re.IGNORECASE,
)
_HUNDRED_BEFORE = re.compile(r"\bhundred(?:[ -]and)?[ -]$", re.IGNORECASE)
_WORDS = re.compile(
    rf"\b(?P<word>a quarter of a|half a|a hundred|(?:{'|'.join(_TENS)})(?:[ -](?:{'|'.join(_UNITS)}))?|"
    rf"{'|'.join(_TEENS + _UNITS)}|a|an)[ -](?P<mult>million|billion|thousand)[ ]?(?P<pounds>pounds|pound)?",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"(?<![\w.,])(?P<num>[0-9]{1,3}(?:\.[0-9]+)?)(?:[ ]?(?:-|–|to)[ ]?(?P<num2>[0-9]{1,3}(?:\.[0-9]+)?))?"
    r"[ ]?(?:%|per[ ]?cent\b|percent\b)",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"(?P<q>up to|as much as|more than|over|in excess of|at least|upwards of|around|about|approximately|approx\.?|"
    r"roughly|some|almost|nearly|close to|just under|less than|under|an estimated|circa|c\.|a further|an extra|"
    r"an additional)\s*$",
    re.IGNORECASE,
)
_FISCAL_YEAR = re.compile(r"\b((?:19|20)[0-9]{2})[ ]?(?:-|–|/|to)[ ]?((?:19|20)?[0-9]{2})\b")
_QUALIFIER_NAMES = {"approx": "approximately", "approx.": "approximately", "circa": "around", "c.": "around",
                    "as much as": "up to", "over": "more than", "in excess of": "more than", "upwards of": "more than",
                    "about": "around", "roughly": "around", "some": "around", "nearly": "almost",
                    "close to": "almost", "just under": "almost", "under": "less than"}


@dataclass(frozen=True)
class Figure:
    """A sterling amount or a percentage found in text, with where it was and how it was qualified."""

    text: str
    start: int
    end: int
    amount_gbp: float | None = None
    high_gbp: float | None = None  # upper bound of a range ("£2-3m"); amount_gbp is the lower
    percent: float | None = None
    qualifier: str | None = None  # up to | more than | around | almost | at least | less than | ...
    fiscal_year: str | None = None  # "2018-19" when written right after the figure

    @property
    def is_percent(self) -> bool:
        return self.percent is not None


def _number(raw: str) -> float | None:
    raw = raw.replace(",", "").replace(" ", "")
    fraction = 0.0
    if raw and raw[-1] in _FRACTIONS:
        fraction, raw = _FRACTIONS[raw[-1]], raw[:-1]
    if len(raw.split(".")[0]) > 15:
        return None
    value = float(raw) if raw else 0.0
    return value + fraction


def _scaled(num: str | None, mult: str | None) -> float | None:
    if not num:
        return None
    value = _number(num)
    if value is None:
        return None
    # Rounded to pennies: 4.1 * 1e6 is 4099999.9999999995 in binary floating point, not £4.1m.
    value = round(value * _MULTIPLIERS.get((mult or "").casefold(), 1.0), 2)  # casefold: IGNORECASE matched "thouſand"
    return value if 0 < value <= MAX_GBP else None


# The qualifier words longest first: the longest one the text before a figure ends with is the one the regex
# would find, and a few string comparisons are much cheaper than trying the regex at thirty positions.
_QUALIFIER_WORDS = sorted(
    {w.replace("\\.", ".").replace("\\", "") for w in _QUALIFIER.pattern[len("(?P<q>"):-len(")\\s*$")].split("|")
     if "?" not in w} | {"approx", "approx."}, key=len, reverse=True)
_QUALIFIER_ENDINGS = tuple(_QUALIFIER_WORDS)


def _qualifier(text: str, start: int) -> str | None:
    before = text[max(0, start - 30):start].rstrip().lower()
    if not before.endswith(_QUALIFIER_ENDINGS):  # most figures have none: one C call instead of thirty
        return None
    word = next((w for w in _QUALIFIER_WORDS if before.endswith(w)), None)
    return _QUALIFIER_NAMES.get(word, word) if word else None


def fiscal_year(text: str) -> str | None:
    """The first fiscal year written in ``text`` as 'YYYY-YY' ('2018/19', '2018-2019' -> '2018-19')."""
    for match in _FISCAL_YEAR.finditer(text or ""):
        first, second = int(match.group(1)), int(match.group(2)[-2:])
        if (first + 1) % 100 == second:
            return f"{first}-{second:02d}"
    return None


_YEAR_LEAD = re.compile(r"\s*(?:in|for|during|by|of)\s+(?:the\s+)?")


def _year_after(text: str, end: int) -> str | None:
    following = text[end:end + 24]
    match = _YEAR_LEAD.match(following)
    return fiscal_year(following[match.end():match.end() + 12]) if match else None


def _windows(text: str, lower: str, needles: tuple[str, ...], before: int, after: int) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around each occurrence of the needles, starting at a space."""
    spans = []
    for needle in needles:
        at = lower.find(needle)
        while at != -1:
            start = max(0, at - before)
            space = text.rfind(" ", 0, start + 1)
            spans.append((space + 1 if space != -1 else 0, min(len(text), at + len(needle) + after)))
            at = lower.find(needle, at + 1)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _in_windows(pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]):
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


_FROM = re.compile(r"\bfrom\s+(?:about |around |roughly |some |over |more than |almost )?$", re.IGNORECASE)
#: Right before an amount, "by" and a qualifier: the amount is a change ("fell by £0.8bn to £4.45bn").
BY_CHANGE = re.compile(r"\bby\s+(?:about |around |roughly |some |over |more than |almost |nearly )?$", re.IGNORECASE)


_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


def _is_change(text: str, match: re.Match[str]) -> bool:
    """Whether "£X to £Y" is a change between two levels ("from £10m to £8m", "£10m to £8m") or a change and the level
    it led to ("fell by £0.8bn to £4.45bn"), not a range."""
    num, mult, num2, mult2 = match.group("num", "mult", "num2", "mult2")
    if num2 and not mult2 and mult:
        return False  # "£5m to 2020": handled as a year, not a second figure
    low, high = _scaled(num, mult or mult2), _scaled(num2, mult2 or mult)
    if low is not None and high is not None and high < low:
        return True
    if match.group("joiner").lower() != "to":
        return False
    # "fell by £0.8bn to £4.45bn": a change, then the level it left (far above it); "by £2m to £3m" stays a range
    return bool(_FROM.search(text, max(0, match.start() - 20), match.start())) or (
        low is not None and high is not None and high > 2 * low
        and BY_CHANGE.search(text, max(0, match.start() - 20), match.start()) is not None)


def _sterling(text: str, lower: str) -> list[Figure]:
    found = []
    matches = []
    changes: set[int] = set()  # starts of the "£X to £Y" matches that are two levels, judged once
    pos = 0
    while (match := _STERLING.search(text, pos)) is not None:
        matches.append(match)
        pos = match.end()
        if match.group("num2") and _is_change(text, match):
            changes.add(match.start())
            pos = match.start("joiner")  # "from £10m to £8m": two levels, read the second on its own
    # str searches, each a pass over the page: the lower-case one first, as almost every page has none of the three
    if "gbp" in lower and ("GBP" in text or "gbp" in text or "Gbp" in text):
        gbp = list(_GBP.finditer(text))
        changes.update(m.start() for m in gbp if m.group("num2") and _is_change(text, m))
        matches = sorted(matches + gbp, key=lambda m: m.start())
    for match in matches:
        num, mult, num2, mult2 = match.group("num", "mult", "num2", "mult2")
        end = match.end()
        if num2 and match.start() in changes:
            num2, end = None, match.end("mult") if mult else match.end("num")
        elif num2 and not mult2 and mult:  # "£5m to 2020": not a range
            num2, end = None, match.end("mult")
        elif num2 and not mult and mult2:  # "£2-3m": the multiplier covers both
            mult = mult2
        elif num2 and not mult and not mult2 and _YEAR.fullmatch(num2.strip()):
            num2, end = None, match.end("num")
        amount = _scaled(num, mult)
        high = _scaled(num2, mult2 or mult) if num2 else None
        if amount is None:
            continue
        if high is not None and high < amount:
            high = None
        found.append(Figure(text[match.start():end], match.start(), end, amount, high,
                            qualifier=_qualifier(text, match.start()), fiscal_year=_year_after(text, end)))
    return found


def _written(text: str, lower: str) -> list[Figure]:
    found: list[Figure] = []
    has_pounds = "pound" in lower or "sterling" in lower
    # "illion": one search for "million" and "billion" (a "trillion" only costs the windows' searches)
    if not has_pounds and "illion" not in lower and "thousand" not in lower:
        return found  # most text has no written-out amounts: skip the slower patterns
    pounds_windows = _windows(text, lower, ("pound", "sterling"), 30, 12) if has_pounds else []
    for match in _in_windows(_POUNDS_AFTER, text, pounds_windows):
        amount = _scaled(match.group("num"), match.group("mult"))
        if amount is not None:
            found.append(Figure(match.group(), match.start(), match.end(), amount,
                                qualifier=_qualifier(text, match.start()), fiscal_year=_year_after(text, match.end())))
    for match in _in_windows(_WORDS, text, _windows(text, lower, ("million", "billion", "thousand"), 22, 16)):
        preceded_by_pound = text[max(0, match.start() - 2):match.start()].strip().endswith("£")
        if not (match.group("pounds") or preceded_by_pound):
            continue
        value = _WORD_NUMBERS.get(match.group("word").lower())
        if value is None or _HUNDRED_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "one hundred and twenty million pounds": a compound this reader cannot add up, left unread
        start = match.start() - (2 if preceded_by_pound else 0)
        amount = value * _MULTIPLIERS[match.group("mult").casefold()]
        found.append(Figure(text[max(0, start):match.end()].strip(), max(0, start), match.end(), amount,
                            qualifier=_qualifier(text, max(0, start)), fiscal_year=_year_after(text, match.end())))
    return found


# "between £0.8m and £1.3m", "between 10% and 15%": one figure, a range, not two.
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|-|–|—)\s*")


def _merge_between(text: str, figures: list[Figure]) -> list[Figure]:
    """Join "between X and Y" into one figure whose value is the lower bound and whose text is the range as written.

    The lower bound is the conservative reading; ``high_gbp`` keeps the upper for money.
    """
    out: list[Figure] = []
    k = 0
    while k < len(figures):
        first = figures[k]
        second = figures[k + 1] if k + 1 < len(figures) else None
        lead = _BETWEEN.search(text, max(0, first.start - 30), first.start)
        if second is not None and lead and first.is_percent == second.is_percent \
                and _RANGE_JOIN.fullmatch(text, first.end, second.start):
            low, high = (first.percent, second.percent) if first.is_percent else (first.amount_gbp, second.amount_gbp)
            if low is not None and high is not None and high >= low:
                out.append(Figure(text[lead.start():second.end], lead.start(), second.end,
                                  first.amount_gbp, second.high_gbp or second.amount_gbp, first.percent,
                                  first.qualifier or "between", second.fiscal_year))
                k += 2
                continue
        out.append(first)
        k += 1
    return out


def find_money(text: str, lower: str | None = None) -> list[Figure]:
    """Every sterling amount in ``text``, in order; never raises. ``lower`` is ``text.lower()`` if already made."""
    text = plain_spaces(text or "")
    try:
        lower = text.lower() if lower is None else lower
        figures = _sterling(text, lower)
        taken = [(f.start, f.end) for f in figures]
        written = _written(text, lower)
        figures += [f for f in written if not any(s < f.end and f.start < e for s, e in taken)]
        return _merge_between(text, sorted(figures, key=lambda f: f.start))
    except Exception:  # noqa: BLE001 - a parsing slip must never stop a harvest
        log.exception("money parsing failed on %.80r", text)
        return []


def find_percentages(text: str, lower: str | None = None) -> list[Figure]:
    """Every percentage in ``text`` between 0 and 100, in order; never raises."""
    found = []
    text = plain_spaces(text or "")
    try:
        lower = text.lower() if lower is None else lower
        # Each needle is a pass over the page: "per" once rules out all three spelt-out ones on most pages.
        needles = ("%", "per cent", "percent", "per-cent") if "per" in lower else ("%",)
        for match in _in_windows(_PERCENT, text, _windows(text, lower, needles, 16, 9)):
            value = float(match.group("num"))
            if 0 < value <= 100:
                found.append(Figure(match.group(), match.start(), match.end(), percent=value,
                                    qualifier=_qualifier(text, match.start())))
        found = _merge_between(text, found)
    except Exception:  # noqa: BLE001
        log.exception("percentage parsing failed on %.80r", text)
    return found


# Every Unicode space separator but the plain space: no-break, thin, hair, en, em, figure, ideographic...
_ODD_SPACES = "\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACES = str.maketrans(dict.fromkeys(_ODD_SPACES, " "))
_LAST_PLAIN: tuple[str, str] = ("", "")  # the last text made plain, and the result: one page asks several times


def plain_spaces(text: str) -> str:
    """``text`` with no-break, thin and other odd spaces as plain spaces (same length, so offsets hold): web pages
    write "£1.2&nbsp;million" and "25&nbsp;per cent"."""
    global _LAST_PLAIN
    last = _LAST_PLAIN  # read once: another thread may replace it (as a whole) meanwhile
    if text is last[0] or text is last[1]:
        return last[1]
    # One str search per odd space runs in C at memchr speed (and at once for a space wider than the text's
    # characters); a regex character class over a long page cost a quarter of a millisecond.
    plain = text.translate(_SPACES) if any(space in text for space in _ODD_SPACES) else text
    _LAST_PLAIN = (text, plain)
    return plain


def find_figures(text: str) -> list[Figure]:
    """Sterling amounts and percentages together, in order of appearance."""
    text = plain_spaces(text or "")
    lower = lower_case(text)  # once for both, and for classification: lower-casing a long page is not free
    return sorted(find_money(text, lower) + find_percentages(text, lower), key=lambda f: f.start)


def parse_amount(text: str) -> float | None:
    """The amount in pounds of a single written figure ("£3.5bn", "1.5 million pounds"), or None."""
    figures = find_money(text or "")
    return figures[0].amount_gbp if figures else None
