"""The objects that flow through a harvest: requests, responses and records.

Readers yield :class:`Request` objects and turn each :class:`Response` into
:class:`Record` objects (one per initiative) and more requests. Pipeline hooks
enrich records in place before storage writes them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


MAX_TITLE = 300
MAX_SUMMARY = 2_000
MAX_BODY = 400_000  # characters handed to the extractors
MAX_QUOTE = 1_000


@dataclass
class Request:
    """Something a reader wants fetched.

    ``callback`` names the reader method that parses the response (default ``parse``).
    ``document`` says whether the page itself is a document whose records are stored
    (a case study, a news item) or only navigation (a listing, a feed, a sitemap).
    ``meta`` is passed through to the response; keep it JSON-serialisable, because
    navigation links are remembered so that an unchanged listing can be skipped.
    """

    url: str
    callback: str = "parse"
    document: bool = True
    meta: dict[str, Any] = field(default_factory=dict)
    priority: int = 0


@dataclass
class Response:
    """A fetched page, decoded. ``text`` is None for binary bodies (PDF, XLSX)."""

    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    text: str | None
    encoding: str | None
    request: Request
    content_type: str = ""

    @property
    def meta(self) -> dict[str, Any]:
        return self.request.meta



@dataclass
class Saving:
    """A money figure reported as a saving, with its evidence."""

    amount_gbp: float | None = None
    percent: float | None = None
    status: str = "achieved"  # achieved | target | estimated
    period: str | None = None  # annual | cumulative | one-off | None
    quote: str = ""
    fiscal_year: str | None = None
    councils: list[str] = field(default_factory=list)  # GSS codes it belongs to; empty = whole initiative
    sector_wide: bool = False
    amount_text: str = ""  # the figure as written, e.g. "£3.5m"

    def __post_init__(self) -> None:
        self.quote = " ".join((self.quote or "").split())[:MAX_QUOTE]

    def key(self, initiative_id: str, document_id: str = "") -> str:
        """A stable id: the same saving told by the same page. Two pages quoting it are two rows, each with its
        own provenance, so one page dropping the figure leaves the other's."""
        basis = f"{initiative_id}|{self.amount_gbp}|{self.percent}|{self.status}|{self.quote.strip()}|{document_id}"
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


@dataclass
class Record:
    """One initiative as found on one page: what a reader yields and storage writes.

    ``key`` distinguishes several initiatives on one page (a shortlist, a report's case
    studies); leave it empty for a page about one scheme. ``body`` is the cleaned page
    text the extractors read; it is not stored in full.
    """

    title: str
    url: str
    summary: str = ""
    body: str = ""
    published: str | None = None  # ISO date, YYYY-MM-DD
    key: str = ""
    councils: list[str] = field(default_factory=list)  # GSS codes
    partners: list[dict[str, str]] = field(default_factory=list)  # {"name":..., "kind": nhs|police|fire|company|lga|other}
    savings: list[Saving] = field(default_factory=list)
    service_area: str | None = None
    delivery_model: str | None = None
    topics: list[str] = field(default_factory=list)
    evidence_grade: str | None = None  # self-reported | third-party | evaluated
    source_kind: str | None = None  # council | lga | thinktank | other
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Harvested text is untrusted: cap what one page can make us store or parse.
        self.title = " ".join((self.title or "").split())[:MAX_TITLE]
        self.summary = (self.summary or "").strip()[:MAX_SUMMARY]
        self.body = (self.body or "")[:MAX_BODY]
