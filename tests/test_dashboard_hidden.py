"""Datasette's index lists the data, not the harvester's and plugins' bookkeeping tables."""

from __future__ import annotations

import pytest
from dashboard_data import build_postcode_index, fetch

from shopwindow.schema import open_database
from shopwindow_dashboard import make_datasette

INTERNAL = ["links", "matching_texts", "initiative_link_sources", "snapshot_info"]
PUBLIC = ["initiatives", "initiative_councils", "initiative_sources", "savings", "initiative_merges", "robots"]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """The database's Datasette index (HTML and JSON) for a database with every table a harvest creates."""
    directory = tmp_path_factory.mktemp("hidden")
    path = str(directory / "shopwindow.db")
    open_database(path)  # core schema plus every plugin's prepare_database
    ds = make_datasette(path, postcodes_path=build_postcode_index(directory))
    tables = {t["name"]: t for t in fetch(ds, "/shopwindow.json").json()["tables"]}
    return fetch(ds, "/shopwindow").text, tables


@pytest.mark.parametrize("table", INTERNAL)
def test_internal_table_is_hidden_from_the_index(index, table):
    page, tables = index
    assert tables[table]["hidden"] is True
    assert f'href="/shopwindow/{table}"' not in page


@pytest.mark.parametrize("table", PUBLIC)
def test_data_tables_are_still_listed(index, table):
    page, tables = index
    assert tables[table]["hidden"] is False
    assert f'href="/shopwindow/{table}"' in page
