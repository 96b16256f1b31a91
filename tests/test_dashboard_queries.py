"""Every canned query in dashboard/metadata.yml answers in JSON and CSV with the rows it promises."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

import pytest
from dashboard_data import (
    CAMBRIDGE,
    KENSINGTON,
    SOUTH_CAMBS,
    WESTMINSTER,
    fetch,
)

from shopwindow_dashboard import load_metadata

# query -> (parameters, column to check, values that must appear in it)
CASES = {
    "council_initiatives": ({"council": CAMBRIDGE}, "id", {"gc-planning", "gc-waste", "cambs-care-tech"}),
    "savings_ranked": ({"service_area": ""}, "initiative_id", {"triborough", "gc-waste"}),
    "shared_services_between": ({"council_a": CAMBRIDGE, "council_b": SOUTH_CAMBS}, "id", {"gc-planning", "gc-waste"}),
    "shared_services_in_region": ({"region": "London"}, "id", {"triborough"}),
    "initiatives_by_service_area": ({"service_area": "back_office", "delivery_model": "trading_company"}, "id",
                                    {"pboro-trading"}),
    "service_area_delivery_model_counts": ({}, "service_area", {"planning", "back_office"}),
    "new_since": ({"since": "2026-10-04"}, "id", {"westminster-parking", "newcastle-assets"}),
    "ideas_to_borrow": ({"council": CAMBRIDGE}, "id", {"hunts-leisure"}),
    "harvest_transparency": ({}, "source", {"lga_case_studies", "council_news_cambridge"}),
    "no_longer_published": ({}, "id", {"westminster-libraries"}),
    "robots_decisions": ({}, "host", {"www.example-council.gov.uk"}),
}


def test_every_canned_query_has_a_case():
    assert set(load_metadata()["databases"]["shopwindow"]["queries"]) == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_canned_query_json_returns_expected_rows(ds, name):
    params, column, expected = CASES[name]
    response = fetch(ds, f"/shopwindow/{name}.json?" + urlencode({**params, "_shape": "array"}))
    assert response.status_code == 200, response.text
    assert expected <= {row[column] for row in response.json()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_canned_query_csv_has_header_and_rows(ds, name):
    params, column, expected = CASES[name]
    response = fetch(ds, f"/shopwindow/{name}.csv?" + urlencode(params))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain") or "csv" in response.headers["content-type"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert expected <= {row[column] for row in rows}


def test_district_list_includes_county_initiatives_but_not_other_districts(ds):
    rows = fetch(ds, f"/shopwindow/council_initiatives.json?council={SOUTH_CAMBS}&_shape=array").json()
    ids = {row["id"] for row in rows}
    assert "cambs-care-tech" in ids  # the county's
    assert "hunts-leisure" not in ids  # a neighbouring district's


def test_savings_ranked_is_largest_first_and_filters_by_service_area(ds):
    rows = fetch(ds, "/shopwindow/savings_ranked.json?service_area=&_shape=array").json()
    amounts = [row["amount_gbp"] for row in rows]
    assert amounts == sorted(amounts, reverse=True)
    only = fetch(ds, "/shopwindow/savings_ranked.json?service_area=planning&_shape=array").json()
    assert {row["initiative_id"] for row in only} == {"gc-planning"}


def test_shared_services_between_councils_without_shared_work_is_empty(ds):
    rows = fetch(ds, f"/shopwindow/shared_services_between.json?council_a={CAMBRIDGE}&council_b={KENSINGTON}"
                     "&_shape=array").json()
    assert rows == []


def test_ideas_in_a_service_area_the_council_lacks_are_flagged(ds):
    rows = fetch(ds, f"/shopwindow/ideas_to_borrow.json?council={CAMBRIDGE}&_shape=array").json()
    assert {row["id"]: row["new_service_area"] for row in rows}["hunts-leisure"] == 1


def test_ideas_to_borrow_leave_out_what_the_council_already_does(ds):
    rows = fetch(ds, f"/shopwindow/ideas_to_borrow.json?council={KENSINGTON}&_shape=array").json()
    ids = {row["id"] for row in rows}
    assert "westminster-parking" in ids
    assert "triborough" not in ids  # Kensington takes part already
    assert "westminster-libraries" not in ids  # no longer published


def test_parameters_are_bound_not_spliced(ds):
    hostile = f"{WESTMINSTER}' or 1=1 --"
    rows = fetch(ds, "/shopwindow/council_initiatives.json?" + urlencode({"council": hostile, "_shape": "array"})).json()
    assert rows == []


def test_writes_through_the_web_are_refused(ds):
    response = fetch(ds, "/shopwindow.json?" + urlencode({"sql": "delete from initiatives"}))
    assert response.status_code == 400
    assert fetch(ds, "/shopwindow/initiatives.json?_size=0").json()["filtered_table_rows_count"] > 0


def test_metadata_names_licence_and_sources(ds):
    metadata = fetch(ds, "/-/metadata.json").json()
    assert metadata["license"] and metadata["source_url"].startswith("https://")
    tables = metadata["databases"]["shopwindow"]["tables"]
    assert "source" in tables["councils"] and tables["savings"]["columns"]["quote"]
