"""Which money figures in a text are savings, and what kind of saving each is.

Use it from Python::

    from shopwindow.savings import extract_savings
    for s in extract_savings("Kirklees Council has saved £2.1m a year since 2019, and invested £400,000."):
        print(s.amount_gbp, s.status, s.period, s.councils, s.quote)
    # 2100000.0 achieved annual ['E08000034'] Kirklees Council has saved £2.1m a year since 2019, ...

Each figure is given the kind whose cue word sits nearest to it in its sentence (see
:mod:`shopwindow.savingcues`): a saving (or cost avoided, efficiency), a budget, a grant or
grant cut, an investment, income, a funding gap or deficit, or a unit cost. Savings then get
a status (achieved, target, estimated), a period (annual, cumulative, one-off), a fiscal year,
the councils named in the same sentence (or ``sector_wide``), and that sentence as the quote.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from dataclasses import dataclass, field

from .councils import find_councils
from .models import Saving
from .money import Figure, find_figures, fiscal_year
from .savingcues import CLAUSE_BREAK, KIND_CUES, PERIOD_CUES, SECTOR_WIDE, STATUS_CUES, CueSet
from .sentences import Sentence, split_sentences

log = logging.getLogger(__name__)

KINDS = ("saving", "budget", "grant", "investment", "income", "funding_gap", "unit_cost", "other")
MAX_KIND_DISTANCE = 9.0
MAX_QUOTE = 600
_CONTEXT = 400  # characters either side of a figure searched for its sentence (quotes stop at 600)
_FIGURE_MARK = re.compile(r"£|%|\bper ?cent\b")
# "saved £2m in 2019 and a further £3m", "rose to £12m, up from £10m": the second figure is the same kind.
_CONTINUES = re.compile(
    r"(?:\band|\ba further|\banother|\ban extra|\ban additional|\bplus|\bthen|\bup from|\bdown from|"
    r"\bcompared (?:with|to)|\bagainst|\brising to|\bfalling to|\bor|\bwith a further)\s*$", re.IGNORECASE)
_PER_TIME = re.compile(r"\s*(?:(?:a|per|each) (?:week|day|night|hour)\b|(?:a|per|each) \w+ (?:a|per) (?:week|day)\b)")
_MONEY_CONTEXT = re.compile(r"£|\bsav\w*|\bcosts?\b|\bspend\w*|\bbudget|\bbills?\b|\befficienc\w*|\bexpenditure|"
                            r"\bprice|\bcheaper", re.IGNORECASE)
_PARENTHETICAL = re.compile(r"\s*[(,–-]?\s*")


@dataclass
class ClassifiedFigure:
    """A figure with its kind and, for savings, status, period, fiscal year and councils."""

    figure: Figure
    kind: str
    sentence: Sentence
    status: str | None = None
    period: str | None = None
    fiscal_year: str | None = None
    councils: list[str] = field(default_factory=list)
    sector_wide: bool = False


def _distance(sentence: str, cue: tuple[int, int], fig: tuple[int, int]) -> float:
    """Words between a cue and a figure, with clause breaks and other figures in between counting extra."""
    (cs, ce), (fs, fe) = cue, fig
    if ce <= fs:
        gap, extra = sentence[ce:fs], 0.0
    elif cs >= fe:
        gap, extra = sentence[fe:cs], 0.5  # a cue before the figure ("saved £2m") reads slightly stronger
    else:
        return 0.0
    return len(gap.split()) + 3 * len(CLAUSE_BREAK.findall(gap)) + 4 * len(_FIGURE_MARK.findall(gap)) + extra


_KIND_CUES = CueSet(KIND_CUES)
_PERIOD_CUES = CueSet(PERIOD_CUES)
_STATUS_CUES = CueSet(STATUS_CUES)
_UNIT = dict(KIND_CUES)["unit_cost"]


def _nearest(sentence: str, fig: tuple[int, int], cues: list[tuple[str, tuple[int, int]]],
             limit: float) -> str | None:
    best, best_distance = None, limit
    for name, span in cues:
        distance = _distance(sentence, span, fig)
        if distance < best_distance:
            best, best_distance = name, distance
    return best


def _kind(sentence: str, fig: tuple[int, int], cues: list[tuple[str, tuple[int, int]]]) -> str:
    following = sentence[fig[1]:fig[1] + 40]
    if _UNIT.match(following.lstrip()) or _PER_TIME.match(following):
        return "unit_cost"  # "£25 per household", "£450 a week": a unit figure, never a total
    return _nearest(sentence, fig, cues, MAX_KIND_DISTANCE) or "other"


def _status(sentence: str, fig: tuple[int, int], previous_end: int, next_start: int,
            cues: list[tuple[str, tuple[int, int]]], inherited: str | None = None) -> str:
    """The nearest status cue to the left (back to the previous figure), else to the right within the clause,
    else the status of the saving just before it in the sentence ("expected to fall by 60%, saving £5m")."""
    left_from = max(previous_end, fig[0] - 160)
    left = sorted(((span[0], name) for name, span in cues if left_from <= span[0] and span[1] <= fig[0]), reverse=True)
    if left:
        position, status = left[0]
        if status == "achieved":  # "could have saved", "aims to have delivered"
            for pos, name in left[1:]:
                if position - pos > 25:
                    break
                between = sentence[pos:position].split()
                if name != "achieved" and (position - pos <= 15 or between and between[-1].lower() in ("have", "to", "be")):
                    return name  # "could have saved", "estimates it avoided", "expected to be saved"
        return status
    clause = CLAUSE_BREAK.search(sentence, fig[1], next_start)
    right_to = min(next_start, clause.start() if clause else len(sentence), fig[1] + 70)
    right = [(span[0], name) for name, span in cues if fig[1] <= span[0] and span[1] <= right_to]
    return min(right)[1] if right else inherited or "achieved"


def _by_sentence(text: str) -> list[tuple[Sentence, list[Figure]]]:
    """Sentences that hold figures, with those figures re-based to the sentence.

    Only the stretches around figures are split into sentences: most of a long page has none.
    """
    figures = find_figures(text)
    out: list[tuple[Sentence, list[Figure]]] = []
    k = 0
    while k < len(figures):
        last = k
        while last + 1 < len(figures) and figures[last + 1].start - figures[last].end < 2 * _CONTEXT:
            last += 1
        window_start = max(0, figures[k].start - _CONTEXT)
        window = text[window_start:min(len(text), figures[last].end + _CONTEXT)]
        sentences = [Sentence(s.text, s.start + window_start, s.end + window_start) for s in split_sentences(window)]
        starts = [s.start for s in sentences]
        grouped: dict[int, list[Figure]] = {}
        for figure in figures[k:last + 1]:
            i = bisect.bisect_right(starts, figure.start) - 1
            if i >= 0 and figure.end <= sentences[i].end:
                sentence = sentences[i]
                grouped.setdefault(i, []).append(dataclasses.replace(
                    figure, start=figure.start - sentence.start, end=figure.end - sentence.start))
        out.extend((sentences[i], grouped[i]) for i in sorted(grouped))
        k = last + 1
    return out


def classify_figures(text: str, councils_hint: list[str] | None = None) -> list[ClassifiedFigure]:
    """Every sterling figure and percentage in ``text``, classified; savings fully described."""
    out: list[ClassifiedFigure] = []
    council_matches = None
    for sentence, figures in _by_sentence(text or ""):
        kind_cues = _KIND_CUES.find(sentence.text)
        period_cues = status_cues = None
        for k, figure in enumerate(figures):
            span = (figure.start, figure.end)
            kind = _kind(sentence.text, span, kind_cues)
            if k and _CONTINUES.search(sentence.text, max(figures[k - 1].end, figure.start - 30), figure.start) \
                    and (figure.percent is None) == (figures[k - 1].percent is None):
                kind = out[-1].kind
            elif k and figure.percent is not None and figures[k - 1].amount_gbp is not None \
                    and _PARENTHETICAL.fullmatch(sentence.text, figures[k - 1].end, figure.start):
                kind = out[-1].kind  # "saved £2m (10%)": the share describes the same figure
            if kind == "saving" and figure.percent is not None and not _MONEY_CONTEXT.search(
                    sentence.text, max(0, figure.start - 80), figure.end + 80):
                kind = "other"  # "inpatient stays fell by 7%": a reduction, but not of money
            item = ClassifiedFigure(figure, kind, sentence)
            if item.kind == "saving":
                previous_end = figures[k - 1].end if k else 0
                next_start = figures[k + 1].start if k + 1 < len(figures) else len(sentence.text)
                if status_cues is None:
                    status_cues = _STATUS_CUES.find(sentence.text)
                    period_cues = _PERIOD_CUES.find(sentence.text)
                before = out[-1] if k and out[-1].kind == "saving" else None
                item.status = _status(sentence.text, span, previous_end, next_start, status_cues,
                                      before.status if before else None)
                item.period = _nearest(sentence.text, span, period_cues, 12)
                item.fiscal_year = figure.fiscal_year or fiscal_year(sentence.text)
                if council_matches is None:  # one linking pass over the whole text, shared by every sentence
                    council_matches = find_councils(text)
                item.councils = list(dict.fromkeys(
                    m.code for m in council_matches if sentence.start <= m.start < sentence.end))
                item.sector_wide = not item.councils and bool(SECTOR_WIDE.search(sentence.text))
            out.append(item)
    return out


def record_text(record) -> str:
    """Title, summary and body of a record as one text, the same way for every extraction plugin.

    Linking and saving extraction then read the identical string, so the council matches found
    for one are reused (cached) by the other.
    """
    return "\n\n".join(part for part in (record.title, record.summary, record.body) if part)


def _quote(sentence: Sentence, figure: Figure) -> str:
    if len(sentence.text) <= MAX_QUOTE:
        return sentence.text
    start = max(0, figure.start - MAX_QUOTE // 2)
    return "…" + sentence.text[start:start + MAX_QUOTE].strip() + "…"


def extract_savings(text: str, councils_hint: list[str] | None = None) -> list[Saving]:
    """The savings in ``text`` as :class:`shopwindow.Saving` objects, each quoting its sentence.

    ``councils_hint`` (GSS codes of the record's councils) is used for a saving whose sentence
    names no council only when there is exactly one hinted council; otherwise such a saving
    belongs to the whole initiative (``councils`` empty).
    """
    try:
        items = [c for c in classify_figures(text, councils_hint) if c.kind == "saving"]
    except Exception:  # noqa: BLE001 - extraction must never stop a harvest
        log.exception("saving extraction failed on %.80r", text)
        return []
    money = [c for c in items if c.figure.amount_gbp is not None]
    savings: list[Saving] = []
    seen: set[tuple] = set()
    for item in items:
        fig = item.figure
        if fig.percent is not None and any(
            m.sentence == item.sentence and abs(m.figure.end - fig.start) < 40 for m in money
        ):
            continue  # "saved £2m (10%)": the percentage describes the money saving
        percent = fig.percent
        if fig.amount_gbp is not None:
            near = [c.figure.percent for c in items if c.figure.percent is not None and c.sentence == item.sentence
                    and abs(fig.end - c.figure.start) < 40]
            percent = near[0] if near else None
        councils = item.councils or (list(councils_hint) if councils_hint and len(councils_hint) == 1 else [])
        key = (fig.amount_gbp, percent, item.status, item.sentence.start)
        if key in seen:
            continue
        seen.add(key)
        savings.append(Saving(
            amount_gbp=fig.amount_gbp, percent=percent, status=item.status or "achieved", period=item.period,
            quote=_quote(item.sentence, fig), fiscal_year=item.fiscal_year, councils=councils,
            sector_wide=item.sector_wide, amount_text=fig.text,
        ))
    return savings
