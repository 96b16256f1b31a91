"""Partners named in text: NHS bodies, police, fire services, companies, the LGA and others.

Partners are stored as such (``Record.partners``), never as councils: "Surrey Police" names a
force, not Surrey County Council. Detection reads capitalised phrases ("Kent and Medway NHS
Foundation Trust", "Cheshire Fire and Rescue Service") and a short list of suppliers that work
with councils, so it is quick and predictable rather than exhaustive.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .councilnames import COUNCIL_BODY_WORDS, DESIGNATORS
from .partnerroles import only_commentator, only_publisher, only_settlement
from .regextrie import CAPITALISED

# Capitalised words joined by spaces and small words; a possessive ("Association's") ends the phrase, and so does
# a capitalised small word, which only a Title Case headline has ("Deal Signed With University And Hospital").
# A plural's possessive is part of a name: "Birmingham Children's Trust", "District Councils' Network".
_WORD = (r"(?:(?!(?:And|Or|With|For|To|Of|In|On|At|By|From|Into|As)\b)[A-Z][\w-]*"
         r"(?:(?:(?<=Children)|(?<=Women)|(?<=People)|(?<=Men))['’]s(?= [A-Z])|(?!['’]s\b)['’]\w+|(?<=s)['’](?= [A-Z]))?"
         r"|\([A-Z][\w-]*\)(?=[ \t]+(?:Ltd|Limited|LLP|plc)\b))")  # "Publica Group (Support) Ltd"
# The one comma inside a name: "Essex Police, Fire and Crime Commissioner" (the police and fire authority).
_PHRASE = re.compile(_WORD + r"(?:(?:[ \t]*\n?[ \t]+(?:(?:and|of|for|the|&|upon|on|in)[ \t]*\n?[ \t]+)*"
                     r"|(?<=Police),[ \t]+(?=Fire and Crime Commissioner\b))" + _WORD + ")*")
_OF_THE = re.compile(r"\s(?:of|for)(?:\s+the)?\s+")
# A title before "of" ("Chief Constable of Kent Police"): the body after it is the partner. Without one, "of" is
# part of the name ("Isle of Wight Fire and Rescue Service").
_ROLES = frozenset(
    "chair chairman chairwoman chief executive director head leader president secretary officer member members "
    "board commissioner constable manager spokesperson spokesman spokeswoman minister deputy vice dean professor "
    "fellow team staff governor governors partner partners".split()
)
_COMPANY_END = re.compile(r"\b(?:Ltd|Limited|plc|PLC|LLP|Inc)\b")
_KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("lga", re.compile(r"\b(?:Local Government Association|LGA)\b")),
    ("police", re.compile(r"\b(?:Police|Constabulary|PCC|Police and Crime Commissioner)\b")),
    ("fire", re.compile(r"\bFire\b")),
    ("nhs", re.compile(
        r"\b(?:NHS|CCG|ICB|ICS|Clinical Commissioning Groups?|Integrated Care (?:Board|System|Partnership)s?|"
        r"Health Board|Hospitals?|Foundation Trust|Ambulance|Primary Care|Healthcare|Health and Social Care Trust|Care Trust|"
        r"Public Health England|Health Service Executive)\b")),
    # "Bristol Waste Company", "Leeds Bradford Airport": a name ending in the word (not "Airport Road")
    ("company", re.compile(r"\b(?:Ltd|Limited|plc|PLC|LLP|Inc)\b\.?|\b(?:Company|Airport)$")),
    ("other", re.compile(
        r"\b(?:University|College|Combined Authority|Housing Association|Citizens Advice|Age UK|Jobcentre Plus|"
        # government, its departments, agencies, regulators and auditors, and the councils' own networks
        r"(?:Scottish|Welsh|UK|HM|Northern Ireland|Irish) Government|(?:Department|Ministry) (?:for|of) [A-Z]\w+|"
        r"(?:Home|Cabinet|Foreign|Scotland|Wales|Audit) Office|Audit (?:Scotland|Wales)|Councils['’]? Network|"
        r"(?:Agency|Commission)$|"
        # charities, trusts and housing groups: "Birmingham Children's Trust", "Clarion Housing Group"
        r"(?:Trust|Housing Group)$)")),
]
# Public bodies named without any of those words (kind "other").
_BODY_NAMES = (
    "Ofsted", "Ofgem", "Ofwat", "CQC", "Homes England", "Sport England", "Historic England", "Natural England",
    "Arts Council England", "Network Rail", "National Highways", "Highways England", "Transport for London", "TfL",
    "HM Treasury", "HMRC", "DWP", "DLUHC", "MHCLG", "DfE", "DfT", "DHSC", "Defra", "DEFRA", "DESNZ", "BEIS",
    "COSLA", "WLGA", "CIPFA", "ESPO", "YPO", "NEPO", "Scotland Excel", "Crown Commercial Service", "SIGOMA",
    "SEUPB", "Special EU Programmes Body", "Solace", "GLL",
)
_COMPANY_NAMES = (
    "BT", "Openreach", "Civica", "Capita", "Serco", "Amey", "Veolia", "Biffa", "Kier", "Agilisys", "Liberata",
    "Arvato", "Mitie", "Sopra Steria", "Deloitte", "PwC", "KPMG", "EY", "Ernst & Young", "Newton Europe",
    "Capgemini", "IBM", "Fujitsu", "Microsoft", "Google", "Amazon Web Services", "AWS", "Salesforce",
    "Tunstall", "Northgate", "Idox", "Jadu", "Granicus", "FCC Environment", "Suez", "Urbaser", "Ubico",
    "Vodafone", "Virgin Media", "Balfour Beatty", "Ringway", "Skanska", "Interserve", "Carillion", "G4S",
    "Sodexo", "Engie", "Babcock", "Atkins", "WSP", "Arup", "Mott MacDonald", "Grant Thornton", "Mazars",
    "Accenture", "Palantir", "Xantura", "Liquidlogic", "Servelec", "Bartec", "Yotta", "Whitespace", "Oracle",
    "SAP", "Unit4", "Cisco", "Dell", "Lenovo", "Vivid", "Newton", "iESE", "Socitm", "Vanguard", "Salix Finance",
)
_COMPANIES = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _COMPANY_NAMES) + r")\b")
_BODIES = re.compile("|".join(re.escape(name) for name in _BODY_NAMES))
_LOWER_INITIAL_COMPANIES = [c for c in _COMPANY_NAMES if c[0].islower()]
# A body of councils is not a council: "the County Councils Network", "Arts Council England".
_COUNCIL_BODIES = re.compile(r"\bCouncils['’]? (?:" + "|".join(COUNCIL_BODY_WORDS) + r")\b|\bArts Council England\b")
# Every word that can make a capitalised phrase a partner; phrases without one are not looked at further.
_KEYWORD_WORDS = frozenset(
    "local government association lga police constabulary pcc commissioner fire nhs ccg icb ics clinical "
    "commissioning integrated care health board hospital hospitals foundation trust ambulance primary healthcare "
    "public service executive ltd ltd. limited plc llp inc inc. university college combined authority housing "
    "citizens advice age uk jobcentre plus department home office environment agency government ministry audit "
    "cabinet foreign network commission company airport".split()
) | frozenset(w.lower() for name in _COMPANY_NAMES + _BODY_NAMES for w in name.replace("&", " ").split()) - {
    # words too common to scan for: each listed name has a rarer one ("Arts Council England" has "Arts")
    "council", "england", "london", "scotland", "for", "national", "service", "services", "body", "special"}
# The keywords a capitalised-word scan looks for: that scan (shared with council linking's first words) skips in
# C to the next capitalised keyword, where a word-boundary trie would be tried at every position.
_KEYWORD_FIRSTS = CAPITALISED.add(_KEYWORD_WORDS)
_LEADING_STOPWORDS = {
    "the", "a", "an", "in", "on", "at", "with", "as", "but", "and", "our", "its", "their", "this", "that",
    "these", "both", "working", "yesterday", "today", "last", "next", "partners", "partner", "including",
    "alongside", "through", "under", "from", "for", "by", "to", "meanwhile", "also", "then", "when", "while",
    "after", "before", "since", "now", "if", "his", "her", "we", "it", "they", "he", "she", "led",
}


@dataclass(frozen=True)
class Partner:
    """A non-council organisation named in text; ``kind`` is nhs | police | fire | company | lga | other."""

    name: str
    kind: str
    start: int = -1
    end: int = -1

    def as_dict(self) -> dict[str, str]:
        """The form stored on ``Record.partners``."""
        return {"name": self.name, "kind": self.kind}


_FIRST_WORD = re.compile(r"(\S+)\s+")


def _trim(phrase: str, offset: int) -> tuple[str, int]:
    """Drop sentence-starting words ("The", "With") from the front of a name."""
    while (first := _FIRST_WORD.match(phrase)) and first.group(1).lower() in _LEADING_STOPWORDS:
        offset += first.end()
        phrase = phrase[first.end():]
    return " ".join(phrase.split()), offset


_JOINER = re.compile(r"\s+(?:and|&)\s+")
_PLACE_DESIGNATORS = frozenset({"county", "district", "borough"})
_CONTINUES = ("Rescue", "Crime", "Social Care", "Care", "Wellbeing", "Community Health")


def _kind_word(phrase: str) -> tuple[str, str] | None:
    """(kind, the word that gives it) for a phrase naming a partner, else None."""
    if _COMPANIES.fullmatch(phrase.strip()):
        return "company", phrase.strip()
    if _BODIES.fullmatch(phrase.strip()):
        return "other", phrase.strip()
    for kind, pattern in _KINDS:
        if found := pattern.search(phrase):
            return kind, found.group()
    return None


def _kind(phrase: str) -> str | None:
    return (_kind_word(phrase) or (None,))[0]


def _place_list(piece: str, following: str) -> bool:
    """'NHS Kent and Medway Integrated Care Board', 'University Hospitals Coventry and Warwickshire NHS Trust':
    a body word, a place, "and", another place and a different body word of the same kind make one name.
    'Surrey Police and Kent Police' (the body word ends the first name) and 'NHS Lothian and NHS Highland' (the
    second starts with its own) are two."""
    first, second = _kind_word(piece), _kind_word(following)
    if not first or not second or piece.rstrip().endswith(first[1]):
        return False
    return second[0] == first[0] and second[1] != first[1] and _kind(following.split()[0]) is None


def _names_council(phrase: str) -> bool:
    """Whether a phrase names a council: a council word ("Council", "BC", "LBCs"), or a bare "County",
    "District" or "Borough" with no partner word ("Essex County Fire and Rescue Service" is a fire service,
    "Bradford District Care Trust" an NHS body). A leading "County" is a place: "County Durham"."""
    words = DESIGNATORS.intersection(w.lower() for w in phrase.split()[1:])  # "County Durham" is a place
    if not words or _COUNCIL_BODIES.search(phrase):
        return False
    return bool(words - _PLACE_DESIGNATORS) or _kind(phrase) is None


_NHS_AREA = re.compile(r"NHS(?: [A-Z][\w-]*)+")


def _nhs_area_pair(piece: str, following: str) -> bool:
    """'NHS Cheshire and Merseyside', 'NHS Ayrshire & Arran': an NHS board or ICB is named "NHS" and its area, and
    an area is often two places joined by "and". The second place, ending the phrase and carrying no body word of
    its own, belongs to the name ("NHS Lothian and NHS Highland", "NHS Fife and Fife Council" are two bodies)."""
    return bool(_NHS_AREA.fullmatch(piece)) and _kind(following) is None and not _names_council(following)


def _groups(phrase: str, offset: int) -> list[tuple[str, int]]:
    """Split 'Surrey Police and Cheshire Fire and Rescue Service' into one name per organisation."""
    pieces, last = [], 0
    for joiner in _JOINER.finditer(phrase):
        pieces.append((phrase[last:joiner.start()], offset + last, joiner.group()))
        last = joiner.end()
    pieces.append((phrase[last:], offset + last, ""))
    groups: list[tuple[str, int]] = []
    current, start = "", offset
    for k, (piece, at, joiner) in enumerate(pieces):
        if not current:
            start = at
        current += piece
        following = pieces[k + 1][0] if k + 1 < len(pieces) else ""
        if (not following or _names_council(piece) or (
                not following.startswith(_CONTINUES) and _kind(current) and not _place_list(piece, following)
                and not (k + 2 == len(pieces) and _nhs_area_pair(piece, following)))):
            groups.append((current, start))
            current = ""
        else:
            current += joiner
    return groups


def _core(group: str, at: int, kind: str) -> tuple[str, int]:
    """'Chairman of the Local Government Association' -> the body itself; a company name ends at 'Ltd'."""
    for joiner in list(_OF_THE.finditer(group))[::-1]:
        head, tail = group[:joiner.start()], group[joiner.end():]
        role = "the" in joiner.group() or head.split()[-1].lower() in _ROLES  # not "Isle of Wight Fire ..."
        if role and _kind(tail) == kind and _kind(head) != kind:
            return tail, at + joiner.end()
    if kind == "company" and (end := _COMPANY_END.search(group)):
        return group[:end.end()], at
    return group, at


def _phrases_near_keywords(text: str):
    """Capitalised phrases, read only around capitalised words that can make one a partner (most of a page has
    none). A partner's name always holds such a word ("Police", "NHS", "Trust", "Ltd", a supplier's name), so one
    capital-first scan finds every place worth reading."""
    windows: list[list[int]] = []
    for at, _ in CAPITALISED.find(text, _KEYWORD_FIRSTS):
        dot, newline = text.rfind(". ", 0, at), text.rfind("\n", 0, at)
        start = max(at - 200, 0, dot + 2 if dot != -1 else 0, newline + 1)
        end = min(len(text), at + 200)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    for start, end in windows:
        held = None
        for match in _PHRASE.finditer(text, start, end):
            phrase, at = match.group(), match.start()
            if held and _NHS_PLACE.search(held[0]) and _PLACE_LIST_COMMA.fullmatch(text, held[1] + len(held[0]), at) \
                    and _continues_places(phrase):
                phrase, at = text[held[1]:match.end()], held[1]  # "NHS Northern, Eastern and Western Devon CCG"
            elif held:
                yield held
            held = (phrase, at)
        if held:
            yield held


# An NHS body named by a list of places: "NHS Northern, Eastern and Western Devon Clinical Commissioning Group".
_NHS_PLACE = re.compile(r"(?:^|\s)NHS [A-Z][\w-]*$")
_PLACE_LIST_COMMA = re.compile(r",[ \t]+")


def _continues_places(phrase: str) -> bool:
    """Whether a phrase after "NHS <place>," goes on with the rest of that body's places and its body word."""
    return " and " in phrase and not phrase.startswith("NHS") and _kind(phrase) == "nhs"


