"""Built-in reader ``thinktank_reports``: thinktank report landing pages and the PDF reports behind them.

A source lists report landing pages (Localis, iESE, New Local and the like). Each landing page gives
the report's title, date and summary and links to the PDF. The PDF's text is split into its case
studies and boxed examples ("Case study: Wigan Council", "Wigan Council: The Deal"); each named
council scheme becomes one record whose body is the case study's own text. The report's introduction,
with its national grant cuts and sector-wide funding gaps, is deliberately not turned into a record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from shopwindow import Reader, Record, Request, Response, hookimpl
from shopwindow.dates import parse_date
from shopwindow.exceptions import LayoutChanged
from shopwindow_plugins.report_pdf import ReportUnreadable, extract_pdf_pages, slugify, split_case_studies

__all__ = ["ReportUnreadable", "ThinktankReports", "study_councils"]

log = logging.getLogger(__name__)

DEFAULT_PDF_SELECTOR = "a[href$='.pdf'], a[href*='.pdf?'], a.download, a[download]"
MAX_PDF_BYTES = 25_000_000
MAX_PDF_PAGES = 150


def study_councils(lead: str, text: str) -> list[str]:
    """GSS codes for a case study: its heading's council first, then partner councils its text names."""
    from shopwindow.councils import find_councils
    from shopwindow.manager import resolve_council

    codes = [resolve_council(lead)] + [m.code for m in find_councils(text)]
    return list(dict.fromkeys(c for c in codes if c))


class ThinktankReports(Reader):
    """Report landing pages -> PDF -> one record per named council case study."""

    name = "thinktank_reports"
    description = "Thinktank report landing pages and their PDFs, split into one initiative per council case study."
    source_kind = "thinktank"
    options = {
        "pdf_selector": f"CSS selector for the PDF link on a landing page (default {DEFAULT_PDF_SELECTOR!r})",
        "title_selector": "CSS selector for the report title on a landing page (default 'h1')",
        "date_selector": "CSS selector for the publication date (default 'time, .date, .published')",
        "max_pdf_bytes": f"largest PDF read, in bytes (default {MAX_PDF_BYTES})",
        "max_pdf_pages": f"pages read from each PDF (default {MAX_PDF_PAGES})",
    }
    option_types = {"pdf_selector": str, "title_selector": str, "date_selector": str, "max_pdf_bytes": int, "max_pdf_pages": int}

    def start_requests(self) -> Iterable[Request]:
        """Landing pages are navigation: only the case studies in the PDF are stored."""
        for url in self.source.urls:
            callback = "parse_pdf" if url.lower().split("?")[0].endswith(".pdf") else "parse"
            yield Request(url, callback=callback, document=callback == "parse_pdf")

    def parse(self, response: Response) -> Iterator[Record | Request]:
        """A landing page: read title, date and summary, then request the PDF it links to."""
        if _is_pdf(response):
            yield from self.parse_pdf(response)
            return
        soup = BeautifulSoup(response.text or "", "lxml")
        pdf_selector = self.opts.get("pdf_selector", DEFAULT_PDF_SELECTOR)
        links = [a.get("href") for a in soup.select(pdf_selector) if a.get("href")]
        if not links:
            raise LayoutChanged(self.name, pdf_selector, response.url, "the report's PDF link; set option pdf_selector")
        title_el = soup.select_one(self.opts.get("title_selector", "h1"))
        title = title_el.get_text(" ", strip=True) if title_el else (soup.title.get_text(strip=True) if soup.title else "")
        date_el = soup.select_one(self.opts.get("date_selector", "time, .date, .published"))
        published = None
        if date_el is not None:
            published = parse_date(date_el.get("datetime") or date_el.get_text(" ", strip=True))
        meta_desc = soup.find("meta", attrs={"name": "description"})
        summary = meta_desc.get("content", "") if meta_desc else ""
        meta = {"report_title": title, "published": published, "landing_url": response.url, "report_summary": summary}
        for href in dict.fromkeys(links):  # keep order, drop repeats (a button and a text link to one file)
            yield Request(urljoin(response.url, href), callback="parse_pdf", document=True, meta=meta)

    def parse_pdf(self, response: Response) -> Iterator[Record]:
        """A report PDF: one record per council case study; the introduction is left out."""
        max_bytes = int(self.opts.get("max_pdf_bytes", MAX_PDF_BYTES))
        max_pages = int(self.opts.get("max_pdf_pages", MAX_PDF_PAGES))
        texts, errors = extract_pdf_pages(response.content, response.url, max_bytes, max_pages)
        for message in errors:
            log.warning("%s", message)
        _intro, studies = split_case_studies(texts)
        if not studies:
            log.warning("%s: no case-study headings found in %d page(s); nothing stored", response.url, len(texts))
            return
        meta = response.meta
        report_title = meta.get("report_title") or _first_line(texts)
        seen: set[str] = set()
        for study in studies:
            key = slugify(f"{study.council} {study.scheme}") or slugify(study.heading)
            if key in seen:  # the same council twice in one report: number the second
                key = f"{key}-{len(seen)}"
            seen.add(key)
            body = study.text
            if not study.scheme:
                title = study.council
            elif study.scheme[0].islower():  # the heading was a sentence about the council
                title = f"{study.council} {study.scheme}"
            else:
                title = f"{study.council}: {study.scheme}"
            yield Record(
                title=title,
                url=response.url,
                key=key,
                summary=_first_sentences(body),
                body=f"{study.council}. {body}",
                published=meta.get("published"),
                councils=study_councils(study.council, f"{title}\n{body}"),
                topics=[report_title] if report_title else [],
                source_kind=self.source_kind,
                extra={
                    "report_title": report_title,
                    "landing_url": meta.get("landing_url"),
                    "pages": study.pages,
                    "council_name": study.council,
                    "pdf_errors": errors,
                },
            )


def _is_pdf(response: Response) -> bool:
    return "pdf" in response.content_type or response.content[:5] == b"%PDF-"


def _first_line(texts: list[str]) -> str:
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                return line.strip()
    return ""


def _first_sentences(text: str, limit: int = 300) -> str:
    first = text.split("\n\n", 1)[0]
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(". ", 1)[0]
    return cut + ("." if not cut.endswith(".") else "")


@hookimpl
def register_readers() -> list[type[Reader]]:
    return [ThinktankReports]
