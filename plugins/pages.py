"""The ``pages`` reader: a news listing page, its item links and its pagination."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from shopwindow import Request, Response, hookimpl
from shopwindow.content import soup_of
from shopwindow.readers import ArticleReader, LayoutChanged, Output

DEFAULT_ITEMS = "article a[href], .news-item a[href], .listing-item a[href], li h2 a[href], li h3 a[href], h2 a[href], h3 a[href]"
DEFAULT_NEXT = "a[rel=next], link[rel=next], li.pager__item--next a, .pagination .next a, a.next"


class PagesReader(ArticleReader):
    name = "pages"
    parallel_parse = True  # keeps no state between pages: article pages may parse in worker processes
    description = "A listing URL: item links by CSS selector, pagination by next link or page parameter; items read as articles."
    options = {
        "item_selector": f"CSS selector for links to items (default: {DEFAULT_ITEMS!r})",
        "next_selector": f"CSS selector for the next-page link (default: {DEFAULT_NEXT!r})",
        "page_param": "query parameter for numbered pagination, e.g. 'page' (used when there is no next link)",
        "first_page": "number of the first page for page_param (default 0)",
        "max_list_pages": "read at most this many listing pages (default 20)",
        "same_host": "only follow item links on the listing's own host (default true)",
    }
    option_types = {"item_selector": str, "next_selector": str, "page_param": str, "first_page": int,
                    "max_list_pages": int, "same_host": bool}

    def start_requests(self) -> Iterator[Request]:
        for url in self.source.urls:
            yield Request(url, callback="parse", document=False, meta={"list_page": 0})

    def parse(self, response: Response) -> Iterator[Output]:
        if not response.text:
            raise LayoutChanged(f"{response.url} is not an HTML listing ({response.content_type})")
        soup = soup_of(response.text)
        selector = self.opts.get("item_selector", DEFAULT_ITEMS)
        host = urlsplit(response.url).hostname
        page = int(response.meta.get("list_page", 0))
        links = []
        for a in soup.select(selector):
            href = a.get("href")
            if not isinstance(href, str) or href.startswith(("#", "mailto:", "javascript:", "tel:")):
                continue
            url = urljoin(response.url, href.strip()).split("#")[0]
            if self.opts.get("same_host", True) and urlsplit(url).hostname != host:
                continue
            if url != response.url and url not in links:
                links.append(url)
        if not links and page == 0:
            raise LayoutChanged(self.name, selector, response.url, "no item links on the first listing page")
        carry = {k: v for k, v in response.meta.items() if k != "list_page"}
        for url in links:
            yield Request(url, callback="parse_article", document=True, meta=carry)
        if page + 1 >= self.opts.get("max_list_pages", 20) or not links:
            return
        next_url = self._next_link(soup, response.url)
        if next_url is None and self.opts.get("page_param"):
            next_url = _with_param(response.url, self.opts["page_param"], self.opts.get("first_page", 0) + page + 1)
        if next_url:
            yield Request(next_url, callback="parse", document=False, meta={**carry, "list_page": page + 1})

    def _next_link(self, soup, base: str) -> str | None:
        for tag in soup.select(self.opts.get("next_selector", DEFAULT_NEXT)):
            href = tag.get("href")
            if isinstance(href, str) and href.strip():
                return urljoin(base, href.strip())
        return None


def _with_param(url: str, name: str, value: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != name] + [(name, str(value))]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


@hookimpl(trylast=True)
def register_readers():
    return [PagesReader]
