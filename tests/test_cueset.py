"""CueSet finds named cues the way one alternation of all of them would, trying only alternatives a word can start."""

from __future__ import annotations

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


def test_a_cue_whose_first_letters_are_unknown_is_tried_at_every_word_without_losing_the_others():
    # A leading lookbehind hides the cue's first letters: every word is tried, and the other cues still match.
    cue_set = CueSet([("saving", cues(r"(?<!press )releas(?:e|ed)", r"saved")), ("budget", cues(r"costs?"))])
    assert cue_set.any_word
    assert cue_set.find("Costs fell and £2m was saved and released, says the press release.") == [
        ("budget", (0, 5)), ("saving", (23, 28)), ("saving", (33, 41))]
