"""The split evaluation set (tests/eval/split_pages.json) is well formed, and page splitting keeps its measured quality."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from shopwindow.money import find_figures
from split_eval import Part, align, load_pages, score_pages

COUNCILS_CSV = Path(__file__).resolve().parents[1] / "data" / "councils.csv"


@pytest.fixture(scope="module")
def pages():
    return load_pages()


def test_pages_have_unique_ids_and_about_half_split(pages):
    ids = [page["id"] for page in pages]
    assert len(ids) == len(set(ids)) == 30
    split = sum(len(page["parts"]) > 1 for page in pages)
    assert 12 <= split <= 18, split  # as many pages to keep whole as to split, so neither habit scores well alone
    assert all(page["title"] and 150 <= len(f"{page['title']} {page['body']}".split()) <= 700 for page in pages)


def test_every_part_names_councils_from_the_register(pages):
    with COUNCILS_CSV.open(encoding="utf-8") as f:
        codes = {row["code"] for row in csv.DictReader(f)}
    unknown = {(page["id"], code) for page in pages for part in page["parts"] for code in part["councils"]
               if code not in codes}
    assert unknown == set()
    assert all(part["councils"] for page in pages for part in page["parts"])


def test_every_labelled_figure_is_written_in_the_page(pages):
    missing = []
    for page in pages:
        written = set()
        for figure in find_figures(page["title"] + "\n\n" + page["body"]):
            written |= {figure.amount_gbp, figure.high_gbp}
            if figure.percent is not None:
                written.add(f"{figure.percent:g}%")
        missing += [(page["id"], value) for part in page["parts"] for value in part["figures"] if value not in written]
    assert missing == []


def test_parts_of_one_council_are_told_apart_by_their_figures():
    expected = [Part(frozenset({"E08000024"}), frozenset({("£", 90000.0)})),
                Part(frozenset({"E08000024"}), frozenset({("£", 1100000.0)}))]
    predicted = list(reversed(expected))
    assert align(expected, predicted) == {0: 1, 1: 0}


def test_a_part_sharing_neither_council_nor_figure_is_aligned_to_nothing():
    expected = [Part(frozenset({"E09000029"}), frozenset({("£", 620000.0)}))]
    assert align(expected, [Part(frozenset({"E08000033"}), frozenset({("%", 20.0)}))]) == {}


# Floors a little under first contact (0.05 under, rounded down to 0.05), so a change to splitting that loses ground
# fails here. First contact, on the set as committed blind (2af8bf6), before any change to the splitter for it:
# split decision 0.900 (27 of 30 pages), part count 0.733 (22 of 30), part councils P 0.857 R 0.846 F1 0.852,
# figures in their part P 0.952 R 0.723 F1 0.822. Figures: benchmarks/extraction.py. The set was then used to fix the
# splitter and linking (percentage-only round-up paragraphs, related-story links, "Lincoln's city council",
# "Lichfield and Tamworth", joint-scheme headings, councils named once in passing): 0.967, 0.967, councils F1 0.962,
# figures F1 0.870, and the floors rose with them.
FLOORS = {"decision": 0.90, "count": 0.90, "councils": 0.90, "figures": 0.80}


def test_splitting_keeps_its_measured_quality(pages):
    scores = score_pages(pages)
    measured = {"decision": scores.decision_accuracy, "count": scores.count_accuracy,
                "councils": scores.councils.f1, "figures": scores.figures.f1}
    assert {m: round(v, 3) for m, v in measured.items() if v < FLOORS[m]} == {}, FLOORS
