"""Which money figures in a text are savings, and what kind of saving each is.

Use it from Python::

    from shopwindow.savings import extract_savings
    for s in extract_savings("Kirklees Council has saved £2.1m a year since 2019, and invested £400,000."):
        print(s.amount_gbp, s.status, s.period, s.councils, s.quote)
    # 2100000.0 achieved annual ['E08000034'] Kirklees Council has saved £2.1m a year since 2019, ...

Each figure's sentence is found and read (see :mod:`shopwindow.figurereading`): its kind (a
saving, budget, grant, investment, income, funding gap or unit cost) and, for a saving, its
status, period and fiscal year. Here a saving then gets the councils named in the same sentence
(or ``sector_wide``), and that sentence as its quote.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field

from .councils import find_council_mentions
from .figurereading import clear_caches as clear_sentence_readings
from .figurereading import read_sentence
from .layout import context_of, heading_of
from .models import Saving
from .money import Figure, find_figures, plain_spaces
from .plaintables import with_stated_units
from .regextrie import FOLDS_TO_ASCII
from .regextrie import clear_caches as clear_scan_caches
from .savingcues import SECTOR_BREAK, SECTOR_WIDE, SECTOR_WIDE_WORDS
from .sentences import Sentence, split_sentences

log = logging.getLogger(__name__)

KINDS = ("saving", "budget", "grant", "investment", "income", "funding_gap", "unit_cost", "other")
MAX_QUOTE = 600
_CONTEXT = 400  # characters either side of a figure searched for its sentence (quotes stop at 600)


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
    with_income: bool = False  # the figure is savings and income together ("saves and earns £150,000")


def _by_sentence(text: str) -> list[tuple[Sentence, list[Figure]]]:
    """Sentences that hold figures, with those figures re-based to the sentence.

    Only the stretches around figures are split into sentences: most of a long page has none.
    A short stretch is tried first; if a figure's sentence reaches its edge, the full one is read.
    """
    figures = find_figures(text)
    out: list[tuple[Sentence, list[Figure]]] = []
    k = 0
    while k < len(figures):
        for context in (_CONTEXT // 3, _CONTEXT):
            last = k
            while last + 1 < len(figures) and figures[last + 1].start - figures[last].end < 2 * context:
                last += 1
            found = _sentences_around(text, figures[k:last + 1], context)
            if found is not None or context == _CONTEXT:
                break
        out.extend(found or ())
        k = last + 1
    return out


def _sentences_around(text: str, figures: list[Figure], context: int) -> list[tuple[Sentence, list[Figure]]] | None:
    """The sentences holding ``figures`` (close together), or None when one may run past the stretch read."""
    window_start = max(0, figures[0].start - context)
    window_end = min(len(text), figures[-1].end + context)
    sentences = [Sentence(s.text, s.start + window_start, s.end + window_start)
                 for s in split_sentences(text[window_start:window_end])]
    starts = [s.start for s in sentences]
    grouped: dict[int, list[Figure]] = {}
    for figure in figures:
        i = bisect.bisect_right(starts, figure.start) - 1
        if i >= 0 and figure.end <= sentences[i].end:
            at_edge = i == 0 and window_start > 0 or i == len(sentences) - 1 and window_end < len(text)
            if context < _CONTEXT and at_edge:
                return None
            sentence = sentences[i]
            grouped.setdefault(i, []).append(Figure(  # re-based to the sentence (dataclasses.replace is slow)
                figure.text, figure.start - sentence.start, figure.end - sentence.start, figure.amount_gbp,
                figure.high_gbp, figure.percent, figure.qualifier, figure.fiscal_year))
    return [(sentences[i], grouped[i]) for i in sorted(grouped)]


def _sector_governs(sentence: str, phrases: list[tuple[int, int]], figure: Figure) -> bool:
    """Whether a sector phrase ("councils across England", "across the sector") is the subject of the figure's
    clause: in "Across the sector councils face a £1bn gap, and we must find £16m", the £16m is the council's own."""
    for start, end in phrases:
        gap = (end, figure.start) if end <= figure.start else (figure.end, start)
        if not SECTOR_BREAK.search(sentence, *gap):
            return True
    return False


def _sector_phrases(sentence: str) -> list[tuple[int, int]]:
    """Spans of the phrases that speak of the whole sector ("councils across England"). SECTOR_WIDE opens with
    \\b, so it is tried at every character: a sentence without one of its words is not searched."""
    lower = sentence.lower()
    if not any(word in lower for word in SECTOR_WIDE_WORDS) and not any(c in sentence for c in FOLDS_TO_ASCII):
        return []
    return [m.span() for m in SECTOR_WIDE.finditer(sentence)]


