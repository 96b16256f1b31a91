"""The ``sitemap`` reader: sitemaps and sitemap indexes, optionally filtered by a URL pattern."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator

from lxml import etree

from shopwindow import Request, Response, hookimpl
from shopwindow.dates import parse_date
from shopwindow.readers import ArticleReader, LayoutChanged, Output
from shopwindow_plugins.feed import xml_root

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed


class SitemapReader(ArticleReader):
    name = "sitemap"
    parallel_parse = True  # stateless: pages may be parsed in worker processes (shopwindow.parsing)
    description = "XML sitemap or sitemap index (gzip too); pages matching url_pattern are read as articles."
    options = {
        "url_pattern": "regular expression a page URL must match (e.g. '/news/'); default: every page",
        "since": "only pages whose <lastmod> is on or after this ISO date",
    }
    option_types = {"url_pattern": str, "since": str}

    def start_requests(self) -> Iterator[Request]:
        for url in self.source.urls:
            yield Request(url, callback="parse", document=False)

    def parse(self, response: Response) -> Iterator[Output]:
        content = response.content
        if content[:2] == b"\x1f\x8b":
            content = _gunzip(content)
        root = xml_root(content)
        kind = etree.QName(root).localname
        pattern = re.compile(self.opts["url_pattern"]) if self.opts.get("url_pattern") else None
        since = self.opts.get("since")
        if kind == "sitemapindex":
            for loc in root.iterfind("{*}sitemap/{*}loc"):
                if loc.text:
                    yield Request(loc.text.strip(), callback="parse", document=False)
        elif kind == "urlset":
            for url in root.iterfind("{*}url"):
                loc = url.findtext("{*}loc")
                lastmod = parse_date(url.findtext("{*}lastmod"))
                if not loc or (pattern and not pattern.search(loc)) or (since and lastmod and lastmod < since):
                    continue
                yield Request(loc.strip(), callback="parse_article", document=True,
                              meta={"published": lastmod, **response.meta} if lastmod else dict(response.meta))
        else:
            raise LayoutChanged(f"{response.url} is not a sitemap (root element <{kind}>)")


def _gunzip(content: bytes) -> bytes:
    with gzip.GzipFile(fileobj=__import__("io").BytesIO(content)) as fh:
        data = fh.read(MAX_SITEMAP_BYTES + 1)
    if len(data) > MAX_SITEMAP_BYTES:
        raise LayoutChanged("gzipped sitemap expands beyond 50 MB")
    return data


@hookimpl(trylast=True)
def register_readers():
    return [SitemapReader]
