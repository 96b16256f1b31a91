"""The resident pages: finding a council, council and initiative pages, feeds, transparency, escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from dashboard_data import (
    CAMBRIDGE,
    CAMBS_COUNTY,
    SOUTH_CAMBS,
    WESTMINSTER,
    build_dashboard_db,
    build_postcode_index,
    fetch,
)

from shopwindow_dashboard import make_datasette

ATOM = "{http://www.w3.org/2005/Atom}"


def test_home_shows_search_figures_charts_latest_and_sample_banner(ds):
    page = fetch(ds, "/").text
    assert 'action="/find"' in page and '<label for="q">' in page
    assert "Savings achieved by service area" in page and "Savings achieved by financial year" in page
    assert "£40m" in page  # the largest achieved saving, in the service-area chart
    assert "Westminster parking by phone" in page  # among the latest initiatives
    assert "recorded" in page and "2026-11-20" in page
    assert '<option value="Cambridge">' in page  # name suggestions


def test_live_data_has_no_sample_banner(tmp_path):
    import sqlite_utils

    db_path = build_dashboard_db(tmp_path / "shopwindow.db", snapshot_recorded=None)
    sqlite_utils.Database(db_path).execute("update harvest_runs set offline = 0")
    response = fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)), "/")
    assert response.status_code == 200 and "Westminster parking by phone" in response.text  # the page itself
    assert "Demo data" not in response.text


def test_an_abolished_council_links_every_council_that_replaced_it(tmp_path):
    import sqlite_utils

    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    councils = sqlite_utils.Database(db_path)["councils"]
    councils.insert_all([
        {"code": "E06000063", "name": "Cumberland Council", "short_name": "Cumberland", "type": "unitary", "current": 1},
        {"code": "E06000064", "name": "Westmorland and Furness Council", "short_name": "Westmorland and Furness",
         "type": "unitary", "current": 1},
        {"code": "E10000006", "name": "Cumbria County Council", "short_name": "Cumbria", "type": "county", "current": 0,
         "successor_code": "E06000063;E06000064", "end_date": "2023-03-31"},
    ])
    response = fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)), "/council/E10000006")
    assert response.status_code == 200
    assert 'href="/council/E06000063">Cumberland Council</a> and <a href="/council/E06000064">' in response.text


@pytest.mark.parametrize("query", ["SW1A 1AA", "sw1a1aa", " Sw1A  1aA "])
def test_single_council_postcode_in_any_case_or_spacing_redirects(ds, query):
    response = fetch(ds, "/find?q=" + quote(query))
    assert response.status_code == 302
    assert response.headers["location"] == f"/council/{WESTMINSTER}"


def test_two_tier_postcode_lists_district_and_county(ds):
    response = fetch(ds, "/find?q=cb10aa")
    assert response.status_code == 200
    assert f'href="/council/{CAMBRIDGE}"' in response.text and f'href="/council/{CAMBS_COUNTY}"' in response.text
    assert "CB1 0AA has two councils" in response.text


def test_name_search_redirects_on_one_match_and_lists_ambiguous_ones(ds):
    assert fetch(ds, "/find?q=cambridge").headers["location"] == f"/council/{CAMBRIDGE}"
    page = fetch(ds, "/find?q=Newcastle").text
    assert "Newcastle City Council" in page and "Newcastle-under-Lyme Borough Council" in page


def test_a_name_search_counts_and_lists_every_match(tmp_path):
    import sqlite_utils

    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    boroughs = [f"London Borough of Place {n:02}" for n in range(1, 31)]
    sqlite_utils.Database(db_path)["councils"].insert_all(
        {"code": f"E0900{n:04}", "name": name, "short_name": name[19:], "type": "london borough", "current": 1}
        for n, name in enumerate(boroughs, start=100))
    page = fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)), "/find?q=London").text
    assert "33 councils match “London”" in page  # the 30 named so, and the fixture's 3 in the London region
    assert all(f">{name}</a>" in page for name in [*boroughs, "Westminster City Council"])


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("ZZ9 9ZZ", 404, "could not find the postcode ZZ9 9ZZ"),
        ("CB1", 400, "only the first half of a postcode"),
        ("EH1 1YZ", 404, "not in our council register"),
        ("Atlantis", 404, "No council matches"),
        ("", 400, "Type a postcode"),
    ],
)
def test_find_explains_what_went_wrong(ds, query, status, message):
    response = fetch(ds, "/find?q=" + quote(query))
    assert response.status_code == status
    assert message in response.text


def test_council_page_shows_tiers_figures_cards_partners_peers_and_feed(ds):
    page = fetch(ds, f"/council/{CAMBRIDGE}").text
    assert "<h1>Cambridge City Council</h1>" in page
    assert f'href="/council/{CAMBS_COUNTY}"' in page  # the other tier
    assert "Greater Cambridge shared planning service" in page
    assert "Care technology to help people live at home" in page  # the county's, shown to district residents
    assert "Saved £600,000" in page or "Saved £600k" in page
    assert "South Cambridgeshire District Council</a>: 2 shared initiatives" in page  # partners beside the map
    assert '<svg viewBox="0 0 300' in page and 'class="here"' in page
    assert "Huntingdonshire leisure centres go cashless" in page  # an idea to borrow
    assert f"/council/{CAMBRIDGE}/feed.atom" in page
    assert "mailto:corrections@shopwindow.example?subject=Correction%20for%20Cambridge%20City%20Council" in page
    assert "Check: no-date-on-page" not in page  # that flag belongs to a Huntingdonshire card


def test_county_page_lists_its_districts(ds):
    page = fetch(ds, f"/council/{CAMBS_COUNTY}").text
    assert "District councils in this county" in page and "South Cambridgeshire" in page


def test_initiative_page_shows_savings_with_evidence_sources_and_similar(ds):
    page = fetch(ds, "/initiative/gc-waste").text
    assert "Sharing the depot and vehicles has cut running costs by £1.2m a year." in page
    assert "Target" in page and "£300k" in page and "for South Cambridgeshire District Council" in page
    assert 'href="https://www.example-council.gov.uk/news/gc-waste"' in page
    assert "Evidence</dt><dd>third-party" in page
    assert "Waste and environment · Shared service" in page  # taxonomy slugs shown as their labels
    assert "Suggest a correction" in page
    assert fetch(ds, "/initiative/triborough").text.count('class="source"') == 2  # both sources listed


def test_quality_flags_are_shown(ds):
    assert "Check: no-date-on-page" in fetch(ds, "/initiative/hunts-leisure").text


@pytest.mark.parametrize("path", ["/council/E99999999", "/initiative/nope", "/transparency/no-such-source"])
def test_unknown_things_are_404(ds, path):
    assert fetch(ds, path).status_code == 404


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (f"/council/{SOUTH_CAMBS}/feed.atom", {"Greater Cambridge shared planning service"}),
        (f"/council/{SOUTH_CAMBS}/neighbours.atom", {"Care technology to help people live at home",
                                                      "Huntingdonshire leisure centres go cashless"}),
        ("/feeds/service.atom?area=transport", {"Westminster parking by phone"}),
    ],
)
def test_atom_feeds_are_valid_and_hold_the_right_entries(ds, path, expected):
    response = fetch(ds, path)
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = {entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")}
    assert expected <= titles


def test_transparency_pages_show_runs_robots_new_and_gone(ds):
    page = fetch(ds, "/transparency").text
    assert "lga_case_studies" in page and "(recorded copy)" in page
    assert "www.example-council.gov.uk" in page and "some pages refused" in page
    assert "Westminster library opening hours pilot" in page  # no longer published
    detail = fetch(ds, "/transparency/council_news_cambridge").text
    assert "disallowed" in detail and "first seen" in detail


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def hostile_ds(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    db_path = build_dashboard_db(directory / "shopwindow.db", hostile_title=HOSTILE)
    import sqlite_utils

    sqlite_utils.Database(db_path)["initiatives"].update("gc-waste", {"url": "javascript:alert(1)"})
    return make_datasette(db_path, postcodes_path=build_postcode_index(directory))


@pytest.mark.parametrize("path", ["/", f"/council/{CAMBRIDGE}", "/initiative/gc-planning", "/initiative/gc-waste",
                                  f"/council/{CAMBRIDGE}/feed.atom", "/transparency"])
def test_hostile_harvested_text_is_escaped_everywhere(hostile_ds, path):
    response = fetch(hostile_ds, path)
    assert response.status_code == 200  # an error page would hide nothing
    page = response.text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert 'href="javascript:' not in page


def test_hostile_title_appears_escaped_on_its_page(hostile_ds):
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in fetch(hostile_ds, "/initiative/gc-planning").text


def test_an_unknown_address_is_a_404_not_a_server_error(ds):
    assert fetch(ds, "/no/such/page").status_code == 404
    assert fetch(ds, "/favicon.ico").status_code == 200


def test_the_stylesheet_is_vendored_and_served(ds):
    page = fetch(ds, "/").text
    href = re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)
    assert href.startswith("/-/static-plugins/")  # served by the app itself: no CDN
    response = fetch(ds, href)
    assert response.status_code == 200 and ".card" in response.text


def test_an_offline_harvest_without_snapshot_info_still_says_it_is_a_sample(tmp_path):
    import sqlite_utils

    db_path = build_dashboard_db(tmp_path / "shopwindow.db", snapshot_recorded=None)
    sqlite_utils.Database(db_path)["harvest_runs"].insert({"id": 99, "source": "lga_case_studies", "offline": 1,
                                                           "started": "2026-11-23T10:00:00", "status": "ok"})
    page = fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)), "/").text
    assert "Demo data" in page and "read from that recording on 2026-11-23" in page


def test_taxonomy_text_and_slugs_share_one_label():
    from shopwindow_dashboard.charts import label

    assert label("shared_service") == label("shared service") == "Shared service"
    assert label("something new") == "something new" and label(None) == ""


def test_council_without_coordinates_is_placed_from_its_postcodes(tmp_path):
    import sqlite_utils

    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    sqlite_utils.Database(db_path)["councils"].update(CAMBRIDGE, {"lat": None, "lng": None})
    page = fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)), f"/council/{CAMBRIDGE}").text
    assert 'class="here"' in page  # the square marking Cambridge, placed at its postcodes' centre
