"""Plain-text tables: rows of a short label then figures in columns, as pages and PDFs copied to text set them out.

:func:`plain_table_header` reads what a row's figures are from the column headings above it and the table's
caption ("Target   Delivered" under "Savings 2024/25"), for :func:`shopwindow.layout.context_of`;
:func:`with_stated_units` writes a table's bare amounts as sterling when its unit is stated once above it
("(all figures £000)").
"""

from __future__ import annotations

import re

from .figurereading import column_reading, lead_in
from .pagelines import ENDS, ITEM, lines_above_at
from .sentences import CLOSING_CELL, FIGURE_CELL, RATING_CELL, Sentence
from .tables import EMPTY, NOT_MONEY, as_sterling, stated_unit, takes_table_unit

_FIGURE = re.compile(FIGURE_CELL, re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}(?:[/-][0-9]{2}(?:[0-9]{2})?)?$")
MAX_LABEL = 60
# A unit stated once for a plain-text table: "(all figures £000)", "£'000", "£000s", "(£m)", "£ thousands".
_UNIT_WORD = r"£\s*(?:'?000s?|k|mn?|thousands?|millions?|bn|billions?)(?![\w£])"
_STATED_UNIT = re.compile(_UNIT_WORD, re.IGNORECASE)
# The unit said of a whole table: bracketed ("Savings by directorate (£m)", "(all figures £000)"), or a cell or
# line of its own ("£'000" alone, "Service   £000   £000") - not a unit mentioned in passing.
_DECLARED_UNIT = re.compile(
    rf"\(\s*(?:(?:all\s+)?(?:figures|amounts|values|numbers)\s+(?:are\s+)?(?:in\s+)?)?{_UNIT_WORD}\s*\)|"
    rf"(?:^|\s{{2,}}|\t)\(?{_UNIT_WORD}\)?(?=\s{{2,}}|\t|\s*$)", re.IGNORECASE)
_CELL_GAP = re.compile(r"[ \t]*\|[ \t]*|\t[ \t]*| {2,}")  # columns lined up with spaces, tabs or bars
_BARE = re.compile(r"\(?-?\d[\d,]*(?:\.\d+)?\)?$")  # any bare number a cell holds, brackets for a negative too
_TOTAL = re.compile(r"(?:grand |sub-?)?total|overall|combined", re.IGNORECASE)
MAX_TABLE_ROWS = 200
_RATING = re.compile(RATING_CELL + r"[ \t|]*$")
_CLOSING = re.compile(CLOSING_CELL + r"[ \t|]*$")
_RATING_COLUMN = re.compile(r"(?:rag\s+)?(?:status|rating|rag)", re.IGNORECASE)
_EMPTY_CELL = re.compile(r"nil|n/?a|[-–—]|0", re.IGNORECASE)  # a table cell with nothing in it
# A caption about money that is not saved: its targets are income, spending or grant targets.
_OTHER_MONEY = re.compile(r"\b(?:income|revenue|fees|charges|sales|grants?|funding|capital|spend\w*|budgets?)\b",
                          re.IGNORECASE)


_HEADING_LINE = 120  # characters: a longer line above a table is prose, not one of its headings


# A line that names savings outright; a cue can only seem to ("numbers from our latest cost-to-serve study").
SAVINGS_NOUN = re.compile(r"\b(?:sav(?:ing|ings)|efficienc(?:y|ies)|reductions|cuts)\b", re.IGNORECASE)