# What a council's company, charity or mutual is called where the page says so: "its trading company, Norse
# Group," or "Culture Perth and Kinross, the charity that runs ...". Such names hold no partner word. The cue words
# are found with str.find (in C; they are rare) and then checked as whole words: a scan that stops at every word
# start would cost more than all the rest of partner reading.
_CUE_PARTS = ("compan", "charit", "mutual", "venture")  # as written in running text, in lower case
_CUE_WORD = re.compile(r"(?:compan(?:y|ies)|charity|mutual|venture)(?![^\W_])")


def _cues(text: str):
    """(start, end, kind) of each cue word, in order."""
    hits = []
    for part in _CUE_PARTS:
        k = text.find(part)
        while k != -1:
            hits.append(k)
            k = text.find(part, k + 1)
    for k in sorted(hits):
        if (k == 0 or not text[k - 1].isalnum()) and (cue := _CUE_WORD.match(text, k)):
            if cue.group() == "venture":
                if text.endswith("joint ", 0, k):
                    yield k, cue.end(), "venture"
                continue
            company = cue.group().startswith("compan") and not text.endswith("community interest ", 0, k)
            yield k, cue.end(), "company" if company else "other"


_AFTER_CUE = re.compile(r",[ \t]+(?:the[ \t]+)?")  # "company, Norse Group"
_NAME_ENDS = re.compile(r"[ \t]*(?:[,.;:(]|$)")
_BEFORE_CUE = re.compile(r",[ \t]+(?:the|a|an|its|their)[ \t]+(?:[\w'’-]+[ \t]+){0,4}$")  # "Norse Group, the company"
_DESCRIBES = re.compile(r"[ \t]+(?:wholly|jointly|owned|that|which|who|set|established|created|formed|run|responsible)\b")


