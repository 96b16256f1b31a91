"""The base class for source readers.

A reader never opens a connection: it yields :class:`~shopwindow.models.Request`
objects and parses :class:`~shopwindow.models.Response` objects into records and
more requests. The fetcher does the network, politely.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from .exceptions import LayoutChanged
from .models import Record, Request, Response

if TYPE_CHECKING:  # pragma: no cover
    from .config import Source

Output = Record | Request

__all__ = ["ArticleReader", "LayoutChanged", "Output", "Reader"]


class Reader:
    """Subclass this, set ``name``, and implement :meth:`parse` (and other callbacks).

    ``options`` documents the extra keys a source may set for this reader: name -> help text.
    Config validation rejects keys not listed there. ``option_types`` maps an option to the
    Python type it must have (``str``, ``int``, ``bool``, ``list``).
    """

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    options: ClassVar[dict[str, str]] = {}
    option_types: ClassVar[dict[str, type]] = {}
    #: What kind of publisher this reader reads: council | lga | thinktank | other.
    source_kind: ClassVar[str] = "other"
    #: True when parsing one page needs no state from others: its document pages may then be
    #: parsed in worker processes on other cores (see shopwindow.parsing).
    parallel_parse: ClassVar[bool] = False

    def __init__(self, source: Source) -> None:
        self.source = source

    @property
    def opts(self) -> dict[str, Any]:
        return self.source.options

    @classmethod
    def validate_options(cls, options: dict[str, Any]) -> list[str]:
        """Return problems with a source's options, each a sentence naming the option and the fix."""
        problems = []
        for key, value in options.items():
            expected = cls.option_types.get(key)
            if expected is not None and not isinstance(value, expected):
                problems.append(f"option '{key}' must be a {expected.__name__}, not {type(value).__name__} ({value!r})")
        return problems

    def start_requests(self) -> Iterable[Request]:
        """The first requests for this source: by default one per configured URL, parsed by ``parse``."""
        for url in self.source.urls:
            yield Request(url, callback="parse")

    def parse(self, response: Response) -> Iterator[Output]:
        """Turn a response into records and further requests."""
        raise NotImplementedError(f"reader {self.name!r} does not implement parse()")

    def callback(self, name: str):
        """Return the bound method named by a request's callback, or raise a clear error."""
        method = getattr(self, name, None)
        if method is None or name.startswith("_") or not callable(method):
            raise AttributeError(f"reader {self.name!r} has no callback method {name!r}")
        return method


class ArticleReader(Reader):
    """A reader whose detail pages are articles, read with generic main-content extraction."""

    def parse_article(self, response: Response) -> Iterator[Output]:
        """Turn an article page into one record; hints from a feed item or listing travel in ``meta``."""
        from .content import extract_article

        if not response.text:
            raise LayoutChanged(f"{response.url} is not a text page ({response.content_type or 'unknown type'})")
        article = extract_article(response.text, response.url)
        meta = response.meta
        title = article.title or meta.get("title") or ""
        if not title:
            raise LayoutChanged(f"no title (og:title, h1 or <title>) found on {response.url}")
        record = Record(
            title=title,
            url=article.canonical_url if _same_site(article.canonical_url, response.url) else response.url,
            summary=article.summary or meta.get("summary", ""),
            body=article.text,
            published=article.published or meta.get("published"),
            source_kind=self.source_kind,
            topics=list(meta.get("topics", [])),
        )
        if meta.get("council"):
            record.councils = [meta["council"]]
        yield record


def _same_site(canonical: str | None, url: str) -> bool:
    """Trust rel=canonical only within the same registered site (an untrusted page could claim any URL)."""
    from urllib.parse import urlsplit

    if not canonical:
        return False
    a, b = urlsplit(canonical).hostname or "", urlsplit(url).hostname or ""
    return a == b or a.split(".", 1)[-1] == b.split(".", 1)[-1]
