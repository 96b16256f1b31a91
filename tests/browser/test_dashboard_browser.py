"""A resident's journey in headless Chromium: postcode -> council -> initiative -> source; layout and accessibility."""

from __future__ import annotations

import json
import re

import pytest
from dashboard_data import CAMBRIDGE, WESTMINSTER

pytestmark = pytest.mark.browser

SOURCE_PAGE = "<!doctype html><html lang='en'><title>Council news</title><h1>Recorded council news page</h1></html>"


def test_typing_a_postcode_lands_on_the_council_page_with_its_initiatives(page):
    page.goto("/")
    page.get_by_label("Postcode or council name").fill("sw1a 1aa")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/council/{WESTMINSTER}")
    assert page.get_by_role("heading", level=1).inner_text() == "Westminster City Council"
    assert page.get_by_role("link", name="Westminster parking by phone", exact=True).is_visible()
    assert page.outside_requests == []  # no CDN, font or tile server


def test_two_tier_postcode_offers_both_councils(page):
    page.goto("/")
    page.get_by_label("Postcode or council name").fill("CB1 0AA")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name="Cambridge City Council").click()
    page.wait_for_url(f"**/council/{CAMBRIDGE}")
    assert page.get_by_role("link", name="Cambridgeshire County Council").first.is_visible()


def test_open_an_initiative_and_follow_its_source_link(page):
    served = []

    def fulfil(route):
        served.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=SOURCE_PAGE)

    page.route("https://www.example-council.gov.uk/**", fulfil)  # the external site, answered locally
    page.goto(f"/council/{CAMBRIDGE}")
    page.get_by_role("link", name="Joint bin collections for Cambridge and South Cambridgeshire", exact=True).click()
    page.wait_for_url("**/initiative/gc-waste")
    assert page.get_by_text("Sharing the depot and vehicles has cut running costs").is_visible()
    page.locator("a.source").first.click()
    page.wait_for_url("https://www.example-council.gov.uk/news/gc-waste")
    assert page.get_by_role("heading", name="Recorded council news page").is_visible()
    assert served == ["https://www.example-council.gov.uk/news/gc-waste"]


def test_suggestions_list_council_names_as_you_type(page):
    page.goto("/")
    options = page.locator("#council-names option").evaluate_all("options => options.map(o => o.value)")
    assert "Cambridge" in options and "Westminster" in options
    assert page.get_by_label("Postcode or council name").get_attribute("list") == "council-names"


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


# Every kind of resident page.
PAGES = {"home": "/", "council": f"/council/{CAMBRIDGE}", "initiative": "/initiative/gc-waste",
         "find": "/find?q=Newcastle", "find-message": "/find?q=ZZ9+9ZZ", "transparency": "/transparency",
         "source": "/transparency/council_news_cambridge", "not-found": "/no/such/page"}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_fit_the_screen_and_are_saved_as_screenshots(page, artifacts, name, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(PAGES[name])
    page.screenshot(path=str(artifacts / f"dashboard-{name}-{width}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"{name} scrolls sideways at {width} px ({overflow} px wide)"
    # Nor may a part of it (a wide table in its own scrolling box is still a sideways scroll).
    scrolling = page.evaluate("""() => [...document.querySelectorAll('main *')]
        .filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
        .map(e => e.tagName + '.' + e.className)""")
    assert scrolling == [], f"{name} has parts that scroll sideways at {width} px: {scrolling}"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_or_critical_accessibility_violations(page, axe_source, name):
    page.goto(PAGES[name])
    page.add_script_tag(content=axe_source)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [node["target"] for node in v["nodes"]][:5]}
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], json.dumps(serious, indent=1)


def test_map_and_charts_render_without_network(page):
    page.goto(f"/council/{CAMBRIDGE}")
    box = page.locator("figure.map svg").bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100
    page.goto("/")
    assert page.locator("figure.chart svg.bar-svg").count() >= 3
    assert re.search(r"£\d", page.locator("figure.chart").first.inner_text())
    assert page.outside_requests == []
