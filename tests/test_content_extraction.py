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


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


STORY_TEXT = "The two councils now share one vehicle depot, which they say saves £80,000 a year in rent and running costs."
STORY = f"<p>{STORY_TEXT}</p>"


def test_collapsed_accordion_answers_are_read_with_their_questions():
    html = page("<main><h1>Garden waste questions</h1>" + STORY +
                "<h2><button aria-expanded='false' aria-controls='a1'>Why is the charge rising?</button></h2>"
                "<div id='a1' class='panel' hidden><p>Fuel costs rose by £190,000.</p></div>"
                "<details><summary>Is there a discount?</summary><p>Yes, half price.</p></details>"
                "<div class='notice' hidden><p>Old notice about the 2019 charge.</p></div></main>")
    lines = extract_article(html, "https://www.example.gov.uk/faq").text.splitlines()
    assert lines[1:] == ["Why is the charge rising?", "Fuel costs rose by £190,000.", "Is there a discount?",
                         "Yes, half price."]  # a hidden block no heading toggles stays out


@pytest.mark.parametrize("furniture", [
    "<div class='pageRating'><p>Rate this page: did you find what you were looking for today?</p></div>",  # camelCase
    "<div class='author-box'><p>Hannah Lewis led a £12m savings programme at a London borough.</p></div>",
    "<div class='piano-paywall'><h3>Want full article access?</h3><p>Subscribe from just £3 a week.</p></div>",
])
def test_widgets_named_by_their_class_are_dropped(furniture):
    html = page(f"<main><h1>Depot shared</h1>{STORY}{furniture}</main>")
    assert extract_article(html, "https://www.example.gov.uk/depot").text == STORY_TEXT


@pytest.mark.parametrize("column", [
    "<h2>Latest news</h2><div><h3>Libraries shared</h3><p>The shared catalogue saves £75,000 a year.</p></div>",
    "<h2>In this section</h2><ul><li><a href='/news'>All news</a></li></ul>",
])
@pytest.mark.parametrize("before", [True, False])
def test_a_column_of_other_stories_is_dropped_wherever_it_sits(column, before):
    side = f"<div class='col-4'>{column}</div>"
    story = f"<div class='col-8'><h1>Depot shared</h1>{STORY}<p>The depot opened on Monday.</p></div>"
    html = page(f"<div id='content'>{side + story if before else story + side}</div>")
    assert extract_article(html, "https://www.example.gov.uk/depot").text.splitlines() == [
        STORY_TEXT, "The depot opened on Monday."]


def test_the_feedback_prompt_ends_the_article():
    html = page(f"<main><h1>Depot shared</h1>{STORY}<h2>Was this page helpful?</h2><p>Tell us how we could "
                "improve this page, or report something that is wrong with it.</p></main>")
    assert extract_article(html, "https://www.example.gov.uk/depot").text == STORY_TEXT


def test_a_body_written_as_bullet_lists_is_found_by_its_list_items():
    items = "".join(f"<li>{t}</li>" for t in ["Placements cost well above the regional average price.",
                                              "A single brokerage hub now negotiates every placement.",
                                              "£1.2m was saved on placements in the first full year."])
    html = page(f"<div class='a'><h1>Brokerage hub</h1><div class='w'><h3>The challenge</h3><ul>{items}</ul>"
                "<blockquote><p>It paid for itself in three months.</p></blockquote></div></div>")
    text = extract_article(html, "https://www.example.org/hub").text
    assert "£1.2m was saved" in text and "It paid for itself" in text


def test_a_page_without_paragraphs_is_read_from_its_densest_run_of_text():
    html = page("<table><tr><td class='nav'><a href='/'>Home</a><br><a href='/jobs'>Jobs</a></td><td>"
                "<font size='4'><b>Mobile library review</b></font><br>23rd June 2006<br><br>The change will save "
                "<b>£48,000</b> a year,\nofficers say.<br><br>Stops with few users will close.</td></tr></table>")
    article = extract_article(html, "https://www.example.gov.uk/press/1")
    assert article.text.splitlines() == ["23rd June 2006", "The change will save £48,000 a year, officers say.",
                                         "Stops with few users will close."]
    assert (article.title, article.published) == ("Mobile library review", "2006-06-23")


IN_DIVS = ("<div id='centre'><div>The council will bring the repair of 1,200 homes back in-house next year.</div>"
           "<div>An in-house team would cost £260,000 a year less than the contractor does now.</div></div>")


@pytest.mark.parametrize(("html", "other"), [
    # A column of link teasers, however many figures its links carry...
    (page("<div id='left'><div><a href='/45'>Hall roof repaired for £38,000 with lottery help</a></div></div>"
          + IN_DIVS), "£38,000"),
    # ...or a footer's paragraph, the only <p> of the page.
    (page(IN_DIVS + "<div id='bottom'><p>© Marshfield Town Council 2011</p></div>"), "©"),
])
def test_an_article_written_in_divs_is_found_by_its_loose_sentences(html, other):
    text = extract_article(html, "https://www.example.gov.uk/news/46").text
    assert "£260,000" in text and other not in text


