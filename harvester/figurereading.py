"""Reading one sentence: what each money figure in it is, and for a saving its status, period and year.

Each figure is given the kind whose cue word sits nearest to it in its sentence (see
:mod:`shopwindow.figurekind`, and :mod:`shopwindow.savingcues` for the words), adjusted here for the figures
and lines around it: a saving (or cost avoided, efficiency), a budget, a grant or
grant cut, an investment, income, a funding gap or deficit, or a unit cost. Savings then get
a status (achieved, target, estimated), a period (annual, cumulative, one-off) and a fiscal
year. Everything here depends on the sentence alone, so a sentence's reading is remembered.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cueset import CueSet
from .figurekind import MAX_KIND_DISTANCE, figure_marks, kind_of, nearest
from .figureshapes import (
    ACCORDING_TO,
    CONTINUES,
    DELIVERED_AFTER,
    DELIVERED_NEXT,
    DETERMINER,
    DOING_LESS,
    ESTIMATE_FRAME,
    FORECAST_SAYS,
    FROM_LEVEL,
    FURTHER_START,
    IN_COSTS_AFTER,
    ITEM_LABEL,
    LARGEST_PARTS,
    NOT_A_SAVING,
    OF_A_TARGET,
    OF_THE_TARGET,
    PART_BEFORE,
    PART_OF,
    PERCENT_OF_MONEY_LEFT,
    PERCENT_OF_MONEY_RIGHT,
    PLANNED_BEFORE,
    PUT_AT,
    RAG_AFTER,
    RATIO_BEFORE,
    RESTATES,
    SAVING_ATTRIBUTE,
    SAVING_DENIED,
    SAVING_OF,
    STATUS_AFTER,
    STATUS_LABEL,
    TARGET_AFTER,
    TARGET_OF,
    TO_LEVEL,
    WHOLE_BEFORE,
    WHOLE_TO_PART,
)
from .money import Figure, fiscal_year
from .savingcues import CLAUSE_BREAK, KIND_CUES, MIXED_INCOME, PERIOD_CUES, STATUS_CUES
from .sentences import RAG_NAMES
from .statusreading import status_of, verb_groups

CLOSE = 1.5  # a cue this near the figure is its own, whatever the figure before it was
_IS_WORTH = re.compile(r"\b(?:is|are|'s|to be|would be|could be)\s+(?:(?:now|also|still)\s+)?worth\s+(?:(?:about|around|roughly|some|nearly|almost|over|"
                       r"more than|an estimated|approximately)\s+)*$", re.IGNORECASE)
# The status a single word gives the figure it labels ("Achieved: £173m") or follows ("£46m planned").
_WORD_STATUS = {word: "target" for word in ("planned", "proposed", "budgeted", "identified", "target", "targeted",
                                            "agreed", "approved", "outstanding", "undelivered", "unachieved")} | \
    {word: "achieved" for word in ("delivered", "achieved", "realised", "realized", "banked", "saved")} | \
    {word: "estimated" for word in ("forecast", "expected", "projected")}
_FRAMER = re.compile(r"that|reckoning|own estimate|own calculation|suggest")  # cheap gate for ESTIMATE_FRAME
_BY_BEFORE = re.compile(r"\bby\s+(?:about |around |roughly |some |over |more than |almost |nearly )?$", re.IGNORECASE)
_ONLY_TO = re.compile(r"\s+to\s+(?:about |around |roughly |just |under |less than |below |only |almost )?", re.IGNORECASE)
_REAL_TERMS = re.compile(r"\breal[- ]terms\b", re.IGNORECASE)
_FORECASTER = re.compile(r"case|model|forecast|projection|appraisal")  # cheap gate for FORECAST_SAYS
_SAVINGS_LEVELS = re.compile(r"\bsavings?\b[^.;£%]{0,40}$", re.IGNORECASE)
# A label naming a change, not a running cost: "energy contract renegotiation", not "Annual running cost".
_CHANGE_WORD = re.compile(r"renegotiat|retender|re-tender|review|restructur|rationalis|reduc|merg|clos|consolidat|"
                          r"shar|switch|recommission|redesign|new contract|new supplier", re.IGNORECASE)
_DONE = re.compile(r"\b(?:already|banked|delivered|achieved|realised|realized)\b", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*[(,–-]?\s*(?:or\s+)?")  # "saved £2m (10%)", "delivered £117m, or 85%"


_KIND_CUES = CueSet(KIND_CUES)
_PERIOD_CUES = CueSet(PERIOD_CUES)
_STATUS_CUES = CueSet(STATUS_CUES)


def _cue_between(cues: list[tuple[str, tuple[int, int]]], start: int, end: int) -> bool:
    """Whether a cue lies wholly between offsets ``start`` and ``end``."""
    return any(start <= c[0] and c[1] <= end for _, c in cues)


def _own_end(sentence: str, end: int) -> int:
    """Where a figure's own phrase ends: after "in staffing costs" in "£90,000 in staffing costs"."""
    costs = IN_COSTS_AFTER.match(sentence, end)
    return costs.end() if costs else end