def headed_savings(text: str, start: int) -> tuple[str | None, str | None]:
    """("saving", status) when the headings above a table (the lines from offset ``start`` up, across blank lines,
    until prose) or else the page's opening lines name savings: "Summary of Budget Reductions 2025/26", "Savings
    Tracker" then "Position at Period 8", a report titled "Budget Proposals: Summary of Savings Options" above a
    paragraph and the table. A heading that holds a figure is a headline ("Council saves £2m"), not a table's title."""
    def heading(line: str) -> bool:
        return len(line) <= _HEADING_LINE and "£" not in line and not ENDS.search(line.rstrip()) \
            and row_cells(line) is None and not ITEM.match(line)

    def named(lines) -> tuple[str | None, str | None]:
        status = None
        for line in lines:
            kind, line_status = lead_in(line)
            status = status or line_status
            if kind == "saving":
                return kind, status
        return None, None

    above = []
    for _, line in lines_above_at(text, start, limit=8, blanks=3):
        if line and not heading(line):
            break
        above.append(line)
    found = named(line for line in above if line)
    if found[0] is None and text.find("\n\n") > 0:
        opening = text[:text.find("\n\n")].split("\n")[:4]
        if all(heading(line) for line in opening):
            found = named(reversed(opening))
    return found


def row_cells(line: str) -> tuple[str, list[re.Match[str]], list[int], int] | None:
    """A plain-text table row: a short label, then nothing but figures ("2011/12 £1.1m £1.3m") and empty cells
    ("nil", "-"), perhaps closed by a rating ("A") or a word or two ("High", "In progress"). Returns the label, the
    figures, each figure's place among the cells, and how many cells (the closing cell not counted: see
    plain_table_header)."""
    if (closing := _CLOSING.search(line)) and not _EMPTY_CELL.fullmatch(closing.group().strip(" \t|")):
        line = line[:closing.start()]
    figures = list(_FIGURE.finditer(line))
    if not figures:
        return None
    label = line[:figures[0].start()].strip()
    if len(label) > MAX_LABEL:
        return None
    slots, width = [], 0
    for k, figure in enumerate(figures):
        slots.append(width)
        gap = line[figure.end():figures[k + 1].start() if k + 1 < len(figures) else len(line)]
        empties = gap.replace("|", " ").split()
        if not all(_EMPTY_CELL.fullmatch(cell) for cell in empties):
            return None
        width += 1 + len(empties)
    return label, figures, slots, width


def plain_table_header(text: str, sentence: Sentence):
    """For a plain-text table row, (kind, status) per figure from the column headings, and the caption's
    (kind, status); None when the line is not a row under a heading line with enough columns."""
    row = row_cells(sentence.text)
    if row is None:
        return None
    count = row[3]
    total = _TOTAL.fullmatch(row[0].rstrip(": "))  # "Total   £1.075m": a total row may fill only its last columns
    lines = lines_above_at(text, sentence.start, blanks=1)  # a caption may stand a blank line above the table
    for header_start, line in lines:
        cells = row_cells(line)
        if cells is None:
            break  # the first line above the rows: the heading line
        if cells[3] != count and not (total and cells[3] > count):
            return None
    else:
        return None
    if not line.strip():
        # rows straight after a blank line have no column headings: "Table 2.4: Councils with the largest reported
        # savings" (and a source note) above a blank, then "Kent County Council - £38.5m"
        headed = headed_savings(text, header_start)
        return (((None, None, None),) * len(row[1]), headed) if headed[0] else None
    columns = _column_names(line)
    if columns and _RATING.search(sentence.text) and _RATING_COLUMN.fullmatch(columns[-1]):
        columns = columns[:-1]  # "... Forecast 24/25   Status": the rows' closing letters are that column
    elif len(columns) > count and (closing := _CLOSING.search(sentence.text)) and not _RATING.search(sentence.text) \
            and not _EMPTY_CELL.fullmatch(closing.group().strip(" \t|")):
        columns = columns[:-1]  # "Value   Impact" over "£2.9m   High": the closing words are the last column
    if len(columns) < count or len(line) > 200 or ENDS.search(line.rstrip()) and not line.rstrip().endswith(":"):
        return None  # a sentence above ("... and joint contracts.") is prose, not a table's column headings
    set_out = _set_out(line)
    # a line of words over the rows ("How we propose to close the gap") is a heading, not column headings: its last
    # word names no column ("gap" is not what "Efficiency savings - £11.8m" is)
    worded = len(columns) > count + 2 and not set_out
    if (worded or row[0].endswith(":") and not set_out) and not _FIGURE.search(line) \
            and SAVINGS_NOUN.search(line) and (named := lead_in(line))[0]:
        # words, not headings: "Table: savings from partnership and merger (annual, £)" over rows that have none, or
        # "Savings status, 2024/25" over label lines ("Delivered at year end: £40.1m"), which name their own status
        return ((None, None, None),) * len(row[1]), named
    caption = next(lines, (0, ""))[1]
    beyond_blank = not caption
    if beyond_blank:
        caption = next(lines, (0, ""))[1]
    if _unit_only(caption):
        caption = next(lines, (0, ""))[1]  # "(all figures £000)" says only the unit: the line above it is the caption
    elif beyond_blank and (ENDS.search(caption.rstrip()) or len(caption) > 200):
        # across a blank line only a unit statement and its caption belong to the table - or a heading line
        # ("Appendix C, new saving proposals"), never a sentence of prose
        caption = ""
    readings = [(None, None, None) if worded else column_reading(name) for name in columns[-count:]]
    captioned = lead_in(caption) if len(caption) <= 200 else (None, None)
    readings = _table_readings(text, readings, columns[-count:], row[0], caption, captioned,
                               header_start if set_out else None)
    return tuple(readings[slot] for slot in row[2]), captioned  # the figures' columns, empty cells passed over


