"""A figure's kind as the figures beside it and its place on the page change it.

:mod:`shopwindow.figurekind` reads a figure's kind from its own words; a sentence reader
(:mod:`shopwindow.figurereading`) then corrects it here for the figures beside it (a continuation, two levels, a
whole and its part) and for the page around the sentence (:class:`Context`: a list's lead-in, a table's columns,
the saving named just before).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .figurekind import MAX_KIND_DISTANCE, kind_of
from .figureshapes import (
    CONTINUES,
    DELIVERED_NEXT,
    DETERMINER,
    DOING_LESS,
    FROM_LEVEL,
    FURTHER_START,
    IN_COSTS_AFTER,
    ITEM_LABEL,
    LARGEST_PARTS,
    OF_A_TARGET,
    PART_BEFORE,
    PART_OF,
    PERCENT_OF_MONEY_LEFT,
    PERCENT_OF_MONEY_RIGHT,
    PLANNED_BEFORE,
    RATIO_BEFORE,
    REST_BEFORE,
    RESTATES,
    SAVING_ATTRIBUTE,
    SAVING_OF,
    STATUS_LABEL,
    TARGET_AFTER,
    TARGET_OF,
    TO_LEVEL,
    WHOLE_BEFORE,
    WHOLE_TO_PART,
)
from .money import BY_CHANGE, Figure

CLOSE = 1.5  # a cue this near the figure is its own, whatever the figure before it was
# The status a single word gives the figure it labels ("Achieved: £173m") or follows ("£46m planned").
WORD_STATUS = {word: "target" for word in ("planned", "proposed", "budgeted", "identified", "target", "targeted",
                                           "agreed", "approved", "outstanding", "undelivered", "unachieved")} | \
    {word: "achieved" for word in ("delivered", "achieved", "realised", "realized", "banked", "saved")} | \
    {word: "estimated" for word in ("forecast", "expected", "projected")}
_ONLY_TO = re.compile(r"\s+to\s+(?:about |around |roughly |just |under |less than |below |only |almost )?", re.IGNORECASE)
_SAVINGS_LEVELS = re.compile(r"\bsavings?\b[^.;£%]{0,40}$", re.IGNORECASE)
# A label naming a change, not a running cost: "energy contract renegotiation", not "Annual running cost".
_CHANGE_WORD = re.compile(r"renegotiat|retender|re-tender|review|restructur|rationalis|reduc|merg|clos|consolidat|"
                          r"shar|switch|recommission|redesign|new contract|new supplier", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*[(,–-]?\s*(?:or\s+)?")  # "saved £2m (10%)", "delivered £117m, or 85%"


class Context(NamedTuple):
    """What the text before a sentence says about its figures."""

    after_saving: bool = False  # the figure just before the sentence, in the same paragraph, is a saving
    list_kind: str | None = None  # a list item's lead-in line names this kind ("Savings proposals:")
    list_status: str | None = None  # ... and this status
    columns: tuple[tuple[str | None, str | None, str | None], ...] = ()  # (kind, status, period) from column headings
    previous_status: str | None = None  # the status of that saving
    saving_before: bool = False  # the figure just before, across a paragraph break too, is a saving


NO_CONTEXT = Context()


def _cue_between(cues: list[tuple[str, tuple[int, int]]], start: int, end: int) -> bool:
    """Whether a cue lies wholly between offsets ``start`` and ``end``."""
    return any(start <= c[0] and c[1] <= end for _, c in cues)


def _own_end(sentence: str, end: int) -> int:
    """Where a figure's own phrase ends: after "in staffing costs" in "£90,000 in staffing costs"."""
    costs = IN_COSTS_AFTER.match(sentence, end)
    return costs.end() if costs else end


def percent_of_money(sentence: str, fig: tuple[int, int]) -> bool:
    """Whether a percentage is a share of money or a saving, judged from the words right around it."""
    return bool(PERCENT_OF_MONEY_LEFT.search(sentence, max(0, fig[0] - 70), fig[0])
                or PERCENT_OF_MONEY_RIGHT.match(sentence, fig[1]))


def _described_as_saving(sentence: str, figures: tuple[Figure, ...], k: int,
                         kind_cues: list[tuple[str, tuple[int, int]]]) -> bool:
    """Whether a saving's words ("recurrent", "achieved", "one-off") describe figure ``k``: near it, between
    its neighbours, and not part of another kind's cue ("the one-off cost of")."""
    figure = figures[k]
    start = max(figures[k - 1].end if k else 0, figure.start - 80)
    end = min(figures[k + 1].start if k + 1 < len(figures) else len(sentence), figure.end + 80)
    return any(not any(cs < m.end() and m.start() < ce for _, (cs, ce) in kind_cues)
               for m in SAVING_ATTRIBUTE.finditer(sentence, start, end))