def _percent_of_money(sentence: str, fig: tuple[int, int]) -> bool:
    """Whether a percentage is a share of money or a saving, judged from the words right around it."""
    return bool(PERCENT_OF_MONEY_LEFT.search(sentence, max(0, fig[0] - 70), fig[0])
                or PERCENT_OF_MONEY_RIGHT.match(sentence, fig[1]))


_Reading = tuple  # (kind, status, period, fiscal_year, with_income) of one figure
_READINGS: dict[tuple, tuple[_Reading, ...]] = {}


class Context(NamedTuple):
    """What the text before a sentence says about its figures."""

    after_saving: bool = False  # the figure just before the sentence, in the same paragraph, is a saving
    list_kind: str | None = None  # a list item's lead-in line names this kind ("Savings proposals:")
    list_status: str | None = None  # ... and this status
    columns: tuple[tuple[str | None, str | None, str | None], ...] = ()  # (kind, status, period) from column headings
    previous_status: str | None = None  # the status of that saving
    saving_before: bool = False  # the figure just before, across a paragraph break too, is a saving


NO_CONTEXT = Context()


def read_sentence(sentence: str, figures: tuple[Figure, ...], context: Context = NO_CONTEXT) -> tuple[_Reading, ...]:
    """Kind, status, period, fiscal year and income mark of each figure in one sentence.

    Depends only on the sentence and its context, so it is remembered: a summary repeats its body's
    first sentence.
    """
    key = (sentence, figures, context)
    readings = _READINGS.get(key)
    if readings is None:
        if len(_READINGS) >= 512:
            _READINGS.clear()
        readings = _READINGS[key] = tuple(_read(sentence, figures, context))
    return readings


def lead_in(line: str) -> tuple[str | None, str | None]:
    """The kind and status a list's or table's lead-in line gives its items: ("saving", "target") for
    "Savings proposals" and "Budget savings", (None, "target") for "Revenue Budget 2024/25"."""
    kinds = {name for name, _ in _KIND_CUES.find(line)}
    statuses = [name for name, _ in _STATUS_CUES.find(line)]
    status = statuses[-1] if statuses else None
    # "What we propose": a plan; "Revenue Budget 2024/25", "Budget savings 2024/25", "Summary of Budget Reductions":
    # savings in a budget are planned
    status = status or ("target" if "budget" in kinds or kinds and "budget" in line.lower() else None)
    return ("saving" if "saving" in kinds else None), status


def _described_as_saving(sentence: str, figures: tuple[Figure, ...], k: int,
                         kind_cues: list[tuple[str, tuple[int, int]]]) -> bool:
    """Whether a saving's words ("recurrent", "achieved", "one-off") describe figure ``k``: near it, between
    its neighbours, and not part of another kind's cue ("the one-off cost of")."""
    figure = figures[k]
    start = max(figures[k - 1].end if k else 0, figure.start - 80)
    end = min(figures[k + 1].start if k + 1 < len(figures) else len(sentence), figure.end + 80)
    return any(not any(cs < m.end() and m.start() < ce for _, (cs, ce) in kind_cues)
               for m in SAVING_ATTRIBUTE.finditer(sentence, start, end))


def column_reading(heading: str) -> tuple[str | None, str | None, str | None]:
    """The kind, status and period a table's column heading gives its figures: "Saving" -> ("saving", None, None),
    "Budget 2024/25" -> ("budget", None, None), "Target" -> (None, "target", None), "Delivered" -> (None,
    "achieved", None), "Saving per annum" -> ("saving", None, "annual")."""
    kinds = [name for name, _ in _KIND_CUES.find(heading)]
    statuses = {name for name, _ in _STATUS_CUES.find(heading)}
    periods = {name for name, _ in _PERIOD_CUES.find(heading)}
    # A heading is a noun phrase whose last noun is the head: "Budget gap" is a gap, "Contract savings" savings.
    return (kinds[-1] if kinds else None), (statuses.pop() if len(statuses) == 1 else None), \
        (periods.pop() if len(periods) == 1 else None)


