"""Where an article's own text ends: the heading over links to related stories."""

import re

from shopwindow.furniture import _RELATED_LEADS, RELATED_LINKS, related_links_start


def test_the_related_stories_heading_line_ends_the_article():
    text = "Kirklees saved £2m.\n\nMore on this below.\n  Related stories:\nLeeds saves £1m"
    assert related_links_start(text) == text.index("  Related stories")
    assert related_links_start("Kirklees saved £2m.\nSee also the budget") == len("Kirklees saved £2m.\nSee also the budget")


def test_every_related_links_heading_starts_with_a_letter_the_line_check_lets_through():
    # related_links_start tries the pattern only on lines starting with one of these letters (or blanks)
    depth, last, firsts = 0, 0, []
    for k, char in enumerate(RELATED_LINKS + "|"):
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            firsts.append(RELATED_LINKS[last])
            last = k + 1
    assert firsts and all(re.fullmatch(r"[a-z]", c) and {c, c.upper()} <= _RELATED_LEADS for c in firsts)