def kind_beside_neighbours(sentence: str, figures: tuple[Figure, ...], k: int, kind: str, distance: float,
                            kinds: list[str], kind_cues: list[tuple[str, tuple[int, int]]],
                            marks: list[tuple[int, int]]) -> tuple[str, int | None]:
    """Figure ``k``'s kind as the figures beside it change it: a continuation of the one before, one of two levels,
    a whole and its part, the level a change came to. Also returns the index of the figure read as a whole, if any."""
    figure, whole = figures[k], None
    if k and CONTINUES.search(sentence, max(figures[k - 1].end, figure.start - 30), figure.start) \
            and (figure.percent is None) == (figures[k - 1].percent is None) \
            and not _cue_between(kind_cues, _own_end(sentence, figures[k - 1].end), figure.start) \
            and distance > CLOSE:
        kind = kinds[-1]  # "saved £2m in 2019 and a further £3m" - but not "raised £6m, while it saved a further"
    elif k and figure.percent is not None and figures[k - 1].amount_gbp is not None \
            and _PARENTHETICAL.fullmatch(sentence, figures[k - 1].end, figure.start):
        kind = kinds[-1]  # "saved £2m (10%)": the share describes the same figure
    if k + 1 < len(figures) and FROM_LEVEL.search(sentence, max(0, figure.start - 20), figure.start) \
            and TO_LEVEL.search(sentence, figure.end, figures[k + 1].start):
        # "cut the cost of a report from £7 to under £1": two levels, the saving is unstated - unless the levels
        # are of the savings themselves ("savings fell from £3.1m to £0.6m")
        kind = "saving" if _SAVINGS_LEVELS.search(sentence, max(0, figure.start - 50), figure.start) else "other"
    elif k and kinds[-1] in ("other", "saving") and FROM_LEVEL.search(sentence, max(0, figures[k - 1].start - 20),
                                                                     figures[k - 1].start) \
            and TO_LEVEL.search(sentence, figures[k - 1].end, figure.start):
        kind = kinds[-1]
    if kind in ("other", "budget") and k + 1 < len(figures) and WHOLE_BEFORE.search(sentence, 0, figure.start) \
            and WHOLE_TO_PART.fullmatch(sentence, figure.end, figures[k + 1].start) \
            and (figures[k + 1].percent is None) == (figure.percent is None) \
            and kind_of(sentence, (figures[k + 1].start, figures[k + 1].end), kind_cues, marks)[0] == "saving":
        kind, whole = "saving", k  # "Of the £8.4m we planned, £7.9m has been delivered": the whole of a saving is one
    elif kind in ("other", "budget") and k and kinds[-1] == "saving" and figure.amount_gbp is not None \
            and WHOLE_BEFORE.search(sentence, 0, figures[k - 1].start) \
            and WHOLE_TO_PART.fullmatch(sentence, figures[k - 1].end, figure.start):
        kind, whole = "saving", k - 1  # "Of the £18.3m of savings built into the budget, £12.1m was delivered"
    if k and TO_LEVEL.search(sentence, max(0, figure.start - 20), figure.start) \
            and BY_CHANGE.search(sentence, max(0, figures[k - 1].start - 12), figures[k - 1].start) \
            and _ONLY_TO.fullmatch(sentence, figures[k - 1].end, figure.start):
        kind = "other"  # "fell by £0.8bn to £4.45bn", "cut by £2m to £8m": the level it came to, not a saving
    return kind, whole


