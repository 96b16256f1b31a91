"""Split prose into sentences, keeping offsets; careful with "£1.5m.", "St. Helens" and "e.g."."""

from __future__ import annotations

import re
from typing import NamedTuple

_END = re.compile(r"[.!?]+[\"'’”)\]]*\s+|\n\s*\n|\n(?=\s*(?:[-•*–]|\d+\.)\s)")
_ABBREVIATIONS = {"st", "cllr", "dr", "mr", "mrs", "ms", "no", "nos", "eg", "e.g", "ie", "i.e", "etc", "approx",
                  "c", "vs", "v", "fig", "ref", "para", "inc", "ltd", "co", "dept", "govt", "p.a", "pa", "cf"}


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
        piece_end = match.start()
        if match.group().startswith("."):
            word = _LAST_WORD.search(text, max(start, piece_end - 12), piece_end)
            following = text[match.end():match.end() + 1]
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1 and word.group(1).isupper()):
                continue
            if following and following.islower():
                continue
        _add(out, text, start, match.end())
        start = match.end()
    _add(out, text, start, len(text))
    return out


_LINE_END = re.compile(r"\n")
_LOWER_NEXT = re.compile(r"[ \t]*[a-z]")
_CONTINUES = re.compile(r"(?:[a-z,;(\-–]|\b(?:and|or|the|of|to|a|an|in|for|with|by))\s*$")


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    """Add a piece, first cutting it after short lines that cannot run on ("Date published: 24 May 2016")."""
    line_start = start
    for newline in _LINE_END.finditer(text, start, end):
        line = text[line_start:newline.start()]
        if line.strip() and len(line) <= 70 and not _CONTINUES.search(line) \
                and not _LOWER_NEXT.match(text, newline.end()):  # a wrapped line goes on in lower case
            _add_piece(out, text, start, newline.start())
            start = newline.end()
        line_start = newline.end()
    _add_piece(out, text, start, end)


def _add_piece(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append(Sentence(stripped, start + lead, start + lead + len(stripped)))
