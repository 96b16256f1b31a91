"""A saving's status from its sentence: achieved, target or estimated, read from the verb that governs the figure.

The nearest status cue to the left (back to the previous figure) decides, else one to the right within the
figure's clause, else the saving before it, else the nearest cue further back. Words that form one verb are
read together first ("were not delivered" is still a target), and a "would" in reported speech is a "will".
The cue words are in :mod:`shopwindow.savingcues`, the phrase shapes in :mod:`shopwindow.figureshapes`;
:mod:`shopwindow.figurereading` calls :func:`status_of`.
"""

from __future__ import annotations

import re

from .figureshapes import (
    DESCRIBED_AFTER,
    ELABORATES,
    ESTIMATES,
    HEDGING_MODALS,
    INTRODUCES_NEXT,
    LABELLED_AS,
    MODAL,
    NEED,
    OBJECT_RELATIVE,
    PAST_AUXILIARIES,
    RELATIVE_ASIDE,
    REPORTED,
    STATUS_ADVERBS,
    STATUS_NOUNS,
    SUBJECT_GAP,
    SUBJECT_START,
    TARGET_VERB,
    VERB_GROUP_JOIN,
)
from .savingcues import CLAUSE_BREAK

# A new clause with its own subject or verb after it: ", and a further", "; a further", ", while".
_NEW_LINE = re.compile(r"\n[ \t]*[A-Z£]")  # a line break before a capital: a heading line, not a wrapped sentence
_THAN = re.compile(r"\bthan\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"(?:[;:]|,?\s+(?:and|but|while|whereas)\b)", re.IGNORECASE)


def _cue_end(cues: list[tuple[str, tuple[int, int]]], start: int) -> int:
    """Where the cue starting at ``start`` ends."""
    return next(span[1] for _, span in cues if span[0] == start)


def status_of(sentence: str, fig: tuple[int, int], previous_end: int, next_start: int,
            cues: list[tuple[str, tuple[int, int]]], inherited: str | None = None) -> str:
    """The nearest status cue to the left (back to the previous figure), else to the right within the clause,
    else the status of the saving just before it in the sentence ("expected to fall by 60%, saving £5m"),
    else the nearest cue further left in the sentence ("The council expected use to fall by 60%, saving £5m")."""
    left_from = max(previous_end, fig[0] - 160)
    left = sorted(((span[0], name) for name, span in cues if left_from <= span[0] and span[1] <= fig[0]), reverse=True)
    clause = CLAUSE_BREAK.search(sentence, fig[1], next_start)
    right_to = min(next_start, clause.start() if clause else len(sentence), fig[1] + 70)
    than = _THAN.search(sentence, fig[1], right_to)
    if than:
        right_to = than.start()  # "20% lower than they would have paid": the comparison's status, not the figure's
    if "\n" in sentence and (line := _NEW_LINE.search(sentence, fig[1], right_to)):
        right_to = line.start()  # "Business case: £55m" over "Delivered to March: £3.4m": the next line's own word
    right = [(span[0], name) for name, span in cues if fig[1] <= span[0] and span[1] <= right_to
             and not (next_start < len(sentence) and INTRODUCES_NEXT.fullmatch(sentence, span[1], next_start))]
    if not left and not right and clause and (described := DESCRIBED_AFTER.match(sentence, clause.start())):
        # "a £2m budget reduction, agreed by the cabinet on Tuesday": the participle describes the figure
        right = [(span[0], name) for name, span in cues if span[0] == described.end()]
    if not left and not right and clause and (aside := RELATIVE_ASIDE.match(sentence, clause.start())):
        # "The £2m saving, which was announced last year, will be delivered by 2026": the main verb decides
        right = [(span[0], name) for name, span in cues if aside.end() <= span[0] <= aside.end() + 40
                 and span[1] <= next_start and not CLAUSE_BREAK.search(sentence, aside.end(), span[0])]
    if not left and not right and clause and (about := ELABORATES.match(sentence, clause.start())):
        # "A further £5.5m is rated red: it will not be achieved this year": the clause about it decides
        right = [(span[0], name) for name, span in cues if about.end() <= span[0] <= about.end() + 40
                 and span[1] <= next_start]
    if (own := OBJECT_RELATIVE.match(sentence, fig[1])) is not None:
        # "will use the £400,000 it saved last year": the clause about the figure says what it is
        status = next((name for name, span in cues if span[0] == own.end()), None)
        if status:
            return status
    if left and right and _NEW_LINE.search(sentence, _cue_end(cues, left[0][0]), fig[0]):
        return min(right)[1]  # "Cabinet will consider proposals" over "Savings of £2m have been delivered": its own line
    if left and right and _CLAUSE_START.search(sentence, _cue_end(cues, left[0][0]), fig[0]):
        return min(right)[1]  # "saved £2.3m since 2010, and a further £600,000 is expected": its own clause decides
    if SUBJECT_START.search(sentence, max(0, fig[0] - 40), fig[0]):
        # "Of the £5m agreed, £4.4m (85%) have been achieved": the figure is its clause's subject; its verb decides
        own = next((name for name, span in cues if fig[1] <= span[0] <= fig[1] + 60
                    and SUBJECT_GAP.fullmatch(sentence, fig[1], span[0])), None)
        if own:
            return own
    if left:
        position, status = left[0]
        if status == "achieved":  # "could have saved", "aims to have delivered"
            for pos, name in left[1:]:
                if position - pos <= 60 and ESTIMATES.match(sentence, pos) \
                        and not CLAUSE_BREAK.search(sentence, pos, position):
                    return "estimated"  # "officers estimate (that) the new rota has avoided": an estimate of a result
                if position - pos > 25:
                    break
                between = sentence[pos:position].split()
                # "estimates it avoided", "could have saved", "aims to have delivered" - but not "planning teams saved"
                if name != "achieved" and (position - pos <= 15 and (name == "estimated" or MODAL.match(sentence, pos))
                                           or between and between[-1].lower() in ("have", "to", "be")):
                    return name  # "could have saved", "estimates it avoided", "expected to be saved"
        if status == "achieved" and sentence[max(0, position - 4):position].lower().endswith("to "):
            # "expects the boilers to cut bills by": an infinitive is not a past result; a hedge earlier decides
            hedge = next((name for pos, name in left[1:] if name != "achieved" and position - pos <= 80
                          and not CLAUSE_BREAK.search(sentence, pos, position)), None)
            if hedge:
                return hedge
        if status == "target" and TARGET_VERB.match(sentence, position) \
                and any(name == "estimated" and not CLAUSE_BREAK.search(sentence, pos, fig[0])
                        for pos, name in left[1:] if position - pos <= 80):
            return "estimated"  # "it is expected that the change will save": the hedge governs the clause
        return status
    if right:
        return min(right)[1]
    if inherited:
        return inherited
    earlier = [(span[0], name) for name, span in cues if fig[0] - 200 <= span[0] and span[1] <= left_from]
    return max(earlier)[1] if earlier else "achieved"


def _backshifted(sentence: str, cues: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """A "would" in reported speech is a backshifted "will": "the leader said the merger would save £2m" reports
    a stated aim, as "the merger will save £2m" does. A "would" not reported stays a hedge."""
    if not any(sentence[s:e].lower() == "would" for _, (s, e) in cues):
        return cues
    return [("target", (s, e)) if sentence[s:e].lower() == "would" and REPORTED.search(sentence, max(0, s - 150), s)
            else (name, (s, e)) for name, (s, e) in cues]


def verb_groups(sentence: str, cues: list[tuple[str, tuple[int, int]]]) -> list[tuple[str, tuple[int, int]]]:
    """Status cues that form one verb ("were not delivered", "had planned", "would be needed") made one cue.

    The first word governs ("could have saved" is an estimate, "expect to find" too, "agreed last year" a
    plan), except that a past auxiliary or an adverb of time says only that something happened and the verb
    after it says what ("£3m of savings were not delivered" is still a target, "the £4m they had planned" a
    plan, "already agreed" a plan), and a hedging modal before a need is a need ("would be needed").
    """
    cues = [(name, (s, e)) for name, (s, e) in cues  # "were described as low risk": a label, not a result
            if not (e - s <= 4 and sentence[s:e].lower() in PAST_AUXILIARIES and LABELLED_AS.match(sentence, e))]
    if len(cues) < 2:
        return _backshifted(sentence, cues)
    cues = _backshifted(sentence, cues)
    out = [cues[0]]
    for name, (start, end) in cues[1:]:
        first, (first_start, first_end) = out[-1]
        if not VERB_GROUP_JOIN.fullmatch(sentence, first_end, start):
            out.append((name, (start, end)))
            continue
        head, tail = sentence[first_start:first_end].lower(), sentence[start:end].lower()
        if head in STATUS_NOUNS and STATUS_ADVERBS.fullmatch(tail):
            out.append((name, (start, end)))  # "proposals already agreed": the adverb goes with the verb after it
            continue
        if head in PAST_AUXILIARIES or STATUS_ADVERBS.fullmatch(head) \
                or head in STATUS_NOUNS and tail not in PAST_AUXILIARIES:  # ("the target was £2m": a target still)
            first = name  # "were not delivered", "already agreed", "the proposal estimates": the verb says what
        elif head in HEDGING_MODALS and NEED.fullmatch(tail):
            first = "target"  # "would be needed"
        # otherwise the first word governs: "could have saved", "expect to find", "agreed last year"
        out[-1] = (first, (first_start, end))
    return out
