"""HTML tables as text: one line per row, each figure beside the labels that say what it is.

A council budget table read cell by cell ("Year", "Target", "Delivered", "2011/12", "£1.1m",
"£1.3m") loses which figure is a target and which was delivered. Here each row becomes one
line, "<row label>: <header> <cell>; <header> <cell>", e.g. "2011/12: Target £1.1m; Delivered
£1.3m", with the table's caption as a line before its rows. Budget books state the unit once
("£000" in a heading, "all figures £'000" in the caption) and give bare numbers: those are written
out as the sterling they are ("3,150" under "£000" -> "£3,150k"), so the money reader sees money.

Tables used for page layout (cells holding several paragraphs, lists, headings, other tables or
long text) are not data: :func:`table_lines` returns None for them and the caller reads their
cells as ordinary blocks. Everything here reads untrusted markup, so spans, rows, columns and
line length are all capped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from bs4 import Tag

MAX_ROWS = 500  # rows read per table; a longer table is cut short
MAX_COLUMNS = 40  # grid width, whatever colspan claims
MAX_CELL = 200  # a cell with more text than this is prose, so its table is a layout table
MAX_LINE = 1000  # a row line stops at the last whole cell that fits
MAX_HEADER_ROWS = 3
# Inside a cell these mean prose or page structure, not a value.
STRUCTURE = {"table", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "form"}
PARAGRAPHS = ("p", "div")
# A cell that is only an amount, count or percentage: "£1.1m", "(0.4)", "12,500", "3.5%".
FIGURE = re.compile(r"^[(\-–−]?\s*[£$€]?\s*\d[\d,.]*\s*(?:(k|m|bn|million|billion|%|p)\s*)?\)?$", re.IGNORECASE)
YEAR = re.compile(r"^(19|20)\d\d$")
# A heading that gives its column's unit instead of each cell: "£000", "(£'000s)", "£k", "£m", "£ million", "£".
# Only where it states a unit: in brackets ("Saving (£'000)"), alone ("£m"), closing a heading with a unit word
# ("Budget £m"), or after "figures in"; not a pound sign mid-phrase ("Cost per £ spent"). See stated_unit.
UNIT = re.compile(r"£\s*(?:(?P<k>'?000s?|thousands?|k)|(?P<m>m|mn|millions?)|(?P<bn>bn|billions?))?(?![\w£'])",
                  re.IGNORECASE)
_FIGURES_IN = re.compile(r"\bfigures(?: are)?(?: shown)?(?: in)?\s*$", re.IGNORECASE)
# "Cost per head", "ratio": not in the table's £m; "per annum" and "per year" are a period, not a ratio.
_RATIO = re.compile(r"\bper\b(?! (?:annum|year|a year))|\b(?:ratio|rate)\b", re.IGNORECASE)
# Column headings a table-wide unit applies to: money words, years and periods, or none at all.
MONEY_HEADING = re.compile(r"\b(?:savings?|budgets?|costs?|spend\w*|targets?|delivered|achieved|totals?|income|gaps?|"
                           r"grants?|forecasts?|actuals?|planned|pressures?|net|gross|outturn|value|amount|"
                           r"(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|q[1-4]|year \d+)\b", re.IGNORECASE)
# A bare amount such a column holds: "3,150", "2.5". Brackets and minus signs (pressures, reversals) are left alone.
BARE_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# Columns that count something else, however the table's caption states its money unit.
NOT_MONEY = re.compile(r"\b(?:fte|posts?|staff|number|no\.|count|people|per ?cent|years?)\b|%", re.IGNORECASE)
EMPTY = {"", "-", "–", "—", "n/a", "na", "nil"}
SKIPPED = {"", "-", "–", "—"}  # cells that say nothing, left out of a row's line


@dataclass
class Cell:
    """A grid slot: the cell's text, whether it is a <th>, and whether it continues a span from the left or above."""

    text: str
    header: bool
    from_left: bool = False
    from_above: bool = False
    width: int = 1


def _text(tag: Tag) -> str:
    return re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip()


def _span(tag: Tag, attr: str, cap: int) -> int:
    value = str(tag.get(attr) or "").strip()
    return max(1, min(int(value), cap)) if value.isdigit() else 1


def _children(tag: Tag, names: tuple[str, ...]) -> list[Tag]:
    # A plain loop: bs4's find_all(recursive=False) costs more than the walk on pages with many tables.
    return [c for c in tag.children if isinstance(c, Tag) and c.name in names]