_VENTURE_PARTIES = re.compile(r"(?:[ \t]+company)?[ \t]+(?:with|between)[ \t]+(?:the[ \t]+)?")


def _parties(phrase: str, at: int):
    """'Newport City Council and Norse Group' -> each name with its offset (councils are left out later)."""
    last = 0
    for joiner in _JOINER.finditer(phrase):
        yield phrase[last:joiner.start()], at + last
        last = joiner.end()
    yield phrase[last:], at + last


# Who holds a contract: "awarded to Viridor", "the contract with Ringway Infrastructure Services", "supplier IPsoft",
# "Successful supplier: Quit Ready Lancashire CIC". A council's contractor supplied the work, whatever its name's words.
# One supplier is named right after its word ("contractor Kier"); "pay its contractors the London Living Wage" names none.
# Tried only where str.find finds one of its words (a regex scan of the whole page cost 3 ms on 5,000 words).
_CONTRACTOR = re.compile(r"(?:(?:supplier|contractor|provider):?[ \t]+|"
                         r"(?:contract[ \t]+with|(?P<awarded>awarded[ \t]+to))[ \t]+(?:the[ \t]+)?)(?=[A-Z])")
_SMALL_WORD = re.compile(r"\s+(?:for|of|the|on|in|upon)\s+")
_CONTRACT_BEFORE = re.compile(r"\bcontract\b[^.\n]{0,80}$")


