"""Where an article's own text ends: the page furniture that follows it, in one place.

A press release ends at "ENDS" or "Notes to editors"; a news page at its links to other stories
("Related stories", "See also"), its feedback prompt ("Was this page helpful?") or a column of other
stories ("Latest news", "Most read"). What follows names no scheme of this page, or names other
pages' schemes, so content extraction stops there and the splitter never makes parts of it.
"""

from __future__ import annotations

import re

from .regextrie import FOLDS_TO_ASCII

#: Headings over links to other pages' stories.
#: ("Related", "Related stories", "Related shortlisted entries": "related" and up to two words; always matched
#: against a whole line.)
RELATED_LINKS = (r"related(?: [a-z]+){0,2}|more (?:news|stories)|see also|"
                 r"you (?:may|might) also (?:like|be interested in)|other letters|read next")
#: Headings over a column of other stories' teasers, or over the site's own navigation, beside an article.
OTHER_STORIES = re.compile(r"(?:" + RELATED_LINKS + r"|latest (?:news|stories|articles|posts|(?:media |press )?releases)|"
                           r"other (?:news|stories|categories)(?: this week)?|recent (?:news|posts|articles)|"
                           r"more (?:case studies|(?:media |press )?releases|articles)|in this section|"
                           r"most (?:read|popular|viewed|commented)|popular (?:stories|articles|pages|now))[.:]?",
                           re.IGNORECASE)
#: The page's "was this useful?" prompt, after the article on most council sites.
FEEDBACK = r"(?:was this (?:page|article|information) (?:helpful|useful)|is this page useful|rate this page)\??"
#: A line that ends an article (matched against the whole stripped line).
ARTICLE_END = re.compile(r"(?:-*\s*ends\s*-*|notes? (?:to|for) (?:editors?|news ?desks?)|about the council)[.:]?|"
                         + OTHER_STORIES.pattern + "|" + FEEDBACK, re.IGNORECASE)  # (OTHER_STORIES holds RELATED_LINKS)
# One run of blanks around the optional colon: two adjacent optional runs backtrack badly on long blank lines.
_RELATED_LINE = re.compile(r"^[ \t]*(?:" + RELATED_LINKS + r")(?:[ \t]*:)?[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _first_characters(alternation: str) -> set[str]:
    """The first character of each top-level alternative of a regex alternation."""
    firsts, depth, last = set(), 0, 0
    for k, char in enumerate(alternation + "|"):
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            firsts.add(alternation[last])
            last = k + 1
    return firsts


# What a related-links line can start with: blanks, or the first letter of a heading in either case (and the few
# letters IGNORECASE folds to ASCII ones); None, to try every line, if a heading does not start with a letter.
_FIRSTS = _first_characters(RELATED_LINKS)
_RELATED_LEADS = frozenset(" \t" + "".join(_FIRSTS) + "".join(_FIRSTS).upper() + FOLDS_TO_ASCII) \
    if all("a" <= c <= "z" for c in _FIRSTS) else None


def related_links_start(text: str) -> int:
    """Where a heading over links to related stories starts in plain ``text``, or ``len(text)``.

    Only line starts are tried, found with str.find: a search for a pattern opening with ^ tries every character.
    """
    start = 0
    while True:
        if (_RELATED_LEADS is None or text[start:start + 1] in _RELATED_LEADS) and _RELATED_LINE.match(text, start):
            return start
        start = text.find("\n", start) + 1
        if not start:
            return len(text)
