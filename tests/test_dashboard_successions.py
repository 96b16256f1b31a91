"""Abolished and merged councils: their pages say what replaced them, and their initiatives reach their successors.

Real reorganisations: Aylesbury Vale and Buckinghamshire County Council were both replaced by Buckinghamshire
Council (2020); Forest Heath and St Edmundsbury by West Suffolk (2019); Taunton Deane by Somerset West and
Taunton (2019), itself replaced with Somerset County Council by Somerset Council (2023).
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
import sqlite_utils
from dashboard_data import build_dashboard_db, build_postcode_index, fetch

from shopwindow_dashboard import make_datasette

AYLESBURY, BUCKS_COUNTY, BUCKS = "E07000004", "E10000002", "E06000060"
FOREST_HEATH, ST_EDMUNDSBURY, WEST_SUFFOLK, SUFFOLK = "E07000201", "E07000204", "E07000245", "E10000029"
TAUNTON_DEANE, SW_TAUNTON, SOMERSET_COUNTY, SOMERSET = "E07000190", "E07000246", "E10000027", "E06000066"

COUNCILS = [
    # code, name, type, parent, current, successor, end date
    (BUCKS, "Buckinghamshire Council", "unitary", None, 1, None, None),
    (BUCKS_COUNTY, "Buckinghamshire County Council", "county", None, 0, BUCKS, "2020-03-31"),
    (AYLESBURY, "Aylesbury Vale District Council", "district", BUCKS_COUNTY, 0, BUCKS, "2020-03-31"),
    (SUFFOLK, "Suffolk County Council", "county", None, 1, None, None),
    (WEST_SUFFOLK, "West Suffolk Council", "district", SUFFOLK, 1, None, None),
    (FOREST_HEATH, "Forest Heath District Council", "district", SUFFOLK, 0, WEST_SUFFOLK, "2019-03-31"),
    (ST_EDMUNDSBURY, "St Edmundsbury Borough Council", "district", SUFFOLK, 0, WEST_SUFFOLK, "2019-03-31"),
    (SOMERSET, "Somerset Council", "unitary", None, 1, None, None),
    (SOMERSET_COUNTY, "Somerset County Council", "county", None, 0, SOMERSET, "2023-03-31"),
    (SW_TAUNTON, "Somerset West and Taunton Council", "district", SOMERSET_COUNTY, 0, SOMERSET, "2023-03-31"),
    (TAUNTON_DEANE, "Taunton Deane Borough Council", "district", SOMERSET_COUNTY, 0, SW_TAUNTON, "2019-03-31"),
]

# id, title, published, councils
INITIATIVES = [
    ("fh-leisure", "Forest Heath leisure trust", "2016-05-10", [FOREST_HEATH]),
    ("stedm-shared", "One council team for two districts", "2015-02-01", [FOREST_HEATH, ST_EDMUNDSBURY]),
    ("ws-bins", "West Suffolk bin round review", "2022-07-01", [WEST_SUFFOLK]),
    ("suffolk-roads", "Suffolk highways contract", "2021-01-01", [SUFFOLK]),
    ("td-depot", "Taunton Deane depot sale", "2017-09-01", [TAUNTON_DEANE]),
    ("somerset-care", "Somerset care at home", "2018-03-01", [SOMERSET_COUNTY]),
]


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    directory = tmp_path_factory.mktemp("successions")
    db_path = build_dashboard_db(directory / "shopwindow.db")
    db = sqlite_utils.Database(db_path)
    db["councils"].insert_all(
        {"code": code, "name": name, "short_name": re.sub(r" (District |Borough |County )?Council$", "", name),
         "type": kind, "region": "East of England", "nation": "England", "parent_code": parent, "current": current,
         "successor_code": successor, "end_date": end}
        for code, name, kind, parent, current, successor, end in COUNCILS
    )
    for ident, title, published, councils in INITIATIVES:
        db["initiatives"].insert({"id": ident, "title": title, "url": f"https://www.example-council.gov.uk/{ident}",
                                  "source": "lga_case_studies", "published": published, "first_seen": "2026-10-01",
                                  "status": "published", "record_key": ident, "quality_flags": "[]"})
        db["initiative_councils"].insert_all({"initiative_id": ident, "council_code": code} for code in councils)
    db["savings"].insert({"id": "fh1", "initiative_id": "fh-leisure", "amount_gbp": 250000, "status": "achieved",
                          "period": "annual", "quote": "The trust saves £250,000 a year.", "sector_wide": 0})
    db.conn.commit()
    return make_datasette(db_path, postcodes_path=build_postcode_index(directory))


def test_an_abolished_districts_county_points_to_its_current_successor_and_lists_nothing(ds):
    page = fetch(ds, f"/council/{AYLESBURY}").text
    assert "no longer exists</strong>: replaced by" in page and f'href="/council/{BUCKS}">Buckinghamshire Council' in page
    assert "were run by" in page and "since 2020 they are run by" in page
    assert "listed below" not in page  # nothing of Buckinghamshire County Council's is listed here


def test_a_chain_of_abolitions_ends_at_the_current_council(ds):
    page = fetch(ds, f"/council/{TAUNTON_DEANE}").text
    assert f'href="/council/{SW_TAUNTON}">Somerset West and Taunton Council</a> (itself since replaced by ' \
           f'<a href="/council/{SOMERSET}">Somerset Council</a>)' in page


def test_a_current_district_says_its_countys_initiatives_are_listed_only_when_they_are(ds):
    page = fetch(ds, f"/council/{WEST_SUFFOLK}").text
    assert "are run by" in page and "its initiatives are listed below too" in page
    assert "Suffolk highways contract" in page


def test_a_merged_councils_page_shows_its_predecessors_initiatives_marked_as_theirs(ds):
    page = fetch(ds, f"/council/{WEST_SUFFOLK}").text
    assert "Forest Heath leisure trust" in page and "One council team for two districts" in page
    assert f'as <a href="/council/{FOREST_HEATH}">Forest Heath District Council</a>, 2016' in page
    assert "West Suffolk bin round review" in page  # its own, unmarked
    assert page.count("Predecessor council</span>") == 2
    assert "Including 2 initiatives of the councils it replaced" in page and "£250k" in page  # figures count them


def test_predecessors_are_followed_through_every_reorganisation(ds):
    page = fetch(ds, f"/council/{SOMERSET}").text
    assert "Taunton Deane depot sale" in page and "Somerset care at home" in page
    assert "as <a href=\"/council/E10000027\">Somerset County Council</a>, 2018" in page


def test_the_council_initiatives_query_includes_predecessors(ds):
    rows = fetch(ds, f"/shopwindow/council_initiatives.json?council={WEST_SUFFOLK}&_shape=array").json()
    assert {"fh-leisure", "stedm-shared", "ws-bins", "suffolk-roads"} <= {row["id"] for row in rows}
    assert {"Forest Heath District Council", "West Suffolk Council"} <= {row["council"] for row in rows}


@pytest.mark.parametrize(("query", "code"), [("Aylesbury Vale", AYLESBURY), ("Buckinghamshire County Council", BUCKS_COUNTY),
                                             ("buckinghamshire", BUCKS), ("E07000245", WEST_SUFFOLK),
                                             ("e07000245", WEST_SUFFOLK), (" E07000004 ", AYLESBURY)])
def test_search_finds_abolished_councils_and_gss_codes(ds, query, code):
    response = fetch(ds, "/find?" + urlencode({"q": query}))
    assert response.status_code == 302 and response.headers["location"] == f"/council/{code}"


def test_abolished_councils_are_marked_in_a_list_of_matches_after_current_ones(ds):
    page = fetch(ds, "/find?q=West").text
    assert "Somerset West and Taunton Council</a>" in page and "District, abolished 2023" in page
    assert page.index("West Suffolk Council</a>") < page.index("Somerset West and Taunton Council</a>")


def test_an_unknown_gss_code_says_so(ds):
    response = fetch(ds, "/find?q=E07999999")
    assert response.status_code == 404 and "No council has the code E07999999" in response.text
