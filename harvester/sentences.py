"""Split prose into sentences, keeping offsets; careful with "£1.5m.", "St. Helens" and "e.g."."""

from __future__ import annotations

import re
import string
from typing import NamedTuple

# A new list item starts a new sentence: "- ", "•", "2. ", and the lettered and numbered items of committee
# reports ("b. ", "c) ", "(d) ", "(iv) "), which begin in lower case and would otherwise read as a run-on line.
# Each alternative opens with a plain character, so the regex engine skips in C to the next ".", "!", "?" or line
# break; "[.!?]+" first made it try the pattern at every character (12 microseconds for a 270-character window).
_END = re.compile(r"\.[.!?]*[\"'’”)\]]*\s+|![.!?]*[\"'’”)\]]*\s+|\?[.!?]*[\"'’”)\]]*\s+|\n\s*\n"
                  r"|\n(?=\s*(?:[-•*–]|\d+\.|[a-z][.)]|\((?:[a-z]|[ivx]+|\d+)\))\s)")
_ABBREVIATIONS = {"st", "cllr", "dr", "mr", "mrs", "ms", "no", "nos", "eg", "e.g", "ie", "i.e", "etc", "approx",
                  "c", "vs", "v", "fig", "ref", "para", "inc", "ltd", "co", "dept", "govt", "p.a", "pa", "cf"}


MAX_SENTENCE = 1000  # characters; longer "sentences" are cut into pieces this long (quotes stop at 600)

_LAST_WORD = re.compile(r"([\w.]+)$")