def _contractor_cues(text: str):
    """The _CONTRACTOR matches in ``text``, left to right, each starting a word."""
    starts = set()
    for word in ("supplier", "contract", "provider", "awarded"):
        at = text.find(word)
        while at != -1:
            if not at or not (text[at - 1].isalnum() or text[at - 1] == "_"):
                starts.add(at)
            at = text.find(word, at + len(word))
    last_end = 0
    for at in sorted(starts):
        if at >= last_end and (cue := _CONTRACTOR.match(text, at)):
            last_end = cue.end()
            yield cue


def _contractors(text: str):
    """(name, start) for each body the page says holds, won or supplies a contract."""
    if "ontract" not in text and "upplier" not in text and "provider" not in text:
        return
    for cue in _contractor_cues(text):
        if cue.group("awarded") and not _CONTRACT_BEFORE.search(text, max(0, cue.start() - 80), cue.start()):
            continue
        if name := _PHRASE.match(text, cue.end()):
            # the name ends before a small word: "a contract with Serco for ICT" is Serco's
            yield _SMALL_WORD.split(name.group(), 1)[0], name.start()


def _named_in_apposition(text: str):
    """(name, kind, start, whether one word is name enough) for each name a page introduces as a company, charity
    or mutual, or as a party to a joint venture."""
    for start, end, kind in _cues(text):
        if kind == "venture":  # "a joint venture between Newport City Council and Norse Group": each party
            if (parties := _VENTURE_PARTIES.match(text, end)) and (names := _PHRASE.match(text, parties.end())):
                yield from ((name, "company", at, False) for name, at in _parties(names.group(), names.start()))
        elif (comma := _AFTER_CUE.match(text, end)) and (name := _PHRASE.match(text, comma.end())):
            if _NAME_ENDS.match(text, name.end()):
                yield name.group(), kind, name.start(), True
        elif _DESCRIBES.match(text, end) and (before := _BEFORE_CUE.search(text, max(0, start - 60), start)):
            name = next((m for m in _PHRASE.finditer(text, max(0, before.start() - 100), before.start())
                         if m.end() == before.start()), None)
            if name:
                yield name.group(), kind, name.start(), False


