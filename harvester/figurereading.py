"""Reading one sentence: what each money figure in it is, and for a saving its status, period and year.

Each figure is given the kind whose cue word sits nearest to it in its sentence (see
:mod:`shopwindow.figurekind`, and :mod:`shopwindow.savingcues` for the words), adjusted for the figures
and lines around it (:mod:`shopwindow.figureplace`): a saving (or cost avoided, efficiency), a budget, a grant or
grant cut, an investment, income, a funding gap or deficit, or a unit cost. Savings then get
a status (achieved, target, estimated), a period (annual, cumulative, one-off) and a fiscal
year. Everything here depends on the sentence alone, so a sentence's reading is remembered.
"""

from __future__ import annotations

import re

from .cueset import CueSet
from .figurekind import figure_marks, kind_of, nearest
from .figureplace import (
    NO_CONTEXT,
    WORD_STATUS,
    Context,
    kind_beside_neighbours,
    kind_in_context,
    percent_of_money,
)
from .figureshapes import (
    ACCORDING_TO,
    DELIVERED_AFTER,
    ESTIMATE_FRAME,
    FORECAST_SAYS,
    ITEM_LABEL,
    NOT_A_SAVING,
    OF_THE_TARGET,
    PUT_AT,
    RAG_AFTER,
    SAVING_DENIED,
    STATUS_AFTER,
    STATUS_LABEL,
    TARGET_OF,
)
from .money import Figure, fiscal_year
from .savingcues import CLAUSE_BREAK, KIND_CUES, MIXED_INCOME, PERIOD_CUES, STATUS_CUES
from .sentences import RAG_NAMES
from .statusreading import status_of, verb_groups

_IS_WORTH = re.compile(r"\b(?:is|are|'s|to be|would be|could be)\s+(?:(?:now|also|still)\s+)?worth\s+(?:(?:about|around|roughly|some|nearly|almost|over|"
                       r"more than|an estimated|approximately)\s+)*$", re.IGNORECASE)
_FRAMER = re.compile(r"that|reckoning|own estimate|own calculation|suggest")  # cheap gate for ESTIMATE_FRAME
_REAL_TERMS = re.compile(r"\breal[- ]terms\b", re.IGNORECASE)
_FORECASTER = re.compile(r"case|model|forecast|projection|appraisal")  # cheap gate for FORECAST_SAYS
_DONE = re.compile(r"\b(?:already|banked|delivered|achieved|realised|realized)\b", re.IGNORECASE)


_KIND_CUES = CueSet(KIND_CUES)
_PERIOD_CUES = CueSet(PERIOD_CUES)
_STATUS_CUES = CueSet(STATUS_CUES)


_Reading = tuple  # (kind, status, period, fiscal_year, with_income) of one figure
_READINGS: dict[tuple, tuple[_Reading, ...]] = {}


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
        status = WORD_STATUS.get(after.group("word").casefold(), status)
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
    """Each figure in turn: its kind from its own words (figurekind), then as its neighbours and its place on the
    page change it, then a saving's status and period."""
    kind_cues = _KIND_CUES.find(sentence)
    marks = figure_marks(sentence)
    period_cues = status_cues = sentence_year = rag = None
    kinds: list[str] = []
    whole = None  # the figure read as the whole a later one is part of ("Of the £8.4m we planned, £7.9m ...")
    statuses: list[str | None] = []
    for k, figure in enumerate(figures):
        span = (figure.start, figure.end)
        kind, distance = kind_of(sentence, span, kind_cues, marks)
        if kind == "saving" and figure.percent is not None and (not percent_of_money(sentence, span) or (
                "real" in sentence and _REAL_TERMS.search(sentence, max(0, span[0] - 60), span[1] + 60))):
            # "inpatient stays fell by 7%": a reduction, but not of money; "spending on libraries fell by 45% in real
            # terms": a trend in what is spent, not a saving anyone made
            kind = "other"
        elif kind == "budget" and figure.percent is not None:
            kind = "other"  # "council tax will rise by 4.99%": a rate or share, never a sum budgeted or spent
        kind, whole_here = kind_beside_neighbours(sentence, figures, k, kind, distance, kinds, kind_cues, marks)
        whole = whole_here if whole_here is not None else whole
        column_kind, column_status, column_period = context.columns[k] if k < len(context.columns) else (None,) * 3
        kind, label_status = kind_in_context(sentence, figures, k, kind, distance, kinds, kind_cues, context,
                                              column_kind)
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
                    label_status = WORD_STATUS.get(labelled.group("status").casefold())  # "Outstanding: £0.8m"
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
