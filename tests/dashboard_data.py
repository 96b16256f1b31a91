"""A small, realistic Shop Window database and postcode index for the dashboard tests.

Built with the real schema (``shopwindow.schema.ensure_schema``) and sqlite-utils inserts, so the tests do
not depend on the harvester. Councils are real (names, GSS codes, tiers); the schemes are written for these
tests, with figures of the kind councils publish.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from pathlib import Path

import brotli
import httpx
import msgpack
import pytest
import sqlite_utils

from shopwindow.schema import ensure_schema
from shopwindow_dashboard import make_datasette
from shopwindow_dashboard.postcodes import build_index
from shopwindow_plugins import classify as classify_plugin

CAMBRIDGE, SOUTH_CAMBS, CAMBS_COUNTY = "E07000008", "E07000012", "E10000003"
HUNTS, PETERBOROUGH = "E07000011", "E06000031"
WESTMINSTER, KENSINGTON, HAMMERSMITH = "E09000033", "E09000020", "E09000013"
NEWCASTLE_TYNE, NEWCASTLE_LYME, STAFFS = "E08000021", "E07000195", "E10000028"
WIGAN, BOLTON = "E08000010", "E08000001"

COUNCILS = [
    # code, name, short name, type, region, parent, lat, lng
    (CAMBS_COUNTY, "Cambridgeshire County Council", "Cambridgeshire", "county", "East of England", None, 52.38, 0.01),
    (CAMBRIDGE, "Cambridge City Council", "Cambridge", "district", "East of England", CAMBS_COUNTY, 52.20, 0.13),
    (SOUTH_CAMBS, "South Cambridgeshire District Council", "South Cambridgeshire", "district", "East of England",
     CAMBS_COUNTY, 52.19, 0.02),
    (HUNTS, "Huntingdonshire District Council", "Huntingdonshire", "district", "East of England", CAMBS_COUNTY,
     52.35, -0.21),
    (PETERBOROUGH, "Peterborough City Council", "Peterborough", "unitary", "East of England", None, 52.58, -0.25),
    (WESTMINSTER, "Westminster City Council", "Westminster", "london borough", "London", None, 51.51, -0.15),
    (KENSINGTON, "Royal Borough of Kensington and Chelsea", "Kensington and Chelsea", "london borough", "London",
     None, 51.50, -0.19),
    (HAMMERSMITH, "Hammersmith and Fulham Council", "Hammersmith and Fulham", "london borough", "London", None,
     51.49, -0.22),
    (NEWCASTLE_TYNE, "Newcastle City Council", "Newcastle upon Tyne", "metropolitan district", "North East", None,
     54.99, -1.65),
    (STAFFS, "Staffordshire County Council", "Staffordshire", "county", "West Midlands", None, 52.80, -2.03),
    (NEWCASTLE_LYME, "Newcastle-under-Lyme Borough Council", "Newcastle-under-Lyme", "district", "West Midlands",
     STAFFS, 53.00, -2.27),
    (WIGAN, "Wigan Council", "Wigan", "metropolitan district", "North West", None, 53.55, -2.63),
    (BOLTON, "Bolton Council", "Bolton", "metropolitan district", "North West", None, 53.58, -2.43),
]

# id, title, summary, service area, delivery model, published, first seen, councils, source, grade, status, flags
INITIATIVES = [
    ("gc-planning", "Greater Cambridge shared planning service",
     "Cambridge and South Cambridgeshire merged their planning teams into one service for both districts.",
     "planning", "shared_service", "2024-03-12", "2026-10-01", [CAMBRIDGE, SOUTH_CAMBS], "council_news_cambridge",
     "self-reported", "published", []),
    ("gc-waste", "Joint bin collections for Cambridge and South Cambridgeshire",
     "One waste team now runs the rounds for both councils from a single depot.",
     "waste_environment", "shared_service", "2023-06-02", "2026-10-01", [CAMBRIDGE, SOUTH_CAMBS],
     "lga_case_studies", "third-party", "published", []),
    ("cambs-care-tech", "Care technology to help people live at home",
     "The county offers sensors and alarms so older residents can stay independent for longer.",
     "adult_social_care", "digital_channel_shift", "2025-01-20", "2026-10-02", [CAMBS_COUNTY],
     "lga_case_studies", "evaluated", "published", []),
    ("hunts-leisure", "Huntingdonshire leisure centres go cashless",
     "Card-only payments at the district's leisure centres cut cash handling.",
     "customer_services", "digital_channel_shift", "2022-09-05", "2026-10-02", [HUNTS],
     "council_news_hunts", "self-reported", "published", ["no-date-on-page"]),
    ("pboro-trading", "Peterborough's trading company for building maintenance",
     "A council-owned company now sells repair services to schools and other public bodies.",
     "back_office", "trading_company", "2021-11-30", "2026-10-03", [PETERBOROUGH], "lga_case_studies",
     "third-party", "published", []),
    ("triborough", "Tri-borough children's services",
     "Three west London boroughs share one children's services department.",
     "childrens_services", "shared_service", "2012-04-01", "2026-10-03", [WESTMINSTER, KENSINGTON, HAMMERSMITH],
     "lga_shared_services", "third-party", "published", ["sector-wide-figure"]),
    ("westminster-parking", "Westminster parking by phone",
     "Paying for parking by phone replaced most pay-and-display machines.",
     "transport", "digital_channel_shift", "2019-05-14", "2026-10-04", [WESTMINSTER], "council_news_westminster",
     "self-reported", "published", []),
    ("westminster-libraries", "Westminster library opening hours pilot",
     "A pilot of self-service opening hours at two libraries, since removed from the council's site.",
     "customer_services", "digital_channel_shift", "2018-03-01", "2026-10-04", [WESTMINSTER],
     "council_news_westminster", "self-reported", "gone", []),
    ("newcastle-assets", "Newcastle office moves free up buildings",
     "Staff moved into fewer offices and the spare buildings were let.",
     "back_office", "agile_working_assets", "2020-02-10", "2026-10-05", [NEWCASTLE_TYNE], "lga_case_studies",
     "self-reported", "published", []),
    # One scheme, three sources (the LGA, a thinktank, the council), each reporting its saving: the totals must
    # count its largest figure, £160m, once (not £442m). Whole-council, so no service area.
    ("wigan-deal", "The Deal: Wigan's agreement with its residents",
     "The council asked residents and community groups to do more for their area while it froze council tax.",
     None, "demand_management", "2019-03-01", "2026-10-06", [WIGAN], "lga_case_studies", "third-party",
     "published", []),
]

# Extra sources (initiative, url, source, source kind, title) besides each initiative's own page.
EXTRA_SOURCES = [
    ("triborough", "https://www.local.gov.uk/case-studies/tri", "lga_case_studies", "lga",
     "Three boroughs, one children's service"),
    ("wigan-deal", "https://www.example-thinktank.org.uk/reports/the-deal", "thinktank_reports", "thinktank",
     "What councils can learn from Wigan"),
    ("wigan-deal", "https://www.wigan.gov.uk/news/the-deal", "council_news_wigan", "council", "Our Deal with you"),
]

SAVINGS = [
    # initiative, amount, status, period, fiscal year, council, quote
    ("gc-planning", 600000, "achieved", "annual", "2024-25", None,
     "Running one planning service instead of two saves about £600,000 a year, the councils say."),
    ("gc-waste", 1200000, "achieved", "annual", "2023-24", None,
     "Sharing the depot and vehicles has cut running costs by £1.2m a year."),
    ("gc-waste", 300000, "target", "annual", "2025-26", SOUTH_CAMBS,
     "South Cambridgeshire expects a further £300,000 a year from new routes."),
    ("cambs-care-tech", 2500000, "achieved", "cumulative", "2024-25", None,
     "The county puts the avoided cost of residential care at £2.5m so far."),
    ("pboro-trading", 450000, "target", "annual", "2022-23", None,
     "The company is expected to return £450,000 a year to the council."),
    ("triborough", 40000000, "achieved", "annual", "2014-15", None,
     "Across the three boroughs, sharing services was reported to save £40m a year."),
    ("westminster-parking", 750000, "achieved", "annual", "2019-20", None,
     "Fewer machines to empty and repair saved £750,000 in the first year."),
    ("wigan-deal", 160000000, "achieved", "cumulative", "2018-19", None,
     "Wigan says its deal with residents helped it take £160m out of its budget since 2011."),
    ("wigan-deal", 141000000, "achieved", "cumulative", "2017-18", WIGAN,
     "By the thinktank's count the borough had found £141m of savings by 2017.",
     "https://www.example-thinktank.org.uk/reports/the-deal"),
    ("wigan-deal", 141000000, "achieved", "cumulative", "2017-18", WIGAN,
     "The council reports £141m saved while keeping council tax frozen.", "https://www.wigan.gov.uk/news/the-deal"),
]

# The headline (largest) achieved figure per initiative: what every total must add up.
HEADLINE_ACHIEVED = {"gc-planning": 600000, "gc-waste": 1200000, "cambs-care-tech": 2500000, "triborough": 40000000,
                     "westminster-parking": 750000, "wigan-deal": 160000000}

SOURCES = ["council_news_cambridge", "lga_case_studies", "council_news_hunts", "lga_shared_services",
           "council_news_westminster"]


def build_dashboard_db(path: str | Path, *, hostile_title: str | None = None,
                       snapshot_recorded: str | None = "2026-11-20") -> str:
    """Create the test database at ``path`` and return its path as a string."""
    db = sqlite_utils.Database(str(path))
    ensure_schema(db)
    db["councils"].insert_all(
        {"code": code, "name": name, "short_name": short, "type": kind, "region": region, "nation": "England",
         "parent_code": parent, "current": 1, "lat": lat, "lng": lng}
        for code, name, short, kind, region, parent, lat, lng in COUNCILS
    )
    db["councils"].insert({"code": "E07000006", "name": "South Bucks District Council", "short_name": "South Bucks",
                           "type": "district", "region": "South East", "nation": "England", "current": 0,
                           "successor_code": "E06000060", "end_date": "2020-03-31"})
    db["council_names"].insert_all([{"name": "tri-borough", "code": code} for code in (WESTMINSTER, KENSINGTON)]
                                   + [{"name": "cambridge city", "code": CAMBRIDGE}])
    for (ident, title, summary, area, model, published, first_seen, councils, source, grade, status,
         flags) in INITIATIVES:
        if hostile_title and ident == "gc-planning":
            title = hostile_title
        url = f"https://www.example-council.gov.uk/news/{ident}"
        db["initiatives"].insert({
            "id": ident, "title": title, "summary": summary, "url": url, "source": source,
            "document_id": f"doc-{ident}", "published": published, "service_area": area, "delivery_model": model,
            "first_seen": first_seen, "last_seen": "2026-11-20" if status == "published" else "2026-10-20",
            "evidence_grade": grade, "source_kind": "lga" if source.startswith("lga") else "council",
            "topics": "[]", "quality_flags": flags_json(flags), "status": status, "record_key": ident,
        })
        db["initiative_councils"].insert_all({"initiative_id": ident, "council_code": code} for code in councils)
        db["initiative_sources"].insert({"initiative_id": ident, "url": url, "document_id": f"doc-{ident}",
                                         "source": source, "title": title, "source_kind": "council",
                                         "first_seen": first_seen, "last_seen": "2026-11-20"})
        db["documents"].insert({"id": f"doc-{ident}", "url": url, "source": source, "title": title,
                                "published": published, "fetched_at": "2026-11-20T09:00:00", "status": "ok",
                                "http_status": 200, "first_seen": first_seen, "last_seen": "2026-11-20"})
    db["initiative_sources"].insert_all(
        {"initiative_id": ident, "url": url, "source": source, "title": title, "source_kind": kind,
         "first_seen": "2026-10-06", "last_seen": "2026-11-20"} for ident, url, source, kind, title in EXTRA_SOURCES)
    db["initiative_partners"].insert({"initiative_id": "cambs-care-tech", "name": "Cambridgeshire and Peterborough NHS",
                                      "kind": "nhs"})
    for n, (ident, amount, status, period, year, council, quote, *url) in enumerate(SAVINGS):
        db["savings"].insert({"id": f"s{n}", "initiative_id": ident, "amount_gbp": amount, "status": status,
                              "period": period, "fiscal_year": year, "council_code": council, "quote": quote,
                              "sector_wide": 0, "document_id": f"doc-{ident}",
                              "source_url": url[0] if url else f"https://www.example-council.gov.uk/news/{ident}"})
    # The taxonomy's lookup tables, filled as a harvest fills them (service_area/delivery_model hold slugs).
    classify_plugin.prepare_database(db)
    for n, source in enumerate(SOURCES, start=1):
        db["harvest_runs"].insert({"id": n, "source": source, "started": "2026-11-20T09:00:00",
                                   "finished": "2026-11-20T09:02:00", "status": "ok", "pages_fetched": 12,
                                   "pages_unchanged": 9, "errors": 0, "records": 3, "robots_disallowed": n % 2, "health": "healthy",
                                   "offline": 1})
    db["documents"].insert({"id": "doc-refused", "url": "https://www.example-council.gov.uk/private/list",
                            "source": "council_news_cambridge", "status": "disallowed",
                            "first_seen": "2026-11-20", "last_seen": "2026-11-20"})
    db["robots"].insert_all([
        {"host": "www.example-council.gov.uk", "checked_at": "2026-11-20T09:00:00", "http_status": 200,
         "crawl_delay": 2.0, "disallowed": 1},
        {"host": "www.local.gov.uk", "checked_at": "2026-11-20T09:00:00", "http_status": 200, "disallowed": 0},
    ])
    if snapshot_recorded:
        db["snapshot_info"].insert({"key": "recorded", "value": snapshot_recorded}, pk="key")
    db.conn.commit()
    db.close()
    return str(path)


def flags_json(flags: list[str]) -> str:
    """Quality flags as the JSON list the harvester stores."""
    import json

    return json.dumps(flags)


POSTCODES = [
    ("CB1 0AA", CAMBRIDGE, 546000.0, 257000.0),
    ("CB1 1PT", CAMBRIDGE, 545500.0, 258000.0),
    ("CB23 6EA", SOUTH_CAMBS, 538000.0, 258500.0),
    ("PE1 1HF", PETERBOROUGH, 519000.0, 298500.0),
    ("SW1A 1AA", WESTMINSTER, 529090.0, 179645.0),
    ("ST5 2AG", NEWCASTLE_LYME, 384800.0, 346000.0),
    ("EH1 1YZ", "S12000036", 325700.0, 673800.0),  # Edinburgh: not in the test register
]


def build_postcode_index(directory: str | Path) -> str:
    """A postcode index built by the real builder from a few postcodes written in the package's file format."""
    directory = Path(directory)
    source = directory / "postcode-source"
    source.mkdir(parents=True, exist_ok=True)
    by_letter: dict[str, list] = {}
    for row in POSTCODES:
        by_letter.setdefault(row[0][0], []).append(row)
    for letter, rows in by_letter.items():
        columns = {"pcd": [r[0] for r in rows], "laua": [r[1] for r in rows],
                   "oseast1m": [r[2] for r in rows], "osnrth1m": [r[3] for r in rows]}
        packed = msgpack.packb({"columns": list(columns), "data": columns})
        (source / f"postcodes_{letter}.msgpack.br").write_bytes(brotli.compress(packed))
    return str(build_index(directory / "postcodes.db", source_dir=source))


@pytest.fixture(scope="module")
def dashboard_files(tmp_path_factory) -> tuple[str, str]:
    """(database path, postcode index path) for one test module."""
    directory = tmp_path_factory.mktemp("dashboard")
    return build_dashboard_db(directory / "shopwindow.db"), build_postcode_index(directory)


@pytest.fixture(scope="module")
def ds(dashboard_files):
    """The dashboard's Datasette over the test database."""
    db_path, postcodes_path = dashboard_files
    return make_datasette(db_path, postcodes_path=postcodes_path)


def fetch(datasette, path: str) -> httpx.Response:
    """GET ``path`` in-process through ``datasette.client`` (no server, no network).

    Runs in a worker thread: Playwright's sync API keeps an event loop running in the main thread while the
    browser tests' session lasts, and ``asyncio.run`` refuses to start inside it.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, datasette.client.get(path)).result()
