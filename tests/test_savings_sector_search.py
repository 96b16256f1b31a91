"""Sector-wide phrases ("councils across England") are searched for only in sentences that hold one of their words."""

import random
import re

from shopwindow.savingcues import SECTOR_WIDE, SECTOR_WIDE_WORDS
from shopwindow.savings import _sector_phrases


def test_skipping_sentences_without_a_sector_word_finds_every_phrase_the_full_search_finds():
    # Every phrase SECTOR_WIDE finds must hold one of SECTOR_WIDE_WORDS, whatever is added to the pattern.
    words = re.findall(r"[a-z]+", SECTOR_WIDE.pattern.replace(r"\b", " ").replace(r"\w", " "))
    rng = random.Random(1)
    for _ in range(3000):
        sentence = " ".join(rng.choice(words + ["Saved", "£2m", ","]) for _ in range(rng.randint(1, 7)))
        found = [m.span() for m in SECTOR_WIDE.finditer(sentence)]
        assert _sector_phrases(sentence) == found
        assert not found or any(word in sentence.lower() for word in SECTOR_WIDE_WORDS)


def test_a_sentence_with_no_sector_word_has_no_sector_phrase():
    assert _sector_phrases("Kirklees saved £2m on printing.") == []
    assert _sector_phrases("Councils across England saved £2bn.") == [(0, len("Councils across England"))]
