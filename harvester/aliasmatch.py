"""Finding council aliases in text in one regular-expression pass, and judging each occurrence.

Every alias ("kirklees", "london borough of croydon", "bath and north east somerset") goes into
one trie-shaped regular expression, so the scan runs inside the regex engine at a cost that
grows with the text, not with the 4,000-odd aliases. Python code then looks only at the few
places that matched: the council word after a name ("... MBC"), the word before it ("East
Kent"), the word after it ("Kent Police") and lists ("Leeds, Bradford and Kirklees councils").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .councilnames import COUNCIL_BODY_WORDS, DESIGNATORS, normalise
from .regextrie import CAPITALISED

# Between the words of a name: spaces, hyphens, apostrophes, commas and a single line break.
_GAP = r"(?:[ \t\-'’,]|\r?\n(?![ \t]*\r?\n))*"
_WORD = re.compile(r"[^\W_]+|&")
_SUFFIXES = sorted((
    "metropolitan borough councils", "metropolitan borough council", "metropolitan district council",
    "county borough council", "london borough council", "borough councils", "district councils",
    "county councils", "city councils", "borough council", "district council", "county council",
    "city council", "councils", "council", "lbcs", "mbcs", "bcs", "dcs", "ccs", "rbcs",
    "mbc", "lbc", "rbc", "cbc", "mdc", "bc", "dc", "cc",
), key=len, reverse=True)
_SUFFIX = re.compile(r"[ \t\-]*(?:\r?\n[ \t]*)?(" + "|".join(s.replace(" ", r"[ \t\r\n]+") for s in _SUFFIXES)
                     + r")(?![^\W_])", re.IGNORECASE)
_PLURAL = {"councils", "lbcs", "mbcs", "bcs", "dcs", "ccs", "rbcs"}
# Designators that say "the council" outright, unlike place words that other bodies' names share ("Durham County Fire").
_COUNCIL_WORDS = DESIGNATORS - {"county", "borough", "district"}
# A place then its council in lower case: "Lincoln's city council", "In Kent, the county council": the place's council.
# Not "Reading's council tax" (a tax, not the council), nor "talks in Reading, the council confirmed" (a new clause):
# the comma form needs the place to open its sentence with "In" (checked with _OPENS_WITH_IN).
_ITS_COUNCIL = re.compile(r"(?P<possessive>['’]s[ \t]+|,[ \t]+the[ \t]+)((?:city|county|borough|district)[ \t]+)?"
                          r"council\b(?!s|[ \t]+(?:tax|hous|home|estate|meeting|chamber|offices?\b))")
_OPENS_WITH_IN = re.compile(r"(?:^|[.!?:;–—-][ \t]+|\n[ \t]*)In[ \t]+$")
_PLACE_PREFIXES = {"north", "south", "east", "west", "mid", "greater", "central", "new", "upper", "lower",
                   "inner", "outer", "royal", "great", "little", "old"}
_PREVIOUS = re.compile(r"([^\W_]+)([ \t\-'’]*)$")
_PREVIOUS_TWO = re.compile(r"([^\W_]+)[ \t]+([^\W_]+)[ \t]*$")
_NEXT = re.compile(r"([ \t\-'’]*)([^\W_]+)")
_HYPHEN_AT_LINE_END = re.compile(r"-(?:\n|\r\n| \n)")  # "-\n", "-\r\n" or "- \n"
_HYPHEN_BREAK = re.compile(r"-[ \t]*\r?\n[ \t]*(?=[a-z])")  # the letter before is checked in code
# "Dorset Councils Partnership", "Kent Councils' Procurement Group": a plural council word then a capitalised
# body names an organisation of councils. The place alone ("Dorset", "East Lincolnshire") is not one of them.
_BODY_AFTER_PLURAL = re.compile(r"['’]?[ \t]+(?:" + "|".join(COUNCIL_BODY_WORDS) + r")\b")


@dataclass
class Candidate:
    """One alias occurrence: where it is, what it may name, and how it was written."""

    key: tuple[str, ...]
    start: int
    end: int  # after any council word read after the name
    designated: bool
    plural: bool
    county_word: bool
    pending: bool = False  # a bare everyday-word name waiting for a list to vouch for it
    rejected: bool = False
    body_name: bool = False  # "<place> Councils Partnership": the start of a body's name
    council_word: bool = False  # written with "Council", "BC"...; not only a place word ("Durham County")
    area: bool = False  # "the Dorset councils": one place with a plural council word, the councils of an area


def trie_patterns(aliases) -> LazyPatterns:
    """For each first word, one regex matching every alias that starts with it, longest first."""
    trie: dict = {}
    for key in aliases:
        node = trie
        for word in key:
            node = node.setdefault(word, {})
        node[""] = {}

    def token(word: str) -> str:
        if word == "and":
            return r"(?:and(?![^\W_])|&)"
        return re.escape(word) + (r"\.?" if word == "st" else "") + r"(?![^\W_])"

    def build(node: dict) -> str:
        branches = []
        for word, child in sorted(node.items()):
            if not word:
                continue
            rest = {k: v for k, v in child.items() if k}
            if not rest:
                branches.append(token(word))
            elif "" in child:  # a name may end here or go on ("kent" / "kent county council")
                branches.append(token(word) + f"(?:{_GAP}{build(rest)})?")
            else:
                branches.append(token(word) + _GAP + build(rest))
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    # One small regex per first word: a match is tried only where a capitalised word could begin a
    # name, and only against the names that begin with that word.
    return LazyPatterns({word: build({word: child}) for word, child in trie.items()})


class LazyPatterns(dict):
    """First word -> regex source, compiled on first use: most of the 1,500 are never needed in a run."""

    def get(self, word: str, default=None):  # type: ignore[override]
        source = super().get(word)
        if source is None:
            return default
        if isinstance(source, str):
            source = re.compile(source, re.IGNORECASE)
            self[word] = source
        return source

    @property
    def first_words(self) -> frozenset[str]:
        """The first words of names, for :data:`shopwindow.regextrie.CAPITALISED` to find (added on first use).

        One scan finds the capitalised words that can begin a name (and partner keywords with them), so the
        regex engine skips in C to the next possible word and only those come back to Python.
        """
        words = self.__dict__.get("_first_words")
        if words is None:
            words = self.__dict__["_first_words"] = CAPITALISED.add(self)
        return words


def capitalised_first_words(text: str, patterns: LazyPatterns) -> list[tuple[int, str]]:
    """(offset, lower case) of the capitalised words of ``text`` that begin some alias (``patterns``' keys)."""
    return CAPITALISED.find(text, patterns.first_words)


def dehyphenate(text: str) -> tuple[str, list[int], list[int]]:
    """Rejoin words hyphenated across lines; return the text and the offsets needed to map back."""
    if not _HYPHEN_AT_LINE_END.search(text):  # one pass (skipping in C from hyphen to hyphen), not three
        return text, [], []
    starts, shifts, pieces, last, removed = [], [], [], 0, 0
    for match in _HYPHEN_BREAK.finditer(text):
        if not match.start() or not text[match.start() - 1].isalpha():
            continue
        pieces.append(text[last:match.start()])
        removed += match.end() - match.start()
        starts.append(match.start() - removed + (match.end() - match.start()))
        shifts.append(removed)
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces), starts, shifts


