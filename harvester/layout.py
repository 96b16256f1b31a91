"""What a sentence's place on the page says about its figures: lists, tables, the saving just named.

A harvested page is not all prose. A bullet under "Proposed savings 2024/25" is a proposed saving
though it says only "Close two recycling centres on Sundays - £180,000"; in a table the column
heading ("Target", "Delivered", "Budget 2024/25") says what each figure in a row is; and "By 2017
it had delivered £2.4m" restates the saving named in the sentence before. :func:`context_of` reads
these from the text around a sentence, for :func:`shopwindow.figurereading.read_sentence`; plain-text tables
are read in :mod:`shopwindow.plaintables`.
"""

from __future__ import annotations

import re

from .figureplace import NO_CONTEXT, Context
from .figurereading import lead_in
from .pagelines import ENDS, ITEM, lines_above, lines_above_at
from .plaintables import SAVINGS_NOUN, headed_savings, plain_table_header, row_cells
from .sentences import LABELLED_ROW_PATTERN, Sentence, is_table_row

# A lettered or numbered item's marker the sentence splitter cut off as the end of a sentence ("b." reads like
# "etc.", "2." like the end of one): the sentence then starts right after it, on the item's line.
_MARKER_BEFORE = re.compile(r"[ \t]*(?:[a-z]|\d{1,3})[.)][ \t]*")  # "b. ", and "2. " cut off the same way
_LABELLED_ROW = re.compile(LABELLED_ROW_PATTERN)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = re.compile(r"\n")
_LABEL_LINE = re.compile(r"[^:\n£]{1,60}:[ \t]*£")  # "Target for 2023/24: £2.7m", "Saving 2024/25: £215,000"
# A page that sets a budget (its title or opening says so): "City budget agreed", "Budget Proposals 2025/26",
# "has set a balanced budget for next year", "Medium Term Financial Plan".
_SETTING_BUDGET = re.compile(
    r"\b(?:(?:sets?|setting|agreed?|agrees|agreeing|approved?|approves|approving|balanced?|draft|proposed)"
    r"(?: (?:its|a|the|their|our|next year's|this year's))?(?: [a-z]+)? budgets?\b|budgets? (?:proposals|consultation|"
    r"setting|agreed|approved|(?:for )?20\d\d)|medium[- ]term financial (?:plan|strategy)|\bMTF[SP]\b)", re.IGNORECASE)
SETTING_BUDGET_REACH = 500  # characters: the title, dateline and opening paragraph


def context_of(text: str, sentence: Sentence, previous) -> Context:
    """The context of the figures in ``sentence`` (a span of ``text``); ``previous`` is the last figure
    classified before it (a :class:`shopwindow.savings.ClassifiedFigure`), if any."""
    row = bool(ITEM.match(text, sentence.start) or _labelled_row(sentence.text) or _after_marker(text, sentence.start))
    # The saving just named: in the same paragraph (a line of harvested text), or an item of the same list.
    after_saving = previous is not None and previous.kind == "saving" \
        and sentence.start - previous.sentence.end < 400 \
        and not (_PARAGRAPH_BREAK if row or not ENDS.search(previous.sentence.text) else _LINE_BREAK).search(
            text, previous.sentence.end, sentence.start)
    list_kind = list_status = None
    columns: tuple = ()
    label = False
    if row:
        list_kind, list_status = _lead_in_of_list(text, sentence.start)
    elif "\n" not in sentence.text and is_table_row(sentence.text) \
            and (header := plain_table_header(text, sentence)):
        columns, (list_kind, list_status) = header
    elif label := "\n" not in sentence.text and _LABEL_LINE.match(sentence.text) is not None:
        list_kind, list_status = _block_lead(text, sentence.start)
    if not (row or list_kind or any(kind for kind, _, _ in columns)) and _listed_line(sentence.text) \
            and (listed := _unmarked_list_lead(text, sentence)):
        # a line of an unmarked list ("Kent County Council - £38.5m", "Devon County Council - £29.6m (against a
        # target of £40m)") under a title that names savings: an item, as a marked one is
        (list_kind, list_status), row = listed, True
    if list_status is None and (row or columns or label) and _SETTING_BUDGET.search(text, 0, SETTING_BUDGET_REACH):
        # A page setting a budget lists what the budget plans: "Property rationalisation - £4.2m" under "City
        # budget agreed" is a planned saving (a word of its own, "delivered", still decides).
        list_status = "target"
    # "£2.6m of that": a part refers back to the last figure, even across a paragraph break.
    saving_before = previous is not None and previous.kind == "saving" and sentence.start - previous.sentence.end < 1000
    if not (after_saving or list_kind or list_status or columns or saving_before):
        return NO_CONTEXT
    # A list item says its own status, or its lead-in does: the item before it is another scheme ("- Conwy: a link
    # projected to save £400,000" then "- Sutton: placement costs down £1.1m"), unless the item goes on after it.
    own_item = row and "\n" in text[previous.sentence.end:sentence.start] if after_saving else False
    return Context(after_saving, list_kind, list_status, columns,
                   previous.status if after_saving and not own_item else None, saving_before)


