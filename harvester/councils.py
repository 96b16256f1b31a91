"""The council register, and finding councils (and their partners) in plain text.

Use it from Python::

    from shopwindow.councils import find_councils, resolve
    [m.code for m in find_councils("Ipswich BC and Suffolk County Council share a team")]
    # ['E07000202', 'E10000029']
    resolve("LB Croydon")  # 'E09000008'

Matching is a single left-to-right pass over word tokens with a dictionary of every alias
keyed by its first word (Aho-Corasick in spirit), so cost grows with the text, not with the
number of councils. A place name written bare ("Kent") counts only when it is capitalised,
not part of a longer name ("East Kent Hospitals", "Kent Police") and not an everyday word
("Reading", "Rugby") unless a council word or a list ending "... councils" vouches for it.
"""

from __future__ import annotations

import csv
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from .councilnames import DESIGNATORS, normalise
from .partners import Partner, find_partners
from .tokens import Token, adjacent, tokenize

__all__ = ["Council", "Match", "Partner", "Register", "find_councils", "find_partners", "load_register", "resolve"]

DATA_DIR = Path(os.environ.get("SHOPWINDOW_DATA", Path(__file__).resolve().parents[1] / "data"))

# Suffixes read after a bare name, longest first; a plural one marks a list ("Leeds and York councils").
_SUFFIXES = [tuple(s.split()) for s in (
    "metropolitan borough councils", "metropolitan borough council", "metropolitan district council",
    "county borough council", "london borough council", "borough councils", "district councils",
    "county councils", "city councils", "borough council", "district council", "county council",
    "city council", "councils", "council", "lbcs", "mbcs", "bcs", "dcs", "ccs", "rbcs",
    "mbc", "lbc", "rbc", "cbc", "mdc", "bc", "dc", "cc",
)]
_PLURAL = {"councils", "lbcs", "mbcs", "bcs", "dcs", "ccs", "rbcs"}
# A capitalised word before a bare name that makes it part of a bigger place ("East Kent", "Greater Manchester").
_PLACE_PREFIXES = {"north", "south", "east", "west", "mid", "greater", "central", "new", "upper", "lower",
                   "inner", "outer", "royal", "great", "little", "old", "north-east", "south-west"}
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


@dataclass
class _Candidate:
    codes: list[str]
    first: int  # token indexes [first, last)
    last: int
    designated: bool
    plural: bool
    pending: bool  # bare ambiguous name waiting for a list to vouch for it
    rejected: bool = False


class Register:
    """The councils and every alias, indexed by first word for one-pass matching."""

    def __init__(self, councils: dict[str, Council], aliases: dict[tuple[str, ...], list[str]]) -> None:
        self.councils = councils
        self.aliases = aliases
        self._longest: dict[str, int] = {}
        for key in aliases:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

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

    def candidates(self, text: str, tokens: list[Token]) -> list[_Candidate]:
        """Every alias occurrence, longest first at each position, with its designator and context flags."""
        found: list[_Candidate] = []
        i, n = 0, len(tokens)
        while i < n:
            longest = self._longest.get(tokens[i].low)
            if not longest or tokens[i].raw[:1].islower():  # names start with a capital ("east, Suffolk" is not one)
                i += 1
                continue
            match = None
            for size in range(min(longest, n - i), 0, -1):
                key = tuple(t.low for t in tokens[i:i + size])
                # Commas only inside long official names ("Newry, Mourne and Down"), never "Leeds, Bradford".
                if key in self.aliases and all(adjacent(text, tokens[k], tokens[k + 1], commas=size >= 3)
                                               for k in range(i, i + size - 1)):
                    match = (key, size)
                    break
            if match is None:
                i += 1
                continue
            key, size = match
            last = i + size
            suffix = _read_suffix(text, tokens, last)
            designated = bool(DESIGNATORS.intersection(key)) or suffix is not None
            plural = bool(suffix and suffix[-1] in _PLURAL) or key[-1] in _PLURAL
            county_word = "county" in key or bool(suffix and "county" in suffix)
            if suffix:
                last += len(suffix)
            codes = self._best(self.aliases[key], county_word)
            cand = _Candidate(codes, i, last, designated, plural, pending=False)
            if not designated:
                _judge_bare(text, tokens, cand, key)
            found.append(cand)
            i = last
        return found


