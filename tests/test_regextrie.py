"""The regex building blocks the extraction scans share: listed whitespace, one capitalised-word scan for many sets,
and one lower-casing of a page."""

import re

from shopwindow import regextrie
from shopwindow.regextrie import (
    WHITESPACE, CapitalisedWords, capitalised_in, capitalised_words_regex, clear_caches, lower_case,
)


def test_whitespace_lists_every_character_that_backslash_s_matches():
    every_character = "".join(map(chr, range(0x110000)))
    assert "".join(re.findall(r"\s", every_character)) == WHITESPACE


def test_one_scan_for_several_word_sets_finds_what_a_scan_per_set_finds():
    councils, partners = {"kent", "the", "mid"}, {"police", "trust", "nhs"}
    shared = CapitalisedWords()
    council_words, partner_words = shared.add(councils), shared.add(partners)
    text = "The Kent Police and NHS Kent Trust met Mid Kent officers; the kent bins, Kentish Town, ſtrange S words."
    for words, mine in ((councils, council_words), (partners, partner_words)):
        alone = [(m.start(), m.group().lower()) for m in capitalised_in(text, capitalised_words_regex(words), words)]
        assert shared.find(text, mine) == alone
    assert shared.find(text, council_words)[:2] == [(0, "the"), (4, "kent")]


def test_the_scan_tried_at_each_capital_finds_what_a_regex_search_finds():
    # Capitals inside a word ("McKent", "KENT"), at the very start, after an underscore; and a page of capitals,
    # which is left to the regex search.
    words = {"kent", "the", "mid", "nhs"}
    for text in ("The Kent and McKent; KENT_Kent _Kent Mid-Kent NHS's Kentish", "THE KENT AND MID KENT " * 40):
        shared = CapitalisedWords()
        mine = shared.add(words)
        alone = [(m.start(), m.group().lower()) for m in capitalised_in(text, capitalised_words_regex(words), words)]
        assert shared.find(text, mine) == alone and alone


def test_the_lower_case_of_a_page_serves_the_body_it_ends_with():
    body = "Kirklees Council SAVED £2m. " * 50
    page = "Title\n\n" + body
    assert lower_case(page) == page.lower()
    assert lower_case(body) == body.lower()
    assert regextrie._LAST_LOWER[0] is page  # the body was served from the page's lower case, not remembered anew
    sigma = "ΟΔΟΣ " + body  # a capital sigma's lower case depends on its neighbours: never sliced
    assert lower_case(sigma) == sigma.lower() and lower_case("Σ " + body) == ("Σ " + body).lower()
    clear_caches()


def test_a_page_that_ends_with_the_last_lower_cased_text_lower_cases_only_its_start():
    body = "Kirklees Council SAVED £2m. " * 50
    assert lower_case(body) == body.lower()
    page = "TITLE\n\n" + body
    assert lower_case(page) == page.lower()
    assert regextrie._LAST_LOWER[0] is page and regextrie._LAST_LOWER[1].endswith(body.lower())  # extended at its start
    sigma = "ΟΔΟΣ" + page  # "Σ" before the page: lower-cased whole
    assert lower_case(sigma) == sigma.lower()
    clear_caches()
