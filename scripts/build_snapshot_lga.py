"""Build the LGA part of the offline snapshot and the LGA reader test fixtures.

    .venv/bin/python scripts/build_snapshot_lga.py            # data/snapshot/lga*, tests/fixtures/lga_*
    .venv/bin/python scripts/build_snapshot_lga.py --check    # only report what would be written

Pages are rendered from ``lga_case_study_data.py`` and ``lga_shared_services_data.py`` in
the real sites' structure; the generated files are committed so tests never need this script.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lga_case_study_data import CASE_STUDIES  # noqa: E402
from lga_shared_services_data import HEADERS, ROWS  # noqa: E402
from lga_pages import LGA, RECORDED, render_case_study, render_listing, write  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PER_PAGE = 10
NOTE = "Recorded sample standing for the LGA case study at this URL; facts are real, wording is Shop Window's own."
MIRROR_SLUG = "north-yorkshire-county-council-no-wrong-door"  # listed via lgaconservatives.local.gov.uk
REL_CANONICAL_SLUG = "south-hams-and-west-devon-transformation-programme"  # served by lgalabour.local.gov.uk


def _listing_item(cs: dict) -> dict:
    item = {"slug": cs["slug"], "title": cs["title"], "teaser": cs["teaser"], "topic": cs["topic"]}
    if cs["slug"] == MIRROR_SLUG:
        item["href"] = f"https://lgaconservatives.local.gov.uk/case-studies/{cs['slug']}"
    elif cs["slug"] == REL_CANONICAL_SLUG:
        item["href"] = f"https://lgalabour.local.gov.uk/our-work/{cs['slug']}"
    return item


def _listing_url(page: int) -> str:
    return f"{LGA}/case-studies?page=0" if page == 0 else f"{LGA}/case-studies?sort_by=created&sort_order=DESC&page={page}"


def write_case_studies(directory: Path, studies: list[dict], per_page: int) -> None:
    """Listing pages plus every case study (one served on a mirror host with rel=canonical)."""
    ordered = sorted(studies, key=lambda c: c["date"], reverse=True)
    pages = (len(ordered) + per_page - 1) // per_page
    for page in range(pages):
        chunk = ordered[page * per_page:(page + 1) * per_page]
        write(directory, f"listing-page-{page}", _listing_url(page),
              render_listing([_listing_item(c) for c in chunk], page, pages, len(ordered)),
              f"Recorded sample standing for page {page} of the LGA case-study listing (newest first).")
    for cs in ordered:
        canonical = f"{LGA}/{cs['slug']}"
        if cs["slug"] == REL_CANONICAL_SLUG:
            write(directory, f"case-study-{cs['slug']}", f"https://lgalabour.local.gov.uk/our-work/{cs['slug']}",
                  render_case_study(cs, canonical=canonical), NOTE + " Mirror host copy declaring rel=canonical.")
        else:
            write(directory, f"case-study-{cs['slug']}", canonical, render_case_study(cs, canonical=canonical), NOTE)


def write_case_study_fixtures(directory: Path) -> None:
    """Reader fixtures: two listing pages, five case studies, an empty search and two changed layouts."""
    write_case_studies(directory, CASE_STUDIES[:5], per_page=3)
    write(directory, "listing-empty", f"{LGA}/case-studies?keys=no+such+scheme&page=0",
          render_listing([], 0, 1, 0).replace('<div class="view-content"></div>',
                                              '<div class="view-empty"><p>No results found.</p></div>'),
          "Fixture: a search with no results.")
    redesigned = render_listing([_listing_item(c) for c in CASE_STUDIES[:2]], 0, 1, 2).replace(
        "views-row", "card").replace("teaser__", "card__")
    write(directory, "layout-changed-listing", f"{LGA}/case-studies-redesigned?page=0", redesigned,
          "Fixture: the listing after an imagined redesign (items are cards), to prove the reader fails loudly.")
    page = render_case_study(CASE_STUDIES[0]).replace("field--name-body", "case-study__content")
    write(directory, "layout-changed-case-study", f"{LGA}/redesigned-case-study", page,
          "Fixture: a case study after an imagined redesign (body class renamed).")


MAP_URL = f"{LGA}/sites/default/files/documents/shared-services-map-data.csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CAPTION = "LGA shared services map: arrangements between councils (export)"


def shared_services_csv(rows: list[tuple[str, ...]], headers: list[str] = HEADERS) -> str:
    """The map's CSV export: a caption line, the header row, one row per arrangement."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([CAPTION])
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue()


