"""Headline savings: a scheme reported by several sources counts its saving once, everywhere a total is shown.

The fixture's Wigan "Deal" has three sources reporting £160m, £141m and £141m achieved; summing the savings
table would say £442m. Every total, chart, ranking and badge must say £160m (the largest figure, once).
"""

from __future__ import annotations

import csv
import re
import io
import sqlite3

import pytest
import sqlite_utils
from dashboard_data import (
    BOLTON,
    HEADLINE_ACHIEVED,
    WIGAN,
    build_dashboard_db,
    build_postcode_index,
    fetch,
)

from shopwindow.schema import HEADLINE_SAVINGS_VIEW, ensure_schema
from shopwindow_dashboard import make_datasette
from shopwindow_dashboard.charts import gbp

DEAL = 160_000_000


def test_view_keeps_one_achieved_figure_per_initiative_the_largest(dashboard_files):
    conn = sqlite3.connect(dashboard_files[0])
    rows = conn.execute("select initiative_id, amount_gbp, figures_reported, quote from initiative_savings_headline "
                        "where status = 'achieved'").fetchall()
    assert {row[0]: row[1] for row in rows} == HEADLINE_ACHIEVED
    deal = next(row for row in rows if row[0] == "wigan-deal")
    assert deal[2] == 3 and "£160m" in deal[3]  # three figures reported; the quote is the headline figure's


def test_targets_and_estimates_share_one_planned_headline_and_percentages_are_kept_apart():
    db = sqlite_utils.Database(memory=True)
    ensure_schema(db)
    db["savings"].insert_all([
        {"id": "t1", "initiative_id": "a", "amount_gbp": 5e6, "status": "target"},
        {"id": "t2", "initiative_id": "a", "amount_gbp": 7e6, "status": "estimated"},
        {"id": "a1", "initiative_id": "a", "amount_gbp": 1e6, "status": "achieved"},
        {"id": "p1", "initiative_id": "b", "percent": 20.0, "status": "achieved"},
        {"id": "p2", "initiative_id": "b", "percent": 30.0, "status": "achieved"},
        {"id": "x2", "initiative_id": "c", "amount_gbp": 9.0, "status": "achieved"},
        {"id": "x1", "initiative_id": "c", "amount_gbp": 9.0, "status": "achieved"},
    ])
    rows = {(r["initiative_id"], r["status"]): r for r in db.query("select * from initiative_savings_headline")}
    assert set(rows) == {("a", "estimated"), ("a", "achieved"), ("b", "achieved"), ("c", "achieved")}
    assert rows[("a", "estimated")]["amount_gbp"] == 7e6
    assert rows[("b", "achieved")]["amount_gbp"] is None and rows[("b", "achieved")]["percent"] == 30.0
    assert rows[("c", "achieved")]["saving_id"] == "x1"  # a tie goes to the lowest id: a stable choice


def test_ensure_schema_replaces_an_outdated_view_and_leaves_a_current_one_alone():
    db = sqlite_utils.Database(memory=True)
    ensure_schema(db)
    db.execute("drop view initiative_savings_headline")
    db.execute("create view initiative_savings_headline as select * from savings")  # an older rule
    ensure_schema(db)
    stored = db.execute("select sql from sqlite_master where name = 'initiative_savings_headline'").fetchone()[0]
    assert " ".join(stored.split()).lower() == " ".join(HEADLINE_SAVINGS_VIEW.split()).lower()
    changes = db.conn.total_changes
    ensure_schema(db)
    assert db.conn.total_changes == changes


def test_home_totals_and_charts_count_each_initiative_once(ds):
    page = fetch(ds, "/").text
    assert gbp(sum(HEADLINE_ACHIEVED.values())) in page  # "Savings reported achieved"
    assert "£442m" not in page and "£282m" not in page
    assert "Prevention and demand management" in page and gbp(DEAL) in page  # delivery-model chart
    assert "2017-18" not in page  # only the headline figure's fiscal year reaches the year chart