class Sentence(NamedTuple):
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their character offsets; blank pieces are dropped."""
    out: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        piece_end, end = match.span()
        if text[piece_end] == ".":
            word = _LAST_WORD.search(text, max(start, piece_end - 12), piece_end)
            if word and ((last := word.group(1)).lower() in _ABBREVIATIONS or len(last) == 1 and last.isupper()):
                continue
            if text[end:end + 1].islower():  # "" (the end of the text) is not lower case
                continue
        _add(out, text, start, end)
        start = end
    _add(out, text, start, len(text))
    return out


_LINE_END = re.compile(r"\n")
#: A table row as harvester/content.py writes an HTML row: "2011/12: Target £1.1m; Delivered £1.3m".
# The first pound sign or percentage, then the first semicolon after it: each step has one way to match,
# so a long line with many of either is read once, not once per pair.
LABELLED_ROW_PATTERN = r"[^:\n]{1,80}: [^\n£%]*[£%][^\n;]*;[^\n]*"
#: A money figure or percentage as a table cell holds it. A figure ends where its digits do, so a run of
#: digits is never tried as several cells ("£1111" as "£1" then "111..."): that made long runs quadratic.
FIGURE_CELL = (r"(?:£|GBP ?)[0-9](?:[0-9,]*[0-9])?(?:\.[0-9]+)?(?![0-9])(?: ?(?:bn|m|k|million|billion|thousand)\b)?"
               r"|[0-9]+(?:\.[0-9]+)? ?(?:%|per cent)")
#: An empty table cell after a figure: "Supported living | £4.1m | £4.1m | nil", "Parks  £0.3m  -".
EMPTY_CELL = r"(?:nil|n/?a|[-–—]|0)(?=[ \t|]|$)"
#: A table row in plain text: a short label, then only figures ("2011/12 £1.1m £1.3m", "Libraries £3.1m £2.8m"), or a
#: labelled row (LABELLED_ROW_PATTERN). The two are tried apart, each only on a line that can be one: trying every
#: label length of the first against a line of prose cost 10 microseconds a line.
#: A rating cell closing a row of a savings tracker: "£2.40m   £1.10m   A" under "... Forecast   Status".
#: The names of a red, amber or green rating as pages write them (a rating cell may also be the bare letter).
RAG_NAMES = ("Red", "Amber", "Green", "RED", "AMBER", "GREEN")
RATING_CELL = r"(?:[ \t]{2,}|\t|[ \t]*\|[ \t]*)(?-i:R|A|G|" + "|".join(RAG_NAMES) + ")"
#: The cell closing a row: a rating, or a short word or two of status or impact in its own column ("High",
#: "In progress", "Partly slipped"), as a savings tracker or a proposals table sets them after the figures.
CLOSING_CELL = r"(?:[ \t]{2,}|\t|[ \t]*\|[ \t]*)(?:(?-i:R|A|G)|[A-Za-z][A-Za-z'’-]+(?: [A-Za-z][A-Za-z'’-]+){0,2})"
_FIGURES_ROW = re.compile(rf"[^\n£%]{{0,60}}?(?:[ \t|]*(?:{FIGURE_CELL}))+(?:[ \t|]+{EMPTY_CELL}(?:[ \t|]*(?:{FIGURE_CELL}))*)*"
                          rf"(?:{CLOSING_CELL})?[ \t|]*", re.IGNORECASE)
_LABELLED_ROW = re.compile(LABELLED_ROW_PATTERN)
# The last character of a row of figures: a digit, a unit's ("£2m", "£5bn", "thousand", "per cent", "%"; IGNORECASE
# lets the Kelvin sign stand for k), an empty cell's ("nil", "n/a", a dash), a closing cell's or a column gap. A
# sentence ending in a full stop is never one.
_FIGURES_ROW_ENDS = frozenset("0123456789-–—%'’ \t|" + string.ascii_letters + "\u212a")  # letters: a closing cell
_LOWER_NEXT = re.compile(r"[ \t]*[a-z]")
_CONTINUES = re.compile(r"(?:[a-z,;(\-–]|\b(?:and|or|the|of|to|a|an|in|for|with|by))\s*$")


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    """Add a piece, first cutting it after short lines that cannot run on ("Date published: 24 May 2016"),
    and around table rows ("2011/12 £1.1m £1.3m"), unless the next line goes on in lower case."""
    # Most sentences are one line: nothing to cut. A line break only in the blanks around the piece (the ".\n\n" that
    # ends a paragraph) cuts nothing either: what it would cut off is blank, and blank pieces are dropped.
    if text.find("\n", start, end) == -1 or "\n" not in text[start:end].strip():
        _add_piece(out, text, start, end)
        return
    line_start = start
    row = None  # whether the current line is a table row, carried from the check of the line before
    for newline in _LINE_END.finditer(text, start, end):
        line = text[line_start:newline.start()]
        next_row = None
        if line.strip() and not _LOWER_NEXT.match(text, newline.end()):
            if row is None:
                row = is_table_row(line)
            cut = len(line) <= 70 and not _CONTINUES.search(line) or row
            if not cut:
                next_line = text[newline.end():_line_end(text, newline.end(), end)]
                next_row = is_table_row(next_line)
                cut = next_row or _listed_lines(line, next_line)
            if cut:
                _add_piece(out, text, start, newline.start())
                start = newline.end()
        line_start, row = newline.end(), next_row
    _add_piece(out, text, start, end)


def _listed_lines(line: str, next_line: str) -> bool:
    """Two lines of an unmarked list: each opens with a capital and holds a money figure ("Adults - review of
    direct payments - £1.0m - Amber"). Wrapped prose rarely puts a figure on both sides of a break."""
    return "£" in line and "£" in next_line and line[:1].isupper() and next_line[:1].isupper() \
        and not line.rstrip().endswith((",", " and", " or", " of", " to", " the"))


def _line_end(text: str, start: int, end: int) -> int:
    found = text.find("\n", start, end)
    return end if found == -1 else found


def is_table_row(line: str) -> bool:
    """A table row: only lines with a pound sign or a percentage are tried against the pattern."""
    if not ("£" in line or "%" in line or "per cent" in line or "GBP" in line):
        return False
    return line[-1] in _FIGURES_ROW_ENDS and _FIGURES_ROW.fullmatch(line) is not None \
        or ";" in line and _LABELLED_ROW.fullmatch(line) is not None


def _add_piece(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    # No real sentence runs to thousands of characters: a run-on blob (a flattened table, hostile text) is cut
    # at a space so that reading its figures stays proportional to its length.
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut != -1 else start + MAX_SENTENCE
        out.append(Sentence(text[start:cut].rstrip(), start, start + len(text[start:cut].rstrip())))
        start = cut + (text[cut:cut + 1] == " ")
    if end > start:
        out.append(Sentence(stripped if len(stripped) == end - start else text[start:end], start, end))