def find_partners(text: str) -> list[Partner]:
    """Partner organisations named in ``text``, first mention of each name, in order.

    Cached for the last few texts, because council linking and the partner plugin both ask.
    Treat the returned list as read-only.
    """
    return read_partners(text)[0]


def partner_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where every mention of a partner is, repeats included: a place inside any of them is not a council."""
    return read_partners(text)[1]


@functools.lru_cache(maxsize=16)
def read_partners(text: str) -> tuple[list[Partner], tuple[tuple[int, int], ...]]:
    """(first mention of each partner, spans of every mention), cached for the last few texts."""
    found: dict[str, Partner] = {}
    spans: list[tuple[int, int]] = []
    for phrase, phrase_at in _phrases_near_keywords(text):
        if " " not in phrase and not phrase.isupper() and not _COMPANIES.fullmatch(phrase) and not _BODIES.fullmatch(phrase):
            continue
        if _KEYWORD_WORDS.isdisjoint(phrase.lower().replace("-", " ").split()):
            continue  # most capitalised phrases are people, places and headings: skip them cheaply
        for group, at in _groups(phrase, phrase_at):
            kind = _kind(group)
            if kind is None or _names_council(group):
                continue
            group, at = _core(group, at, kind)
            name, start = _trim(group, at)
            spans.append((at, at + len(group)))
            if " " not in name and not (name.isupper() or _COMPANIES.fullmatch(name) or _BODIES.fullmatch(name)):
                continue  # "The Company", "The University": a body word alone names no one body
            found.setdefault(name.lower(), Partner(name, kind, start, at + len(group)))
    # One word is name enough where the page says who it is ("its company, Norse,", "supplier IPsoft"); before the
    # cue ("formed Publica, a company") a lone capitalised word may be anything.
    named = [*_named_in_apposition(text), *((name, "company", at, True) for name, at in _contractors(text))]
    for phrase, kind, at, one_word_ok in named:
        name, start = _trim(phrase, at)
        if (" " in name or name.isupper() or (one_word_ok and name)) and name.lower() not in found \
                and not _names_council(name):
            spans.append((start, start + len(name)))
            found[name.lower()] = Partner(name, _kind(name) or kind, start, start + len(name))
    for name in _LOWER_INITIAL_COMPANIES:  # "iESE": capitalised-phrase reading cannot see these
        at = text.find(name)
        if at != -1 and _COMPANIES.fullmatch(text, at, at + len(name)) and not any(s <= at < e for s, e in spans):
            found.setdefault(name.lower(), Partner(name, "company", at, at + len(name)))
    partners = [p for p in _named_bodies(found.values())
                if not only_settlement(text, p.name) and not only_publisher(text, p.name, p.kind)
                and not only_commentator(text, p.name)]
    return sorted(partners, key=lambda p: p.start), tuple(spans)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _shortened(short: str, full: str) -> bool:
    """'NHS Kernow' for 'NHS Kernow Clinical Commissioning Group', 'Royal Cornwall Hospital' for 'Royal Cornwall
    Hospitals NHS Trust': the opening words of a longer name found on the same page are that body, mentioned briefly.
    Not when the longer name goes on with "and": 'Surrey Police and Crime Commissioner' is another body."""
    words, whole = short.split(), full.split()
    if len(whole) <= len(words) or whole[len(words)] in ("and", "&"):
        return False
    *head, last = words
    return whole[:len(head)] == head and whole[len(head)] in (last, last + "s")


def _named_bodies(partners) -> list[Partner]:
    """Leave out what names no one body: "NHS" alone or last (the whole service, "Local NHS trusts"), and an abbreviation
    of a name also found ("the LGA" after "the Local Government Association", "the ICB" after "NHS Kent and
    Medway Integrated Care Board"), which is the same partner twice."""
    partners = [p for p in partners if p.name != "NHS" and not p.name.endswith(" NHS")]
    partners = [p for p in partners if not any(_shortened(p.name, q.name) for q in partners)]
    initials = [_initials(p.name) for p in partners if " " in p.name]
    # The initials must end with the abbreviation ("NHSKMICB" ends "ICB"), not merely hold it: "BT" is not short for
    # Bradford Teaching Hospitals NHS Foundation Trust. A named supplier or body is never an abbreviation.
    return [p for p in partners if " " in p.name or not p.name.isupper() or _COMPANIES.fullmatch(p.name)
            or not any(i.endswith(p.name) for i in initials)]
