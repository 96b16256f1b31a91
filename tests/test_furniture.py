"""Where an article's own text ends: the heading over links to related stories."""

import random

from shopwindow.furniture import _RELATED_LINE, related_links_start


def test_the_related_stories_heading_line_ends_the_article():
    text = "Kirklees saved £2m.\n\nMore on this below.\n  Related stories:\nLeeds saves £1m"
    assert related_links_start(text) == text.index("  Related stories")
    assert related_links_start("Kirklees saved £2m.\nSee also the budget") == len("Kirklees saved £2m.\nSee also the budget")


def test_only_line_starts_are_tried_and_the_first_heading_line_is_found_as_a_full_search_finds_it():
    pieces = ["Related stories", "RELATED NEWS:", "  see also", "\tMore news :", "You may also like", "ſee also",
              "Other letters", "Read next", "Related", "Related shortlisted entries", "text", "\n", "\n\n", " ", "x"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        found = _RELATED_LINE.search(text)
        assert related_links_start(text) == (found.start() if found else len(text))
