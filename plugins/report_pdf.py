"""Text and case studies out of report PDFs: the parsing behind the ``thinktank_reports`` reader.

``extract_pdf_pages`` reads a PDF's text page by page with pypdf, within size and page caps;
``split_case_studies`` drops running headers, page numbers and contents-page entries, then cuts the
text at case-study headings into the report's introduction and one :class:`CaseStudy` per heading.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from shopwindow.exceptions import ShopWindowError

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


def _looks_like_title(line: str) -> bool:
    """A short line without a closing full stop: a scheme name under a council heading, not the first sentence."""
    words = line.split()
    return 0 < len(words) <= 12 and not line.rstrip().endswith((".", ",", ";"))


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
            if not current.scheme and not current.lines and _looks_like_title(line):
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
        if reader.is_encrypted:
            reader.decrypt("")  # reports are often "protected" against editing with an empty open password
        count = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as exc:
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
