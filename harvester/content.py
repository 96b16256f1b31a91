"""Main-content extraction for article pages on sites no reader has seen before.

Title from og:title, then the main h1, then <title> without its " | Site" suffix; date
from meta tags, <time> elements, then "Published: ..." text; body text from the main
content container with navigation, cookie banners, footers, job adverts and share
widgets removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from .dates import parse_date
from .furniture import ARTICLE_END
from .tables import table_lines

DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "form", "button", "nav", "header", "footer", "aside", "select", "input"]
_DROP = frozenset(DROP_TAGS)
# id/class words that mark page furniture rather than the article.
JUNK = re.compile(
    r"(^|[\s_-])(cookie|consent|gdpr|banner|newsletter|signup|sign-up|subscribe|share|sharing|social|breadcrumbs?|related|"
    r"promo|advert|ads?|sponsor|jobs?|vacanc(y|ies)|sidebar|menu|skip|site-header|site-footer|masthead|comments?|"
    r"pagination|pager|rating|feedback|popup|modal|alert-bar|back-to-top)($|[\s_-])",
    re.I,
)
MAIN_SELECTORS = ["main article", "article", "main", "[role=main]", "#main-content", "#content", ".main-content", ".content", "#main"]
BLOCKS = ["p", "h2", "h3", "h4", "li", "blockquote", "td", "th", "dd", "dt", "pre"]
READ = BLOCKS + ["table"]
TITLE_SUFFIX = re.compile(r"\s+[|\u2013\u2014-]\s+[^|\u2013\u2014-]{2,60}$")
PUBLISHED_TEXT = re.compile(r"(published|posted|date|updated|issued)\s*(on)?\s*:?", re.I)
DATE_META = [
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("name", "date"),
    ("name", "dc.date"),
    ("name", "dc.date.issued"),
    ("name", "dcterms.created"),
    ("name", "dcterms.issued"),
    ("itemprop", "datePublished"),
    ("property", "og:published_time"),
    ("name", "pubdate"),
]


@dataclass
class Article:
    title: str
    text: str
    url: str
    canonical_url: str | None = None
    published: str | None = None
    summary: str = ""
    headings: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


def soup_of(html: str) -> BeautifulSoup:
    """Parse HTML with lxml behind BeautifulSoup (fast, forgiving)."""
    return BeautifulSoup(html, "lxml")


def meta_content(soup: BeautifulSoup, attr: str, value: str) -> str | None:
    """The content of the first ``<meta attr="value">`` (value matched case-insensitively), or None."""
    wanted = re.compile(f"^{re.escape(value)}$", re.I)
    for tag in _metas(soup):
        if not _gone(tag) and isinstance(found := tag.get(attr), str) and wanted.search(found):
            content = tag.get("content")
            return content.strip() if isinstance(content, str) and content.strip() else None
    return None


def _metas(soup: BeautifulSoup) -> list[Tag]:
    """Every ``<meta>`` of the page, found in one walk of the tree and kept on the soup: a page is asked for a
    dozen of them (title, description, ten kinds of date), and each search of its own walked the whole page.
    A meta removed since with the page's furniture is marked decomposed, and skipped by the caller."""
    metas = soup.__dict__.get("_shopwindow_metas")
    if metas is None:
        metas = soup.__dict__["_shopwindow_metas"] = soup.find_all("meta")
    return metas


