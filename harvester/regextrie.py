"""Build a character-trie regular expression from many literal phrases.

Python's ``re`` tries the branches of an alternation one after another, so ``a|b|c|...`` with a
thousand words is slow. Sharing prefixes (``kent|kensington`` -> ``ken(?:t|sington)``) leaves at
most a couple of dozen branches at any point, and the scan stays inside the regex engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

#: How a space inside a phrase may be written: spaces, hyphens or a line break.
SPACE = r"[ \t\r\n\-]+"
_SPECIAL = {" ": SPACE, "'": "['’]", "’": "['’]"}


def trie_regex(phrases: Iterable[str]) -> str:
    """A regex (without flags or boundaries) matching any of ``phrases``, longest first."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = True
    return _build(trie)


def _build(node: dict) -> str:
    ends_here = "" in node
    branches = [(_SPECIAL.get(char) or re.escape(char)) + _build(child)
                for char, child in sorted((k, v) for k, v in node.items() if k)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # a phrase ends here but longer ones go on: try the longer first
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"
    return body


#: The letters IGNORECASE matches to an ASCII letter, or that lower-case to one or to two characters: "ſ" (s), the
#: Kelvin sign (k), "İ" and "ı" (i). In a text without them, an IGNORECASE search for ASCII words finds what a plain
#: search of the lower-cased text finds, at the same offsets.
FOLDS_TO_ASCII = "\u017f\u212a\u0130\u0131"
#: Every character ``\s`` matches in a str pattern, listed: a set of plain characters is tested faster than one
#: holding the ``\s`` category, and a scan tests the set at every character of the page.
WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009" \
    "\u200a\u2028\u2029\u202f\u205f\u3000"
#: Characters that may come just before a word (whitespace and these). A scan that starts with this set lets the
#: regex engine skip through the text in C to the next word start; a leading lookbehind would make it try every
#: position.
WORD_LEAD = "[" + re.escape(WHITESPACE) + r"(\[{\"'‘’“”/\-–—*•…:;,.!?_&+]"


def word_start_regex(phrases: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """A compiled scan for whole-word ``phrases`` in a text that has one space put in front of it.

    Group 1 is the phrase. Use ``m.start(1) - 1`` for the offset in the original text; search
    ``" " + text`` so a phrase at the very start is found too.
    """
    return re.compile(WORD_LEAD + "(" + trie_regex(phrases) + r")(?![^\W_])", flags)


_TOKEN = re.compile(r"[^\W_]+")


def scannable(words: Iterable[str]) -> frozenset[str]:
    """The words a capitalised-word scan can find: a letter a-z, then letters and digits."""
    return frozenset(word for word in words if "a" <= word[:1] <= "z" and _TOKEN.fullmatch(word))


def capitalised_words_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A scan for capitalised whole words (``[A-Z]`` after a non-word character) whose lower case is in ``words``.

    Each branch starts with its capital, so the regex engine skips in C to the next possible word and
    only the words wanted come back to Python. IGNORECASE also folds a few non-ASCII letters ("ſ" to
    "s"): use :func:`capitalised_in`, which checks those against ``words``.
    """
    rests: dict[str, list[str]] = {}
    for word in scannable(words):
        rests.setdefault(word[0], []).append(word[1:])
    branches = [f"{c.upper()}(?<![^\\W_]{c.upper()})(?i:{trie_regex(rests[c])})" for c in sorted(rests)]
    return re.compile("(?:" + "|".join(branches) + r")(?![^\W_])")


def capitalised_in(text: str, scan: re.Pattern[str], words) -> Iterator[re.Match[str]]:
    """The matches of a :func:`capitalised_words_regex` scan whose lower case really is one of ``words`` (a plain
    reading that :class:`CapitalisedWords` must agree with: tests/test_regextrie.py compares the two)."""
    for word in scan.finditer(text):
        if word.group().isascii() or word.group().lower() in words:
            yield word


def _capitalised_matches(scan: re.Pattern[str], text: str, capitals: str) -> Iterator[re.Match[str]]:
    """``scan.finditer(text)`` for a :func:`capitalised_words_regex` scan whose words start with ``capitals``.

    A regex search for a set of characters tests each character of the page in turn (about a third of a millisecond
    on 5,000 words); str.find jumps to each capital in C. The scan is then tried at each capital in order: each match
    is one word, so none holds the start of the next. A page of capitals is left to the regex search.
    """
    starts: list[int] = []
    for capital in capitals:
        at = text.find(capital)
        while at != -1:
            starts.append(at)
            at = text.find(capital, at + 1)
        if len(starts) > len(text) // 20:
            return scan.finditer(text)
    starts.sort()
    return (m for at in starts if (m := scan.match(text, at)))


class CapitalisedWords:
    """Capitalised whole words of several word sets, found by one scan of a text for all of them.

    Council linking (the first words of council names) and partner reading (partner keywords) each look for
    their capitalised words in the same page. One scan for the words of every set costs little more than a scan
    for one, so each set is added here (:meth:`add`) and a text is scanned once for all of them; the last text's
    words are remembered until :meth:`clear`.
    """

    def __init__(self) -> None:
        self._sets: list[frozenset[str]] = []
        self._scan: re.Pattern[str] | None = None
        self._capitals = ""  # the first letters of the words, in capitals: where a scan can match
        self._last: tuple[str, re.Pattern[str] | None, list[tuple[int, str]]] = ("", None, [])

    def add(self, words: Iterable[str]) -> frozenset[str]:
        """Scan for ``words`` (lower case) too; returns the set to pass to :meth:`find`: the words a scan can
        find (a letter a-z, then letters and digits), as :func:`capitalised_words_regex` keeps them."""
        words = scannable(words)
        if words not in self._sets:
            self._sets.append(words)
            self._scan = None  # rebuilt with the new words on next use
        return words

    def find(self, text: str, words: frozenset[str]) -> list[tuple[int, str]]:
        """(offset, lower case) of each capitalised whole word of ``text`` whose lower case is one of ``words``."""
        scan = self._scan
        if scan is None:
            every = frozenset().union(*self._sets)
            self._capitals = "".join(sorted({word[0].upper() for word in every}))
            scan = self._scan = capitalised_words_regex(every)
        last = self._last  # read once: another thread may replace it (as a whole) meanwhile
        if last[1] is scan and (text is last[0] or text == last[0]):
            found = last[2]
        else:
            found = [(m.start(), m.group().lower()) for m in _capitalised_matches(scan, text, self._capitals)]
            self._last = (text, scan, found)
        # A word the scan found is one of these words when its lower case is (as capitalised_in checks): the
        # scan's IGNORECASE also folds a few non-ASCII letters ("ſ" to "s") that lower-casing does not.
        return [(at, lower) for at, lower in found if lower in words]

    def clear(self) -> None:
        """Forget the last text's words (for benchmarks that read the same page repeatedly)."""
        self._last = ("", None, [])


#: The capitalised words every extraction module looks for, scanned for together.
CAPITALISED = CapitalisedWords()


_LAST_LOWER: tuple[str, str] = ("", "")  # the last long text lower-cased, and its lower case
_LONG = 1000  # characters: shorter texts (titles, summaries) are cheap to lower-case and are not remembered


def lower_case(text: str) -> str:
    """``text.lower()``. A long page is lower-cased once: money reading and classification both want it, and
    classification reads the body, which ends the text money reading has (title, summary, body).

    The last long text's lower case serves any text it ends with, and any text that ends with it (only the
    start is lower-cased then), when lower-casing changed no length (so each character became one) and there is
    no capital sigma about (the only letter whose lower case depends on its neighbours).
    """
    global _LAST_LOWER
    last, lowered = _LAST_LOWER  # read once: another thread may replace it (as a whole) meanwhile
    if text is last or text == last:
        return lowered
    if len(last) == len(lowered) and "Σ" not in text:
        if len(text) < len(last) and last.endswith(text) and "Σ" not in last:
            return lowered[len(last) - len(text):]
        if len(text) > len(last) >= _LONG and text.endswith(last):
            lowered = text[:len(text) - len(last)].lower() + lowered
            _LAST_LOWER = (text, lowered)
            return lowered
    lowered = text.lower()
    if len(text) >= _LONG:
        _LAST_LOWER = (text, lowered)
    return lowered


def clear_caches() -> None:
    """Forget the last page's capitalised words and lower case (for benchmarks that read a page repeatedly)."""
    global _LAST_LOWER
    _LAST_LOWER = ("", "")
    CAPITALISED.clear()
