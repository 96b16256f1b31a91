"""Build the thinktank landing pages and PDF reports of the offline snapshot, and the reader's test fixtures.

Usage: .venv/bin/python scripts/build_snapshot_pdfs.py

The text comes from scripts/thinktank_content.py (our own words). PDFs are laid out with reportlab the
way real reports are: a cover, running headers and page numbers, an introduction full of sector-wide
figures, then case studies as boxed panels or plain headings. Output is committed; rerun after editing
the content. PDFs are built with ``invariant=1`` so a rebuild gives identical bytes.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from thinktank_content import REPORTS  # noqa: E402

SNAPSHOT = ROOT / "data" / "snapshot" / "thinktanks"
FIXTURES = ROOT / "tests" / "fixtures" / "thinktank_reports"
RECORDED = "2026-11-23"

STYLES = getSampleStyleSheet()
BODY = ParagraphStyle("body", parent=STYLES["BodyText"], fontSize=10, leading=14, spaceAfter=6)
H1 = ParagraphStyle("h1", parent=STYLES["Heading1"], fontSize=20, leading=24)
H2 = ParagraphStyle("h2", parent=STYLES["Heading2"], fontSize=13, leading=16, spaceBefore=10)


def build_pdf(report: dict, path: Path) -> None:
    """Lay out one report as a PDF at ``path``."""
    running = f"{report['publisher']} | {report['title'].split(':')[0]}"

    def decorate(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, A4[1] - 12 * mm, running)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    story = [Paragraph(html.escape(report["title"]), H1), Paragraph(html.escape(report["date_text"]), BODY), PageBreak()]
    if report.get("contents"):
        # A contents page lists every case-study heading with dot leaders: the reader must not split there.
        story.append(Paragraph("Contents", H2))
        entries = ["Introduction"] + [f"Case study: {c} \u2013 {s}" for _, c, s, _ in report["studies"]] + [report["closing"][0]]
        story += [Paragraph(f"{html.escape(e)} {'.' * 12} {n + 3}", BODY) for n, e in enumerate(entries)]
        story.append(PageBreak())
    story.append(Paragraph("Introduction", H2))
    story += [Paragraph(html.escape(p), BODY) for p in report["intro"]]
    story.append(Paragraph("Case studies", H2))
    for style, council, scheme, paragraphs in report["studies"]:
        body = [Paragraph(html.escape(p), BODY) for p in paragraphs]
        if style == "box":
            panel = [[Paragraph(f"<b>Case study: {html.escape(council)} \u2013 {html.escape(scheme)}</b>", BODY)]] + [[p] for p in body]
            table = Table(panel, colWidths=[160 * mm])
            table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.darkblue),
                                       ("BACKGROUND", (0, 0), (-1, 0), colors.lightblue)]))
            story += [table, Spacer(1, 8)]
        elif style == "headline":  # iESE puts the result in the headline: "Case Study: <Council> cuts ..."
            story += [Paragraph(f"Case Study: {html.escape(council)} {html.escape(scheme)}", H2)] + body
        elif style == "twoline":
            story += [Paragraph(f"Case study: {html.escape(council)}", H2), Paragraph(f"<i>{html.escape(scheme)}</i>", BODY)] + body
        else:
            story += [Paragraph(f"{html.escape(council)}: {html.escape(scheme)}", H2)] + body
    heading, *rest = report["closing"]
    story += [Paragraph(html.escape(heading), H2)] + [Paragraph(html.escape(p), BODY) for p in rest]
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(path), pagesize=A4, title=report["title"], author=report["publisher"], invariant=1)
    doc.build(story, onFirstPage=decorate, onLaterPages=decorate)


def landing_html(report: dict, pdf_href: str | None = None) -> str:
    """A publisher's landing page for ``report``: navigation, summary, a download button, footer."""
    href = pdf_href if pdf_href is not None else report["pdf_url"]
    download = f'<p><a class="button download" href="{html.escape(href)}">Download the report (PDF)</a></p>' if href else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>{html.escape(report['title'])} | {report['publisher']}</title>
