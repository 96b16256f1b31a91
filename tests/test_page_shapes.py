"""Article extraction on the page templates real UK sources use.

Each page under ``tests/fixtures/page_shapes/`` mimics one template family (LocalGov Drupal, Jadu, Squiz,
Umbraco, GOV.UK design system, ModernGov, an e-mail bulletin, WordPress thinktanks, trade press, old table
layouts...) in our own markup and words. ``expectations.json`` says, for each page, what a reader of the page
would call its title and date, which of the article's own sentences the body must keep, and which furniture
(navigation, cookie text, sidebars of other stories with their own £ figures, comments, job adverts, notes to
editors) it must leave out.

Run as a script for a scorecard and the time per page::

    .venv/bin/python tests/test_page_shapes.py [--time]
"""

from __future__ import annotations

import json
import sys
import timeit
from functools import cache
from pathlib import Path

import pytest

from shopwindow.content import Article, extract_article
from shopwindow.textdecode import decode

PAGES = Path(__file__).parent / "fixtures" / "page_shapes"
EXPECTED: dict[str, dict] = json.loads((PAGES / "expectations.json").read_text(encoding="utf-8"))


def page_text(name: str) -> str:
    """The page decoded as the fetcher would: BOM, then the meta charset, then detection."""
    return decode((PAGES / name).read_bytes(), "text/html")[0]


@cache
def article_of(name: str) -> Article:
    return extract_article(page_text(name), EXPECTED[name]["url"])


def failures(name: str) -> list[str]:
    """Every expectation the extracted article misses, one line each (empty when the page is fully right)."""
    want, article = EXPECTED[name], article_of(name)
    titles = want["title"] if isinstance(want["title"], list) else [want["title"]]
    found = []
    if article.title not in titles:
        found.append(f"title {article.title!r}, expected {titles[0]!r}")
    if article.published != want["date"]:
        found.append(f"date {article.published!r}, expected {want['date']!r}")
    found += [f"body lacks {phrase!r}" for phrase in want["must"] if phrase not in article.text]
    found += [f"body has {phrase!r}" for phrase in want["must_not"] if phrase in article.text]
    lines = article.text.splitlines()
    holders = [next((i for i, line in enumerate(lines) if phrase in line), None) for phrase in want.get("separate_lines", [])]
    if len(set(holders)) < len(holders):
        found.append(f"lines run together: {want['separate_lines']}")
    return found


def test_every_page_has_expectations_and_every_expectation_a_page():
    assert sorted(p.name for p in PAGES.glob("*.html")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_is_the_headline_a_reader_sees(name):
    titles = EXPECTED[name]["title"]
    assert article_of(name).title in (titles if isinstance(titles, list) else [titles])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_date_is_the_publication_date_or_none(name):
    assert article_of(name).published == EXPECTED[name]["date"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_keeps_the_articles_own_sentences(name):
    text = article_of(name).text
    assert [phrase for phrase in EXPECTED[name]["must"] if phrase not in text] == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body_leaves_out_the_page_furniture(name):
    text = article_of(name).text
    assert [phrase for phrase in EXPECTED[name]["must_not"] if phrase in text] == []


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if "separate_lines" in EXPECTED[n]))
def test_paragraphs_stay_separate_lines(name):
    assert not [f for f in failures(name) if f.startswith("lines run together")]


def main(argv: list[str]) -> int:
    """Print pass/fail per page with its failed expectations, the totals, and with ``--time`` ms per page."""
    right = 0
    for name in sorted(EXPECTED):
        missed = failures(name)
        right += not missed
        print(f"{'PASS' if not missed else 'FAIL'}  {name}")
        for line in missed:
            print(f"        {line}")
    checks = sum(2 + len(w["must"]) + len(w["must_not"]) + ("separate_lines" in w) for w in EXPECTED.values())
    failed = sum(len(failures(name)) for name in EXPECTED)
    print(f"\n{right}/{len(EXPECTED)} pages fully right; {checks - failed}/{checks} expectations met")
    if "--time" in argv:
        texts = {name: page_text(name) for name in EXPECTED}
        runs = 20
        seconds = min(timeit.repeat(lambda: [extract_article(t, EXPECTED[n]["url"]) for n, t in texts.items()],
                                    number=runs, repeat=3))
        print(f"{seconds / runs / len(texts) * 1000:.2f} ms per page")
    return 0 if right == len(EXPECTED) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    sys.exit(main(sys.argv[1:]))
