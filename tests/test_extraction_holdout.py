"""The holdout and blind sets (tests/eval/holdout.json, blind.json) are well formed (scores: benchmarks/extraction.py).

wild, fresh and unseen have each shaped extractor fixes after their first contact, so none of them
measures generality any more. holdout.json was written after those fixes by someone who read neither
the extractors nor any other set's passages, to measure whether the fixes generalise. Its first-contact
score is the figure to report, and a fix made because of one of its passages spends it. blind.json came
after holdout, written the same way, and blind2.json to blind11.json after that, on 2026-11-23, each with its own
emphasis (page shapes, wording, services, long pages, extracted furniture, sector pages, officers' reports, press pages,
LGA and thinktank pages, scraped pages); sealed.json and sealed2.json were written the same day and scored once, by
totals only. So this module checks only their shape; test_extraction_eval.py holds
a regression floor well under their scores.
"""

from __future__ import annotations

import pytest
import test_extraction_fresh as fresh_checks  # the same well-formedness checks, applied to this set
from extraction_eval import (BLIND, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                             BLIND12, FRESH,
                             HELDOUT, HOLDOUT, PASSAGES, UNSEEN, WILD, load_passages)

UNTUNED = {"holdout": HOLDOUT, "blind": BLIND, "blind2": BLIND2, "blind3": BLIND3, "blind4": BLIND4, "blind5": BLIND5,
           "blind6": BLIND6, "blind7": BLIND7, "blind8": BLIND8, "blind9": BLIND9, "blind10": BLIND10,
           "blind11": BLIND11, "blind12": BLIND12}  # sealed.json and sealed2.json are left as written


@pytest.fixture(scope="module", params=sorted(UNTUNED))
def holdout(request):
    """Each never-tuned set in turn (named holdout in the tests below, for the first of them)."""
    return load_passages(UNTUNED[request.param])


def test_holdout_set_is_large_with_unique_ids(holdout):
    assert len(holdout) >= 50
    ids = [passage["id"] for passage in holdout]
    assert len(set(ids)) == len(ids)
    assert len({passage["set"] for passage in holdout}) == 1 and holdout[0]["set"] in UNTUNED


def test_holdout_passages_have_the_fresh_sets_shape(holdout):
    fresh_checks.test_fresh_passages_have_the_heldout_shape_plus_taxonomy_labels(holdout)
    fresh_checks.test_taxonomy_labels_are_known_slugs_or_null(holdout)


def test_gold_councils_figures_and_partners_are_well_formed(holdout):
    """Codes from the register, each figure written in its passage with a valid kind, status and period."""
    fresh_checks.test_gold_councils_figures_and_partners_pass_the_wild_sets_checks(holdout)


def test_holdout_set_repeats_no_passage_of_the_other_sets(holdout):
    others = [PASSAGES, HELDOUT, WILD, FRESH, UNSEEN] + [path for path in UNTUNED.values() if load_passages(path) != holdout]
    seen = {passage["text"] for path in others for passage in load_passages(path)}
    assert not seen & {passage["text"] for passage in holdout}