def _table_readings(text: str, readings: list, names: list[str], label: str, caption: str,
                    captioned: tuple[str | None, str | None], header_start: int | None) -> list:
    """The (kind, status, period) each column's heading gives, adjusted for the table as a whole: a total column,
    savings between budget columns, a caption or title naming savings (``header_start``: where a heading line set
    out in cells starts, else None), a column of savings delivered beside the plan, money tracked against a target.
    ``label`` is the row's label."""
    kinds = {kind for (kind, _, _), name in zip(readings, names) if not _TOTAL.fullmatch(name)}
    if len(kinds) == 1 and None not in kinds:
        # "Savings 2024/25   Savings 2025/26   Total": a total column adds up the columns beside it
        readings = [(kinds.copy().pop(), status, period) if _TOTAL.fullmatch(name) else (kind, status, period)
                    for (kind, status, period), name in zip(readings, names)]
    if any("budget" in name.lower() for name in names):
        # "2024/25 budget | Savings 2025/26 | 2025/26 budget": savings set between two years' budgets are planned
        readings = [(kind, status or "target", period) if kind == "saving" else (kind, status, period)
                    for kind, status, period in readings]
    if not any(kind for kind, _, _ in readings) and not label.endswith(":") and header_start is not None \
            and (headed := captioned if captioned[0] and "£" not in caption else headed_savings(text, header_start))[0]:
        # No kind in the columns of a table set out in cells, but the caption, the headings above it or the page's
        # title name savings: each figure is one, whatever its row's label says ("Reduce school delegated budgets
        # £2.9m   High"). A label line's label ("Set aside budget: £22m") says what its figure is.
        readings = [("saving", status or headed[1], period) for _, status, period in readings]
    if any(kind == "saving" and status == "achieved" for kind, status, _ in readings):
        # "Value | Realised", "Approved | Delivered": beside a column of savings delivered, one with no status is the plan
        readings = [(kind, "target" if kind == "saving" and status is None else status, period)
                    for kind, status, period in readings]
    if any(kind is None and status == "target" for kind, status, _ in readings) and captioned[0] in (None, "saving") \
            and not _OTHER_MONEY.search(caption) and not _OTHER_MONEY.match(label) \
            and not any(kind in ("budget", "income", "grant", "investment") for kind, _, _ in readings):
        # Money tracked against a target ("Target | Forecast | Shortfall") is a savings target: its status columns
        # are savings too, and its shortfall is savings not (yet) delivered, still a target - unless the row is
        # other money ("Income and fees   £31.0m   £28.5m   £2.5m").
        readings = [("saving", status, period) if kind is None and status
                    else ("saving", "target", period) if kind == "funding_gap" else (kind, status, period)
                    for kind, status, period in readings]
    return readings