def original_offset(pos: int, starts: list[int], shifts: list[int]) -> int:
    """Map an offset in dehyphenated text back to the original text."""
    k = bisect.bisect_right(starts, pos)
    return pos + (shifts[k - 1] if k else 0)


# A name as written -> its key words: the same few names recur all over a page and its parts.
_KEYS: dict[str, tuple[str, ...]] = {}


def candidates(text: str, patterns: LazyPatterns, aliases: dict, ambiguous: set[str]) -> list[Candidate]:
    """Every alias occurrence in ``text`` (already dehyphenated) with designator and context flags."""
    found: list[Candidate] = []
    last_end = 0
    # Names start with a capital ("the bury bins", "a reading room" are not councils). One scan finds the
    # capitalised words that can begin a name; each is then tried against the names beginning with it.
    compiled: dict[str, re.Pattern[str]] = {}  # first word -> its regex: "The" comes a hundred times a page
    for at, word in capitalised_first_words(text, patterns):
        if at < last_end:
            continue
        pattern = compiled.get(word)
        if pattern is None:
            pattern = compiled[word] = patterns.get(word)
        match = pattern.match(text, at)
        if match is None:
            continue
        start, end = match.span()
        last_end = end
        written = match.group()
        key = _KEYS.get(written)
        if key is None:
            if len(_KEYS) > 4096:
                _KEYS.clear()
            key = _KEYS[written] = tuple("and" if w == "&" else w.lower() for w in _WORD.findall(written))
        if key not in aliases or ("," in written and len(key) < 3):
            continue  # commas only inside long official names ("Newry, Mourne and Down")
        suffix_match = _SUFFIX.match(text, end)
        suffix = tuple(suffix_match.group(1).lower().split()) if suffix_match else ()
        its_council = None if suffix_match or text[end:end + 1] not in ("'", "’", ",") else _ITS_COUNCIL.match(text, end)
        if its_council and its_council.group("possessive")[0] == "," and not _OPENS_WITH_IN.search(text, max(0, start - 40), start):
            its_council = None
        cand = Candidate(key, start, suffix_match.end() if suffix_match else end,
                         designated=bool(DESIGNATORS.intersection(key)) or bool(suffix) or its_council is not None,
                         plural=bool(suffix and suffix[-1] in _PLURAL) or key[-1] in _PLURAL,
                         county_word="county" in key or "county" in suffix
                         or bool(its_council and "county" in (its_council.group(2) or "")))
        cand.council_word = bool(suffix) or its_council is not None or bool(_COUNCIL_WORDS.intersection(key))
        if cand.plural and suffix and _BODY_AFTER_PLURAL.match(text, cand.end):
            cand.body_name = True
        if not cand.designated:
            _judge_bare(text, cand, match.end(), ambiguous)
        elif (lower := _LOWER_COUNCIL_WORD.search(text, start, cand.end)) and _describes_a_thing(text, start, lower.start()):
            cand.rejected = True  # "merge into a single East Suffolk council": one proposed, not yet named
        found.append(cand)
    _vouch_for_lists(text, found)
    _vouch_by_neighbours(text, found)
    _reject_lone_body_names(text, found)
    for k, cand in enumerate(found):  # "the Dorset councils", "Dorset's nine councils": no list, so an area's councils
        cand.area = cand.plural and len(aliases[cand.key]) == 1 and not (k and _listed_together(text, found[k - 1], cand))
    return found


