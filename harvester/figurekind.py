"""The kind of one money figure in its sentence: the kind whose cue word is nearest, then the rules that overrule it.

Distance is counted in words, with clause breaks, other figures and the sign of a figure between cue and
figure counting extra, and a proper name or an aside counting as one word or none. Rules come before and
after the nearest cue: a figure "per household" is a unit cost, "a £28m project" an investment, "£420,000
from the renegotiation" a saving. :mod:`shopwindow.figurereading` reads a whole sentence with
:func:`kind_of` and adjusts each kind from the figures around it.
"""

from __future__ import annotations

import bisect
import math
import re

from .figureshapes import (
    BELOW_ALTERNATIVE,
    CAPITAL_NOUN,
    CHEAPER_BEFORE,
    DELIVERED_AFTER,
    DELIVERED_BEFORE,
    DETERMINER,
    DIFFERENCE_BEFORE,
    DOING_LESS,
    EACH_ONE,
    FROM_CHANGE,
    IN_COSTS_AFTER,
    LESS_AFTER,
    OVER_AFTER,
    PAID_FOR,
    PER_A,
    PER_TIME,
    PER_UNIT,
    PRICE_BEFORE,
    PUT_AT,
    RATIO_AFTER,
    RATIO_BEFORE,
    RESERVES_FELL,
    SAVING_LABEL,
    SAVINGS_SUBJECT,
    WORTH,
    WORTH_BEFORE,
    WORTH_TO_COUNCIL,
)
from .savingcues import CLAUSE_BREAK, KIND_CUES

# "that fell to £1.6m", "was cut to £8m": the level reached - unless savings are what rose or fell ("savings fell to").
_FELL_TO = re.compile(r"\b(?:fell|fallen|dropped|came down|come down|was cut|were cut|been cut|reduced|went down|"
                      r"brought down|down)\s+to\s+(?:(?:about|around|roughly|just|under|below|only|almost)\s+)?$",
                      re.IGNORECASE)
_SAVINGS_WORD = re.compile(r"\bsav(?:ing|ings)\b", re.IGNORECASE)
# "out of combined trading standards spending of £1.4m": a spending total, not a saving - unless a cut is named
# right before it ("a cut in spending of £2m", "avoided spending of £3.2m").
_SPENDING_OF = re.compile(r"\b(?:spending|spend|expenditure|budgets?)\s+of\s+"
                          r"(?:(?:about|around|roughly|some|nearly|almost|over|more than)\s+)?$", re.IGNORECASE)
_CUT_BEFORE = re.compile(r"\b(?:avoid\w*|cut\w*|reduc\w*|sav\w*|lower\w*|fall|fell|drop\w*|trim\w*)\b[^.;£%]{0,15}$",
                         re.IGNORECASE)

MAX_KIND_DISTANCE = 9.0
_FIGURE_MARK = re.compile(r"£|%|\bper ?cent\b")
_MARK_WEIGHT = 4  # words a figure mark between a cue and a figure counts as
_SIGN = re.compile(r"[£%]")
_FROM_WORDS = re.compile(r" (?:from|through|by) ")  # cheap gate for FROM_CHANGE, tried at every figure
_OF_SAVINGS = re.compile(r"\s+of\s+(?:savings|cuts|efficienc\w*|reductions)\b", re.IGNORECASE)
# "The budget includes £10.4m of savings", "£6.6m of transformation savings", "£2m in efficiencies": the money is
# counted in savings, whatever else the sentence says it sits in - but not "£5m of reductions in grant".
_COUNTED_IN_SAVINGS = re.compile(
    r"\s+(?:of|in)\s+(?:(?!grants?\b|funding\b|income\b|costs?\b|and\b|or\b|but\b|by\b|to\b)[\w'’/-]+\s+){0,4}?(?:savings|efficienc(?:y|ies)|reductions)\b"
    r"(?!\s+(?:in|to|of)\s+(?:\w+\s+)?(?:grants?|funding|income)\b)", re.IGNORECASE)
