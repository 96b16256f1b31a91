"""Unknown addresses: residents get Shop Window's own "Page not found" page, API clients a JSON error."""

from __future__ import annotations

import pytest
from dashboard_data import WIGAN, fetch


@pytest.mark.parametrize("path", ["/nope", "/council", "/council/%3Cscript%3E", "/council/E99999999",
                                  "/initiative/nope", "/shopwindow/no_such_table", "/no/such/page"])
def test_an_unknown_page_is_our_page_not_found(ds, path):
    response = fetch(ds, path)
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.text and 'class="brand"' in response.text
    assert "<script>" not in response.text  # the address is never echoed unescaped


def test_an_unknown_council_code_is_named_escaped(ds):
    page = fetch(ds, "/council/%3Cscript%3E").text
    assert "No council has the code “&lt;script&gt;”" in page


@pytest.mark.parametrize("path", ["/nope.json", "/shopwindow/no_such_table.json"])
def test_json_errors_stay_json(ds, path):
    response = fetch(ds, path)
    assert response.status_code == 404
    assert response.json()["ok"] is False


def test_a_lower_case_gss_code_redirects_to_the_council_page(ds):
    response = fetch(ds, f"/council/{WIGAN.lower()}")
    assert response.status_code == 301 and response.headers["location"] == f"/council/{WIGAN}"