def own_rows(table: Tag) -> Iterator[tuple[Tag, bool]]:
    """The table's own <tr> elements (not a nested table's), each with whether it sits in <thead>."""
    for child in _children(table, ("tr", "thead", "tbody", "tfoot")):
        if child.name == "tr":
            yield child, False
        else:
            for row in _children(child, ("tr",)):
                yield row, child.name == "thead"


def _cells(row: Tag) -> list[Tag]:
    return _children(row, ("td", "th"))


def _is_prose(cell: Tag) -> bool:
    """A cell holding structure (a list, heading, nested table), two paragraphs, or long text."""
    paragraphs = {name: 0 for name in PARAGRAPHS}
    for tag in cell.descendants:
        if not isinstance(tag, Tag):
            continue
        if tag.name in STRUCTURE:
            return True
        if tag.name in paragraphs:
            paragraphs[tag.name] += 1
            if paragraphs[tag.name] > 1:
                return True  # one <p> per cell is how word processors export tables; two is prose
    return len(_text(cell)) > MAX_CELL


def is_layout(table: Tag) -> bool:
    """True for a table that lays out a page rather than holding data: its cells hold prose or structure."""
    if str(table.get("role") or "").lower() in ("presentation", "none"):
        return True
    return any(_is_prose(cell) for row, _ in islice(own_rows(table), MAX_ROWS) for cell in _cells(row))


def _grid(rows: list[Tag]) -> list[list[Cell]]:
    """Rows as equal-width lists of slots, spans repeated into every slot they cover (and marked as repeats)."""
    grid: list[list[Cell]] = []
    below: dict[int, tuple[Cell, int]] = {}  # column -> (cell spanning down into it, rows left)
    for tr in rows:
        out: list[Cell] = []
        cells = iter(_cells(tr))
        while len(out) < MAX_COLUMNS:
            col = len(out)
            if col in below:
                cell, left = below.pop(col)
                out.append(Cell(cell.text, cell.header, from_above=True, width=cell.width))
                if left > 1:
                    below[col] = (cell, left - 1)
                continue
            tag = next(cells, None)
            if tag is None:
                if not below or max(below) < col:
                    break
                out.append(Cell("", False))  # a short row beside a rowspan further right
                continue
            width = _span(tag, "colspan", MAX_COLUMNS)
            height = _span(tag, "rowspan", MAX_ROWS)
            first = Cell(_text(tag), tag.name == "th", width=width)
            for i in range(min(width, MAX_COLUMNS - col)):
                slot = first if i == 0 else Cell(first.text, first.header, from_left=True, width=width)
                out.append(slot)
                if height > 1:
                    below[col + i] = (slot, height - 1)
        grid.append(out)
    width = max((len(r) for r in grid), default=0)
    for r in grid:
        r.extend(Cell("", False) for _ in range(width - len(r)))
    return grid


def _bold(cell: Tag) -> bool:
    """A cell whose whole text is bold: how tables pasted from word processors mark their header row."""
    text = _text(cell)
    return bool(text) and " ".join(_text(b) for b in cell.find_all(["b", "strong"])) == text


def _header_count(rows: list[tuple[Tag, bool]]) -> int:
    """How many leading rows are headers: the <thead> rows, else leading rows of <th> cells, else one bold first row."""
    if len(rows) < 2:
        return 0
    count = 0
    for row, in_head in rows[:MAX_HEADER_ROWS]:
        cells = _cells(row)
        if not cells or not (in_head or all(c.name == "th" for c in cells)):
            break
        count += 1
    if count == 0 and all(_bold(c) for c in _cells(rows[0][0])):
        count = 1
    return count if count < len(rows) else 0


def _is_figure(text: str) -> bool:
    return bool(FIGURE.match(text)) and not YEAR.match(text)


def _labels_first_column(body: list[list[Cell]], headers: list[str]) -> bool:
    """Whether each row's first cell names the row: a row header (<th>, with or without scope="row"), or,
    under a header row, a first column with an empty header or holding text rather than figures ("2011/12")."""
    if not body or len(body[0]) < 2:
        return False
    first = [r[0] for r in body if r[0].text.lower() not in EMPTY]
    if not first:
        return False
    if all(c.header for c in first):
        return True
    if not headers:
        return False
    return not headers[0] or not any(_is_figure(c.text) for c in first)


def stated_unit(text: str) -> str | None:
    """The money unit a heading or caption states ("k", "m", "bn", or "" for pounds), or None.

    A pound sign states a unit only in brackets ("(£000)", "(figures in £m)"), alone ("£000"), closing the text
    with a unit word ("Budget £m"), or after "figures in" ("All figures in £000"); "Cost per £ spent" states none.
    """
    for match in UNIT.finditer(text):
        unit = next((u for u in ("k", "m", "bn") if match.group(u)), "")
        before, after = text[:match.start()].rstrip(), text[match.end():].strip()
        bracketed = before.rfind("(") > before.rfind(")") and after.startswith(")")
        if bracketed or not (before or after) or (unit and not after) or _FIGURES_IN.search(before):
            return unit
    return None