def _read_suffix(text: str, tokens: list[Token], at: int) -> tuple[str, ...] | None:
    for suffix in _SUFFIXES:
        end = at + len(suffix)
        if end <= len(tokens) and tuple(t.low for t in tokens[at:end]) == suffix:
            if all(adjacent(text, tokens[k - 1], tokens[k]) for k in range(at, end)):
                return suffix
    return None


def _judge_bare(text: str, tokens: list[Token], cand: _Candidate, key: tuple[str, ...]) -> None:
    """Decide whether a place name written without a council word names the council."""
    first = tokens[cand.first]
    if not first.raw[:1].isupper():
        cand.rejected = True
        return
    before = tokens[cand.first - 1] if cand.first else None
    if before and adjacent(text, before, first) and before.low in _PLACE_PREFIXES and before.raw[:1].isupper():
        cand.rejected = True  # "East Kent", "Greater Manchester"
        return
    if before and before.low == "of" and cand.first >= 2:
        owner = tokens[cand.first - 2]
        if owner.raw[:1].isupper() and owner.low not in DESIGNATORS and owner.low != "city":
            cand.rejected = True  # "University of Kent", "Archbishop of Canterbury"
            return
    if cand.last < len(tokens):
        after = tokens[cand.last]
        if after.raw[:1].isupper() and adjacent(text, tokens[cand.last - 1], after, commas=False) \
                and not _title_case_line(text, after.start):
            cand.rejected = True  # "Kent Police", "Leeds Beckett", "Birmingham City"
            return
    if " ".join(key) in AMBIGUOUS:
        cand.pending = True


def _title_case_line(text: str, at: int) -> bool:
    """True when the line around ``at`` is a headline in Title Case, where capitals prove nothing."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = text[start:end if end != -1 else len(text)].split()
    if len(words) < 3 or len(words) > 25:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.7


def _vouch_for_lists(text: str, tokens: list[Token], cands: list[_Candidate]) -> None:
    """'Reading, Slough and Wokingham councils': a plural council word vouches for the whole list."""
    vouched = False
    for k in range(len(cands) - 1, -1, -1):
        cand = cands[k]
        if cand.plural:
            vouched = True
        elif vouched and k + 1 < len(cands):
            gap = text[tokens[cand.last - 1].end:tokens[cands[k + 1].first].start]
            if normalise(gap) in ("", "and", "or", "as well as") and len(gap) < 14:
                if not cand.rejected or cand.pending:
                    cand.pending, cand.designated = False, True
                continue
            vouched = False
        else:
            vouched = False


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


def find_councils(text: str, default: str | None = None, register: Register | None = None) -> list[Match]:
    """Councils named in ``text``, in order of first mention, one Match each.

    ``default`` (a GSS code, e.g. the council whose website a page came from) is returned when
    the text names no council. Police, fire, NHS bodies and companies are never returned: see
    :func:`find_partners`.
    """
    register = register or load_register()
    tokens = tokenize(text or "")
    partner_spans = [(p.start, p.end) for p in find_partners(text or "")]
    cands = register.candidates(text, tokens)
    _vouch_for_lists(text, tokens, cands)
    matches: dict[str, Match] = {}
    for cand in cands:
        start, end = tokens[cand.first].start, tokens[cand.last - 1].end
        if cand.rejected or cand.pending:
            continue
        if not cand.designated and any(s <= start and end <= e for s, e in partner_spans):
            continue  # "Kent and Medway NHS Trust": the place belongs to the partner's name
        for code in cand.codes:
            if code not in matches:
                council = register.councils[code]
                matches[code] = Match(code, council.name, text[start:end], start, end, council.current,
                                      council.successor_codes, cand.designated)
    if not matches and default:
        council = register.council(default)
        if council:
            return [Match(default, council.name, "", current=council.current,
                          successor_codes=council.successor_codes, origin="default")]
    return list(matches.values())


def resolve(name: str, register: Register | None = None) -> str | None:
    """The GSS code for a council name as written ("Ipswich BC", "the London Borough of Croydon"), or None."""
    register = register or load_register()
    key = normalise(name or "")
    if key.startswith("the "):
        key = key[4:]
    codes = register.aliases.get(tuple(key.split()))
    if codes:
        return register._best(list(codes), "county" in key.split())[0]
    found = [m for m in find_councils(name, register=register) if m.designated or len(m.text) >= len(name.strip()) - 4]
    return found[0].code if len({m.code for m in found}) == 1 else None