def _put_at(sentence: str, span: tuple[int, int]) -> str | None:
    """The status "puts X at £Y" gives: a valuation is an estimate ("puts the fall in spending at £2.1m"), unless what
    is put at the figure is done ("puts the savings already banked at £40m")."""
    if " at" not in sentence[max(0, span[0] - 12):span[0]] or "put" not in sentence:
        return None
    put = PUT_AT.search(sentence, max(0, span[0] - 160), span[0])
    return None if put is None else "achieved" if _DONE.search(put.group("object")) else "estimated"


def _refined_status(sentence: str, figure: Figure, status: str | None, column_status: str | None,
                    next_start: int, previous_status: str | None) -> str | None:
    """A saving's status corrected by the words right around its figure: a forecast or valuation it is credited
    to, a participle after it, the target it is a share of. ``previous_status`` is the status of the figure just
    before when that is a saving; a column heading's status (``column_status``) is not overruled."""
    span = (figure.start, figure.end)
    if status != "estimated" and "accord" in sentence and ACCORDING_TO.search(sentence, span[1], next_start):
        status = "estimated"  # "..., according to the business case": the forecast's figure, not a result
    elif status in ("achieved", "estimated") and not column_status:
        status = _put_at(sentence, span) or status
    if not column_status and (after := STATUS_AFTER.match(sentence, span[1])):
        # "£39m delivered against £46m planned" (casefold: IGNORECASE also matches "ſaved")
        status = _WORD_STATUS.get(after.group("word").casefold(), status)
    elif not column_status and (left := DELIVERED_AFTER.match(sentence, span[1])) and left.group("bare"):
        status = "target"  # "leaves £11.5m of the year's savings undelivered"
    elif figure.percent is not None and previous_status \
            and OF_THE_TARGET.match(sentence, figure.end):
        status = previous_status  # "£17.3m had been delivered, 58% of the target": the share reached
    elif status == "target" and not column_status and _FORECASTER.search(sentence, 0, span[0]) \
            and FORECAST_SAYS.search(sentence, 0, span[0]):
        status = "estimated"  # "the business case said the contracts would save £126m": the forecast's figure
    elif status != "estimated" and not column_status and _FRAMER.search(sentence, 0, span[0]) \
            and ESTIMATE_FRAME.search(sentence, 0, span[0]):
        status = "estimated"  # "the partners estimate that ... the contract has still saved £36m"
    elif not column_status and "arget" in sentence and TARGET_OF.search(sentence, max(0, span[0] - 80), span[0]):
        status = "target"  # "The target set for this year was £2.0m": the target is the figure
    elif status != "estimated" and not column_status and "worth" in sentence \
            and _IS_WORTH.search(sentence, max(0, span[0] - 50), span[0]):
        status = "estimated"  # "the lower fee is worth about £240,000": a valuation, not money counted
    return status


def _period(sentence: str, span: tuple[int, int], k: int, previous_end: int, next_start: int,
            period_cues: list[tuple[str, tuple[int, int]]]) -> str | None:
    """The period cue nearest a saving's figure, among those that are its own."""
    # A period cue written after the previous figure or before the next one belongs to that figure.
    own = [(n, c) for n, c in period_cues if c[0] >= previous_end and c[1] <= next_start
           and not (k and c[1] <= span[0] and CLAUSE_BREAK.search(sentence, c[1], span[0]))]
    return nearest(sentence, span, own, 12)


