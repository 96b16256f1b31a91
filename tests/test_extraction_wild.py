"""The page-like evaluation set (tests/eval/wild.json) is well formed (scores: benchmarks/extraction.py).

The wild set imitates text as the harvest meets it (press releases, PDF text with hard wraps and
hyphenation, flattened tables, bullet lists, committee reports, aggregator copy) to find general
weaknesses. Floors a little under its scores are in test_extraction_eval.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from extraction_eval import HELDOUT, PASSAGES, WILD, load_passages

KINDS = {"saving", "budget", "grant", "investment", "income", "funding_gap", "unit_cost", "other"}
STATUSES = {"achieved", "target", "estimated"}
PERIODS = {"annual", "cumulative", "one-off", None}
PARTNER_KINDS = {"nhs", "police", "fire", "company", "lga", "other"}
REGISTER = Path(__file__).resolve().parents[1] / "data" / "councils.csv"


@pytest.fixture(scope="module")
def wild():
    return load_passages(WILD)


@pytest.fixture(scope="module")
def council_codes():
    with REGISTER.open(encoding="utf-8") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def test_wild_set_is_large_with_unique_ids(wild):
    assert len(wild) >= 40
    ids = [passage["id"] for passage in wild]
    assert len(set(ids)) == len(ids)
    assert all(passage["set"] == "wild" for passage in wild)


def test_wild_passages_share_the_heldout_shape(wild):
    shape = set(load_passages(HELDOUT)[0])
    for passage in wild:
        assert set(passage) == shape, passage["id"]
        assert passage["text"].strip(), passage["id"]


def test_gold_councils_are_register_codes(wild, council_codes):
    for passage in wild:
        assert set(passage["councils"]) <= council_codes, passage["id"]


def test_gold_figures_are_written_in_the_text_and_labelled(wild):
    for passage in wild:
        for text, value, kind, status, period in passage["figures"]:
            assert text in passage["text"], (passage["id"], text)
            assert kind in KINDS, (passage["id"], kind)
            if kind == "saving":
                assert status in STATUSES and period in PERIODS, (passage["id"], text)
            else:
                assert status is None and period is None, (passage["id"], text)
            if isinstance(value, str):
                assert value.endswith("%") and float(value[:-1]) >= 0, (passage["id"], value)
            else:
                assert value > 0, (passage["id"], value)


def test_partners_have_known_kinds(wild):
    for passage in wild:
        for name, kind in passage["partners"]:
            assert name in passage["text"] and kind in PARTNER_KINDS, (passage["id"], name)


def test_wild_set_repeats_no_passage_of_the_other_sets(wild):
    seen = {passage["text"] for path in (PASSAGES, HELDOUT) for passage in load_passages(path)}
    assert not seen & {passage["text"] for passage in wild}