def _set_out(line: str) -> bool:
    """Whether a heading line is set out in cells ("Service  Proposal  Value"), not a line of words."""
    return sum(1 for cell in _CELL_GAP.split(line.strip()) if cell) > 1


def _unit_only(line: str) -> bool:
    """A line that only states a table's unit: "(all figures £000)", "£'000", "(figures in £m)"."""
    words = line.strip(" ()").lower().removeprefix("all figures").removeprefix("figures").strip().removeprefix("in ")
    return bool(_STATED_UNIT.fullmatch(words.strip(" ()")))


def _column_names(line: str) -> list[str]:
    """Column headings from a heading line: the cells between runs of spaces, tabs or bars when the line is set
    out so ("Saving per annum   One-off cost"), else words, with a year joined to the word before ("Budget 2024/25")."""
    cells = [cell for cell in _CELL_GAP.split(line.strip()) if cell]
    if len(cells) > 1:
        return cells
    names: list[str] = []
    for word in line.replace("|", " ").split():
        if names and _YEAR.match(word):
            names[-1] += " " + word
        else:
            names.append(word)
    return names


def with_stated_units(text: str) -> str:
    """``text`` with the bare amounts of plain-text tables whose unit is stated once above them written as
    sterling: under "(all figures £000)", the row "Adult care   3,150   1,400" becomes "Adult care   £3,150k
    £1,400k", as :mod:`shopwindow.tables` does for HTML tables. Budget books copied from PDFs look like this.

    A table here is the lines after the statement (up to three heading lines first), each a short label and
    then only numbers in columns two spaces, a tab or a bar apart; a blank or prose line ends it. Rows and
    columns that count something else (FTE, posts, percentages, years) are left alone.
    """
    if "£" not in text or not _STATED_UNIT.search(text):
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if len(line) > 120 or not _DECLARED_UNIT.search(line):
            continue
        unit = stated_unit(line)
        if unit is None:
            continue
        headings: list[str] = []
        rows = 0
        for j in range(k + 1, min(len(lines), k + 4 + MAX_TABLE_ROWS)):
            cells = _table_cells(lines[j])
            if cells is None:
                if rows or len(headings) == 3 or not lines[j].strip() and headings:
                    break
                if lines[j].strip():
                    headings.append(lines[j])
                continue
            rows += 1
            lines[j] = _row_as_sterling(lines[j], cells, unit, headings[-1] if headings else "")
    return "\n".join(lines)


def _table_cells(line: str) -> list[tuple[int, int]] | None:
    """The spans of the value cells of a plain-text table row (a short label, then only numbers), or None."""
    parts, last = [], 0
    for gap in _CELL_GAP.finditer(line.rstrip()):
        parts.append((last, gap.start()))
        last = gap.end()
    parts.append((last, len(line.rstrip())))
    parts = [(a, b) for a, b in parts if b > a]
    if len(parts) < 2:
        return None
    label, *values = parts
    if len(line[label[0]:label[1]]) > MAX_LABEL or _BARE.match(line, *label) and label[1] - label[0] < 4:
        return None  # no label, or a row of bare numbers: not a labelled row
    if not all(_BARE.match(line, a, b) or line[a:b].strip().lower() in EMPTY for a, b in values):
        return None
    return values if not NOT_MONEY.search(line, *label) else []


def _row_as_sterling(line: str, cells: list[tuple[int, int]], unit: str, heading: str) -> str:
    """A row with each bare amount written in the stated unit, except in columns that count or give a rate."""
    names = [name for name in _CELL_GAP.split(heading.strip()) if name] if heading else []
    names = names[-len(cells):] if len(names) >= len(cells) else [""] * len(cells)
    for (a, b), name in reversed(list(zip(cells, names))):
        own = stated_unit(name) if _STATED_UNIT.search(name) else None  # "Budget £m" over "£000" rows: its own unit
        if own is not None or takes_table_unit(name):
            line = line[:a] + as_sterling(line[a:b], own if own is not None else unit) + line[b:]
    return line