def _vouch_by_neighbours(text: str, cands: list[Candidate]) -> None:
    """'Lichfield and Tamworth': an everyday-word name listed right beside a council name is a council too."""
    for k, cand in enumerate(cands):
        if not cand.pending:
            continue
        neighbours = [(cands[k - 1], cand)] if k else []
        neighbours += [(cand, cands[k + 1])] if k + 1 < len(cands) else []
        if any(not (other := a if b is cand else b).pending and not other.rejected
               and (_listed_together(text, a, b) or _same_column(text, a, b)) for a, b in neighbours):
            cand.pending = False


# A table cell: a name opening its line and followed by a column separator ("Fife | £29m").
_CELL_END = re.compile(r"(?:[ \t]+[A-Z][^\W_]*){0,2}[ \t]*(?:\||\t)")  # "Glasgow City |": its name's own last words


def _same_column(text: str, first: Candidate, second: Candidate) -> bool:
    """'Glasgow City | £41m' then 'Fife | £29m': names opening consecutive table rows are one column, a list."""
    def opens_row(cand: Candidate) -> bool:
        line_start = text.rfind("\n", 0, cand.start) + 1
        return not text[line_start:cand.start].strip() and bool(_CELL_END.match(text, cand.end))
    gap = text[first.end:second.start]
    return gap.count("\n") == 1 and opens_row(first) and opens_row(second)


def _reject_lone_body_names(text: str, cands: list[Candidate]) -> None:
    """'Dorset Councils Partnership' names a body, not Dorset Council; but 'Boston, East Lindsey and South Holland
    Councils Partnership' spells out its member councils, and each of them is named."""
    for k, cand in enumerate(cands):
        if cand.body_name and not (k and _listed_together(text, cands[k - 1], cand)):
            cand.rejected = True


def _listed_together(text: str, first: Candidate, second: Candidate, after: int | None = None) -> bool:
    """Two names next to each other in a list: nothing between them but a comma, "and", "or" or "as well as".
    ``after``: where the first name ends, when words read after it belong to it."""
    gap = text[first.end if after is None else after:second.start]
    return normalise(gap) in ("", "and", "or", "as well as") and len(gap) < 14


def _judge_bare(text: str, cand: Candidate, name_end: int, ambiguous: set[str]) -> None:
    """Decide whether a place name written without a council word names the council."""
    before = _PREVIOUS.search(text, max(0, cand.start - 40), cand.start)
    if before:
        word, gap = before.group(1), before.group(2)
        if word.lower() in _PLACE_PREFIXES and word[0].isupper() and gap and "\n" not in gap:
            cand.rejected = True  # "East Kent", "Greater Manchester"
            return
        two = _PREVIOUS_TWO.search(text, max(0, cand.start - 40), cand.start)
        if two and two.group(2) == "of" and (two.group(1).lower() in _AREA_WORDS or two.group(1)[0].isupper()
                                            and two.group(1).lower() not in DESIGNATORS and two.group(1).lower() != "city"):
            cand.rejected = True  # "University of Kent", "Archbishop of Canterbury", "the conurbation of Poole"
            return
    if ("niversit" in text or "ollege" in text) and _INSTITUTIONS_OF.search(text, max(0, cand.start - 80), cand.start):
        cand.rejected = True  # "the universities of Cambridge and Salford": places in institutions' names
        return
    if _describes_a_thing(text, cand.start, name_end):
        cand.rejected = True  # "a small Surrey district", "their Winchester headquarters"
        return
    after = _NEXT.match(text, name_end)
    if after and after.group(2)[0].isupper() and "," not in after.group(1) and "\n" not in after.group(1) \
            and not _title_case_line(text, after.start(2)):
        cand.rejected = True  # "Kent Police", "Leeds Beckett", "Birmingham City"
        return
    if " ".join(cand.key) in ambiguous and not _ROLE_AFTER.match(text, name_end) \
            and not _ROLE_BEFORE.search(text, max(0, cand.start - 40), cand.start):
        cand.pending = True  # an everyday word, unless a council's office holder is its ("Richmondshire's leader")