_COMPARED_BEFORE = re.compile(r"\b(?:compared (?:with|to)|against|versus|vs\.?)\s+$", re.IGNORECASE)
# Capitalised names joined by "and"/"&", with an optional council word: "Babergh and Mid Suffolk district councils".
_NAME_LIST = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*"
                        r"\s+(?:and|&)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                        r"(?:\s+(?:(?:district|borough|county|city|metropolitan|london borough)\s+)?councils?)?")
_PROPER_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|and|&|the|upon|on)\s+)*[A-Z][\w'’-]*)+")
_ASIDE = re.compile(r"\s[-–—]\s[^-–—£%.;]{1,80}?\s[-–—]\s|\s?\([^()£%]{0,80}\)")
_OPENING_BRACKET = re.compile(r"\s*\(\s*$")


def figure_marks(sentence: str) -> list[tuple[int, int]]:
    """The spans of a sentence's pound and percent signs: the ``marks`` that let far cues be skipped."""
    return [m.span() for m in _SIGN.finditer(sentence)]


def _distance(sentence: str, cue: tuple[int, int], fig: tuple[int, int]) -> float:
    """Words between a cue and a figure, with clause breaks and other figures in between counting extra."""
    (cs, ce), (fs, fe) = cue, fig
    if ce <= fs:
        gap, extra = sentence[ce:fs], 0.0
    elif cs >= fe:
        gap, extra = sentence[fe:cs], 0.5  # a cue before the figure ("saved £2m") reads slightly stronger
    else:
        return 0.0
    if "(" in gap or " - " in gap or "–" in gap or "—" in gap:
        # An aside in brackets or between dashes is skipped, and so is the bracket a figure is written in:
        # "efficiencies - staff time released - are put at £650,000", "the one-off cost of the move (£60,000)".
        gap = _OPENING_BRACKET.sub("", _ASIDE.sub(" ", gap))
    if "and" in gap or "&" in gap:
        gap = _NAME_LIST.sub("N", gap)  # "saved Babergh and Mid Suffolk councils £300,000": one recipient, no clause
    if not gap.islower():
        gap = _PROPER_NAME.sub("N", gap)  # "saved Norwich City Council £300,000": the name is one word
    return len(gap.split()) + 3 * len(CLAUSE_BREAK.findall(gap)) + _MARK_WEIGHT * len(_FIGURE_MARK.findall(gap)) + extra


_UNIT = dict(KIND_CUES)["unit_cost"]


def nearest(sentence: str, fig: tuple[int, int], cues: list[tuple[str, tuple[int, int]]],
            limit: float) -> str | None:
    """The name of the cue nearest the figure, if any is nearer than ``limit``."""
    return nearest_and_distance(sentence, fig, cues, limit)[0]


def _in_reach(fig: tuple[int, int], cues: list[tuple[str, tuple[int, int]]], marks: list[tuple[int, int]],
              limit: float) -> list[tuple[str, tuple[int, int]]]:
    """The cues (in text order) that can be nearer than ``limit`` to the figure.

    Each pound or percent sign (``marks``: their spans in the sentence) between a cue and the figure adds
    _MARK_WEIGHT to their distance, and a name folded to one word never holds one, so a cue with enough of them
    in between is out of reach. Without this a run-on "sentence" with thousands of figures compared every cue
    with every figure, each comparison reading the whole gap: cubic, minutes for a few kilobytes of hostile text.
    """
    need = math.ceil(limit / _MARK_WEIGHT)
    fs, fe = fig
    before = bisect.bisect_right(marks, fs, key=lambda m: m[1])  # marks that end before the figure starts
    lo = marks[before - need][0] if before >= need else -1  # a cue ending at or before this has `need` marks after it
    after = bisect.bisect_left(marks, fe, key=lambda m: m[0])  # marks that start after the figure ends
    hi = marks[after + need - 1][1] if after + need <= len(marks) else math.inf  # a cue starting here or later: out
    first = bisect.bisect_right(cues, lo, key=lambda c: c[1][1])
    last = bisect.bisect_left(cues, hi, key=lambda c: c[1][0])
    return cues[first:last]


def nearest_and_distance(sentence: str, fig: tuple[int, int], cues: list[tuple[str, tuple[int, int]]],
                         limit: float, marks: list[tuple[int, int]] | None = None) -> tuple[str | None, float]:
    """The nearest cue's name and its distance (None and ``limit`` when none is nearer); ``marks`` (see
    :func:`figure_marks`) lets far cues be skipped unread."""
    best, best_distance = None, limit
    for name, span in cues if marks is None else _in_reach(fig, cues, marks, limit):
        distance = _distance(sentence, span, fig)
        if distance < best_distance:
            best, best_distance = name, distance
    return best, best_distance


def kind_of(sentence: str, fig: tuple[int, int], cues: list[tuple[str, tuple[int, int]]],
            marks: list[tuple[int, int]] | None = None) -> tuple[str, float]:
    """The figure's kind, and how far its deciding cue is (0 when a rule, not a cue, decided)."""
    following = sentence[fig[1]:fig[1] + 40]
    if _UNIT.match(following.lstrip()) or PER_TIME.match(following) or PER_UNIT.match(following) \
            or PER_A.match(following):
        return "unit_cost", 0.0  # "£25 per household", "£450 a week", "£7 per report": a unit figure, never a total
    if RATIO_AFTER.match(sentence, fig[1]) or RATIO_BEFORE.search(sentence, max(0, fig[0] - 12), fig[0]):
        return "other", 0.0  # "£1 in every £3", "for every £1 spent": a ratio, not an amount
    # The noun first: matched at one place, it rules most figures out before DETERMINER is tried at thirty.
    if (noun := CAPITAL_NOUN.match(sentence, fig[1])) and DETERMINER.search(sentence, max(0, fig[0] - 30), fig[0]) \
            and not _OF_SAVINGS.match(sentence, noun.end()):  # "a £30m programme of savings" is savings
        return "investment", 0.0  # "a £28m project": what it cost, not what it saved
    kind, distance = nearest_and_distance(sentence, fig, cues, MAX_KIND_DISTANCE, marks)
    if kind is None and WORTH.search(sentence, max(0, fig[0] - 30), fig[0]):
        # "cut agency spending by a third, worth £250,000": the money value of what the clause before describes
        kind, distance = nearest_and_distance(sentence, fig, [c for c in cues if c[1][1] <= fig[0]],
                                              2 * MAX_KIND_DISTANCE, marks)
    if kind is None and WORTH.search(sentence, max(0, fig[0] - 30), fig[0]) \
            and DOING_LESS.search(sentence, max(0, fig[0] - 100), fig[0]):
        kind = "saving"  # "closing four service points, worth £600,000 a year": the value of doing less
    if kind in (None, "other") and "worth" in sentence and WORTH_BEFORE.search(sentence, max(0, fig[0] - 40), fig[0]) \
            and (WORTH_TO_COUNCIL.match(sentence, fig[1]) or CHEAPER_BEFORE.search(sentence, 0, fig[0])):
        # "was worth £1.1m to the council", "the lower fee is worth about £240,000": the value of a change to the council
        return "saving", 0.0
    if kind in (None, "other", "budget") and "put" in sentence \
            and (put := PUT_AT.search(sentence, max(0, fig[0] - 160), fig[0])):
        # "puts the reduction in its spending on placements at £2.1m": the words put at the figure say what it is
        inside = [c for c in cues if put.start("object") <= c[1][0] and c[1][1] <= put.end("object")]
        if inside:
            kind, distance = inside[0][0], MAX_KIND_DISTANCE - 1  # the head: "the reduction in spending"
    if kind is None and DELIVERED_BEFORE.search(sentence, max(0, fig[0] - 40), fig[0]):
        kind = "saving"  # "the programme has delivered £3.46m": money delivered, with no other word for it, is saved
    if kind in (None, "other", "budget", "funding_gap") and (done := DELIVERED_AFTER.match(sentence, fig[1])) \
            and (kind not in ("budget", "funding_gap") or done.group("tracked") or done.group("bare")):
        # "£5.2m are now forecast to be achieved": only savings are on track (a budget may be "delivered" on time)
        return "saving", 0.0
    if kind in (None, "other", "budget") and ("aving" in sentence or "fficienc" in sentence or "eduction" in sentence) \
            and SAVINGS_SUBJECT.search(sentence, max(0, fig[0] - 200), fig[0]):
        return "saving", 0.0  # "Savings from rationalising three structures reached £2.5m a year"
    if kind in (None, "other", "budget", "investment", "grant") and _FROM_WORDS.search(sentence, fig[1], fig[1] + 22) \
            and FROM_CHANGE.match(sentence, fig[1]):
        return "saving", 0.0  # "£420,000 from the renegotiation of the waste contract": what a change saves
    if kind in (None, "other", "budget", "investment", "funding_gap") \
            and (":" in sentence[:fig[0]] or " - " in sentence[:fig[0]] or "– " in sentence[:fig[0]]) \
            and SAVING_LABEL.search(sentence, 0, fig[0]):
        return "saving", 0.0  # "Cashable savings against previous contract prices: £1.32m", "Efficiency savings - £11.8m"
    if kind is None and cues and all(name == "saving" for name, _ in cues):
        # a sentence whose only kind words are saving words is about a saving: its bare figures are too
        kind, distance = nearest_and_distance(sentence, fig, cues, 2 * MAX_KIND_DISTANCE, marks)
    if kind != "saving" and ("ach " in sentence or "very " in sentence) and EACH_ONE.search(sentence, 0, fig[0]):
        return "unit_cost", 0.0  # "Each vehicle costs about £400,000": what one costs ("each placement saves": a saving)
    if kind == "budget" and (costs := IN_COSTS_AFTER.match(sentence, fig[1])):
        # "saved the council £400,000 in staffing costs": the costs are what the saving came off; the verb decides
        before, d = nearest_and_distance(sentence, fig, [c for c in cues if not fig[1] <= c[1][0] < costs.end()],
                                         MAX_KIND_DISTANCE, marks)
        if before:
            kind, distance = before, d
    if kind in ("budget", "investment", "funding_gap") and _COUNTED_IN_SAVINGS.match(sentence, fig[1]):
        return "saving", 0.0
    if kind == "saving" and "ifference of" in sentence and DIFFERENCE_BEFORE.search(sentence, max(0, fig[0] - 30), fig[0]) \
            and PAID_FOR.search(sentence, fig[1]):
        return "funding_gap", 0.0  # "The difference of around £300,000 will be met from the contingency"
    if kind == "saving" and ("eserves" in sentence or "alances" in sentence):
        start = max(0, fig[0] - 80)
        if RESERVES_FELL.search(sentence, start, fig[0]):
            return "other", 0.0  # "usable reserves fell by £152m": reserves drawn down, not money saved
    if kind == "saving" and _FELL_TO.search(sentence, max(0, fig[0] - 30), fig[0]) \
            and not _SAVINGS_WORD.search(sentence, max(0, fig[0] - 60), fig[0]):
        return "other", 0.0  # "claims of £2.1m; that fell to £1.6m": the level it fell to, not what was saved
    if kind == "saving" and "of" in sentence[max(0, fig[0] - 8):fig[0]] \
            and (spent := _SPENDING_OF.search(sentence, max(0, fig[0] - 60), fig[0])) \
            and not _CUT_BEFORE.search(sentence, max(0, spent.start() - 25), spent.start()):
        return "budget", 0.0  # "savings of £90,000, out of combined spending of £1.4m": the spending itself
    kind = kind or "other"
    if OVER_AFTER.match(sentence, fig[1]):
        return "funding_gap", 0.0  # "cost £95,000 more than budgeted": an overspend
    if kind != "funding_gap" and BELOW_ALTERNATIVE.match(sentence, fig[1]) \
            and not _COMPARED_BEFORE.search(sentence, max(0, fig[0] - 20), fig[0]):  # "compared with £71 under the old"
        return "saving", 0.0  # "came in £1.3m under the current contract"
    if LESS_AFTER.match(sentence, fig[1]) and (kind in ("budget", "other", "investment")
                                                or kind != "funding_gap" and PRICE_BEFORE.search(sentence, max(0, fig[0] - 40), fig[0])):
        return "saving", 0.0  # "costs 11 per cent less than the contract it replaced", "won a price 20% lower"
    return kind, distance
