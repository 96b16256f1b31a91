"""Walking a page's lines: the lines above a place in the text, and the marks that say what a line is.

Shared by :mod:`shopwindow.layout` (lists and headings) and :mod:`shopwindow.plaintables` (plain-text tables).
"""

from __future__ import annotations

import re

ITEM = re.compile(r"[ \t]*(?:[-•*–]|\d+[.)]|[a-z][.)]|\((?:[a-z]|\d+)\))\s")  # "- ", "2. ", "b. ", "(c) "
ENDS = re.compile(r"[.!?:;][\"'’”)]*$")  # a sentence that ended, rather than one a line break cut off


def lines_above(text: str, start: int, limit: int = 20, blanks: int = 0):
    """The lines before offset ``start``, nearest first, stopping at a blank line (after crossing ``blanks`` of
    them, each yielded as "")."""
    return (line for _, line in lines_above_at(text, start, limit, blanks))


def lines_above_at(text: str, start: int, limit: int = 20, blanks: int = 0):
    """:func:`lines_above`, each line with the offset it starts at."""
    end = text.rfind("\n", 0, start)
    for _ in range(limit):
        if end <= 0:
            return
        line_start = text.rfind("\n", 0, end) + 1
        line = text[line_start:end]
        if not line.strip():
            if not blanks:
                return
            blanks -= 1
            line = ""
        yield line_start, line
        end = line_start - 1
