"""The extractors meet their quality targets on the evaluation passages (tests/eval/passages.json)."""

from __future__ import annotations

import pytest
from extraction_eval import (BLIND, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6, BLIND7, BLIND8, BLIND9, BLIND10, BLIND11,
                             BLIND12, FRESH,
                             HELDOUT, HOLDOUT, SEALED, SEALED2, UNSEEN, WILD, load_passages, score_all, score_taxonomy)

from shopwindow.councils import find_partners

TARGETS = {"councils": 0.95, "savings": 0.90, "saving_vs_not": 0.90}


@pytest.fixture(scope="module")
def passages():
    return load_passages()


@pytest.fixture(scope="module")
def scores(passages):
    return score_all(passages + load_passages(HELDOUT))


def test_evaluation_set_is_large_and_covers_every_case(passages):
    assert len(passages) >= 80
    kinds = {figure[2] for p in passages for figure in p["figures"]}
    assert kinds >= {"saving", "budget", "grant", "investment", "income", "funding_gap", "unit_cost", "other"}
    statuses = {figure[3] for p in passages for figure in p["figures"] if figure[2] == "saving"}
    assert statuses == {"achieved", "target", "estimated"}
    periods = {figure[4] for p in passages for figure in p["figures"] if figure[2] == "saving"}
    assert periods == {"annual", "cumulative", "one-off", None}
    assert sum(1 for p in passages if not p["councils"]) >= 10  # passages that must link no council
    assert {kind for p in passages for _, kind in p["partners"]} >= {"nhs", "police", "fire", "company", "lga"}


@pytest.mark.parametrize("measure", sorted(TARGETS))
def test_f1_meets_target(scores, measure):
    assert scores[measure].f1 >= TARGETS[measure], (measure, scores[measure])


# Floors, not targets: a taxonomy change that loses labelled passages must say why (main set: 0.90 and 0.84,
# precision 0.98 and 0.96, after the vocabulary review of November 2026).
TAXONOMY_FLOORS = {"service_area": 0.85, "delivery_model": 0.8}


@pytest.mark.parametrize("field", sorted(TAXONOMY_FLOORS))
def test_taxonomy_keeps_its_measured_accuracy(passages, field):
    score = score_taxonomy(passages)[field]
    assert score.accuracy >= TAXONOMY_FLOORS[field], (field, score)
    assert score.precision >= 0.9, (field, score)  # an empty field is better than a wrong one


# Page-like sets: floors a little under what they score now, so a change that loses ground on page-shaped text
# fails here. Figures: benchmarks/extraction.py. The holdout set is never used to choose a rule; its floor
# guards against regressions only (its first-contact scores were 0.987 / 0.754 / 0.831). So is the blind set's
# (first contact 0.990 / 0.688 / 0.750; floors 0.05 under, rounded down to 0.05, councils at 0.95 like the rest).
PAGE_LIKE_FLOORS = {
    "wild": (WILD, {"councils": 0.95, "savings": 0.95, "saving_vs_not": 0.95}),
    "fresh": (FRESH, {"councils": 0.95, "savings": 0.90, "saving_vs_not": 0.94}),
    "unseen": (UNSEEN, {"councils": 0.95, "savings": 0.95, "saving_vs_not": 0.96}),
    "holdout": (HOLDOUT, {"councils": 0.95, "savings": 0.70, "saving_vs_not": 0.80}),
    "blind": (BLIND, {"councils": 0.95, "savings": 0.89, "saving_vs_not": 0.94}),
    # Written blind on 2026-11-23, each first contact (councils / savings / saving-vs-not) recorded before it was used:
    # blind2 0.970 / 0.706 / 0.854, blind3 0.989 / 0.580 / 0.725, blind4 0.983 / 0.753 / 0.833,
    # blind5 0.986 / 0.706 / 0.866, blind6 0.809 / 0.710 / 0.856, blind7 0.979 / 0.771 / 0.884.
    "blind2": (BLIND2, {"councils": 0.95, "savings": 0.80, "saving_vs_not": 0.90}),
    "blind3": (BLIND3, {"councils": 0.95, "savings": 0.75, "saving_vs_not": 0.85}),
    "blind4": (BLIND4, {"councils": 0.95, "savings": 0.75, "saving_vs_not": 0.85}),
    "blind5": (BLIND5, {"councils": 0.95, "savings": 0.75, "saving_vs_not": 0.85}),
    "blind6": (BLIND6, {"councils": 0.95, "savings": 0.75, "saving_vs_not": 0.85}),
    "blind7": (BLIND7, {"councils": 0.95, "savings": 0.75, "saving_vs_not": 0.85}),
    # sealed: scored once, untouched, at 0.980 / 0.644 / 0.796 after the day's other work; a development set since.
    "sealed": (SEALED, {"councils": 0.95, "savings": 0.75, "saving_vs_not": 0.85}),
    # A second round the same day, first contact recorded before use: blind8 0.981 / 0.509 / 0.717 (officers' reports),
    # blind9 1.000 / 0.811 / 0.877 (press pages), blind10 0.988 / 0.738 / 0.856 (LGA and thinktank pages).
    "blind8": (BLIND8, {"councils": 0.95, "savings": 0.65, "saving_vs_not": 0.80}),
    "blind9": (BLIND9, {"councils": 0.95, "savings": 0.80, "saving_vs_not": 0.90}),
    "blind10": (BLIND10, {"councils": 0.95, "savings": 0.80, "saving_vs_not": 0.90}),
    # blind11: scored by totals only, never developed on (0.980 / 0.671 / 0.914 when first scored): a guard, as holdout.
    "blind11": (BLIND11, {"councils": 0.95, "savings": 0.60, "saving_vs_not": 0.85}),
    # blind12, written last (a realistic mix): first contact 0.980 / 0.700 / 0.846, then one round of list rules.
    "blind12": (BLIND12, {"councils": 0.95, "savings": 0.65, "saving_vs_not": 0.85}),
    # sealed2: scored once, by totals, after the day's last rule (0.956 / 0.719 / 0.849); never developed on.
    "sealed2": (SEALED2, {"councils": 0.93, "savings": 0.65, "saving_vs_not": 0.80}),
}


@pytest.mark.parametrize("name", sorted(PAGE_LIKE_FLOORS))
def test_page_like_sets_keep_their_measured_quality(name):
    path, floors = PAGE_LIKE_FLOORS[name]
    scores = score_all(load_passages(path))
    assert {m: round(scores[m].f1, 3) for m in floors if scores[m].f1 < floors[m]} == {}, (name, floors)


def test_named_partners_are_found_with_their_kind(passages):
    expected = {(p["id"], name, kind) for p in passages for name, kind in p["partners"]}
    found = {(p["id"], partner.name, partner.kind) for p in passages for partner in find_partners(p["text"])}
    assert len(expected & found) / len(expected) >= 0.8, sorted(expected - found)
