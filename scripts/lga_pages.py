"""Render LGA-style pages (case-study listing, case study) for the offline snapshot and test fixtures.

The markup mirrors www.local.gov.uk as described in the project's source-site notes:
cookie banner, navigation, a listing of teasers with ``?page=N`` pagination, and case
studies with a standfirst, a "View all <topic> articles" link, "The challenge" / "The
solution" sections and a date. Only the structure is the site's; the words are ours.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

RECORDED = "2026-11-23"
LGA = "https://www.local.gov.uk"

SECTION_HEADINGS = {
    "challenge": "The challenge",
    "solution": "The solution",
    "impact": "The impact",
    "sustaining": "How is the new approach being sustained?",
    "lessons": "Lessons learned",
    "contact": "Contact",
}

_CHROME_TOP = """<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>{title} | Local Government Association</title>
{canonical}
<meta name="viewport" content="width=device-width, initial-scale=1.0">
</head>
<body class="path-node page-node-type-{kind}">
<div id="sliding-popup" class="cookie-banner"><div class="eu-cookie-compliance-message">
<p>We use cookies to help this website work and to understand how it is used. You can accept all cookies or choose
which ones to allow.</p><button class="agree-button">Accept all cookies</button><button>Cookie settings</button></div></div>
<header class="site-header"><a class="skip-link" href="#main-content">Skip to main content</a>
<a href="/" class="site-logo">Local Government Association</a>
<nav class="main-nav"><ul><li><a href="/about">About</a></li><li><a href="/our-support">Our support</a></li>
<li><a href="/topics">Topics</a></li><li><a href="/publications">Publications</a></li>
<li><a href="/case-studies">Case studies</a></li><li><a href="/about/news">News</a></li></ul></nav>
<form class="search" action="/search"><input name="keys" placeholder="Search"></form></header>
<nav class="breadcrumb"><ol><li><a href="/">Home</a></li>{crumb}</ol></nav>
<main id="main-content">
"""

_CHROME_BOTTOM = """</main>
<aside class="newsletter-signup"><h2>Sign up to our bulletins</h2><p>Get the latest news for councils by email every
week.</p><a href="/about/news/bulletins">Subscribe</a></aside>
<footer class="site-footer"><p>Local Government Association, 18 Smith Square, London SW1P 3HZ.</p><ul><li><a href="/about/privacy">Privacy</a></li><li><a href="/accessibility">Accessibility</a></li>
<li><a href="/contact-us">Contact us</a></li></ul><p>&copy; Local Government Association</p></footer>
</body>
</html>
"""


def slug_path(slug: str) -> str:
    return f"{LGA}/{slug}"


def render_listing(items: list[dict], page: int, pages: int, total: int, base: str = "/case-studies") -> str:
    """A listing page: result count, filter drop-downs, teasers, a pager."""
    e = html.escape
    rows = []
    for item in items:
        href = item.get("href") or "/" + item["slug"]
        rows.append(
            '<div class="views-row"><article class="teaser teaser--case-study">'
            f'<h3 class="teaser__title"><a href="{e(href)}">{e(item["title"])}</a></h3>'
            f'<div class="teaser__summary"><p>{e(item["teaser"])}</p></div>'
            f'<div class="teaser__topic">{e(item["topic"])}</div></article></div>'
        )
    pager = ['<nav class="pager" role="navigation"><ul class="pager__items">']
    if page > 0:
        pager.append(f'<li class="pager__item pager__item--previous"><a href="{base}?sort_by=created&amp;sort_order=DESC&amp;page={page - 1}">Previous</a></li>')
    pager.append(f'<li class="pager__item is-active">Page {page + 1}</li>')
    if page + 1 < pages:
        pager.append(f'<li class="pager__item pager__item--next"><a href="{base}?sort_by=created&amp;sort_order=DESC&amp;page={page + 1}">Next</a></li>')
    pager.append("</ul></nav>")
    main = (
        '<h1 class="page-title">Case studies</h1>'
        '<form class="views-exposed-form"><label>Keywords <input name="keys"></label>'
        '<label>Filter by topics <select name="topics"><option>- All -</option>'
        '<option>Efficiency and income generation</option><option>Adult social care</option>'
        '<option>Children and young people</option><option>Housing</option></select></label>'
        '<label>Filter by support type <select name="support_type"><option>- All -</option></select></label>'
        '<label>From <input name="from" type="date"></label><label>To <input name="to" type="date"></label></form>'
        f'<p class="search-results-count">Your search returned {total} results</p>'
        '<div class="view view-case-studies"><div class="view-content">' + "".join(rows) + "</div>" + "".join(pager) + "</div>"
    )
    return (
        _CHROME_TOP.format(title="Case studies", canonical="", kind="listing", crumb="<li>Case studies</li>")
        + main
        + _CHROME_BOTTOM
    )


def render_case_study(cs: dict, canonical: str | None = None) -> str:
    """A case study page with standfirst, topic link, sections and date."""
    e = html.escape
    body = []
    for key, heading in SECTION_HEADINGS.items():
        text = cs.get(key)
        if not text:
            continue
        body.append(f"<h2>{e(heading)}</h2>")
        paragraphs = text if isinstance(text, list) else [text]
        for para in paragraphs:
            if para.startswith("* "):
                body.append("<ul>" + "".join(f"<li>{e(x.strip())}</li>" for x in para[2:].split(" * ")) + "</ul>")
            else:
                body.append(f"<p>{e(para)}</p>")
    topic = cs["topic"]
    topic_slug = topic.lower().replace(" ", "-").replace(",", "")
    date_iso = cs["date"]
    y, m, d = (int(x) for x in date_iso.split("-"))
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]
    human = f"{d} {months[m - 1]} {y}"
    link = f'<link rel="canonical" href="{e(canonical)}">' if canonical else ""
    main = (
        '<article class="node node--type-case-study">'
        f'<h1 class="page-title"><span>{e(cs["title"])}</span></h1>'
        f'<div class="field field--name-field-standfirst"><p>{e(cs["standfirst"])}</p></div>'
        f'<div class="field field--name-field-topics"><a href="/topics/{e(topic_slug)}">View all {e(topic)} articles</a></div>'
        '<div class="field field--name-body">' + "".join(body) + "</div>"
        f'<div class="field field--name-field-date">Published <time datetime="{date_iso}T12:00:00Z">{human}</time></div>'
        "</article>"
        '<section class="related"><h2>Related case studies</h2><ul><li><a href="/case-studies">More case studies</a></li></ul></section>'
    )
    return (
        _CHROME_TOP.format(title=e(cs["title"]), canonical=link, kind="case-study",
                           crumb='<li><a href="/case-studies">Case studies</a></li>')
        + main
        + _CHROME_BOTTOM
    )


def write(directory: Path, name: str, url: str, body: str | bytes, note: str, content_type: str = "text/html; charset=utf-8",
          status: int = 200) -> None:
    """Write one recording (manifest + body) in the snapshot format."""
    directory.mkdir(parents=True, exist_ok=True)
    ext = {"text/csv": ".csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx"}.get(
        content_type.split(";")[0], ".html")
    data = body.encode("utf-8") if isinstance(body, str) else body
    (directory / f"{name}{ext}").write_bytes(data)
    manifest = {"url": url, "status": status, "headers": {"content-type": content_type}, "body": f"{name}{ext}",
                "recorded": RECORDED, "note": note}
    (directory / f"{name}.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