<meta name="description" content="{html.escape(report['summary'])}">
</head><body>
<div class="cookie-notice">We use cookies to understand how visitors use our site. <a href="/privacy">Find out more</a> <button>Accept</button></div>
<header><a class="logo" href="/">{report['publisher']}</a>
<nav><ul><li><a href="/research/">Research</a></li><li><a href="/events/">Events</a></li><li><a href="/news/">News</a></li><li><a href="/about/">About us</a></li></ul></nav></header>
<main><article class="publication">
<p class="kicker">Publication</p>
<h1>{html.escape(report['title'])}</h1>
<p class="meta">Published <time datetime="{report['date']}">{report['date_text']}</time></p>
<div class="summary"><p>{html.escape(report['summary'])}</p></div>
{download}
<aside class="related"><h2>Related research</h2><ul><li><a href="/research/">All publications</a></li></ul></aside>
</article></main>
<footer><p>&copy; {report['publisher']}. Registered charity. <a href="/privacy">Privacy</a> | <a href="/contact">Contact</a></p>
<p>Sign up to our newsletter for the latest research and events.</p></footer>
</body></html>
"""


def write_manifest(path: Path, url: str, body_name: str, content_type: str, note: str, start: bool = False) -> None:
    manifest = {"url": url, "status": 200, "headers": {"content-type": content_type}, "body": body_name,
                "recorded": RECORDED, "note": note}
    if start:  # where `harvest check thinktank_reports` begins its crawl
        manifest["start"] = True
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def build_snapshot() -> None:
    SNAPSHOT.mkdir(parents=True, exist_ok=True)
    for report in REPORTS:
        slug = report["slug"]
        note = (f"Recorded sample standing for {report['publisher']}'s report '{report['title']}'. Text written for Shop Window, "
                "not the publisher's own words or case-study selection; schemes are real, figures follow public reporting "
                "where known and are otherwise illustrative.")
        build_pdf(report, SNAPSHOT / f"{slug}.pdf")
        write_manifest(SNAPSHOT / f"{slug}-pdf.json", report["pdf_url"], f"{slug}.pdf", "application/pdf", note)
        (SNAPSHOT / f"{slug}.html").write_text(landing_html(report), encoding="utf-8")
        write_manifest(SNAPSHOT / f"{slug}.json", report["landing_url"], f"{slug}.html", "text/html; charset=utf-8",
                       "Landing page. " + note)


FIXTURE_REPORT = {
    "slug": "fixture-report",
    "publisher": "Localis",
    "landing_url": "https://www.localis.org.uk/research/sharing-the-load/",
    "pdf_url": "/wp-content/uploads/2015/06/Sharing-the-load.pdf",
    "title": "Sharing the Load: councils working together",
    "date": "2015-06-18",
    "date_text": "18 June 2015",
    "summary": "How district councils share staff, buildings and contracts.",
    "contents": True,
    "intro": [
        "District councils lost 40% of their core grant between 2010 and 2015, and the sector faces a funding gap of £5.8bn "
        "by the end of the decade. Sharing has so far saved the sector more than £460m.",
    ],
    "studies": [
        ("box", "Adur District Council", "One officer team with Worthing", [
            "Adur and Worthing run every service with a single workforce and have saved over £2.5m a year since 2008.",
        ]),
        ("plain", "Breckland District Council", "Shared management with South Holland", [
            "Two districts sixty miles apart share one chief executive, saving them about £5m since 2010.",
        ]),
        ("twoline", "South Hams District Council", "T18 with West Devon", [
            "A shared workforce and online services are expected to save £3.9m a year from 2018/19.",
        ]),
    ],
    "closing": ["Recommendations", "Ministers should let councils keep what they save from sharing."],
}


def build_fixtures() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    report = FIXTURE_REPORT
    pdf_abs = "https://www.localis.org.uk" + report["pdf_url"]
    build_pdf(report, FIXTURES / "report.pdf")
    write_manifest(FIXTURES / "report-pdf.json", pdf_abs, "report.pdf", "application/pdf", "Fixture written for the tests.")
    (FIXTURES / "landing.html").write_text(landing_html(report), encoding="utf-8")
    write_manifest(FIXTURES / "landing.json", report["landing_url"], "landing.html", "text/html; charset=utf-8",
                   "Fixture landing page written for the tests.", start=True)
    # The publisher's redesign dropped the download button: the reader must say so, not yield nothing.
    changed = dict(report, landing_url="https://www.localis.org.uk/research/redesigned/")
    (FIXTURES / "landing-changed.html").write_text(landing_html(changed, pdf_href=""), encoding="utf-8")
    write_manifest(FIXTURES / "landing-changed.json", changed["landing_url"], "landing-changed.html",
                   "text/html; charset=utf-8", "Fixture: landing page after a redesign, with no PDF link.")
    # A download cut off part-way: the reader must report the PDF as unreadable.
    whole = (FIXTURES / "report.pdf").read_bytes()
    (FIXTURES / "truncated.pdf").write_bytes(whole[: len(whole) // 3])
    write_manifest(FIXTURES / "truncated-pdf.json", "https://www.localis.org.uk/wp-content/uploads/2015/06/broken.pdf",
                   "truncated.pdf", "application/pdf", "Fixture: the first third of a PDF, as after a dropped connection.")


if __name__ == "__main__":
    build_snapshot()
    build_fixtures()
    print(f"wrote {len(REPORTS)} reports to {SNAPSHOT} and fixtures to {FIXTURES}")
