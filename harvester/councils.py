"""The council register, and finding councils (and their partners) in plain text.

Use it from Python::

    from shopwindow.councils import find_councils, resolve
    [m.code for m in find_councils("Ipswich BC and Suffolk County Council share a team")]
    # ['E07000202', 'E10000029']
    resolve("LB Croydon")  # 'E09000008'

Matching is one pass of a trie-shaped regular expression holding every alias (see
:mod:`shopwindow.aliasmatch`), so cost grows with the text, not with the number of councils.
A place name written bare ("Kent") counts only when it is capitalised, not part of a longer name ("East Kent Hospitals", "Kent Police") and not an everyday word
("Reading", "Rugby") unless a council word or a list ending "... councils" vouches for it.
"""

from __future__ import annotations

import bisect
import csv
import functools
import itertools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .aliasmatch import candidates, dehyphenate, original_offset, trie_patterns
from .councilnames import DESIGNATORS, normalise
from .furniture import related_links_start
from .partners import Partner, find_partners, partner_spans

__all__ = ["Council", "Match", "Partner", "Register", "find_council_mentions", "find_councils", "find_partners", "load_register", "resolve"]

DATA_DIR = Path(os.environ.get("SHOPWINDOW_DATA", Path(__file__).resolve().parents[1] / "data"))

_LOCATIVE = re.compile(r"\b(?:in|at|near|around|outside|across|into|within|throughout|towards)[ \t]+$", re.IGNORECASE)
# Bare names that are also everyday words, first names or other places: they need a council word.
AMBIGUOUS = {normalise(n) for n in (
    "Reading", "Rugby", "Derby", "Bury", "Hart", "Eden", "Highland", "Boston", "Lincoln", "Angus", "Preston",
    "Dudley", "Hastings", "Warwick", "Mansfield", "Bedford", "Crawley", "Copeland", "Arun", "Christchurch",
    "Newport", "Richmond", "Barrow", "Stafford", "Corby", "Fife", "Moray", "Stirling", "Durham", "Telford",
    "Wyre", "Rother", "Swale", "Test Valley", "Melton", "Halton", "Chorley", "Harrow", "Merton", "Brent",
    "Sutton", "Bromley", "Enfield", "Ealing", "Barnet", "Havering", "Wealden", "Fylde", "Selby", "Craven",
    "Stockton", "Redcar", "Blackburn", "Purbeck", "Kettering", "Daventry", "Windsor", "Dover", "York",
    "Mendip", "Carlisle", "Scarborough", "Richmondshire", "Bath", "Brighton", "Stoke", "Hull", "Ashford",
    "Gedling", "Tamworth", "Rushmoor", "Shetland", "Orkney", "Derry", "Cumberland", "Westmorland",
)}


@dataclass(frozen=True)
class Council:
    """One row of ``data/councils.csv``."""

    code: str
    name: str
    short_name: str
    type: str
    region: str
    nation: str
    parent_code: str = ""
    current: bool = True
    successor_codes: tuple[str, ...] = ()
    end_date: str = ""
    lat: float | None = None
    lng: float | None = None


@dataclass
class Match:
    """A council found in text. ``code`` is the council named, even if since abolished (see ``successor_codes``)."""

    code: str
    name: str
    text: str
    start: int = -1
    end: int = -1
    current: bool = True
    successor_codes: tuple[str, ...] = ()
    designated: bool = False  # written with a council word ("Council", "BC", "London Borough of")
    origin: str = "text"  # text | default


class Register:
    """The councils and every alias, with the regex that finds the aliases in text."""

    def __init__(self, councils: dict[str, Council], aliases: dict[tuple[str, ...], list[str]]) -> None:
        self.councils = councils
        self.aliases = aliases

    def council(self, code: str) -> Council | None:
        """The council with this GSS code, or None."""
        return self.councils.get(code)

    def _best(self, codes: list[str], county_word: bool) -> list[str]:
        """Prefer a county when the text said 'county', otherwise a current council."""
        if len(codes) > 1 and county_word:
            counties = [c for c in codes if self.councils[c].type == "county"]
            codes = counties or codes
        if len(codes) > 1:
            current = [c for c in codes if self.councils[c].current]
            codes = current or codes
        return codes

    @functools.cached_property
    def patterns(self) -> dict[str, re.Pattern[str]]:
        """The compiled alias regexes, one per first word (built on first use)."""
        return trie_patterns(self.aliases)