def canonical_url(soup: BeautifulSoup, base: str) -> str | None:
    """The page's rel=canonical as an absolute http(s) URL, or None."""
    link = soup.find("link", rel=lambda v: v and "canonical" in (v if isinstance(v, list) else [v]))
    href = link.get("href") if isinstance(link, Tag) else None
    if not isinstance(href, str) or not href.strip():
        return None
    absolute = urljoin(base, href.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def clean_text(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def _is_junk(tag: Tag) -> bool:
    if tag.attrs is None:
        return False
    ident = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
    return bool(ident and JUNK.search(ident)) or tag.get("aria-hidden") == "true" or tag.get("hidden") is not None


def _gone(tag: Tag) -> bool:
    """Whether ``tag`` was decomposed (with furniture around it). Not ``tag.decomposed``: on a live tag that
    property looks up ``tag._decomposed``, which bs4 answers by searching the tag's whole subtree for a
    ``<_decomposed>`` element."""
    return "_decomposed" in tag.__dict__


def _strip(root: Tag) -> None:
    # One walk of the tree (bs4's find_all filters each tag through its matching machinery, a walk per call).
    tags = [node for node in root.descendants if isinstance(node, Tag)]
    for tag in tags:
        if tag.name in _DROP and not _gone(tag):
            tag.decompose()
    for tag in tags:
        if not _gone(tag) and tag.name not in ("html", "body", "main", "article") and _is_junk(tag):
            tag.decompose()


def _main_container(soup: BeautifulSoup) -> Tag:
    best, best_len = None, 0
    for selector in MAIN_SELECTORS:
        for tag in soup.select(selector):
            length = sum(len(p.get_text(" ", strip=True)) for p in tag.find_all("p"))
            if length > best_len:
                best, best_len = tag, length
        if best is not None and best_len > 200:
            return best
    # No semantic container: take the element whose direct paragraphs hold the most text.
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            prev = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (prev[0] + len(p.get_text(" ", strip=True)), parent)
    if scores:
        score, tag = max(scores.values(), key=lambda s: s[0])
        if score > best_len:
            return tag
    return best or soup.body or soup


def _holds_blocks(tag: Tag) -> bool:
    """A list item made of paragraphs or sub-lists: those are read one by one, the item is not."""
    return tag.name == "li" and tag.find(["p", "li"]) is not None


def block_text(root: Tag) -> list[str]:
    """Text of the block elements under ``root``, one string per block, in order, without nested duplicates.

    A data table gives one line per row instead of one per cell (see :mod:`shopwindow.tables`); a
    block holding such a table is opened up, its loose text read around the table's lines.
    """
    rendered: dict[int, list[str]] = {}  # data tables under root, not inside another one
    inside: set[int] = set()  # blocks and tables within those, read as part of their rows
    opened: set[int] = set()  # blocks holding a data table, so not read as one line
    for table in root.find_all("table"):
        if id(table) in inside or (rows := table_lines(table)) is None:
            continue
        rendered[id(table)] = rows
        inside.update(id(t) for t in table.descendants if isinstance(t, Tag) and t.name in READ)
        opened.update(id(b) for b in table.parents if b.name in BLOCKS)
    lines: list[str] = []
    loose: list[str] = []  # text of an opened block between its blocks and tables

    def add(text: str) -> None:
        if loose:
            lines.append(clean_text(" ".join(loose)))
            loose.clear()
        if text:
            lines.append(text)

    for node in root.descendants if opened else root.find_all(READ):
        if not isinstance(node, Tag):
            if type(node) is NavigableString and node.strip() and id(_reader(node)) in opened:
                loose.append(node.strip())  # not a comment, and read by no block of its own
            continue
        if node.name not in READ or id(node) in inside or id(node) in opened:
            continue
        if node.name == "table":
            for row in rendered.get(id(node), ()):
                add(row)
            continue
        if any(p.name in BLOCKS and id(p) not in opened and not _holds_blocks(p) for p in node.parents):
            continue  # an enclosing block (a quote, a cell) reads this one's text
        if _holds_blocks(node):
            continue  # "<li><p>...</p></li>": its paragraphs are read instead
        text = node.get_text(" ", strip=True)
        # In HTML a line break in the source is a space; only <pre> keeps its lines.
        add(clean_text(text) if node.name == "pre" else " ".join(text.split()))
    add("")
    if not lines:
        text = clean_text(root.get_text("\n", strip=True))
        lines = [line for line in text.splitlines() if line.strip()]
    return lines


def _reader(node: NavigableString) -> Tag | None:
    """The nearest block or table around a piece of text: the element whose line it belongs to."""
    return next((parent for parent in node.parents if parent.name in READ), None)


def extract_title(soup: BeautifulSoup, main: Tag | None = None) -> str:
    for candidate in (
        meta_content(soup, "property", "og:title"),
        (main.find("h1") if main is not None else None),
        soup.find("h1"),
        soup.title.string if soup.title and soup.title.string else None,
    ):
        if isinstance(candidate, Tag):
            candidate = candidate.get_text(" ", strip=True)
        if candidate and candidate.strip():
            return TITLE_SUFFIX.sub("", clean_text(candidate)) if candidate is not None else ""
    return ""


def extract_date(soup: BeautifulSoup, main: Tag | None = None) -> str | None:
    for attr, value in DATE_META:
        if (content := meta_content(soup, attr, value)) and (iso := parse_date(content)):
            return iso
    for scope in (main, soup):
        if scope is None:
            continue
        for time_tag in scope.find_all("time"):
            if iso := parse_date(time_tag.get("datetime") or time_tag.get_text(" ", strip=True)):
                return iso
        for node in scope.find_all(string=PUBLISHED_TEXT, limit=5):
            parent = node.parent
            if isinstance(parent, Tag) and (iso := parse_date(parent.get_text(" ", strip=True))):
                return iso
    return None


# A press release ends where its furniture starts (see shopwindow.furniture), then come the press office's details.
_PRESS_CONTACT = re.compile(r"(?:for )?(?:media|press) (?:enquiries|inquiries|contact)|(?:contact )?the press office\b",
                            re.IGNORECASE)


def _without_press_furniture(lines: list[str]) -> list[str]:
    """The article without what follows its end marker, nor the lines giving the press office's contact details:
    they name no scheme, and their words ("enquiries", phone numbers) would be read as if they did."""
    out = []
    for line in lines:
        if len(line) <= 40 and ARTICLE_END.fullmatch(line.strip()):
            break
        if not _PRESS_CONTACT.match(line):
            out.append(line)
    return out


def extract_article(html: str, url: str) -> Article:
    """Extract title, date, summary and main text from an article page."""
    soup = soup_of(html)
    canonical = canonical_url(soup, url)
    description = meta_content(soup, "name", "description") or meta_content(soup, "property", "og:description") or ""
    og_title = meta_content(soup, "property", "og:title")
    published = extract_date(soup)
    body = soup.body or soup
    _strip(body)
    main = _main_container(soup)
    title = og_title and TITLE_SUFFIX.sub("", clean_text(og_title)) or extract_title(soup, main)
    if published is None:
        published = extract_date(soup, main)
    lines = block_text(main)
    if lines and lines[0] == title:
        lines = lines[1:]
    if published is None:
        # A bare date line just under the headline ("29.07.19", "Posted 3 May 2021").
        published = next((d for line in lines[:6] if len(line) < 80 and (d := parse_date(line))), None)
    text = "\n".join(_without_press_furniture(lines))
    summary = clean_text(description) or next((line for line in lines if len(line) >= 60), lines[0] if lines else "")
    links = []
    for a in main.find_all("a", href=True):
        href = urljoin(url, a["href"].strip())
        if urlsplit(href).scheme in ("http", "https"):
            links.append(href.split("#")[0])
    return Article(
        title=title,
        text=text,
        url=url,
        canonical_url=canonical,
        published=published,
        summary=summary[:600],
        headings=[clean_text(h.get_text(" ", strip=True)) for h in main.find_all(["h2", "h3"])],
        links=links,
    )
