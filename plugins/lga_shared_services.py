"""Reader for the LGA's national shared-services map, published as a downloadable CSV or XLSX table.

One row per arrangement: the councils involved, other partners, service, description
and savings. Each row becomes one record (``key`` = the row's id) with delivery model
"shared service", every council linked by GSS code, non-council partners as partners,
and the savings column as a structured saving, so the pipeline does not guess.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterator

from shopwindow import Reader, Record, Response, Saving, hookimpl
from shopwindow.canonical import canonical_url
from shopwindow.exceptions import LayoutChanged
from shopwindow.manager import resolve_council
from shopwindow.money import parse_amount as parse_sterling
from shopwindow.partners import find_partners
from shopwindow.textdecode import decode
from shopwindow_plugins.report_pdf import slugify

log = logging.getLogger(__name__)

DELIVERY_MODEL = "shared_service"  # the taxonomy slug (docs/taxonomy.md)

#: Logical column -> header spellings seen in the map's downloads (compared lower-case, punctuation-free).
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("arrangement id", "id", "reference", "ref"),
    "name": ("arrangement name", "name", "title", "shared service"),
    "councils": ("councils involved", "councils", "authorities involved", "partner councils", "local authorities"),
    "partners": ("other partners", "other partner organisations", "non council partners", "partners"),
    "service": ("service area", "service", "services shared"),
    "description": ("description", "summary", "details"),
    "savings": ("savings", "efficiency savings", "savings gbp", "annual savings", "savings to date"),
    "savings_period": ("savings period", "period", "savings basis"),
    "savings_status": ("savings status", "status of savings", "achieved or target"),
    "start": ("start year", "date started", "start date", "year started"),
    "nation": ("nation", "country"),
    "region": ("region",),
}
REQUIRED = ("councils", "description")
_NAME_SPLIT = re.compile(r"\s*(?:;|\||\n)\s*")
_OVER_YEARS = re.compile(r"\bover (?:\d+|two|three|four|five|ten) years\b|\bsince \d{4}\b", re.I)
_PERIODS = {"annual": "annual", "a year": "annual", "per year": "annual", "per annum": "annual", "yearly": "annual",
            "cumulative": "cumulative", "to date": "cumulative", "total": "cumulative", "one-off": "one-off",
            "one off": "one-off"}


def _norm_header(value: object) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", str(value or "").lower()).split())


def map_columns(headers: list[object]) -> dict[str, int]:
    """Logical column name -> index in ``headers``; unknown headers are ignored."""
    normalised = [_norm_header(h) for h in headers]
    found: dict[str, int] = {}
    for logical, spellings in COLUMNS.items():
        for spelling in spellings:
            if spelling in normalised:
                found[logical] = normalised.index(spelling)
                break
    return found


def parse_amount(text: str) -> float | None:
    """Pounds from a savings cell: "£1,200,000", "1.2m", "£350k", "1200000" (the column is in pounds); None if no figure."""
    cell = (text or "").strip()
    if not cell:
        return None
    return parse_sterling(cell if cell.startswith("£") else "£" + cell)


def parse_period(text: str) -> str | None:
    """annual | cumulative | one-off from the period column (or the savings cell's own words)."""
    lowered = (text or "").lower()
    if _OVER_YEARS.search(lowered):
        return "cumulative"
    for cue, period in _PERIODS.items():
        if cue in lowered:
            return period
    return None


def partner_kind(name: str) -> str:
    """nhs | police | fire | company | lga | other, as the partner linker would judge the name."""
    found = find_partners(name)
    return found[0].kind if found else "other"


def split_names(cell: str) -> list[str]:
    """Names in a cell separated by ';', '|' or new lines (commas appear inside council names)."""
    return [n.strip() for n in _NAME_SPLIT.split(cell or "") if n.strip()]


class LgaSharedServicesReader(Reader):
    """Read the shared-services map download (CSV or XLSX) into one record per arrangement."""

    name = "lga_shared_services"
    description = "LGA shared services map: a CSV or XLSX download, one initiative per shared arrangement."
    source_kind = "lga"
    options = {
        "format": "csv or xlsx; by default taken from the content type or the URL's extension",
        "sheet": "XLSX worksheet to read (default: the first)",
    }
    option_types = {"format": str, "sheet": str}

    def parse(self, response: Response) -> Iterator[Record]:
        rows = self._rows(response)
        if not rows:
            raise LayoutChanged(self.name, "header row", response.url, "the download is empty")
        columns = map_columns(rows[0])
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            raise LayoutChanged(
                self.name, f"column {COLUMNS[missing[0]][0]!r}", response.url,
                f"headers were {[str(h) for h in rows[0]]}",
            )
        url = canonical_url(response.url)
        for number, row in enumerate(rows[1:], start=2):
            cells = {name: self._cell(row, index) for name, index in columns.items()}
            if not any(cells.values()):
                continue
            record = self._record(cells, url, number)
            if record is not None:
                yield record

    # -- reading the table -------------------------------------------------------------------
    def _format(self, response: Response) -> str:
        fmt = str(self.opts.get("format") or "").lower()
        if fmt:
            return fmt
        ctype = response.content_type.lower()
        if "spreadsheet" in ctype or "excel" in ctype or response.url.lower().split("?")[0].endswith(".xlsx"):
            return "xlsx"
        if response.content[:4] == b"PK\x03\x04":  # a zip: an XLSX served as octet-stream
            return "xlsx"
        return "csv"

    def _rows(self, response: Response) -> list[list[object]]:
        if self._format(response) == "xlsx":
            from openpyxl import load_workbook

            workbook = load_workbook(io.BytesIO(response.content), read_only=True, data_only=True)
            sheet_name = self.opts.get("sheet")
            if sheet_name and sheet_name not in workbook.sheetnames:
                raise LayoutChanged(self.name, f"sheet {sheet_name!r}", response.url, f"sheets are {workbook.sheetnames}")
            sheet = workbook[sheet_name] if sheet_name else workbook.worksheets[0]
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            workbook.close()
        else:
            # A CSV the fetcher kept as bytes: the core's decoding (BOM, charset, then Excel's Windows-1252).
            text = response.text if response.text is not None else decode(response.content, response.content_type)[0]
            rows = [list(r) for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))]
        # Skip title lines above the header (the map's export starts with a caption row).
        while rows and len([c for c in rows[0] if c not in (None, "")]) < 2:
            rows.pop(0)
        return rows

    @staticmethod
    def _cell(row: list[object], index: int) -> str:
        value = row[index] if index < len(row) else None
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(str(value).split())

    # -- one row -----------------------------------------------------------------------------
    def _record(self, cells: dict[str, str], url: str, number: int) -> Record | None:
        names = split_names(cells.get("councils", ""))
        if not names:
            log.info("%s row %d names no councils; skipped", url, number)
            return None
        councils: list[str] = []
        partners: list[dict[str, str]] = []
        for name in names + split_names(cells.get("partners", "")):
            code = resolve_council(name)
            if code:
                if code not in councils:
                    councils.append(code)
            else:
                partners.append({"name": name, "kind": partner_kind(name)})
        service = cells.get("service", "")
        title = cells.get("name") or f"{service or 'Shared service'}: {', '.join(names)}"
        key = cells.get("id") or slugify(title)
        description = cells.get("description", "")
        record = Record(
            title=title,
            url=url,
            key=key,
            summary=description,
            body="\n".join(x for x in (title, "Councils: " + "; ".join(names), f"Service: {service}", description) if x),
            published=_year_date(cells.get("start", "")),
            councils=councils,
            partners=partners,
            delivery_model=DELIVERY_MODEL,
            service_area=None,
            topics=[service] if service else [],
            source_kind=self.source_kind,
            extra={"row": number, "council_names": names, "nation": cells.get("nation", ""),
                   "region": cells.get("region", "")},
        )
        saving = self._saving(cells, title)
        if saving is not None:
            record.savings.append(saving)
        return record

    @staticmethod
    def _saving(cells: dict[str, str], title: str) -> Saving | None:
        written = cells.get("savings", "")
        amount = parse_amount(written)
        if not amount:
            return None
        period_text = cells.get("savings_period", "")
        period = parse_period(period_text) or parse_period(written)
        shown = written if written.startswith("£") else f"£{amount:,.0f}"
        quote = f"{title}: efficiency savings of {shown}" + (f" ({period_text})" if period_text else "")
        status = (cells.get("savings_status") or "achieved").lower()
        status = next((s for s in ("achieved", "target", "estimated") if s in status), "achieved")
        return Saving(amount_gbp=amount, status=status, period=period, quote=quote, amount_text=written)


def _year_date(text: str) -> str | None:
    match = re.search(r"\b(19|20)\d{2}\b", text or "")
    if not match:
        return None
    iso = re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    return iso.group(0) if iso else f"{match.group(0)}-04-01"  # arrangements start with the financial year


@hookimpl
def register_readers() -> list[type[Reader]]:
    return [LgaSharedServicesReader]
