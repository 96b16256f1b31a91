"""The holdout set (tests/eval/holdout.json) is well formed (scores: benchmarks/extraction.py).

wild, fresh and unseen have each shaped extractor fixes after their first contact, so none of them
measures generality any more. holdout.json was written after those fixes by someone who read neither
the extractors nor any other set's passages, to measure whether the fixes generalise. Its first-contact
score is the figure to report, and a fix made because of one of its passages spends it. So this module
checks only its shape; test_extraction_eval.py holds a regression floor well under its scores.
"""

from __future__ import annotations

import pytest
import test_extraction_fresh as fresh_checks  # the same well-formedness checks, applied to this set
from extraction_eval import FRESH, HELDOUT, HOLDOUT, PASSAGES, UNSEEN, WILD, load_passages


@pytest.fixture(scope="module")
def holdout():
    return load_passages(HOLDOUT)


def test_holdout_set_is_large_with_unique_ids(holdout):
    assert len(holdout) >= 50
    ids = [passage["id"] for passage in holdout]
    assert len(set(ids)) == len(ids)
    assert all(passage["set"] == "holdout" for passage in holdout)


def test_holdout_passages_have_the_fresh_sets_shape(holdout):
    fresh_checks.test_fresh_passages_have_the_heldout_shape_plus_taxonomy_labels(holdout)
    fresh_checks.test_taxonomy_labels_are_known_slugs_or_null(holdout)


def test_gold_councils_figures_and_partners_are_well_formed(holdout):
    """Codes from the register, each figure written in its passage with a valid kind, status and period."""
    fresh_checks.test_gold_councils_figures_and_partners_pass_the_wild_sets_checks(holdout)


def test_holdout_set_repeats_no_passage_of_the_other_sets(holdout):
    seen = {passage["text"] for path in (PASSAGES, HELDOUT, WILD, FRESH, UNSEEN) for passage in load_passages(path)}
    assert not seen & {passage["text"] for passage in holdout}