def _listed_line(line: str) -> bool:
    """A line that may be an item of an unmarked list: a short line opening with a capital, holding a figure, not
    a sentence of prose ("The remaining £17m comes from fees and charges." after a table)."""
    return len(line) <= 200 and line[:1].isupper() and "\n" not in line and ("£" in line or "%" in line) \
        and not line.rstrip().endswith(".")


def _unmarked_list_lead(text: str, sentence: Sentence) -> tuple[str | None, str | None] | None:
    """("saving", status) for a line among other such lines (at least two in all) under a lead-in or title naming
    savings: the first line above the list that is not one of its items, if it ends with a colon, or else the
    headings above the list (across blank lines) or the page's title."""
    items, start, lead = 1, sentence.start, ""
    for line_start, line in lines_above_at(text, sentence.start, limit=40):
        if not _listed_line(line):
            lead = line
            break
        items, start = items + 1, line_start
    below = text[sentence.end:].lstrip(" \t").removeprefix("\n")
    if items < 2 and not _listed_line(below.split("\n", 1)[0]):
        return None
    if not lead.strip():  # the list stands a blank line below its lead-in
        lead = next((line for _, line in lines_above_at(text, start, limit=3, blanks=1) if line.strip()), "")
    if lead.rstrip().endswith(":") and len(lead) <= 200 and SAVINGS_NOUN.search(lead) \
            and (named := lead_in(lead))[0] == "saving":
        return named  # "Savings total £41.6m. Among them:" over the items (not "numbers from our cost study:")
    headed = headed_savings(text, start)
    return headed if headed[0] else None


def _block_lead(text: str, start: int) -> tuple[str | None, str | None]:
    """The kind and status the first line of a label line's block names: under "Proposal 3: Reduce opening hours",
    the line "Saving 2024/25: £215,000" is a proposed saving, as an item under a list's lead-in would be; under
    "Savings status, 2024/25", "Delivered at year end: £40.1m" is a saving its own label says was delivered."""
    lines = list(lines_above(text, start))
    if not lines or len(lines[-1]) > 200:
        return None, None
    kind, status = lead_in(lines[-1])
    # the kind only from a line that names savings, not one where a cue only seems to ("from our latest cost study")
    return (kind if SAVINGS_NOUN.search(lines[-1]) else None), status


def heading_of(text: str, sentence: Sentence) -> str | None:
    """For a list item or table row, the lines that say what it is ("Savings from shared management", and a
    plain-text table's column headings), so a quote of the row alone still makes sense; else None."""
    if ITEM.match(text, sentence.start) or _labelled_row(sentence.text) or _after_marker(text, sentence.start):
        lead = _lead_line(text, sentence.start)
        return lead.strip()[:200] if lead else None
    if "\n" in sentence.text or not is_table_row(sentence.text) or row_cells(sentence.text) is None:
        return None
    above = [line for line in lines_above(text, sentence.start) if row_cells(line) is None][:2]
    return " — ".join(line.strip()[:200] for line in reversed(above)) or None


def _after_marker(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` begins its line right after a lettered item's marker ("   b. Merging ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return 0 < start - line_start <= 8 and _MARKER_BEFORE.fullmatch(text, line_start, start) is not None



def _labelled_row(line: str) -> bool:
    return ";" in line and ":" in line and _LABELLED_ROW.match(line) is not None


def _is_row(line: str) -> bool:
    return bool(ITEM.match(line) or _labelled_row(line))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _lead(text: str, item_start: int) -> tuple[str, int] | None:
    """The line that introduces the list or table an item belongs to, and where it starts: the first line above
    that is no item, or for an indented item the first line less indented (a report's "2. The largest items
    are:" above "   a. ...")."""
    line_start = text.rfind("\n", 0, item_start) + 1
    indent = _indent(text[line_start:item_start + 1])
    for line in lines_above(text, item_start):
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        if not _is_row(line) or indent and line.strip() and _indent(line) < indent:
            return line, line_start
    return None


def _lead_line(text: str, item_start: int) -> str | None:
    lead = _lead(text, item_start)
    return lead[0] if lead else None


def _lead_in_of_list(text: str, item_start: int) -> tuple[str | None, str | None]:
    """Kind and status named by the line that introduces the list or table an item belongs to. A lead-in that
    names no kind ("The largest items are:") introduces parts of what the line above it named ("The savings
    plan of £1.9m ...")."""
    lead = _lead(text, item_start)
    if lead is None or len(lead[0]) > 200:
        return None, None
    kind, status = lead_in(lead[0])
    line = lead[0].strip()
    if kind is None and (line.endswith(":") or status is None and len(line) <= 40 and not ENDS.search(line)):
        # "Where it came from" under "We met our efficiency target, finding £1.2m": a heading for the parts
        above = next((line for line in lines_above(text, lead[1], blanks=1) if line.strip()), None)
        # ...a sentence of prose, not a page's title ("Channel shift saves £750k" over "The Challenge")
        if above is not None and len(above) <= 200 and (line.endswith(":") or ENDS.search(above.rstrip())) \
                and (named := lead_in(above))[0] == "saving":
            return "saving", status or named[1]
    return kind, status