def classify_figures(text: str) -> list[ClassifiedFigure]:
    """Every sterling figure and percentage in ``text``, classified; savings fully described."""
    out: list[ClassifiedFigure] = []
    mentions = starts = None
    text = with_stated_units(plain_spaces(text or ""))  # cue words and figures are matched with plain spaces
    for sentence, figures in _by_sentence(text):
        sector_wide = None  # read once per sentence: a long one can hold thousands of savings
        context = context_of(text, sentence, out[-1] if out else None)
        for figure, (kind, status, period, year, mixed) in zip(
                figures, read_sentence(sentence.text, tuple(figures), context), strict=True):
            item = ClassifiedFigure(figure, kind, sentence, status, period, year, with_income=mixed)
            if kind == "saving":
                if mentions is None:  # one linking pass over the whole text, shared by every sentence
                    mentions = find_council_mentions(text)
                    starts = [m.start for m in mentions]
                # Every mention in the sentence, not only each council's first on the page.
                item.councils = list(dict.fromkeys(m.code for m in mentions[
                    bisect.bisect_left(starts, sentence.start):bisect.bisect_left(starts, sentence.end)]))
                if not item.councils and sector_wide is None:
                    sector_wide = _sector_phrases(sentence.text)
                item.sector_wide = not item.councils and bool(sector_wide) \
                    and _sector_governs(sentence.text, sector_wide, figure)
            out.append(item)
    return out


def clear_caches() -> None:
    """Forget what was remembered per sentence and page (for benchmarks that read the same page repeatedly)."""
    clear_sentence_readings()
    clear_scan_caches()


def record_text(record) -> str:
    """Title, summary and body of a record as one text, the same way for every extraction plugin.

    Linking and saving extraction then read the identical string, so the council matches found
    for one are reused (cached) by the other. A summary the body begins with (a split part's first
    sentence, a reader's lead paragraph) is left out: reading it twice finds nothing new.
    """
    summary = record.summary
    if summary and record.body and record.body.lstrip().startswith(summary.strip()):
        summary = None
    return "\n\n".join(part for part in (record.title, summary, record.body) if part)


_BULLET = re.compile(r"^(?:[-•*–]|\d+[.)])\s+")


def _quote(sentence: Sentence, figure: Figure, heading: str | None = None) -> str:
    """The sentence that evidences a saving; a table row or list item is prefixed with its heading lines."""
    if heading and len(heading) + len(sentence.text) + 3 <= MAX_QUOTE:
        return f"{heading} — {_BULLET.sub('', sentence.text)}"
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
        text = with_stated_units(plain_spaces(text or ""))  # the text classify_figures reads, for headings and quotes
        items = [c for c in classify_figures(text) if c.kind == "saving"]
    except Exception:  # extraction must never stop a harvest: log the text and go on
        log.exception("saving extraction failed on %.80r", text)
        return []
    by_sentence: dict[Sentence, list[ClassifiedFigure]] = {}
    for item in items:
        by_sentence.setdefault(item.sentence, []).append(item)
    headings = {sentence: heading_of(text, sentence) for sentence in by_sentence}  # once per sentence
    savings: list[Saving] = []
    seen: set[tuple] = set()
    for item in items:
        fig = item.figure
        neighbours = by_sentence[item.sentence]  # the savings of its own sentence, not of the whole page
        if fig.percent is not None and any(
            m.figure.amount_gbp is not None and abs(m.figure.end - fig.start) < 40 for m in neighbours
        ):
            continue  # "saved £2m (10%)": the percentage describes the money saving
        percent = fig.percent
        if fig.amount_gbp is not None:
            near = [c.figure.percent for c in neighbours if c.figure.percent is not None
                    and abs(fig.end - c.figure.start) < 40]
            percent = near[0] if near else None
        councils = item.councils or (list(councils_hint) if councils_hint and len(councils_hint) == 1
                                     and not item.sector_wide else [])
        key = (fig.amount_gbp, percent, item.status, item.sentence.start)
        if key in seen:
            continue
        seen.add(key)
        savings.append(Saving(
            amount_gbp=fig.amount_gbp, percent=percent, status=item.status or "achieved", period=item.period,
            quote=_quote(item.sentence, fig, headings[item.sentence]), fiscal_year=item.fiscal_year,
            councils=councils,
            sector_wide=item.sector_wide,
            amount_text=f"{fig.text} (savings and income)" if item.with_income else fig.text,
        ))
    return savings
