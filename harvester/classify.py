"""Service area and delivery model of an initiative, by weighted keyword and phrase scoring.

Use it from Python::

    from shopwindow.classify import classify
    classify("Two councils merge their waste and recycling teams", title="Shared waste service")
    # Classification(service_area='waste_environment', delivery_model='shared_service', ...)

The taxonomy (slugs, labels and the phrases that evidence each) is in :data:`SERVICE_AREAS` and
:data:`DELIVERY_MODELS` and is documented in ``docs/taxonomy.md``. A phrase in the title counts
three times, in the summary twice, in the body once; longer phrases count more than single
words. The best-scoring slug wins if it reaches :data:`MIN_SCORE`, otherwise the answer is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .regextrie import lower_case, word_start_regex
from .taxonomy import DELIVERY_MODELS, OTHER_MEANINGS, SERVICE_AREAS, WHOLE_COUNCIL

MIN_SCORE = 1.5
SHORT_TEXT = 600  # characters: a body this short counts half as much again
MAX_TEXT = 20000  # characters of a body that are read

@dataclass
class Classification:
    """The best service area and delivery model (or None), with every non-zero score."""

    service_area: str | None
    delivery_model: str | None
    area_scores: dict[str, float] = field(default_factory=dict)
    model_scores: dict[str, float] = field(default_factory=dict)


# A hyphen separates words as a space does, so the words of "home-to-school transport" (which the scan finds
# for "home to school transport", see regextrie.SPACE) make the same key.
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Acronyms that are also words ("send", "ai", "it", "led" in prose) count only when written in capitals ("GPs" too).
_ACRONYMS = {"ai", "send", "hr", "ict", "cic", "icb", "ccg", "nhs", "rpa", "pfi", "latc", "almo", "cctv", "it", "led",
             "gp", "gps"}


def _index(taxonomy: dict[str, tuple[str, list[str]]]) -> dict[tuple[str, ...], list[tuple[str, float]]]:
    """Phrase (as a word tuple) -> [(slug, weight)]."""
    index: dict[tuple[str, ...], list[tuple[str, float]]] = {}
    for slug, (_label, phrases) in taxonomy.items():
        # "fly-tipping" and "fly tipping" are one key, scored once
        for words in {tuple(_WORDS.findall(phrase.replace("’", "'"))) for phrase in phrases}:
            index.setdefault(words, []).append((slug, 1.0 + 0.5 * (len(words) - 1)))
    for phrase in OTHER_MEANINGS:  # found whole, they score nothing here rather than their first words
        index.setdefault(tuple(_WORDS.findall(phrase)), [])
    return index


# One scan finds the phrases of both taxonomies (over lower-cased text: much faster than IGNORECASE).
# A phrase written with spaces also matches hyphens ("home to school transport"); one written with a hyphen
# needs it ("council-run" is not "the council run").
_SCAN = word_start_regex({phrase.lower() for _, phrases in (SERVICE_AREAS | DELIVERY_MODELS).values()
                          for phrase in phrases} | set(OTHER_MEANINGS))
_INDEXES = (("areas", _index(SERVICE_AREAS)), ("models", _index(DELIVERY_MODELS)))


# Phrase as written -> what it scores: the same few hundred phrases recur on every page.
_HITS: dict[str, tuple[tuple[str, str, float], ...]] = {}


def _phrase_hits(found: str) -> tuple[tuple[str, str, float], ...]:
    """(taxonomy, slug, weight) for each slug one found phrase scores.

    The scan takes the longest phrase of either taxonomy; the other taxonomy reads the same words for its own
    longest phrases ("merger of" is whole-council, its "merger" still a shared service; "sharing back office"
    is a shared service, its "back office" still the back office)."""
    if len(_HITS) > 4096:
        _HITS.clear()
    written = _WORDS.findall(found)
    key = tuple(word.lower().replace("’", "'") for word in written)
    hits = []
    for name, index in _INDEXES:
        start = 0
        while start < len(key):
            end = len(key)  # the longest phrase of this taxonomy starting here (a plain loop: no generator to set up)
            while end > start and key[start:end] not in index:
                end -= 1
            if end == start:
                start += 1
                continue
            if end - start > 1 or key[start] not in _ACRONYMS or written[start].removesuffix("s").isupper():
                # "send" the verb, "ai" in prose: only the capitalised acronym counts
                hits.extend((name, slug, phrase_weight) for slug, phrase_weight in index[key[start:end]])
            start = end
    return tuple(hits)


# "saved £141m without closing a single library or leisure centre": the services kept open are not the subject.
_SPARING = re.compile(r"without (?:closing|cutting|losing|shutting|reducing|having to close|having to cut)\b")
_CLAUSE_END = re.compile(r"[.;:]")


def _sparing_ends(lower: str) -> list[int]:
    """Where each "without closing ..." in ``lower`` ends. str.find jumps between the few "without"s in C; a regex
    opening with \\b would be tried at every character of the page."""
    ends, at = [], lower.find("without ")
    while at != -1:
        if (at == 0 or not (lower[at - 1].isalnum() or lower[at - 1] == "_")) and (m := _SPARING.match(lower, at)):
            ends.append(m.end())
        at = lower.find("without ", at + 8)
    return ends


def _spared(lower: str, ends: list[int], at: int) -> bool:
    """Whether a phrase at ``at`` is what a "without closing ..." just before it (ending at one of ``ends``) kept."""
    return any(end <= at <= end + 50 and not _CLAUSE_END.search(lower, end, at) for end in ends)


def _scores(parts: list[tuple[str, float, str | None]]) -> tuple[dict[str, float], dict[str, float]]:
    """Sum phrase weights per slug for both taxonomies; one regex pass per part (text, weight and its lower case
    if already made), longest phrase first."""
    areas: dict[str, float] = {}
    models: dict[str, float] = {}
    which = {"areas": areas, "models": models}
    for text, weight, lower in parts:
        lower = lower_case(text) if lower is None else lower
        if len(lower) != len(text):  # a few characters ("İ") lengthen when lower-cased: keep offsets true
            lower = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
        sparing = _sparing_ends(lower)
        for match in _SCAN.finditer(" " + lower):
            if sparing and _spared(lower, sparing, match.start(1) - 1):
                continue
            found = text[match.start(1) - 1:match.end(1) - 1]
            hits = _HITS.get(found)
            if hits is None:
                hits = _HITS[found] = _phrase_hits(found)
            for name, slug, phrase_weight in hits:
                scores = which[name]
                scores[slug] = scores.get(slug, 0.0) + phrase_weight * weight
    return ({slug: round(v, 2) for slug, v in areas.items()}, {slug: round(v, 2) for slug, v in models.items()})


def _best(scores: dict[str, float]) -> str | None:
    if not scores:
        return None
    slug, score = max(scores.items(), key=lambda item: item[1])
    return slug if score >= MIN_SCORE else None


def _best_model(scores: dict[str, float]) -> str | None:
    """The best delivery model. A page about bringing a service in-house names the contractor it replaces,
    so insourcing wins over outsourcing unless outsourcing scores more than twice as high."""
    insourcing, outsourcing = scores.get("insourcing", 0.0), scores.get("outsourcing_partnership", 0.0)
    if insourcing >= MIN_SCORE and outsourcing and insourcing * 2 >= outsourcing \
            and insourcing >= max(v for k, v in scores.items() if k != "outsourcing_partnership"):
        return "insourcing"
    return _best(scores)


def _best_area(scores: dict[str, float]) -> str | None:
    """The best service area. A whole-council programme also wins when the text touches several services and
    none of them scores more than twice as high (those are examples, not the subject)."""
    services = [score for slug, score in scores.items() if slug != WHOLE_COUNCIL]
    whole = scores.get(WHOLE_COUNCIL, 0.0)
    if whole >= MIN_SCORE and len(services) >= 2 and whole * 2 >= max(services):
        return WHOLE_COUNCIL  # "savings ... not one library, leisure centre or children's centre closed"
    return _best(scores)


def classify(text: str, title: str = "", summary: str = "") -> Classification:
    """Score ``title`` (x3), ``summary`` (x2) and ``text`` (x1, or x1.5 when short) against both taxonomies."""
    text = text or ""
    body = text[:MAX_TEXT]
    # The whole text's lower case is a slice of the page's, which money reading made (see lower_case); its start
    # is the body's when each character lower-cases to one and no capital sigma (lower-cased by its neighbours) is cut.
    lowered = lower_case(text) if len(text) > MAX_TEXT else None
    body_lower = lowered[:MAX_TEXT] if lowered is not None and len(lowered) == len(text) and "Σ" not in text else None
    # In a short text (a paragraph, a map entry) one phrase is the subject; in a long page it may be in passing.
    parts = [(title or "", 3.0, None), (summary or "", 2.0, None),
             (body, 1.5 if len(body) <= SHORT_TEXT else 1.0, body_lower)]
    areas, models = _scores(parts)
    return Classification(_best_area(areas), _best_model(models), areas, models)


def labels() -> dict[str, str]:
    """Every slug in both taxonomies with its human label."""
    return {slug: label for slug, (label, _) in (SERVICE_AREAS | DELIVERY_MODELS).items()}


def to_slug(value: str | None, taxonomy: dict[str, tuple[str, list[str]]]) -> str | None:
    """The taxonomy slug for a value a reader supplied: a slug, a label or a phrase ("Shared service",
    "shared services", "shared_service" -> "shared_service"); None when it names nothing in the taxonomy."""
    if not value:
        return None
    key = re.sub(r"[^a-z0-9']+", " ", value.lower()).strip()
    for slug, (label, phrases) in taxonomy.items():
        if key in (slug.replace("_", " "), re.sub(r"[^a-z0-9']+", " ", label.lower()).strip()) or key in phrases:
            return slug
    return None
