"""The ``feed`` reader: RSS and Atom feeds, following every item to its page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin

from lxml import etree

from shopwindow import Record, Request, Response, hookimpl
from shopwindow.dates import parse_date
from shopwindow.readers import ArticleReader, LayoutChanged, Output

ATOM = "{http://www.w3.org/2005/Atom}"


def xml_root(content: bytes) -> etree._Element:
    """Parse untrusted XML safely: no entity expansion, no network, no huge trees."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True, remove_comments=True)
    root = etree.fromstring(content.lstrip(), parser=parser)
    if root is None:
        raise LayoutChanged("the body is not XML")
    return root


def _text(el: etree._Element | None) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


class FeedReader(ArticleReader):
    name = "feed"
    parallel_parse = True  # stateless: pages may be parsed in worker processes (shopwindow.parsing)
    description = "RSS 2.0 / RSS 1.0 / Atom feed; each item's link is fetched and read as an article."
    options = {
        "url_pattern": "regular expression an item link must match to be followed (default: every item)",
        "follow": "fetch each item's page (true, default) or store the feed item's own title and description (false)",
        "max_items": "read at most this many items per feed",
    }
    option_types = {"url_pattern": str, "follow": bool, "max_items": int}

    def start_requests(self) -> Iterator[Request]:
        for url in self.source.urls:
            yield Request(url, callback="parse", document=False)

    def parse(self, response: Response) -> Iterator[Output]:
        root = xml_root(response.content)
        tag = etree.QName(root).localname.lower()
        if tag not in ("rss", "feed", "rdf"):
            raise LayoutChanged(f"{response.url} is not an RSS or Atom feed (root element <{tag}>)")
        pattern = re.compile(self.opts["url_pattern"]) if self.opts.get("url_pattern") else None
        limit = self.opts.get("max_items")
        items = list(self.items(root, response.url))
        for n, item in enumerate(items):
            if limit is not None and n >= limit:
                break
            if not item["link"] or (pattern and not pattern.search(item["link"])):
                continue
            meta = {k: v for k, v in item.items() if k != "link" and v}
            meta.update({k: v for k, v in response.meta.items() if k not in meta})
            if self.opts.get("follow", True):
                yield Request(item["link"], callback="parse_article", document=True, meta=meta)
            else:
                yield Record(title=item["title"], url=item["link"], summary=item["summary"], body=item["summary"],
                             published=item["published"], source_kind=self.source_kind,
                             councils=[meta["council"]] if meta.get("council") else [])

    @staticmethod
    def items(root: etree._Element, base: str) -> Iterator[dict[str, str | None]]:
        """Every item as {title, link, published, summary}, from RSS or Atom."""
        for item in root.iter("item", "{*}item"):
            yield {
                "title": _text(item.find("title")) or _text(item.find("{*}title")),
                "link": urljoin(base, (_text(item.find("link")) or _text(item.find("{*}link")) or _text(item.find("guid"))).strip()),
                "published": parse_date(_text(item.find("pubDate")) or _text(item.find("{*}date"))),
                "summary": _text(item.find("description")) or _text(item.find("{*}description")),
            }
        for entry in root.iter(f"{ATOM}entry"):
            link = None
            for candidate in entry.findall(f"{ATOM}link"):
                if candidate.get("rel") in (None, "alternate"):
                    link = candidate.get("href")
                    break
            yield {
                "title": _text(entry.find(f"{ATOM}title")),
                "link": urljoin(base, link.strip()) if link else "",
                "published": parse_date(_text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))),
                "summary": _text(entry.find(f"{ATOM}summary")) or _text(entry.find(f"{ATOM}content"))[:600],
            }


@hookimpl(trylast=True)
def register_readers():
    return [FeedReader]