def kind_in_context(sentence: str, figures: tuple[Figure, ...], k: int, kind: str, distance: float,
                     kinds: list[str], kind_cues: list[tuple[str, tuple[int, int]]], context: Context,
                     column_kind: str | None) -> tuple[str, str | None]:
    """Figure ``k``'s kind as its place on the page changes it: a list's lead-in, a label, a table's column, the
    saving named just before it. Also returns the status a label or a planned-against-delivered pair gives it."""
    figure, span, label_status = figures[k], (figures[k].start, figures[k].end), None
    # An item that says it is something else ("Salary: £52,805" under "Savings Delivery Lead") is not the list's kind
    said_other = context.list_kind is not None and any(name == "other" and cue[1] <= figure.start
                                                       for name, cue in kind_cues)
    if not k and context.list_kind == "saving" and figure.amount_gbp is not None and not said_other \
            and (kind == "other" or kind == "budget" and _CHANGE_WORD.search(sentence, 0, figure.start)) \
            and ITEM_LABEL.match(sentence, 0, figure.start):
        # "- energy contract renegotiation: £450,000" under "efficiencies identified, including:": the lead-in
        # says what the money is, the label only where it comes from ("contract")
        kind = "saving"
    if kind != "saving" and k + 1 < len(figures) and figure.amount_gbp is not None \
            and DELIVERED_NEXT.match(sentence, figure.end, figures[k + 1].start) \
            and PLANNED_BEFORE.search(sentence, max(0, figure.start - 20), figure.start):
        kind, label_status = "saving", "target"  # "approved £350,000; achieved £350,000": planned against delivered
    if column_kind:
        kind = column_kind  # a table's column heading says what the figure is
    after_saving = kinds[-1] == "saving" if k else context.after_saving
    if k and RATIO_BEFORE.search(sentence, max(0, figures[k - 1].start - 12), figures[k - 1].start):
        kind = "other"  # "for every £1 spent, the council saves £3": the other side of a ratio
    if kind in ("other", "budget") and SAVING_OF.search(sentence, max(0, figure.start - 90), figure.start):
        kind = "saving"  # "a saving in printing, postage and storage of £175k"
    if kind in ("other", "budget") and figure.amount_gbp is not None and (
            OF_A_TARGET.match(sentence, figure.end) or TARGET_AFTER.match(sentence, figure.end)
            and DETERMINER.search(sentence, max(0, figure.start - 30), figure.start)
            or "arget" in sentence and TARGET_OF.search(sentence, max(0, figure.start - 40), figure.start)):
        kind = "saving"  # "delivered £2.4m of the £3m target": a money target is a savings target, and a part of it
    money_like = figure.percent is None or percent_of_money(sentence, span)
    if kind not in ("saving", "unit_cost", "funding_gap", "investment") and after_saving and money_like \
            and RESTATES.search(sentence, max(0, figure.start - 60), figure.start):
        kind = "saving"  # the target or result of the saving just named
    elif kind == "other" and (kinds[-1] == "saving" if k else context.saving_before) and money_like \
            and _described_as_saving(sentence, figures, k, kind_cues):
        # "Of the amount delivered, £1.2m was recurrent": still the saving being described, and so is a figure
        # in the next paragraph called a target or delivered ("The unmet £0.9m is now a target for next year")
        kind = "saving"
    elif kind in ("other", "budget") and (kinds[-1] == "saving" if k else context.saving_before) \
            and (PART_OF.match(sentence, figure.end)
                 or "f " in sentence[max(0, figure.start - 25):figure.start]  # "of which", "Of these"
                 and PART_BEFORE.search(sentence, max(0, figure.start - 25), figure.start)
                 or kind == "other" and REST_BEFORE.search(sentence, max(0, figure.start - 30), figure.start)
                 or ("argest" in sentence or "iggest" in sentence or "ain" in sentence or "rincipal" in sentence)
                 and LARGEST_PARTS.search(sentence, 0, figure.start)):
        # "£2.6m of that", "£1m of the annual figure", "of which £1.9m", "Of these, £31m", "The largest items
        # were senior management (£4.1m)": a part of the saving just named
        kind = "saving"
    elif kind == "other" and not k and context.saving_before and figure.amount_gbp is not None \
            and (labelled := STATUS_LABEL.match(sentence, 0, figure.start)):
        # "Achieved: £173m", "Outstanding: £0.8m" under "planned savings of £259m": that saving's parts
        kind, label_status = "saving", WORD_STATUS.get(labelled.group("status").casefold())
    elif (kind == "other" or kind == "budget" and distance >= 3) and not k and context.saving_before \
            and money_like and FURTHER_START.search(sentence, 0, figure.start):
        # "A further £450,000 is assumed in the plan": more of the saving just named - though a budget word
        # follows at a distance ("A further £350,000 is expected as more contracts come up for renewal")
        kind = "saving"
    elif kind == "other" and context.list_kind and (not kind_cues or distance >= MAX_KIND_DISTANCE) \
            and (context.list_kind != "saving" or money_like) and not said_other:
        # "Savings proposals:" then "- Close two centres on Sundays - £180,000": with no kind word in reach of
        # the figure (a "contracts" at the item's start is not), the list's lead-in says what it is
        kind = context.list_kind
    elif kind == "other" and context.list_status and not kind_cues and DOING_LESS.search(sentence):
        kind = "saving"  # "What we propose:" then "- Cleaning streets less often (£300k)": doing less saves
    return kind, label_status
