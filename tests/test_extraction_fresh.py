"""The fresh held-out set (tests/eval/fresh.json) is well formed (scores: benchmarks/extraction.py).

wild.json shaped the extractor's latest fixes, so it no longer measures generality. fresh.json was
written afterwards, without reading the extractors or wild.json's passages: news releases, case
studies, committee reports and minutes, budget consultations, job and tender notices, Welsh,
Scottish and Northern Irish councils, abolished councils and partner bodies, in deliberately varied
wording. Each passage may also carry the service area and delivery model a careful reader would give
it (null when the text does not say clearly). Floors a little under its scores are in
test_extraction_eval.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import test_extraction_wild as wild_checks  # the same well-formedness checks, applied to this set
from extraction_eval import (
    FRESH,
    HELDOUT,
    PASSAGES,
    WILD,
    load_passages,
)
from shopwindow.classify import DELIVERY_MODELS, SERVICE_AREAS

LABELS = {"service_area": set(SERVICE_AREAS), "delivery_model": set(DELIVERY_MODELS)}
REGISTER = Path(__file__).resolve().parents[1] / "data" / "councils.csv"


@pytest.fixture(scope="module")
def fresh():
    return load_passages(FRESH)


def test_fresh_set_is_large_with_unique_ids(fresh):
    assert len(fresh) >= 50
    ids = [passage["id"] for passage in fresh]
    assert len(set(ids)) == len(ids)
    assert all(passage["set"] == "fresh" for passage in fresh)


def test_fresh_passages_have_the_heldout_shape_plus_taxonomy_labels(fresh):
    shape = set(load_passages(HELDOUT)[0])
    for passage in fresh:
        assert shape <= set(passage) <= shape | set(LABELS), passage["id"]
        assert passage["text"].strip(), passage["id"]


def test_taxonomy_labels_are_known_slugs_or_null(fresh):
    for passage in fresh:
        for field, slugs in LABELS.items():
            assert passage.get(field) is None or passage[field] in slugs, (passage["id"], field)


def test_gold_councils_figures_and_partners_pass_the_wild_sets_checks(fresh):
    """Codes from the register, each figure written in its passage with a valid kind, status and period."""
    with REGISTER.open(encoding="utf-8") as handle:
        codes = {row["code"] for row in csv.DictReader(handle)}
    wild_checks.test_gold_councils_are_register_codes(fresh, codes)
    wild_checks.test_gold_figures_are_written_in_the_text_and_labelled(fresh)
    wild_checks.test_partners_have_known_kinds(fresh)


def test_fresh_set_repeats_no_passage_of_the_other_sets(fresh):
    seen = {passage["text"] for path in (PASSAGES, HELDOUT, WILD) for passage in load_passages(path)}
    assert not seen & {passage["text"] for passage in fresh}