# A council's office holders and business, named as a place's: "Richmondshire's leader", "the leader of Reading".
_ROLE_AFTER = re.compile(r"['’]s[ \t]+(?:council[ \t]+)?(?:leader|deputy[ \t]+leader|chief[ \t]+executive|cabinet|"
                         r"councillors|finance[ \t]+(?:director|chief|officer)|(?:section|s)[ \t]?151[ \t]+officer|"
                         r"monitoring[ \t]+officer|scrutiny)\b")  # (not "Reading's council tax": the place's tax)
_ROLE_BEFORE = re.compile(r"\b(?:leader|deputy leader|chief executive|councillors|cabinet) of[ \t]+$")
# Places in the names of institutions listed together: "the universities of Cambridge and Salford".
_INSTITUTIONS_OF = re.compile(r"\b(?:universities|colleges)[ \t]+of[ \t]+(?:[A-Z][\w'’-]*(?:,[ \t]*|[ \t]+))*"
                              r"(?:and[ \t]+)?$", re.IGNORECASE)


# An area named by its place, not its council: "the conurbation of Bournemouth, Christchurch and Poole".
_AREA_WORDS = {"conurbation", "town", "towns", "area", "village", "villages", "region"}
# A place used as a describing word: after "a", "an" (and perhaps one adjective), a possessive pronoun or another
# noun's "'s", and before a lower-case noun or a lower-case council word ("a small Surrey district", "their Winchester
# headquarters", "the fire service's Eastleigh site", "a single East Suffolk council" that does not yet exist).
_DESCRIBING_BEFORE = re.compile(r"(?:(?<![^\W_])(?:[Aa]n?[ \t]+(?:[a-z]+[ \t]+)?|(?:their|its|his|her|our)[ \t]+)"
                                r"|[^\W_]['’]s[ \t]+)$")
_LOWER_COUNCIL_WORD = re.compile(r"[ \t]+(?:(?:city|county|borough|district)[ \t]+)?councils?$")
_LOWER_NOUN_AFTER = re.compile(r"(?:[ \t]+|-)[a-z]")


def _describes_a_thing(text: str, start: int, name_end: int) -> bool:
    """Whether the place between ``start`` and ``name_end`` describes the noun after it rather than naming a council."""
    return bool(_LOWER_NOUN_AFTER.match(text, name_end)) and bool(_DESCRIBING_BEFORE.search(text, max(0, start - 30), start))


def _title_case_line(text: str, at: int) -> bool:
    """True when the line around ``at`` is a headline in Title Case, where capitals prove nothing."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = text[start:end if end != -1 else len(text)].split()
    if len(words) < 3 or len(words) > 25:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised / len(words) >= 0.7


# A list member's own tier word before the shared plural: "Derby City and Derbyshire County Councils".
_MEMBER_TIER = re.compile(r"[ \t]+(?:City|County|Borough|District|Metropolitan Borough)(?![^\W_])")


def _vouch_for_lists(text: str, cands: list[Candidate]) -> None:
    """'Reading, Slough and Wokingham councils': a plural council word vouches for the whole list, members
    written with their own tier word too ('Derby City and Derbyshire County Councils')."""
    vouched = False
    for k in range(len(cands) - 1, -1, -1):
        cand = cands[k]
        if cand.plural:
            vouched = True
        elif vouched and k + 1 < len(cands):
            if _listed_together(text, cand, cands[k + 1]):
                if not cand.rejected or cand.pending:
                    cand.pending, cand.rejected, cand.designated = False, False, True
                continue
            tier = _MEMBER_TIER.match(text, cand.end)
            if tier and _listed_together(text, cand, cands[k + 1], after=tier.end()):
                # its tier word, not another body's name, is what made a bare "Derby City" look rejected
                cand.pending, cand.rejected, cand.designated, cand.end = False, False, True, tier.end()
                cand.county_word = cand.county_word or "County" in tier.group()
                continue
            vouched = False
        else:
            vouched = False
