"""CueSet finds cue words in the lower-cased sentence, as its IGNORECASE scan would, at the same offsets."""

import random

from shopwindow.figurereading import _KIND_CUES, _PERIOD_CUES, _STATUS_CUES

WORDS = ("saved savings SAVE cost budget grant income a year per annum annually one-off target achieved estimated "
         "Économie straße save über Saves ſave Know İncome ırk cut reduced deficit gap £2m the and - ( é").split()


def test_the_lower_case_scan_finds_what_the_ignorecase_scan_finds():
    rng = random.Random(2)
    for _ in range(3000):
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12)))
        for cue_set in (_KIND_CUES, _STATUS_CUES, _PERIOD_CUES):
            assert cue_set._find(sentence) == cue_set._find_ignoring_case(sentence)
