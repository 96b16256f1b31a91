"""CueSet finds named cues the way one alternation of all of them would, trying only alternatives a word can start."""

from __future__ import annotations

import random
import re

from shopwindow.cueset import CueSet, _leading_literals


def cues(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def test_an_alternative_opening_with_an_optional_group_can_start_at_the_words_after_it():
    assert _leading_literals("(?:(?:government|central) )?(?:grants?|funding) cut by") == [
        "gov", "cen", "gra", "fun"]
    found = CueSet([("grant", cues(r"(?:(?:government|central) )?(?:grants?|funding) (?:was )?cut by", r"grants?")),
                    ("saving", cues(r"cut by"))]).find("The leisure trust's grant was cut by £2m.")
    assert found == [("grant", (20, 36))]  # the whole "grant was cut by", not "grant" then a saving's "cut by"


def test_the_first_matching_alternative_wins_as_in_one_alternation():
    cue_set = CueSet([("a", cues(r"cost savings?")), ("b", cues(r"costs?"))])
    assert cue_set.find("Cost savings of £2m and costs of £1m.") == [("a", (0, 12)), ("b", (24, 29))]


WORDS = ("saved savings SAVE cost budget grant income a year per annum annually one-off target achieved estimated "
         "Économie straße save über Saves ſave Know İncome ırk cut reduced deficit gap £2m the and - ( é").split()


def test_the_lower_case_scan_finds_what_the_ignorecase_scan_finds():
    from shopwindow.figurereading import _KIND_CUES, _PERIOD_CUES, _STATUS_CUES

    rng = random.Random(2)
    for _ in range(3000):
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))
        for cue_set in (_KIND_CUES, _STATUS_CUES, _PERIOD_CUES):
            assert cue_set._find(sentence) == cue_set._find_ignoring_case(sentence)
