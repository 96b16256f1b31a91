"""Built-in reader ``thinktank_reports``: thinktank report landing pages and the PDF reports behind them.

A source lists report landing pages (Localis, iESE, New Local and the like). Each landing page gives
the report's title, date and summary and links to the PDF. The PDF's text is split into its case
studies and boxed examples ("Case study: Wigan Council", "Wigan Council: The Deal"); each named
council scheme becomes one record whose body is the case study's own text. The report's introduction,
with its national grant cuts and sector-wide funding gaps, is deliberately not turned into a record.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from shopwindow import Reader, Record, Request, Response, hookimpl
from shopwindow.exceptions import LayoutChanged, ShopWindowError

log = logging.getLogger(__name__)

DEFAULT_PDF_SELECTOR = "a[href$='.pdf'], a[href*='.pdf?'], a.download, a[download]"
MAX_PDF_BYTES = 25_000_000
MAX_PDF_PAGES = 150

COUNCIL_WORDS = (
    r"(?:City|County|Borough|District|Metropolitan|Royal|London|Council|Councils|Authority|"
    r"Combined|Partnership|Alliance|Island|Islands|Shire|Unitary)"
)
# "Case study: Wigan Council" or "Case study 3: Wigan Council - The Deal"
CASE_HEADING = re.compile(r"^\s*(?:case\s+study|example|box)\s*\d*\s*[:.\-\u2013\u2014]\s*(?P<rest>.{4,160})$", re.I)
# A headline whose subject is the council: "Norfolk County Council saves £1.2m with telecare".
HEADLINE_COUNCIL = re.compile(r"^(?P<council>.+?\b(?:Council|Councils|Authority|Alliance|Partnership))\s+(?P<rest>[a-z].{3,})$")
# "Wigan Council: The Deal" (the name must look like a council to avoid catching ordinary sentences)
COUNCIL_HEADING = re.compile(
    rf"^\s*(?P<council>[A-Z][\w'&,. -]{{2,90}}?\b{COUNCIL_WORDS}\b[\w'&. -]{{0,40}}?)\s*[:\u2013\u2014]\s*(?P<scheme>[A-Z\"'\u2018\u201c].{{3,140}})$"
)
# Headings that close a case study without opening another one.
SECTION_END = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\s+)?(?:chapter\s+\d+|conclusions?|recommendations|summary of recommendations|"
    r"about the authors?|acknowledg(?:e)?ments|references|endnotes|appendix|methodology|next steps|"
    r"introduction|foreword|executive summary)\b.{0,60}$|^\s*about\s+(?:the\s+)?\w+\s*$",
    re.I,
)
# A contents-page entry: "Case study: Wigan Council ........ 12" (dot leaders or an ellipsis, then a page number).
CONTENTS_LINE = re.compile(r"(?:\.\s?){3,}\s*\d{1,3}\s*$|\u2026+\s*\d{1,3}\s*$")
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)
DASH_SPLIT = re.compile(r"\s+[-\u2013\u2014:]\s+")


class ReportUnreadable(ShopWindowError):
    """A PDF is too large, truncated or corrupt; the message names the URL and the reason."""


@dataclass
class CaseStudy:
    """One case study as found in a report's text."""

    heading: str
    council: str
    scheme: str
    pages: list[int] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _join_lines(self.lines)


