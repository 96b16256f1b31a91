"""Scoring page splitting against tests/eval/split_pages.json (used by the split eval test and the benchmark).

Each page runs through what the pipeline does to it: ``split_page`` (or the page whole when it returns
nothing), then council linking (the councils plugin's link_record, as the pipeline runs it) and saving
extraction on every part. Three measures:

- split decision: per page, was it split (two or more parts) when a careful reader splits it, or kept whole?
- part count: per page, did it yield exactly as many parts as the reader expects?
- part contents: predicted parts are aligned to expected parts (below), then micro precision/recall/F1 of
  (part, council) pairs and of (part, saving figure) pairs. A figure counts as right only when it is
  extracted in the part aligned to the expected part it belongs to; in another part it is both a false
  positive and a missed figure. Everything in a part aligned to nothing is a false positive.

Alignment is greedy and deterministic: every (expected, predicted) pair sharing a council or a figure is a
candidate, best first by council-set Jaccard, then by figures shared, then by page order; each part is
used once. Figures shared break ties between two parts of the same council (sp010, sp012).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from extraction_eval import EVAL, Score, _value
from shopwindow.config import Source
from shopwindow.models import Record
from shopwindow.savings import extract_savings, record_text
from shopwindow.split import split_page
from shopwindow_plugins.councils import link_record

SPLIT_PAGES = EVAL / "split_pages.json"  # written blind (issue 3 and docs only), labelled before first contact


@dataclass(frozen=True)
class Part:
    """One initiative's councils (GSS codes) and saving figures (("£", pounds) or ("%", percent))."""

    councils: frozenset[str]
    figures: frozenset[tuple[str, float]]


@dataclass
class PageResult:
    """What one page was expected to give and what the pipeline gave, aligned."""

    id: str
    expected: list[Part]
    predicted: list[Part]
    aligned: dict[int, int]  # predicted index -> expected index

    @property
    def split_right(self) -> bool:
        return (len(self.expected) > 1) == (len(self.predicted) > 1)


@dataclass
class SplitScores:
    """Split decision and part count (pages right of pages), part councils and figures (micro P/R/F1)."""

    pages: list[PageResult] = field(default_factory=list)
    councils: Score = field(default_factory=Score)
    figures: Score = field(default_factory=Score)

    @property
    def decision_accuracy(self) -> float:
        return sum(p.split_right for p in self.pages) / len(self.pages) if self.pages else 1.0

    @property
    def count_accuracy(self) -> float:
        return sum(len(p.expected) == len(p.predicted) for p in self.pages) / len(self.pages) if self.pages else 1.0


def load_pages(path: Path = SPLIT_PAGES) -> list[dict]:
    """The labelled pages of the split evaluation set."""
    return json.loads(path.read_text(encoding="utf-8"))["pages"]


def expected_parts(page: dict) -> list[Part]:
    """The initiatives a careful reader finds on ``page``, as labelled."""
    return [Part(frozenset(part["councils"]), frozenset(_value(f) for f in part["figures"])) for part in page["parts"]]


def predicted_parts(page: dict) -> list[Part]:
    """What the pipeline makes of ``page``: split_page's parts (or the page whole), each linked and read for savings."""
    record = Record(title=page["title"], url=f"https://example.org/{page['id']}", body=page["body"])
    parts = []
    for part in split_page(record) or [record]:
        text = record_text(part)
        link_record(part, Source(name="eval", plugin="pages", urls=[]))  # as the pipeline links (a split part keeps its own)
        councils = part.councils
        savings = extract_savings(text, councils_hint=part.councils)
        parts.append(Part(frozenset(councils), frozenset(
            ("%", s.percent) if s.amount_gbp is None else ("£", s.amount_gbp) for s in savings)))
    return parts


def align(expected: list[Part], predicted: list[Part]) -> dict[int, int]:
    """Predicted index -> expected index, greedily by council Jaccard, then figures shared, then page order."""
    candidates = []
    for e, want in enumerate(expected):
        for p, got in enumerate(predicted):
            union = want.councils | got.councils
            jaccard = len(want.councils & got.councils) / len(union) if union else 0.0
            shared = len(want.figures & got.figures)
            if jaccard or shared:
                candidates.append((-jaccard, -shared, e, p))
    aligned: dict[int, int] = {}
    for _, _, e, p in sorted(candidates):
        if p not in aligned and e not in aligned.values():
            aligned[p] = e
    return aligned


def score_pages(pages: list[dict]) -> SplitScores:
    """Run the splitter and extractors over every page and score them against the labels."""
    scores = SplitScores()
    for page in pages:
        expected, predicted = expected_parts(page), predicted_parts(page)
        aligned = align(expected, predicted)
        scores.pages.append(PageResult(page["id"], expected, predicted, aligned))
        # A pair names its part: the expected part's index, or the predicted index when it was aligned to none.
        slot = {p: aligned.get(p, f"unaligned {p}") for p in range(len(predicted))}
        for measure, attr in ((scores.councils, "councils"), (scores.figures, "figures")):
            gold = {(page["id"], e, item) for e, part in enumerate(expected) for item in getattr(part, attr)}
            got = {(page["id"], slot[p], item) for p, part in enumerate(predicted) for item in getattr(part, attr)}
            measure.add(got, gold)
    return scores


def describe(result: PageResult) -> str:
    """One line on a page whose parts differ from the labels (for the benchmark and for reading failures)."""
    def show(part: Part) -> str:
        figures = ", ".join(f"{v:g}%" if kind == "%" else f"£{v:,.0f}" for kind, v in sorted(part.figures))
        return f"[{' '.join(sorted(part.councils))}: {figures}]"
    return (f"{result.id}: expected {len(result.expected)} {' '.join(map(show, result.expected))}; "
            f"got {len(result.predicted)} {' '.join(map(show, result.predicted))}")