def _column_units(headers: list[str], titles: list[str]) -> list[str | None]:
    """Each column's money unit: its own heading's, else one the caption or a title row states for the table
    ("All figures £000"), for columns whose heading is empty, a year or period, or a money word ("Savings",
    "Total"); a column counting something else ("Residents helped", "FTE") keeps its numbers."""
    table_unit = next((u for t in titles if (u := stated_unit(t)) is not None), None)
    if table_unit is None and headers and headers[0]:
        table_unit = stated_unit(headers[0])  # "£000" over the row labels: the whole table's unit
    units = []
    for header in headers:
        own = stated_unit(header)
        units.append(own if own is not None else table_unit if takes_table_unit(header) else None)
    return units


def takes_table_unit(heading: str) -> bool:
    """Whether a column under ``heading`` holds money in the unit its table states once: an unnamed column, or one
    of money, years or periods; not one that counts ("Residents helped", "FTE") or gives a rate ("Cost per head")."""
    return not heading or bool(MONEY_HEADING.search(heading) and not NOT_MONEY.search(heading)
                               and not _RATIO.search(heading))



def as_sterling(text: str, unit: str | None) -> str:
    """A bare amount in a column whose heading gives the unit, written as the sterling it is ("3,150" -> "£3,150k")."""
    if unit is None or not BARE_AMOUNT.match(text) or YEAR.match(text):
        return text
    return f"£{text}{unit}"


def _row_line(row: list[Cell], headers: list[str], labelled: bool, units: list[str | None] | None = None) -> str:
    """'<label>: <header> <cell>; <header> <cell>', empty cells and span repeats left out; a bare amount in a
    column whose heading or caption gives the unit ("£000") is written as sterling ("£3,150k")."""
    label = row[0].text if labelled else ""
    parts: list[str] = []
    for col in range(1 if labelled else 0, len(row)):
        cell = row[col]
        if cell.from_left or cell.from_above or cell.text in SKIPPED:
            continue  # a span is read once, where it starts
        if cell.width > 1 and cell.width >= len(row) - (1 if labelled else 0):
            head = ""  # a full-width cell is a heading of its own, not a value of one column
        else:
            spanned = headers[col:col + cell.width] if headers else []
            head = " / ".join(dict.fromkeys(h for h in spanned if h))
        text = as_sterling(cell.text, units[col]) if units else cell.text
        if text != cell.text:
            head = " ".join(re.sub(r"\(\s*\)", " ", UNIT.sub(" ", head)).split())  # the unit is in the figure now
        parts.append(f"{head} {text}" if head and head != text else text)
    line = f"{label}: " if label and parts else label
    for i, part in enumerate(parts):
        piece = part if i == 0 else "; " + part
        if len(line) + len(piece) > MAX_LINE:
            break
        line += piece
    return line.removesuffix(": ")[:MAX_LINE]


def table_lines(table: Tag) -> list[str] | None:
    """Lines for a data table (caption, then one line per row), or None for a layout table."""
    if is_layout(table):
        return None
    lines: list[str] = []
    for caption in _children(table, ("caption",))[:1]:
        if text := _text(caption):
            lines.append(text[:MAX_LINE])
    rows = list(islice(own_rows(table), MAX_ROWS))
    grid = _grid([row for row, _ in rows])
    if not grid or not grid[0]:
        return lines
    if len(grid[0]) == 1:  # one column: a list, one line per cell
        return lines + [r[0].text[:MAX_LINE] for r in grid if r[0].text and not r[0].from_above]
    n = _header_count(rows)
    titles = [r for r in grid[:n] if all(c.text == r[0].text for c in r)]  # one heading across the table
    lines += [r[0].text[:MAX_LINE] for r in titles if r[0].text]
    heads = [r for r in grid[:n] if r not in titles]
    headers = [" ".join(dict.fromkeys(r[col].text for r in heads if r[col].text)) for col in range(len(grid[0]))]
    body = grid[n:]
    if not heads:
        headers = []
    labelled = _labels_first_column(body, headers)
    units = _column_units(headers or [""] * len(grid[0]), lines)  # lines so far: the caption and title rows
    for row in body:
        if line := _row_line(row, headers, labelled, units):
            lines.append(line)
    return lines