@pytest.mark.parametrize(("head", "body", "title"), [
    # A generic <h1> that only begins the <title> is a section label.
    ("<title>Agenda item - Shared waste contract - Easton District Council</title>", "<h1>Agenda item</h1>",
     "Agenda item - Shared waste contract"),
    # ...but a real headline that begins a longer <title> is the headline.
    ("<title>Councils share one fraud team - Eastmere Combined Authority - GOV.UK</title>",
     "<h1>Councils share one fraud team</h1>", "Councils share one fraud team"),
    # Without an <h1>, a bold first line of the body beats a <title> naming only the section.
    ("<title>Media releases - Association</title>", "<p><strong>Councils have saved £1.1bn</strong></p>",
     "Councils have saved £1.1bn"),
    # An og:title naming only the site (one part of "Site - Page", the headline the other) is not the title...
    ('<title>Westbrook Council - Tax support review</title><meta property="og:title" content="Westbrook Council">',
     "<h1>Tax support review</h1>", "Tax support review"),
    # ...while an og:title that is the first part of "Page | Site" is the title, over a generic <h1>.
    ('<title>Libraries open on Sundays | Anytown</title><meta property="og:title" content="Libraries open on Sundays">',
     "<h1>News</h1>", "Libraries open on Sundays"),
    # An <h1> holding the logo (a link home) is not the headline: the heading opening the body is.
    ("<title>Eastmere City Council - News</title>",
     "<h1 id='top'><a href='/'>Eastmere City Council</a></h1><div><h2>Park wardens shared</h2>", "Park wardens shared"),
    # A caption set inside the <h1> is not part of the headline.
    ("", "<h1><span class='govuk-caption-l'>Press release</span>Councils share a fraud team</h1>",
     "Councils share a fraud team"),
    # The <header> inside an <article> is the article's, with its headline.
    ("<title>Forum &raquo; Blog Archive &raquo; County deal</title>",
     "<article><header><h1>What a county deal could save</h1></header>", "What a county deal could save"),
])
def test_title_is_the_headline_not_a_label(head, body, title):
    html = page(f"<main>{body}{STORY}{'</article>' if '<article>' in body else ''}{'</div>' if '<div>' in body else ''}</main>", head)
    assert extract_article(html, "https://www.example.gov.uk/a").title == title


@pytest.mark.parametrize(("head", "body", "date"), [
    # JSON-LD's datePublished, not the dateModified written before it.
    ('<script type="application/ld+json">{"dateModified": "2020-02-20", "datePublished": "2020-01-15"}</script>',
     f"<main><h1>Contact centre opens</h1>{STORY}</main>", "2020-01-15"),
    # Dublin Core's dcterms.date.
    ('<meta name="dcterms.date" content="2019-08-05T00:01:00+01:00">', f"<main><h1>Shared services</h1>{STORY}</main>",
     "2019-08-05"),
    # A dateline just under the headline, outside the container the body is read from.
    ("", f"<h1>Solar farm income tops £1m</h1><span>3rd March 2021</span><div class='rte'>{STORY}</div>", "2021-03-03"),
    ("", f"<h1>Unitary bid</h1><p>By Tom Reilly | 09 March 2023</p><div class='body'>{STORY}</div>", "2023-03-09"),
    # A "Page last updated" line above the headline is a later date than the dateline under it.
    ("", f"<main><p>Page last updated: 10 March 2021</p><h1>Solar farm</h1><span>3rd March 2021</span>"
         f"<div class='rte'>{STORY}</div></main>", "2021-03-03"),
    # The article's own <time>, not the one of a sidebar item earlier in the source.
    ("", f"<div class='side'><time datetime='2022-04-08'>8 April</time></div><main><h1>Trees</h1>"
         f"<time datetime='2022-04-11'>11 April 2022</time>{STORY}</main>", "2022-04-11"),
])
def test_date_comes_from_where_the_article_states_it(head, body, date):
    assert extract_article(page(body, head), "https://www.example.gov.uk/a").published == date



@pytest.mark.parametrize("line", [
    "<p>For further information please contact the communications team on 01632 960 777.</p>",
    "<p><a href='/news'>Back to news</a> | <a href='#'>Print this page</a></p>",
])
def test_contact_and_page_tool_lines_are_dropped(line):
    html = page(f"<main><h1>Depot shared</h1>{STORY}{line}</main>")
    assert extract_article(html, "https://www.example.gov.uk/depot").text == STORY_TEXT


def test_a_page_of_nothing_but_links_is_read_whole_not_from_one_link():
    html = page("<main><ul><li><h3><a href='/a'>Care at home pilot</a></h3></li>"
                "<li><h3><a href='/b'>Chargers for rural car parks</a></h3></li></ul></main>")
    assert extract_article(html, "https://www.example.gov.uk/news").text.splitlines() == [
        "Care at home pilot", "Chargers for rural car parks"]
