"""Named cue patterns searched together, fast: the engine behind :mod:`shopwindow.savingcues`' word lists.

A :class:`CueSet` takes ``(name, pattern)`` pairs, each pattern a ``\\b(?:...)\\b`` alternation, and
finds every cue in a sentence, left to right, as the alternation of all of them would, but trying at
each word only the alternatives that can start with its first letters.
"""

from __future__ import annotations

import re

from .regextrie import FOLDS_TO_ASCII, trie_regex


def _leading_literals(alternative: str) -> list[str]:
    """The letters every match of a cue alternative starts with ("sav" for "sav" + "\\w*"); [""] if unknown."""
    alternative = alternative.removeprefix("(?-i:")
    if alternative.startswith("(?:"):
        depth, end = 0, 0
        for k, char in enumerate(alternative):
            depth += char == "("
            depth -= char == ")"
            if depth == 0:
                end = k
                break
        inner, parts, depth, last = alternative[3:end], [], 0, 0
        for k, char in enumerate(inner):
            depth += char == "("
            depth -= char == ")"
            if char == "|" and depth == 0:
                parts.append(inner[last:k])
                last = k + 1
        parts.append(inner[last:])
        literals = [p for part in parts for p in _leading_literals(part)]
        rest = alternative[end + 1:]
        if rest[:1] in ("?", "*") or rest.startswith("{0"):
            # an optional group ("(?:(?:government|central|core) )?grants? ...") may be skipped: the words after it
            # can start the match too
            literals += _leading_literals(rest.lstrip("?*").split("}", 1)[-1] if rest.startswith("{") else rest[1:])
        return literals
    letters = re.match(r"[a-z]*", alternative.lower()).group()
    if letters and alternative[len(letters):len(letters) + 1] in ("?", "*", "{"):
        letters = letters[:-1]  # "costs?": the s is optional
    return [letters[:3]]


class CueSet:
    """Named cue patterns searched together: only words whose first letters can start a cue are tried."""

    _WORD = re.compile(r"(?<![^\W_])[^\W\d_]+")

    def __init__(self, cues: list[tuple[str, re.Pattern[str]]]) -> None:
        self.names = {f"c{k}": name for k, (name, _) in enumerate(cues)}
        # Each cue's alternatives with the letters they must start with, in pattern order.
        self._alternatives: list[list[tuple[list[str], str]]] = []
        prefixes = set()
        for _, pattern in cues:
            body = pattern.pattern[len(r"\b(?:"):-len(r")\b")]
            alternatives, depth, last = [], 0, 0
            for k, char in enumerate(body + "|"):
                depth += char == "("
                depth -= char == ")"
                if char == "|" and depth == 0:
                    literals = _leading_literals(body[last:k])
                    alternatives.append((literals, body[last:k]))
                    prefixes.update(literals)
                    last = k + 1
            self._alternatives.append(alternatives)
        self.any_word = "" in prefixes
        self._cache: dict[str, list[tuple[str, tuple[int, int]]]] = {}
        self.prefixes = [{p for p in prefixes if len(p) == n} for n in (1, 2, 3)]
        # Word starts whose first letters can begin a cue, found by one scan in C rather than a Python loop
        # over every word: the same words the loop in the first version tried (a letter after a non-word).
        self._starts = re.compile(r"(?<![^\W_])[^\W\d_]") if self.any_word else \
            re.compile(r"(?<![^\W_])(?:" + trie_regex(prefixes) + ")", re.IGNORECASE)
        # The same scan over the lower-cased sentence, without IGNORECASE (a third faster), for sentences where
        # the two find the same words: see _find. Searched in " " + text, each word start after a non-word.
        self._lower_starts = None if self.any_word else re.compile(r"[\W_](" + trie_regex(prefixes) + ")")
        self._by_prefix: dict[str, re.Pattern[str]] = {}

    def _pattern_for(self, prefix: str) -> re.Pattern[str]:
        """The cues that can match a word starting with ``prefix``, in their original order.

        Trying one alternation of every cue at each word start cost most of the reading time: regex
        alternatives are tried one by one. Leaving out the alternatives that cannot start with these
        letters changes nothing else, since the first alternative that matches still wins.
        """
        pattern = self._by_prefix.get(prefix)
        if pattern is None:
            groups = []
            for k, alternatives in enumerate(self._alternatives):
                kept = [alt for literals, alt in alternatives if any(prefix.startswith(lit) for lit in literals)]
                if kept:
                    groups.append(f"(?P<c{k}>\\b(?:" + "|".join(kept) + ")\\b)")
            pattern = self._by_prefix[prefix] = re.compile("|".join(groups) or "(?!)", re.IGNORECASE)
        return pattern

    def find(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        """(cue name, span) for each cue in ``text``, left to right, not overlapping.

        Remembered for the last few hundred sentences: a page's summary usually repeats its first
        sentence, and the title its headline figure. Treat the list as read-only.
        """
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= 512:
                self._cache.clear()
            found = self._cache[text] = self._find(text)
        return found

    def clear_cache(self) -> None:
        """Forget remembered sentences (the benchmark does so between pages)."""
        self._cache.clear()

    def _starts_cue(self, text: str, at: int) -> bool:
        w = self._WORD.match(text, at).group().lower()
        p1, p2, p3 = self.prefixes
        return self.any_word or w[:3] in p3 or w[:2] in p2 or w[:1] in p1

    def _find(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        if self._lower_starts is None or not text.isascii() and any(char in text for char in FOLDS_TO_ASCII):
            return self._find_ignoring_case(text)
        # Without the few letters IGNORECASE folds to ASCII ones (or lower-casing lengthens), the IGNORECASE scan
        # finds a word where the plain scan of the lower case does, and its letters lower-cased are the prefix.
        found, last_end, by_prefix = [], 0, self._by_prefix
        for word in self._lower_starts.finditer(" " + text.lower()):
            at = word.start(1) - 1
            if at < last_end:
                continue
            match = (by_prefix.get(word.group(1)) or self._pattern_for(word.group(1))).match(text, at)
            if match:
                found.append((self.names[match.lastgroup], match.span()))
                last_end = match.end()
        return found

    def _find_ignoring_case(self, text: str) -> list[tuple[str, tuple[int, int]]]:
        found, last_end = [], 0
        for word in self._starts.finditer(text):
            if word.start() < last_end:
                continue
            if not word.group().isascii() and not self._starts_cue(text, word.start()):
                continue  # IGNORECASE also folds "ſ" to "s": keep to the words whose lower case starts a cue
            # (with a cue whose first letters are unknown, the scan finds every word: take its first letters here)
            prefix = word.group().lower() if not self.any_word else self._WORD.match(text, word.start()).group()[:3].lower()
            match = self._pattern_for(prefix).match(text, word.start())
            if match:
                found.append((self.names[match.lastgroup], match.span()))
                last_end = match.end()
        return found
