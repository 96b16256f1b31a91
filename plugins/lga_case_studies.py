"""Reader for the LGA's case-study hub (www.local.gov.uk/case-studies).

Listing pages (``?page=N``, with the site's ``keys``/``from``/``to``/``topics`` filters)
lead to case studies at bare slugs. Each case study becomes one record: the title
(often "Council name: scheme"), the standfirst as summary, the topic, the date, and
its sections (challenge, solution, impact, lessons, contact) both in
``record.extra["sections"]`` and in the body the pipeline reads for councils and savings.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from shopwindow import Reader, Record, Request, Response, hookimpl
from shopwindow.canonical import canonical_url, page_canonical_url
from shopwindow.dates import parse_date
from shopwindow.exceptions import LayoutChanged
from shopwindow.manager import resolve_council

log = logging.getLogger(__name__)

# Selectors in one place: when the LGA redesigns, this is what changes.
LISTING_ITEM = ".views-row"
LISTING_LINK = "h3 a[href], h2 a[href]"
LISTING_TEASER = ".teaser__summary"
LISTING_TOPIC = ".teaser__topic"
LISTING_EMPTY = ".view-empty"
LISTING_NEXT = ".pager__item--next a[href]"
CASE_TITLE = "h1"
CASE_BODY = ".field--name-body"
CASE_STANDFIRST = ".field--name-field-standfirst"
CASE_TOPIC_LINK = ".field--name-field-topics a"
CASE_DATE = "time[datetime]"
CASE_DATE_TEXT = ".field--name-field-date, .date, .published"

#: Section headings as the LGA writes them -> the key kept in ``extra["sections"]``.
SECTION_KEYS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bchallenge\b", re.I), "challenge"),
    (re.compile(r"\bsustain", re.I), "sustaining"),
    (re.compile(r"\bsolution\b|\bapproach\b|what (?:we|they|the council) did", re.I), "solution"),
    (re.compile(r"\bimpact\b|\boutcomes?\b|\bresults?\b|\bbenefits?\b", re.I), "impact"),
    (re.compile(r"\blessons?\b|\blearn", re.I), "lessons"),
    (re.compile(r"\bcontact\b", re.I), "contact"),
]
_TOPIC_LINK_TEXT = re.compile(r"^\s*view all\s+(?P<topic>.+?)\s+articles\s*$", re.I)
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


def section_key(heading: str) -> str:
    """Map a heading ("The challenge", "Lessons learned") to a stable section key."""
    for pattern, key in SECTION_KEYS:
        if pattern.search(heading):
            return key
    return _SLUG_CHARS.sub("-", heading.lower()).strip("-") or "section"


def _text(node: Tag | None) -> str:
    return " ".join(node.get_text(" ", strip=True).split()) if node is not None else ""


def _with_query(url: str, params: dict[str, str]) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    for key, value in params.items():
        query.setdefault(key, value)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


class LgaCaseStudiesReader(Reader):
    """Read the LGA case-study listing, follow its pagination and parse each case study."""

    name = "lga_case_studies"
    description = "LGA case studies: listing pages with pagination and filters, then each case study's sections."
    source_kind = "lga"
    options = {
        "keys": "free-text search passed to the listing as ?keys=",
        "from": "earliest date (YYYY-MM-DD) passed to the listing as ?from=",
        "to": "latest date (YYYY-MM-DD) passed to the listing as ?to=",
        "topics": "topic filter passed to the listing as ?topics= (the site's topic id or name)",
        "max_list_pages": "stop after this many listing pages per start URL (default: follow every page)",
        "mirror_hosts": "more hosts that copy www.local.gov.uk case studies at /case-studies/<slug> (list)",
    }
    option_types = {"keys": str, "from": str, "to": str, "topics": str, "max_list_pages": int, "mirror_hosts": list}

    @property
    def mirrors(self) -> frozenset[str]:
        return frozenset(str(h).lower() for h in self.opts.get("mirror_hosts") or [])

    def start_requests(self) -> Iterator[Request]:
        filters = {k: str(self.opts[k]) for k in ("keys", "from", "to", "topics") if self.opts.get(k)}
        for url in self.source.urls:
            listing = _with_query(url, {**filters, "page": "0"})
            yield Request(listing, callback="parse", document=False, meta={"list_page": 1})

    # -- listing ----------------------------------------------------------------------------
    def parse(self, response: Response) -> Iterator[Request]:
        """A listing page: one request per case study, plus the next listing page."""
        soup = BeautifulSoup(response.text or "", "lxml")
        items = soup.select(LISTING_ITEM)
        if not items:
            if soup.select_one(LISTING_EMPTY) is not None:
                log.info("listing %s has no results", response.url)
                return
            raise LayoutChanged(self.name, LISTING_ITEM, response.url, "no listing items and no empty-results notice")
        for item in items:
            link = item.select_one(LISTING_LINK)
            if link is None:
                raise LayoutChanged(self.name, f"{LISTING_ITEM} {LISTING_LINK}", response.url, "a listing item without a link")
            target = canonical_url(urljoin(response.url, str(link["href"])), mirrors=self.mirrors)
            yield Request(
                target,
                callback="parse_case_study",
                meta={
                    "listing_title": _text(link),
                    "teaser": _text(item.select_one(LISTING_TEASER)),
                    "topic": _text(item.select_one(LISTING_TOPIC)),
                },
            )
        page_number = int(response.meta.get("list_page", 1))
        limit = self.opts.get("max_list_pages")
        next_link = soup.select_one(LISTING_NEXT)
        if next_link is not None and (limit is None or page_number < int(limit)):
            yield Request(
                urljoin(response.url, str(next_link["href"])),
                callback="parse",
                document=False,
                meta={"list_page": page_number + 1},
            )

    # -- case study -------------------------------------------------------------------------
    def parse_case_study(self, response: Response) -> Iterator[Record]:
        """One case study page -> one record."""
        soup = BeautifulSoup(response.text or "", "lxml")
        title_node = soup.select_one(CASE_TITLE)
        body_node = soup.select_one(CASE_BODY)
        if title_node is None:
            raise LayoutChanged(self.name, CASE_TITLE, response.url, "case study without a title")
        if body_node is None:
            raise LayoutChanged(self.name, CASE_BODY, response.url, "case study without a body")
        title = _text(title_node) or response.meta.get("listing_title", "")
        standfirst = _text(soup.select_one(CASE_STANDFIRST)) or response.meta.get("teaser", "")
        sections = self._sections(body_node)
        topics = self._topics(soup, response.meta.get("topic", ""))
        # Blank lines between heading and paragraphs: a heading is never glued to the first sentence.
        body_parts = [standfirst] + [f"{heading}\n\n" + text.replace("\n", "\n\n") for heading, text in sections.values()]
        record = Record(
            title=title,
            url=page_canonical_url(response.url, soup, self.mirrors),
            summary=standfirst,
            body="\n\n".join(p for p in body_parts if p),
            published=self._published(soup),
            topics=topics,
            source_kind=self.source_kind,
            extra={
                "sections": {key: text for key, (_heading, text) in sections.items()},
                "fetched_url": response.url,
            },
        )
        named = council_from_title(title)
        if named:
            record.extra["title_council"] = named
            code = resolve_council(named)
            if code:
                record.councils.append(code)
        yield record

    @staticmethod
    def _sections(body: Tag) -> dict[str, tuple[str, str]]:
        """Group the body's paragraphs and lists under their h2/h3 headings."""
        sections: dict[str, tuple[str, str]] = {}
        heading, key, chunks = "", "introduction", []

        def flush() -> None:
            text = "\n".join(c for c in chunks if c)
            if text:
                old = sections.get(key)
                sections[key] = (heading or (old[0] if old else ""), f"{old[1]}\n{text}" if old else text)

        for node in body.find_all(["h2", "h3", "h4", "p", "li", "blockquote"]):
            if node.name in ("h2", "h3", "h4"):
                flush()
                heading, key, chunks = _text(node), section_key(_text(node)), []
            elif node.name == "p" and node.find_parent(["li", "blockquote"]) is not None:
                continue  # counted with its list item or quote
            else:
                chunks.append(_text(node))
        flush()
        return sections

    @staticmethod
    def _topics(soup: BeautifulSoup, listing_topic: str) -> list[str]:
        topics: list[str] = []
        for link in soup.select(CASE_TOPIC_LINK):
            match = _TOPIC_LINK_TEXT.match(_text(link))
            name = match.group("topic") if match else _text(link)
            if name and name not in topics:
                topics.append(name)
        if listing_topic and listing_topic not in topics:
            topics.append(listing_topic)
        return topics

    @staticmethod
    def _published(soup: BeautifulSoup) -> str | None:
        node = soup.select_one(CASE_DATE)
        if node is not None:
            value = str(node["datetime"])[:10]
            if re.match(r"^\d{4}-\d{2}-\d{2}$", value):
                return value
        meta = soup.find("meta", attrs={"property": "article:published_time"})
        if meta is not None and meta.get("content"):
            return str(meta["content"])[:10]
        # Older pages print the date as text only ("Published 12 March 2019").
        return parse_date(_text(soup.select_one(CASE_DATE_TEXT))) if soup.select_one(CASE_DATE_TEXT) else None


def council_from_title(title: str) -> str | None:
    """The council an LGA title names before its colon ("Wigan Council: The Deal" -> "Wigan Council")."""
    head, sep, _rest = title.partition(":")
    head = head.strip()
    if not sep or not head or len(head) > 90:
        return None
    return head


@hookimpl
def register_readers() -> list[type[Reader]]:
    return [LgaCaseStudiesReader]
