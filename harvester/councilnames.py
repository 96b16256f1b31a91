"""How council names are normalised and which ways of writing a council's name are generated.

Shared by ``scripts/build_councils.py`` (which writes ``data/council_aliases.csv``) and
:mod:`shopwindow.councils` (which matches those aliases in text), so both sides agree on
tokens: lower case, ``&`` read as "and", every run of non-word characters a single space.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")

#: Words that mark a phrase as naming a council (as opposed to a place).
DESIGNATORS = frozenset(
    "council councils borough district county corporation comhairle cyngor "
    "dc bc cc mbc lbc rbc cbc mdc lb rb".split()
)
#: Words that, after a plural council word, name a body of councils rather than a council: "Dorset Councils
#: Partnership", "the County Councils Network", "Kent Councils' Procurement Group".
COUNCIL_BODY_WORDS = ("Partnership", "Alliance", "Consortium", "Network", "Group", "Association", "Forum", "Board",
                      "Committee", "Collaborative", "Compact", "Procurement", "Shared")
#: Prefixes and suffixes stripped from official names to find the bare place name.
_STRIP_PREFIX = ("london borough of ", "royal borough of ", "borough council of ", "council of the ", "borough of ")
_STRIP_SUFFIX = (
    " metropolitan borough council", " metropolitan district council", " county borough council",
    " city and district council", " london borough council", " borough council", " district council",
    " county council", " city council", " council", " corporation",
)


def normalise(text: str) -> str:
    """Lower-case ``text``, read '&' as 'and' and collapse punctuation and spacing to single spaces."""
    return " ".join(_WORD.findall(text.replace("&", " and ").lower()))


def core_name(name: str) -> str:
    """The place part of an official name: 'Royal Borough of Greenwich' -> 'greenwich'."""
    core = normalise(name)
    core = core[4:] if core.startswith("the ") else core
    for prefix in _STRIP_PREFIX:
        if core.startswith(prefix):
            core = core[len(prefix):]
    for suffix in _STRIP_SUFFIX:
        if core.endswith(suffix) and len(core) > len(suffix):
            core = core[: -len(suffix)]
            break
    return core


_SUFFIXES_BY_TYPE = {
    "county": ["county council", "cc", "council"],
    "district": ["district council", "dc", "borough council", "bc", "city council", "cc", "council"],
    "metropolitan district": ["metropolitan borough council", "mbc", "metropolitan district council", "mdc",
                              "borough council", "bc", "city council", "cc", "council"],
    "london borough": ["london borough council", "lbc", "borough council", "bc", "council", "rbc"],
    "unitary": ["borough council", "bc", "city council", "cc", "council", "county borough council", "cbc",
                "county council"],
    "city corporation": ["corporation", "council"],
    "sui generis": ["council"],
}
_PREFIXES_BY_TYPE = {
    "london borough": ["london borough of", "lb", "lb of", "royal borough of", "rb", "borough of"],
    "district": ["borough of", "borough council of", "city of"],
    "unitary": ["borough of", "city of"],
    "metropolitan district": ["borough of", "city of"],
}


def alias_variants(name: str, short_name: str, council_type: str, nation: str = "England") -> set[str]:
    """Every normalised way people write this council: official, short and designated forms."""
    cores = {normalise(short_name), core_name(name)} - {""}
    for core in list(cores):
        if "'" in short_name or "’" in short_name:  # "king s lynn" and "kings lynn"
            cores.add(core.replace(" s ", "s "))
    variants = {normalise(name)} | cores
    suffixes = _SUFFIXES_BY_TYPE.get(council_type, ["council"]) if nation in ("England", "Wales") else ["council"]
    if council_type == "unitary" and "county council" not in normalise(name):
        # Only unitaries officially called "... County Council" (Durham, Rutland) answer to it;
        # "Dorset County Council" is the abolished county, not Dorset Council.
        suffixes = [s for s in suffixes if s not in ("county council",)]
    for core in cores:
        variants.update(f"{core} {suffix}" for suffix in suffixes)
        variants.update(f"{prefix} {core}" for prefix in _PREFIXES_BY_TYPE.get(council_type, []))
    return variants
