"""The resident pages' words: plurals, missing figures, dates, council types, percentages, places not covered."""

from __future__ import annotations

from urllib.parse import quote

import pytest
import sqlite_utils
from dashboard_data import CAMBRIDGE, WESTMINSTER, build_dashboard_db, build_postcode_index, fetch

from shopwindow_dashboard import make_datasette
from shopwindow_dashboard.wording import council_type, percent, plural, when


def test_counts_agree_with_their_nouns():
    assert plural(1, "initiative") == "1 initiative"
    assert plural(0, "initiative") == "0 initiatives" and plural(1200, "initiative") == "1,200 initiatives"


def test_a_peer_with_one_initiative_says_initiative(ds):
    page = fetch(ds, f"/council/{CAMBRIDGE}").text  # Huntingdonshire, a peer, has one initiative
    assert "(1 initiative)" in page and "(1 initiatives)" not in page


def test_a_council_with_no_savings_says_none_reported_yet(tmp_path):
    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    sqlite_utils.Database(db_path)["savings"].delete_where("initiative_id like 'westminster%' or initiative_id = 'triborough'")
    page = fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)), f"/council/{WESTMINSTER}").text
    assert "<dt>Savings reported achieved</dt><dd>none reported yet</dd>" in page and "£0" not in page


@pytest.mark.parametrize(("postcode", "place"), [("GY1 1AA", "Guernsey"), ("je2 3ab", "Jersey"),
                                                 ("IM1 1AA", "the Isle of Man")])
def test_crown_dependency_postcodes_are_said_to_be_outside_the_register(ds, postcode, place):
    response = fetch(ds, "/find?q=" + quote(postcode))
    assert response.status_code == 404
    assert f"is in {place}" in response.text and "the Channel Islands and the Isle of Man" in response.text
    assert "not in our council register" not in response.text


def test_times_read_as_dates_and_times():
    assert when("2026-11-20T09:00:00") == "20 Nov 2026, 09:00" and when("2026-11-20") == "20 Nov 2026"
    assert when(None) == "" and when("last spring") == "last spring"


def test_the_transparency_pages_show_no_raw_iso_times(ds):
    for path in ("/transparency", "/transparency/council_news_cambridge"):
        page = fetch(ds, path).text
        assert "T09:00" not in page and "20 Nov 2026, 09:00" in page


def test_council_types_are_in_proper_case(ds):
    assert council_type("london borough", start=True) == "London borough" and council_type("district") == "district"
    page = fetch(ds, f"/council/{WESTMINSTER}").text
    assert '<p class="meta">London borough in London' in page
    assert "The nearest other London borough councils" in page
    assert "District (part of a two-tier area)" in fetch(ds, "/find?q=Newcastle").text


def test_percentages_drop_a_needless_decimal(tmp_path):
    assert percent(60.0) == "60%" and percent(12.5) == "12.5%" and percent("7") == "7%"
    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    sqlite_utils.Database(db_path)["savings"].insert({"id": "p1", "initiative_id": "hunts-leisure", "percent": 60.0,
                                                      "status": "achieved", "sector_wide": 0})
    page = fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)), "/initiative/hunts-leisure").text
    assert "<strong>60%</strong>" in page and "60.0%" not in page
