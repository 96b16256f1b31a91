"""Word tokens with their offsets, shared by council and partner matching.

``tokenize`` reads ``&`` as the word "and" and rejoins words split across a line by print
hyphenation ("Notting-\\nhamshire"), keeping offsets into the original text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W_]+|&")
_HYPHEN_BREAK = re.compile(r"-[ \t]*\r?\n[ \t]*")
_JOIN = re.compile(r"[\s\-'’,]*")
_JOIN_NO_COMMA = re.compile(r"[ \t\r\n\-'’]*")


class Token(NamedTuple):
    raw: str
    low: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens (lower-cased copy in ``low``) with character offsets."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if tokens and raw[:1].islower() and _HYPHEN_BREAK.fullmatch(text, tokens[-1].end, match.start()):
            prev = tokens[-1]
            tokens[-1] = Token(prev.raw + raw, prev.low + raw.lower(), prev.start, match.end())
            continue
        tokens.append(Token(raw, "and" if raw == "&" else raw.lower(), match.start(), match.end()))
    return tokens


def adjacent(text: str, a: Token, b: Token, commas: bool = True) -> bool:
    """True when only spaces, one line break, hyphens, apostrophes (and commas) separate ``a`` and ``b``."""
    if a.low == "st" and text[a.end:b.start].strip() == ".":  # "St. Helens"
        return True
    pattern = _JOIN if commas else _JOIN_NO_COMMA
    if not pattern.fullmatch(text, a.end, b.start):
        return False
    return text.count("\n", a.end, b.start) < 2