def _read(sentence: str, figures: tuple[Figure, ...], context: Context = NO_CONTEXT):
    kind_cues = _KIND_CUES.find(sentence)
    marks = figure_marks(sentence)
    period_cues = status_cues = sentence_year = rag = None
    kinds: list[str] = []
    whole = None  # the figure read as the whole a later one is part of ("Of the £8.4m we planned, £7.9m ...")
    statuses: list[str | None] = []
    for k, figure in enumerate(figures):
        span = (figure.start, figure.end)
        label_status = None
        kind, distance = kind_of(sentence, span, kind_cues, marks)
        if kind == "saving" and figure.percent is not None and (not _percent_of_money(sentence, span) or (
                "real" in sentence and _REAL_TERMS.search(sentence, max(0, span[0] - 60), span[1] + 60))):
            # "inpatient stays fell by 7%": a reduction, but not of money; "spending on libraries fell by 45% in real
            # terms": a trend in what is spent, not a saving anyone made
            kind = "other"
        elif kind == "budget" and figure.percent is not None:
            kind = "other"  # "council tax will rise by 4.99%": a rate or share, never a sum budgeted or spent
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
                and _BY_BEFORE.search(sentence, max(0, figures[k - 1].start - 12), figures[k - 1].start) \
                and _ONLY_TO.fullmatch(sentence, figures[k - 1].end, figure.start):
            kind = "other"  # "fell by £0.8bn to £4.45bn", "cut by £2m to £8m": the level it came to, not a saving
        column_kind, column_status, column_period = context.columns[k] if k < len(context.columns) else (None,) * 3
        # An item that says it is something else ("Salary: £52,805" under "Savings Delivery Lead") is not the list's kind
        said_other = context.list_kind is not None and any(name == "other" and span[1] <= figure.start
                                                           for name, span in kind_cues)
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
        money_like = figure.percent is None or _percent_of_money(sentence, span)
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
                     or ("argest" in sentence or "iggest" in sentence or "ain" in sentence or "rincipal" in sentence)
                     and LARGEST_PARTS.search(sentence, 0, figure.start)):
            # "£2.6m of that", "£1m of the annual figure", "of which £1.9m", "Of these, £31m", "The largest items
            # were senior management (£4.1m)": a part of the saving just named
            kind = "saving"
        elif kind == "other" and not k and context.saving_before and figure.amount_gbp is not None \
                and (labelled := STATUS_LABEL.match(sentence, 0, figure.start)):
            # "Achieved: £173m", "Outstanding: £0.8m" under "planned savings of £259m": that saving's parts
            kind, label_status = "saving", _WORD_STATUS.get(labelled.group("status").casefold())
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
        # (an income target rated so is still income: "Parking income | £1.2m | Red")
        if rag is None:
            rag = any(word in sentence for word in RAG_NAMES)  # once per sentence: most name no rating
        rated = rag and kind != "funding_gap" and not (kind == "income" and "income" in sentence.lower()) \
            and figure.amount_gbp is not None and RAG_AFTER.match(sentence, figure.end)
        if rated:
            kind = "saving"
        if kind == "saving" and ("not " in sentence or "never" in sentence or "no saving" in sentence
                                 or "ather than" in sentence) \
                and (NOT_A_SAVING.match(sentence, figure.end) or SAVING_DENIED.search(sentence)):
            kind = "other"  # "The £2m is not a saving at all", "should not be read as a saving": the page denies it
        mixed = kind == "income" and figure.amount_gbp is not None and bool(
            MIXED_INCOME.search(sentence, max(0, figure.start - 60), figure.start))
        if mixed:
            kind = "saving"  # "saves and earns £150,000": kept as a saving, marked as including income
        status = period = year = None
        if kind == "saving":
            previous_end = figures[k - 1].end if k else 0
            next_start = figures[k + 1].start if k + 1 < len(figures) else len(sentence)
            if status_cues is None:
                status_cues = verb_groups(sentence, _STATUS_CUES.find(sentence))
                period_cues = _PERIOD_CUES.find(sentence)
            # A whole and its part each have their own status: the part is not what the whole was, and the whole
            # refers back to an amount named earlier, not to the figure just before it.
            inherited = None if whole is not None and k - whole in (0, 1) else statuses[-1] if k and kinds[-1] == "saving" else \
                (context.previous_status if not k and context.after_saving else None)
            if not k and not label_status and ":" in sentence[:span[0]]:
                # a label is a noun phrase whose first status word heads it: "Not delivered and removed: £6.3m"
                if labelled := STATUS_LABEL.match(sentence, 0, span[0]):
                    label_status = _WORD_STATUS.get(labelled.group("status").casefold())  # "Outstanding: £0.8m"
                elif ITEM_LABEL.match(sentence, 0, span[0]):
                    label_status = next((name for name, cue in status_cues if cue[1] <= span[0]), None)
            status = column_status or label_status or ("target" if rated else None) or status_of(
                sentence, span, previous_end, next_start, status_cues, inherited or context.list_status)
            status = _refined_status(sentence, figure, status, column_status, next_start,
                                     statuses[-1] if k and kinds[-1] == "saving" else None)
            period = column_period or _period(sentence, span, k, previous_end, next_start, period_cues)
            if not figure.fiscal_year and sentence_year is None:
                sentence_year = fiscal_year(sentence) or ""  # read once: a long sentence holds many savings
            year = figure.fiscal_year or sentence_year or None
        kinds.append(kind)
        statuses.append(status)
        yield kind, status, period, year, mixed


def clear_caches() -> None:
    """Forget remembered sentences (for benchmarks that read the same page repeatedly)."""
    _READINGS.clear()
    for cues in (_KIND_CUES, _PERIOD_CUES, _STATUS_CUES):
        cues.clear_cache()