def shared_services_xlsx(rows: list[tuple[str, ...]]) -> bytes:
    """The same table as an XLSX workbook (sheet "Arrangements"), savings as numbers where they are plain."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Arrangements"
    sheet.append([CAPTION])
    sheet.append(HEADERS)
    for row in rows:
        cells = list(row)
        plain = cells[7].replace("£", "").replace(",", "")
        if plain.isdigit():
            cells[7] = int(plain)
        sheet.append(cells)
    stamp = datetime(2026, 11, 23, 9, 0, 0)
    book.properties.created = book.properties.modified = stamp
    out = io.BytesIO()
    book.save(out)
    return _fixed_zip_times(out.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite the XLSX zip with fixed entry times, so regenerating it leaves git with nothing to commit."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 23, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2026-11-23T09:00:00Z", content)
            dst.writestr(fixed, content)
    return out.getvalue()


def write_shared_services(snapshot: Path, fixtures: Path) -> None:
    """The snapshot's CSV (every row) and fixtures: CSV, XLSX and a renamed-header CSV."""
    note = "Recorded sample standing for the LGA shared services map download; real arrangements, our own descriptions."
    write(snapshot, "shared-services-map", MAP_URL, shared_services_csv(ROWS), note, "text/csv; charset=utf-8")
    sample = [r for r in ROWS if r[0] in ("SS001", "SS006", "SS012", "SS013", "SS021", "SS023", "SS041", "SS042")]
    write(fixtures, "map-csv", f"{LGA}/sites/default/files/documents/shared-services-sample.csv",
          shared_services_csv(sample), "Fixture: a sample of the map as CSV.", "text/csv; charset=utf-8")
    write(fixtures, "map-xlsx", f"{LGA}/sites/default/files/documents/shared-services-sample.xlsx",
          shared_services_xlsx(sample), "Fixture: the same sample as XLSX.", XLSX)
    renamed = ["Ref", "Project", "Organisations", "Others", "Area", "Notes", "Began", "Value", "Basis", "Kind", "Region", "Nation"]
    write(fixtures, "map-layout-changed", f"{LGA}/sites/default/files/documents/shared-services-renamed.csv",
          shared_services_csv(sample[:2], renamed), "Fixture: the export after its columns were renamed.",
          "text/csv; charset=utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print counts and write nothing")
    args = parser.parse_args(argv)
    if args.check:
        print(json.dumps({"case_studies": len(CASE_STUDIES), "shared_services": len(ROWS),
                          "shared_2plus": sum(1 for r in ROWS if ";" in r[2])}))
        return 0
    write_case_studies(ROOT / "data/snapshot/lga", CASE_STUDIES, PER_PAGE)
    write_case_study_fixtures(ROOT / "tests/fixtures/lga_case_studies")
    write_shared_services(ROOT / "data/snapshot/lga-shared-services", ROOT / "tests/fixtures/lga_shared_services")
    (ROOT / "data/snapshot/INFO.json").write_text(json.dumps({
        "recorded": RECORDED,
        "description": "Recorded sample of LGA case studies, the LGA shared-services map, thinktank reports and council "
                       "news, in Shop Window's own words and the real sites' page structures. The schemes are real; figures "
                       "follow public reporting where known and are otherwise illustrative, so check a council's own page "
                       "before quoting one. Each recording's manifest names the original URL it stands for.",
    }, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