@functools.lru_cache(maxsize=4)
def load_register(data_dir: str | None = None) -> Register:
    """Read ``councils.csv`` and ``council_aliases.csv`` once per process."""
    base = Path(data_dir) if data_dir else DATA_DIR
    councils: dict[str, Council] = {}
    with open(base / "councils.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            councils[row["code"]] = Council(
                code=row["code"], name=row["name"], short_name=row["short_name"], type=row["type"],
                region=row["region"], nation=row["nation"], parent_code=row["parent_code"],
                current=row["current"] == "1", successor_codes=tuple(filter(None, row["successor_code"].split(";"))),
                end_date=row["end_date"], lat=float(row["lat"]) if row["lat"] else None,
                lng=float(row["lng"]) if row["lng"] else None,
            )
    aliases: dict[tuple[str, ...], list[str]] = {}
    with open(base / "council_aliases.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["code"] in councils:
                aliases.setdefault(tuple(row["alias"].split()), []).append(row["code"])
    return Register(councils, aliases)


def find_council_mentions(text: str, register: Register | None = None) -> list[Match]:
    """Every accepted mention of a council in ``text``, in order (a council may appear many times); not those
    under a "Related stories" heading, whose headlines name other pages' councils (content extraction and
    splitting stop there too).

    Results for the default register are cached for the last few texts (linking, saving extraction
    and splitting read the same page); treat the list as read-only.
    """
    if register is None:
        return list(_cached_mentions(text or ""))
    return _mentions(text or "", register)


@functools.lru_cache(maxsize=16)
def _cached_mentions(text: str) -> tuple[Match, ...]:
    return tuple(_mentions(text, load_register()))


def _mentions(text: str, register: Register) -> list[Match]:
    # Partners are read from the whole text, as find_partners reads it (one cached reading serves both); a partner
    # span past the "Related stories" cut holds no mention anyway.
    in_partner = _within_any(partner_spans(text))
    text = text[:related_links_start(text)] if text else text
    clean, starts, shifts = dehyphenate(text)
    cands = candidates(clean, register.patterns, register.aliases, AMBIGUOUS)
    mentions: list[Match] = []
    any_designated = any(c.designated and not c.rejected for c in cands)
    for cand in cands:
        if cand.rejected or cand.pending:
            continue
        start, end = original_offset(cand.start, starts, shifts), original_offset(cand.end, starts, shifts)
        if not cand.council_word and in_partner(start, end):
            continue  # "Kent and Medway NHS Trust", "Durham County Fire and Rescue Service": part of the partner's name
        if not cand.designated:
            if any_designated and _LOCATIVE.search(clean, max(0, cand.start - 12), cand.start):
                continue  # "an office in Ipswich": where, not who, when the actors are named councils
        for code in register._best(list(register.aliases[cand.key]), cand.county_word):
            council = register.councils[code]
            mentions.append(Match(code, council.name, text[start:end], start, end, council.current,
                                  council.successor_codes, cand.designated and not cand.area))
    return _as_predecessors(mentions, register)


def _as_predecessors(mentions: list[Match], register: Register) -> list[Match]:
    """On a page that names an abolished council outright ("Dorset County Council") and not its successor, a bare
    "Dorset" is that council, not the one that replaced it: the page is about the time before."""
    named = {m.code: register.councils[m.code] for m in mentions if m.designated}
    if not any(council.successor_codes for council in named.values()):
        return mentions
    out, predecessors = [], [council for _, council in sorted(named.items())]
    for m in mentions:
        if not m.designated and m.code not in named:
            words = set(normalise(m.text).split()) - DESIGNATORS  # the place as written: "Dorset councils" is Dorset
            old = next((c for c in predecessors if m.code in c.successor_codes
                        and words <= set(normalise(c.name).split())), None)
            if old:  # the predecessor whose name holds the words as written: Dorset County Council, not Purbeck
                m = Match(old.code, old.name, m.text, m.start, m.end, old.current, old.successor_codes, False)
        out.append(m)
    return out


def _within_any(spans: tuple[tuple[int, int], ...]) -> Callable[[int, int], bool]:
    """A test of whether [start, end) lies inside one of ``spans``: the furthest end among the spans starting at or
    before ``start`` decides, found by bisection (a page of figures holds hundreds of partner mentions)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))

    def inside(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, start)
        return k > 0 and reach[k - 1] >= end
    return inside


def find_councils(text: str, default: str | None = None, register: Register | None = None) -> list[Match]:
    """Councils named in ``text``, in order of first mention, one Match each (not under a "Related stories" heading:
    see :func:`find_council_mentions`).

    ``default`` (a GSS code, e.g. the council whose website a page came from) is returned when
    the text names no council. Police, fire, NHS bodies and companies are never returned: see
    :func:`find_partners`.
    """
    matches: dict[str, Match] = {}
    for mention in find_council_mentions(text, register):
        matches.setdefault(mention.code, mention)
    if not matches and default:
        council = (register or load_register()).council(default)
        if council:
            return [Match(default, council.name, "", current=council.current,
                          successor_codes=council.successor_codes, origin="default")]
    return list(matches.values())


#: Characters at the start of a record's text (title, summary, opening) where the councils behind it are named.
LEAD = 600


def lead_councils(text: str, default: str | None = None, register: Register | None = None) -> list[Match]:
    """The councils behind the initiative ``text`` describes: :func:`find_councils` without passing mentions.

    A page that names councils in its lead (title, summary, opening lines) is about those; a council it names only
    once, further down, is mentioned in passing ("Leeds had faced the same choice", "also shortlisted were Bury
    Council and Stockport Council", "a visit from East Devon officers") and is not one of them.
    """
    found = find_councils(text, default, register)
    if not found or found[0].origin == "default":
        return found
    mentions = find_council_mentions(text, register)
    in_lead = {m.code for m in mentions if m.start < LEAD}
    if not in_lead:
        return found
    times = {code: sum(1 for m in mentions if m.code == code) for code in {m.code for m in mentions}}
    return [m for m in found if m.code in in_lead or times[m.code] > 1]


# Register-style names: "Bristol, City of", "Derby UA", "Croydon London Boro", "Devon County", "Leeds District".
_ADMIN_SUFFIX = re.compile(
    r"^(.+?) (?:ua|london boro(?:ugh)?|city of|county of|county borough|borough|district|county|city)$")


def _resolve_keys(key: str) -> list[str]:
    """The key itself, then with register-style suffixes read as council words or dropped ("derby city ua")."""
    keys = [key]
    for _ in range(2):
        match = _ADMIN_SUFFIX.match(key)
        if not match:
            break
        if key[len(match.group(1)) + 1:] in ("county", "city", "district", "borough", "county borough"):
            keys.append(f"{key} council")
        key = match.group(1)
        keys.append(key)
    return keys


def resolve(name: str, register: Register | None = None) -> str | None:
    """The GSS code for a council name as written ("Ipswich BC", "the London Borough of Croydon"), or None."""
    register = register or load_register()
    key = normalise(name or "")
    if key.startswith("the "):
        key = key[4:]
    for candidate in _resolve_keys(key):
        codes = register.aliases.get(tuple(candidate.split()))
        if codes:
            return register._best(list(codes), "county" in candidate.split())[0]
    found = [m for m in find_councils(name, register=register) if m.designated or len(m.text) >= len(name.strip()) - 4]
    return found[0].code if len({m.code for m in found}) == 1 else None
