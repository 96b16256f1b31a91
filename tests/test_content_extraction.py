"""Generic main-content extraction on layouts no reader was written for."""

from __future__ import annotations

import pytest
from shopwindow.content import extract_article

FURNITURE = """
<div class="cookie-consent"><p>We would like to set optional cookies to understand how you use this website.</p></div>
<header><nav><a href="/">Home</a> <a href="/bins">Bins and recycling</a> <a href="/tax">Council tax</a></nav></header>
"""
FOOTER = """<footer><p>Contact us: 0300 123 4567. Follow us on social media for the latest council updates.</p></footer>"""


def test_drupal_style_page_with_region_divs():
    html = f"""<html><head><title>Shared HR service goes live | Adur &amp; Worthing Councils</title></head><body>{FURNITURE}
    <div class="region region-content"><div id="block-system-main"><h1 class="page-title">Shared HR service goes live</h1>
    <div class="field field-name-body"><p>Adur and Worthing councils now run one HR and payroll team between them, a change expected to save £300,000 a year.</p>
    <p>The team moved onto one payroll system in April.</p></div></div></div>
    <div class="sidebar"><p>Related: parking permits, planning applications and other popular pages.</p></div>{FOOTER}</body></html>"""
    article = extract_article(html, "https://www.adur-worthing.gov.uk/news/hr")
    assert article.title == "Shared HR service goes live"
    assert "£300,000 a year" in article.text
    assert "optional cookies" not in article.text and "0300 123 4567" not in article.text and "parking permits" not in article.text


def test_table_layout_page_without_semantic_containers():
    html = """<html><body><table><tr><td><a href="/">Home</a></td></tr><tr><td>
    <font size="4"><b>Joint procurement hub</b></font>
    <p>The three councils in the partnership now buy goods through one procurement hub. Officers estimate savings of five per cent on contracts.</p>
    <p>Published 23rd June 2006</p></td></tr></table></body></html>"""
    article = extract_article(html, "https://www.example-district.gov.uk/press/123")
    assert "one procurement hub" in article.text
    assert article.published == "2006-06-23"


def test_og_title_beats_a_site_name_in_the_title_tag():
    html = """<html><head><title>News - Anytown Borough Council</title><meta property="og:title" content="Libraries open on Sundays"></head>
    <body><main><h1>News</h1><p>From March, four libraries will open on Sundays using volunteers and self-service kiosks.</p></main></body></html>"""
    assert extract_article(html, "https://anytown.gov.uk/x").title == "Libraries open on Sundays"


def test_title_suffix_is_removed_from_the_title_tag():
    html = "<html><head><title>Care hub opens | Fife Council</title></head><body><p>Text of the page about the care hub opening this week in Kirkcaldy.</p></body></html>"
    assert extract_article(html, "https://www.fife.gov.uk/x").title == "Care hub opens"


def test_scripts_and_styles_are_never_text_and_markup_in_text_stays_text():
    html = """<html><body><main><h1>&lt;script&gt;alert(1)&lt;/script&gt; Budget news</h1><script>var x = "£9m";</script>
    <style>.a{}</style><p>The budget was agreed last night after a long debate in the council chamber about services.</p></main></body></html>"""
    article = extract_article(html, "https://x.gov.uk/a")
    assert article.title == "<script>alert(1)</script> Budget news"  # stored as text; escaping is the publisher's job
    assert "£9m" not in article.text and ".a{}" not in article.text


def test_cross_site_canonical_is_reported_but_not_trusted_for_the_record():
    html = """<html><head><link rel="canonical" href="https://evil.example.com/fake"></head><body><main><h1>Real story</h1>
    <p>A genuine council story with enough text to be picked up as the main content of the page.</p></main></body></html>"""
    from shopwindow.models import Request, Response
    from shopwindow.readers import ArticleReader

    class R(ArticleReader):
        name = "r"

    reader = R(type("S", (), {"options": {}})())
    response = Response("https://www.leeds.gov.uk/news/a", 200, {}, html.encode(), html, "utf-8", Request("https://www.leeds.gov.uk/news/a"), "text/html")
    (record,) = list(reader.parse_article(response))
    assert record.url == "https://www.leeds.gov.uk/news/a"


def test_list_items_made_of_paragraphs_keep_their_text():
    html = ("<html><body><main><h1>Our savings plan</h1><ul>"
            "<li><p>Merging the two contact centres will save £220,000 a year.</p></li>"
            "<li><p>Sharing a fleet depot with the district will save £75,000.</p></li>"
            "</ul><p>Both changes start in April, the council said in its budget report this week.</p></main></body></html>")
    lines = extract_article(html, "https://www.example.gov.uk/plan").text.splitlines()
    assert lines[:2] == ["Merging the two contact centres will save £220,000 a year.",
                         "Sharing a fleet depot with the district will save £75,000."]


def test_a_list_inside_a_quote_is_read_once():
    html = ("<html><body><main><h1>Leader's statement</h1><p>The leader set out the year's results to "
            "full council on Wednesday evening, with thanks to staff.</p><blockquote><ul>"
            "<li>Savings of £5m were delivered across all services.</li></ul></blockquote></main></body></html>")
    text = extract_article(html, "https://www.example.gov.uk/leader").text
    assert text.count("Savings of £5m") == 1


def test_line_breaks_in_the_html_source_of_a_paragraph_are_spaces():
    html = ("<html><body><main><h1>Waste contract</h1><p>The council saved\n   £2m on   waste\nthis year, "
            "officers told the environment committee on Tuesday evening.</p></main></body></html>")
    assert extract_article(html, "https://www.example.gov.uk/waste").text == (
        "The council saved £2m on waste this year, officers told the environment committee on Tuesday evening.")


@pytest.mark.parametrize(("end", "after_it"), [
    # A press release stops at its notes to editors...
    ("<p>ENDS</p><h3>Notes to editors</h3><p>The council has 3,000 staff and a budget of £300m.</p>", "£300m"),
    # ...and an article where its links to related stories begin.
    ("<h2>Related stories</h2><ul><li><a href='/a'>Sheffield City Council saves £2m on printing</a></li></ul>",
     "Sheffield"),
])
def test_an_article_stops_at_the_furniture_after_it(end, after_it):
    html = ("<html><body><main><h1>Depot shared</h1><p>The two councils now share one vehicle depot, which "
            f"they say saves £80,000 a year in rent and running costs.</p>{end}</main></body></html>")
    text = extract_article(html, "https://www.example.gov.uk/depot").text
    assert after_it not in text and text.startswith("The two councils now share")


def test_press_office_contact_lines_are_dropped():
    html = ("<html><body><main><h1>Depot shared</h1><p>The two councils now share one vehicle depot, which "
            "they say saves £80,000 a year in rent and running costs.</p><p>For media enquiries contact the "
            "press office on 01234 567890.</p></main></body></html>")
    assert "enquiries" not in extract_article(html, "https://www.example.gov.uk/depot").text