def slugify(text: str) -> str:
    """A stable lower-case slug: the record key for a case study."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80]


def _join_lines(lines: list[str]) -> str:
    """Join PDF lines into paragraphs: a blank line ends a paragraph, a hyphen at a line end is print hyphenation."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        line = line.strip()
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
        elif current.endswith("-") and not current.endswith(" -") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def parse_heading(line: str) -> tuple[str, str] | None:
    """Return (council, scheme) when ``line`` opens a case study, else None."""
    line = " ".join(line.split())
    match = CASE_HEADING.match(line)
    if match:
        rest = match.group("rest").strip()
        parts = DASH_SPLIT.split(rest, maxsplit=1)
        council = parts[0].strip(" .")
        scheme = parts[1].strip() if len(parts) > 1 else ""
        headline = HEADLINE_COUNCIL.match(council) if not scheme else None
        if headline:  # iESE style: "Case Study: Norfolk County Council saves £1.2m with telecare"
            return headline.group("council"), headline.group("rest")
        return council, scheme
    match = COUNCIL_HEADING.match(line)
    if match and not line.rstrip().endswith((".", ",")) and len(line.split()) <= 22:
        return match.group("council").strip(), match.group("scheme").strip()
    return None


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def running_lines(pages: list[str]) -> set[str]:
    """Running headers and footers: lines (digits ignored) found on at least half the pages of a report of three or more."""
    if len(pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for text in pages:
        for key in {_furniture_key(line) for line in text.splitlines() if line.strip()}:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= max(2, len(pages) // 2)}


def split_case_studies(pages: list[str]) -> tuple[str, list[CaseStudy]]:
    """Split a report's page texts into (introduction text, case studies).

    Everything before the first case-study heading is the introduction; a chapter, conclusion or
    recommendations heading closes the current case study so report prose does not leak into it.
    """
    intro: list[str] = []
    studies: list[CaseStudy] = []
    current: CaseStudy | None = None
    furniture = running_lines(pages)
    for number, text in enumerate(pages, start=1):
        for line in text.splitlines():
            if _furniture_key(line) in furniture or PAGE_NUMBER.match(line) or CONTENTS_LINE.search(line):
                continue
            heading = parse_heading(line)
            if heading:
                current = CaseStudy(heading=" ".join(line.split()), council=heading[0], scheme=heading[1], pages=[number])
                studies.append(current)
                continue
            if current is not None and SECTION_END.match(line) and len(line.split()) <= 8:
                current = None
                continue
            if current is None:
                if not studies:
                    intro.append(line)
                continue
            if number not in current.pages:
                current.pages.append(number)
            if not current.scheme and line.strip() and not current.lines:
                current.scheme = line.strip()  # "Case study: Wigan Council" then the scheme on the next line
                continue
            current.lines.append(line)
        if current is not None:
            current.lines.append("")  # a page break ends a paragraph
    return _join_lines(intro), [s for s in studies if s.text]


def extract_pdf_pages(content: bytes, url: str, max_bytes: int, max_pages: int) -> tuple[list[str], list[str]]:
    """Return (page texts, per-page error messages). Raise :class:`ReportUnreadable` if the file cannot be opened."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if len(content) > max_bytes:
        raise ReportUnreadable(f"{url}: PDF is {len(content):,} bytes, over the {max_bytes:,}-byte cap (option max_pdf_bytes)")
    if not content.lstrip()[:5].startswith(b"%PDF"):
        raise ReportUnreadable(f"{url}: response is not a PDF (it does not start with %PDF)")
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        count = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReportUnreadable(f"{url}: PDF is corrupt or truncated and could not be opened: {exc}") from exc
    errors: list[str] = []
    if count > max_pages:
        errors.append(f"{url}: PDF has {count} pages; only the first {max_pages} were read (option max_pdf_pages)")
    texts: list[str] = []
    for index in range(min(count, max_pages)):
        try:
            texts.append(reader.pages[index].extract_text() or "")
        except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged pages; one bad page must not sink the report
            errors.append(f"{url}: page {index + 1} could not be read: {type(exc).__name__}: {exc}")
            texts.append("")
    if texts and not any(t.strip() for t in texts):
        raise ReportUnreadable(f"{url}: PDF has no extractable text on any of its {len(texts)} page(s) (scanned images?)")
    return texts, errors


def _parse_date(text: str) -> str | None:
    try:
        from shopwindow.dates import parse_date
    except ImportError:  # pragma: no cover - the core date parser landed after this reader
        from dateutil import parser

        try:
            return parser.parse(text, fuzzy=True, dayfirst=True).date().isoformat()
        except (ValueError, OverflowError):
            return None
    return parse_date(text)


def study_councils(lead: str, text: str) -> list[str]:
    """GSS codes for a case study: its heading's council first, then partner councils its text names.

    Empty when the council register is not installed; the pipeline's council linker then reads the body.
    """
    try:
        from shopwindow.councils import find_councils, resolve
    except ImportError:  # pragma: no cover - the register ships with the core package
        return []
    codes = [resolve(lead)] + [m.code for m in find_councils(text)]
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
            published = _parse_date(date_el.get("datetime") or date_el.get_text(" ", strip=True))
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
        intro, studies = split_case_studies(texts)
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
