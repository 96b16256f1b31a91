"""Datasette's HTML tables show money in pounds, taxonomy labels and folded quotes; JSON and CSV stay raw."""

from __future__ import annotations

import sqlite_utils
from dashboard_data import build_dashboard_db, build_postcode_index, fetch

from shopwindow_dashboard import make_datasette

LONG_QUOTE = "The council <b>says</b> " + "it saved money by sharing the service with its neighbours. " * 60


def test_a_ranked_saving_reads_as_pounds_with_its_label(ds):
    page = fetch(ds, "/shopwindow/savings_ranked").text
    assert "£160,000,000" in page and "160000000" not in page
    assert "Children&#39;s services" in page or "Children's services" in page
    assert "childrens_services" not in page.split("<tbody>")[1]  # the slug is not shown in the rows


def test_json_and_csv_keep_raw_values(ds):
    rows = fetch(ds, "/shopwindow/savings_ranked.json?_shape=array").json()
    deal = next(row for row in rows if row["initiative_id"] == "wigan-deal")
    assert deal["amount_gbp"] == 160000000 and "£" not in str(deal["amount_gbp"])
    assert "childrens_services" in {row["service_area"] for row in rows}
    csv_text = fetch(ds, "/shopwindow/savings_ranked.csv").text
    assert "160000000" in csv_text and "childrens_services" in csv_text and "£160,000,000" not in csv_text


def test_a_long_quote_is_folded_with_the_whole_text_escaped(tmp_path):
    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    sqlite_utils.Database(db_path)["savings"].update("s7", {"quote": LONG_QUOTE})  # Wigan's £160m
    page = fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)),
                 "/shopwindow/savings_ranked").text
    cell = page.split("<summary>", 1)[1].split("</details>", 1)[0]
    summary, whole = cell.split("</summary>")
    assert len(summary) < 200 and summary.endswith("…")
    assert whole.count("sharing the service") == 60 and "&lt;b&gt;says&lt;/b&gt;" in whole and "<b>" not in page


def test_source_links_show_their_host_and_stay_raw_in_json(ds):
    page = fetch(ds, "/shopwindow/savings_ranked").text
    assert '<a href="https://www.wigan.gov.uk/news/the-deal">www.wigan.gov.uk/…</a>' not in page  # not the headline's
    assert '<a href="https://www.example-council.gov.uk/news/wigan-deal">www.example-council.gov.uk/…</a>' in page
    rows = fetch(ds, "/shopwindow/savings_ranked.json?_shape=array").json()
    assert "https://www.example-council.gov.uk/news/wigan-deal" in {row["source_url"] for row in rows}


def test_a_quote_longer_than_a_line_or_two_is_folded():
    from shopwindow_dashboard.cells import folded

    cell = str(folded("word " * 30))
    assert cell.startswith('<details style="min-width: 14em"><summary>word word') and cell.count("word") > 30  # the first words, then all of them
