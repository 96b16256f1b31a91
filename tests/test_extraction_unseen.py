"""The unseen held-out set (tests/eval/unseen.json) is well formed (scores: benchmarks/extraction.py).

wild.json and fresh.json have both shaped extractor fixes, so neither measures generality any more.
unseen.json was written after them, without reading the extractors or either set's passages, in page
shapes and money wording chosen to differ from the earlier sets. It must never be used for tuning:
its first-contact score is the honest measure, and a fix made because of one of its passages spends
it. So this module checks only its shape; test_extraction_eval.py holds a regression floor well under its scores.
"""

from __future__ import annotations

import pytest
import test_extraction_fresh as fresh_checks  # the same well-formedness checks, applied to this set
from extraction_eval import FRESH, HELDOUT, PASSAGES, UNSEEN, WILD, load_passages


@pytest.fixture(scope="module")
def unseen():
    return load_passages(UNSEEN)


def test_unseen_set_is_large_with_unique_ids(unseen):
    assert len(unseen) >= 50
    ids = [passage["id"] for passage in unseen]
    assert len(set(ids)) == len(ids)
    assert all(passage["set"] == "unseen" for passage in unseen)


def test_unseen_passages_have_the_fresh_sets_shape(unseen):
    fresh_checks.test_fresh_passages_have_the_heldout_shape_plus_taxonomy_labels(unseen)
    fresh_checks.test_taxonomy_labels_are_known_slugs_or_null(unseen)


def test_gold_councils_figures_and_partners_are_well_formed(unseen):
    """Codes from the register, each figure written in its passage with a valid kind, status and period."""
    fresh_checks.test_gold_councils_figures_and_partners_pass_the_wild_sets_checks(unseen)


def test_unseen_set_repeats_no_passage_of_the_other_sets(unseen):
    seen = {passage["text"] for path in (PASSAGES, HELDOUT, WILD, FRESH) for passage in load_passages(path)}
    assert not seen & {passage["text"] for passage in unseen}