def test_council_page_figures_and_badge_show_the_headline_once(ds):
    page = fetch(ds, f"/council/{WIGAN}").text
    assert "Saved £160m" in page
    assert "£442m" not in page and "£301m" not in page and "£282m" not in page


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_savings_ranked_lists_an_initiative_once_with_its_headline(ds, fmt):
    response = fetch(ds, f"/shopwindow/savings_ranked.{fmt}?service_area=" + ("&_shape=array" if fmt == "json" else ""))
    rows = response.json() if fmt == "json" else list(csv.DictReader(io.StringIO(response.text)))
    deal = [row for row in rows if row["initiative_id"] == "wigan-deal"]
    assert len(deal) == 1 and float(deal[0]["amount_gbp"]) == DEAL and int(deal[0]["figures_reported"]) == 3
    assert rows[0]["initiative_id"] == "wigan-deal"
    assert len(rows) == len(HEADLINE_ACHIEVED)


@pytest.mark.parametrize(("query", "council", "column"), [("council_initiatives", WIGAN, "id"),
                                                           ("ideas_to_borrow", BOLTON, "id")])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_canned_queries_show_the_headline_saving(ds, query, council, column, fmt):
    response = fetch(ds, f"/shopwindow/{query}.{fmt}?council={council}" + ("&_shape=array" if fmt == "json" else ""))
    rows = response.json() if fmt == "json" else list(csv.DictReader(io.StringIO(response.text)))
    deal = [row for row in rows if row[column] == "wigan-deal"]
    assert len(deal) == 1 and float(deal[0]["achieved_gbp"]) == DEAL


def test_initiative_page_lists_every_figure_and_marks_the_headline(ds):
    page = fetch(ds, "/initiative/wigan-deal").text
    for quote in ("take £160m out of its budget", "found £141m of savings", "reports £141m saved"):
        assert quote in page
    assert page.count("Headline figure</span>") == 1
    assert "the largest amount reported as achieved" in page
    assert page.count('class="source"') == 3


def test_labels_come_from_the_database_lookup_tables(tmp_path):
    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    db = sqlite_utils.Database(db_path)
    db["delivery_models"].update("demand_management", {"label": "Residents' deal"})
    assert db.execute("select count(*) from initiatives where service_area like '% %' "
                      "or delivery_model like '% %'").fetchone()[0] == 0  # the fixture stores slugs, like a harvest
    db.close()
    datasette = make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path))
    assert "Residents&#39; deal" in fetch(datasette, "/initiative/wigan-deal").text
    assert "Residents&#39; deal" in fetch(datasette, "/").text  # the chart's bar


def test_serving_an_older_database_adds_the_view_first(tmp_path):
    from shopwindow_dashboard import ensure_views

    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    sqlite_utils.Database(db_path).execute("drop view initiative_savings_headline")
    assert "initiative_savings_headline" not in sqlite_utils.Database(db_path).view_names()
    ensure_views(db_path)
    assert "initiative_savings_headline" in sqlite_utils.Database(db_path).view_names()


def _year_chart(page: str) -> str:
    return page.split('id="by-year-title"', 1)[1].split("</figure>", 1)[0]


def test_the_year_chart_uses_financial_years_and_keeps_cumulative_savings_apart(tmp_path):
    db_path = build_dashboard_db(tmp_path / "shopwindow.db")
    db = sqlite_utils.Database(db_path)
    db["savings"].update("s0", {"fiscal_year": None})  # gc-planning, published 2024-03-12: financial year 2023-24
    db["savings"].update("s6", {"fiscal_year": None})  # Westminster parking, published 2019-05-14: 2019-20
    chart = _year_chart(fetch(make_datasette(db_path, postcodes_path=build_postcode_index(tmp_path)), "/").text)
    labels = re.findall(r'class="bar-label">([^<]+)<', chart)
    assert labels == ["2014-15", "2019-20", "2023-24"]  # Tri-borough's stated year; the rest by publication
    assert all(re.fullmatch(r"\d{4}-\d{2}", label) for label in labels)
    # Wigan's £160m and the county's £2.5m were saved over several years: in no bar, but said so.
    assert "£160m" not in chart.split("</figcaption>")[1]
    assert "Financial years, April to March" in chart and "£162.5m saved over several years (2 initiatives)" in chart
