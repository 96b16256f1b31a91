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
from .furniture import ARTICLE_END, OTHER_STORIES
from .tables import table_lines

DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "form", "button", "nav", "header", "footer", "aside", "select", "input"]
_DROP = frozenset(DROP_TAGS)
# id/class words that mark page furniture rather than the article.
JUNK = re.compile(
    r"(^|[\s_-])(cookie|consent|gdpr|banner|newsletter|signup|sign-up|subscribe|share|sharing|social|breadcrumbs?|related|"
    r"promo|advert|ads?|sponsor|jobs?|vacanc(y|ies)|sidebar|menu|skip|site-header|site-footer|masthead|comments?|"
    r"pagination|pager|rating|feedback|popup|modal|alert-bar|back-to-top|author|paywall)($|[\s_-])",
    re.I,
)
MAIN_SELECTORS = ["main article", "article", "main", "[role=main]", "#main-content", "#content", ".main-content", ".content", "#main"]
BLOCKS = ["p", "h2", "h3", "h4", "li", "blockquote", "td", "th", "dd", "dt", "pre", "summary"]
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
    ("name", "dcterms.date"),
    ("name", "dc.date.created"),
    ("name", "citation_publication_date"),
    ("name", "govuk:first-published-at"),
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


def _is_junk(tag: Tag, panels: frozenset[str] = frozenset()) -> bool:
    """Whether ``tag`` is page furniture: by its id and class words (camelCase split, so "pageRating" is a
    rating widget), or hidden, unless it is a collapsed panel of an accordion (its id in ``panels``)."""
    if tag.attrs is None:
        return False
    ident = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
    if ident and JUNK.search(_CAMEL.sub(r"\1 \2", ident)):
        return True
    hidden = tag.get("aria-hidden") == "true" or tag.get("hidden") is not None
    return hidden and tag.get("id") not in panels


_CAMEL = re.compile(r"([a-z])([A-Z])")
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6", "summary"])


def _gone(tag: Tag) -> bool:
    """Whether ``tag`` was decomposed (with furniture around it). Not ``tag.decomposed``: on a live tag that
    property looks up ``tag._decomposed``, which bs4 answers by searching the tag's whole subtree for a
    ``<_decomposed>`` element."""
    return "_decomposed" in tag.__dict__


def _strip(root: Tag) -> None:
    # One walk of the tree (bs4's find_all filters each tag through its matching machinery, a walk per call).
    tags = [node for node in root.descendants if isinstance(node, Tag)]
    panels = set()
    for tag in tags:
        if tag.name == "button" and any(parent.name in _HEADINGS for parent in tag.parents):
            # An accordion's toggle: its text is the question, the panel it controls the answer (kept though hidden).
            panels.update(str(tag.get("aria-controls") or "").split())
            tag.unwrap()
        elif tag.name in _DROP and not _gone(tag) and not _heads_its_article(tag):
            tag.decompose()
    kept = frozenset(panels)
    for tag in tags:
        if _gone(tag) or tag.name in ("html", "body", "main", "article"):
            continue
        if _is_junk(tag, kept):
            tag.decompose()
        elif tag.name in ("h2", "h3", "h4") and OTHER_STORIES.fullmatch(tag.get_text(" ", strip=True)):
            _drop_column_under(tag)


def _heads_its_article(tag: Tag) -> bool:
    """A <header> inside an <article> is the article's own: its headline, dateline and byline."""
    return tag.name == "header" and any(parent.name == "article" for parent in tag.parents)


def _drop_column_under(heading: Tag) -> None:
    """Remove the block a "Latest news" or "In this section" heading leads: a column of other stories' teasers
    (each with its own figures) or of links, wherever it sits in the source. A heading that does not open its
    block, or a block holding the headline, is left to the line-by-line end of the article instead."""
    block = heading.parent
    while isinstance(block, Tag) and block.name not in ("body", "main", "article", "html"):
        first = next((child for child in block.children if isinstance(child, Tag) or child.strip()), None)
        if first is not heading or block.find("h1") is not None:
            return
        if block.parent is not None and len(block.get_text(" ", strip=True)) < len(block.parent.get_text(" ", strip=True)):
            block.decompose()
            return
        heading = block  # the heading's wrapper (a <header>, a title <div>) opens the column instead
        block = block.parent


def _main_container(soup: BeautifulSoup) -> Tag:
    best, best_len = None, 0
    for selector in MAIN_SELECTORS:
        for tag in soup.select(selector):
            length = sum(len(p.get_text(" ", strip=True)) for p in tag.find_all("p"))
            if length > best_len:
                best, best_len = tag, length
        if best is not None and best_len > 200:
            return best
    # No semantic container: take the element whose paragraphs (or list items, or failing both, bare runs of
    # text) hold the most text.
    found = _densest(_paragraph_scores(soup))
    if found is None or found[0] <= 200:  # a footer's copyright line is no article
        loose = _densest(_loose_text_scores(soup.body or soup))
        found = loose if found is None or (loose is not None and loose[0] > found[0]) else found
    if found is not None and found[0] > best_len:
        return found[1]
    return best or soup.body or soup


Scores = dict[int, tuple[int, int, Tag]]  # id(tag) -> (text length, depth, tag)


def _credit(scores: Scores, tag: Tag | None, length: int) -> None:
    if isinstance(tag, Tag) and length:
        prev = scores.get(id(tag))
        scores[id(tag)] = ((prev[0] if prev else 0) + length, prev[1] if prev else len(list(tag.parents)), tag)


def _densest(scores: Scores) -> tuple[int, Tag] | None:
    """The highest-scoring element (the deeper on a tie: a cell rather than its row), or None."""
    if not scores:
        return None
    length, _, tag = max(scores.values(), key=lambda s: s[:2])
    return length, tag


def _paragraph_scores(soup: BeautifulSoup) -> Scores:
    """Each paragraph's text credited to its parent, each list item's own words (not its links) to the element
    holding the list: a case study written as bullet lists has its body where its lists are."""
    scores: Scores = {}
    for tag in soup.find_all(["p", "li"]):
        if tag.name == "p":
            _credit(scores, tag.parent, len(tag.get_text(" ", strip=True)))
        elif tag.parent is not None:
            _credit(scores, tag.parent.parent, _unlinked_length(tag))
    return scores


def _loose_text_scores(root: Tag) -> Scores:
    """For pages without paragraphs (old table layouts, <div> soup, <br>-separated text): each element holding
    only inline markup scores its own words (not its links), for itself and for its parent, where its
    sibling runs of text add up."""
    scores: Scores = {}
    for tag in root.find_all(True):
        if tag.find(_BLOCK_LEVEL) is None and (length := _unlinked_length(tag)) > 0:
            if tag.name not in _INLINE:
                _credit(scores, tag, length)
            _credit(scores, tag.parent, length)
    return scores


def _unlinked_length(tag: Tag) -> int:
    """How much of ``tag``'s text is its own words rather than the text of links."""
    if tag.name == "a":
        return 0
    return len(tag.get_text(" ", strip=True)) - sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))


_BLOCK_LEVEL = ["div", "p", "table", "tr", "td", "ul", "ol", "li", "section", "article", "main", "h1", "h2", "h3",
                "h4", "h5", "h6", "blockquote", "dl", "form", "center"]
_INLINE = frozenset(["a", "b", "strong", "i", "em", "font", "span", "small", "big", "u", "sup", "sub", "abbr", "br"])


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
    return lines or _broken_lines(root)


_SOURCE_BREAKS = str.maketrans("\r\n", "  ")


def _broken_lines(root: Tag) -> list[str]:
    """Text without block elements to read, one line per run between <br>s and block boundaries: inline
    markup ("save <b>£48,000</b> a year") stays inside its sentence."""
    parts: list[str] = []
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name == "br" or node.name in _BLOCK_LEVEL:
                parts.append("\n")
        elif type(node) is NavigableString:
            parts.append(node.translate(_SOURCE_BREAKS))  # a line break in the source is a space
    return [line for line in (" ".join(part.split()) for part in "".join(parts).split("\n")) if line]


def _reader(node: NavigableString) -> Tag | None:
    """The nearest block or table around a piece of text: the element whose line it belongs to."""
    return next((parent for parent in node.parents if parent.name in READ), None)


def extract_title(soup: BeautifulSoup, main: Tag | None = None) -> str:
    """og:title (unless it only names the site), else the headline <h1>, else a bold first line of the body,
    else <title> without its site name.

    An <h1> that only begins the <title> ("Agenda item" of "Agenda item - Waste contract - Council") is a
    section label, so the fuller <title> wins; a <title> is often only the section ("Media releases - Site")
    when the page has no <h1>, so a short bold line opening the body is taken first.
    """
    og_title = meta_content(soup, "property", "og:title")
    h1 = (main.find("h1") if main is not None else None) or soup.find("h1")
    if h1 is not None and _is_logo(h1):
        h1 = _opening_heading(main) if main is not None else None  # the headline is set a level down
    headline = _heading_text(h1) if h1 is not None else ""
    if og_title and not (headline and _names_the_site(soup, og_title, headline)):
        return TITLE_SUFFIX.sub("", clean_text(og_title))
    page_title = TITLE_SUFFIX.sub("", clean_text(soup.title.get_text())) if soup.title else ""
    if headline:
        return page_title if _labels(headline, page_title) else headline
    return (_bold_lead(main) if main is not None else "") or page_title


def _heading_text(heading: Tag) -> str:
    """A heading's words without a caption set inside it (GOV.UK's "Press release" over the headline)."""
    words = []
    for text in heading.find_all(string=True):
        parent = text.parent
        while parent is not heading and not _CAPTION.search(" ".join(parent.get("class") or [])):
            parent = parent.parent
        if parent is heading and type(text) is NavigableString:
            words.append(text)
    return " ".join(" ".join(words).split())


_CAPTION = re.compile(r"caption|kicker|eyebrow", re.I)


def _is_logo(h1: Tag) -> bool:
    """An <h1> holding the site's logo: a link to the home page, or named as a logo or site name."""
    home = h1.find("a", href=re.compile(r"^(?:/|https?://[^/]+/?)(?:index\.\w+)?$"))
    ident = " ".join([h1.get("id") or ""] + list(h1.get("class") or []))
    return home is not None or bool(re.search(r"logo|site-?name|brand", ident, re.I))


def _opening_heading(main: Tag) -> Tag | None:
    """The <h2> or <h3> that opens ``main``, before any paragraph."""
    first = main.find(["p", "h2", "h3"])
    return first if first is not None and first.name != "p" else None


def _names_the_site(soup: BeautifulSoup, og_title: str, headline: str) -> bool:
    """Whether og:title is only the site's name (some CMSs put it on every page): it is og:site_name, or one
    part of a <title> such as "Site - Page" whose other part is the headline."""
    name, headline = clean_text(og_title).lower(), headline.lower()
    if name == headline:
        return False
    if name == (meta_content(soup, "property", "og:site_name") or "").strip().lower():
        return True
    parts = _SEPARATOR.split(clean_text(soup.title.get_text()).lower()) if soup.title else []
    return name in parts and headline in parts


_SEPARATOR = re.compile(r"\s+[|\u2013\u2014-]\s+")


def _labels(headline: str, page_title: str) -> bool:
    """Whether ``headline`` is just the label opening ``page_title`` ("Agenda item" of "Agenda item - X")."""
    rest = page_title[len(headline):] if page_title.lower().startswith(headline.lower()) else ""
    return len(headline.split()) <= 3 and bool(re.match(r"\s*[-:|\u2013\u2014]\s*\w", rest))


def _bold_lead(main: Tag) -> str:
    """The body's first line when it is short and all bold: a headline set in <strong> instead of an <h1>."""
    first = next((node for node in main.find_all(string=True) if type(node) is NavigableString and node.strip()), None)
    bold = first.find_parent(["b", "strong"]) if first is not None else None
    block = bold.find_parent(BLOCKS + ["div"]) if bold is not None else None
    text = clean_text(bold.get_text(" ", strip=True)) if bold is not None else ""
    if block is None or (clean_text(block.get_text(" ", strip=True)) != text and not _line_ends_after(bold)):
        return ""
    return text if 10 <= len(text) <= 150 else ""


def _line_ends_after(tag: Tag) -> bool:
    """Whether a <br> follows ``tag`` (or the inline elements wrapping it): it is a line of its own."""
    while tag.parent is not None and tag.parent.name in _INLINE and tag.next_sibling is None:
        tag = tag.parent
    after = tag.next_sibling
    while isinstance(after, NavigableString) and not after.strip():
        after = after.next_sibling
    return isinstance(after, Tag) and after.name == "br"


def extract_date(soup: BeautifulSoup, main: Tag | None = None) -> str | None:
    """The publication date: from meta tags, else the first <time> or "Published: ..." text in ``main``, then in
    the page."""
    return _meta_date(soup) or _written_date(soup, main)


def _meta_date(soup: BeautifulSoup) -> str | None:
    for attr, value in DATE_META:
        if (content := meta_content(soup, attr, value)) and (iso := parse_date(content)):
            return iso
    return None


def _json_ld_date(html: str) -> str | None:
    """JSON-LD's ``datePublished`` (or ``dateCreated``), never its ``dateModified``, wherever it sits in the
    graph. Read from the page source with a regular expression: a walk of the tree for the scripts costs more."""
    if "ld+json" not in html:
        return None
    for block in _LD_SCRIPT.finditer(html):
        if (found := _LD_PUBLISHED.search(block.group(1))) and (iso := parse_date(found.group(1))):
            return iso
    return None


_LD_SCRIPT = re.compile(r"<script[^>]*ld\+json[^>]*>(.*?)</script", re.I | re.S)
_LD_PUBLISHED = re.compile(r'"date(?:Published|Created)"\s*:\s*"([^"]{6,40})"')


def _written_date(soup: BeautifulSoup, main: Tag | None, *, updates: bool = True) -> str | None:
    """The first <time>, or "Published: ..." text, in ``main`` then ``soup``. Without ``updates``, a "Last
    updated" or "Page reviewed" date is passed over: it is a later date than the article's own."""
    for scope in (main, soup):
        if scope is None:
            continue
        for time_tag in scope.find_all("time"):
            if iso := parse_date(time_tag.get("datetime") or time_tag.get_text(" ", strip=True)):
                return iso
        for node in scope.find_all(string=PUBLISHED_TEXT, limit=5):
            parent = node.parent
            if not updates and _UPDATED_TEXT.search(node):
                continue
            if isinstance(parent, Tag) and parent.name != "script" and (iso := parse_date(parent.get_text(" ", strip=True))):
                return iso
    return None


_UPDATED_TEXT = re.compile(r"updated|modified|reviewed", re.I)


def _dateline(headline: Tag | None) -> str | None:
    """A date on its own short line between the headline and the first sentence of the article ("3rd March
    2021", "By <name> | 09 March 2023", "Meeting: 12/01/2023 - Cabinet"), wherever the body container starts."""
    if headline is None:
        return None
    for node in headline.find_all_next(string=True, limit=40):
        text = node.strip()
        if type(node) is not NavigableString or not text or headline in node.parents:
            continue
        if len(text) >= 80:
            return None  # the article has begun
        if iso := parse_date(text):
            return iso
    return None


# A press release ends where its furniture starts (see shopwindow.furniture), then come the press office's details.
_PRESS_CONTACT = re.compile(r"(?:for )?(?:media|press) (?:enquiries|inquiries|contact)|(?:contact )?the press office\b|"
                            r"(?:for )?(?:further|more) (?:information|details)\b.{0,60}?\b(?:contact|call|phone|e-?mail)\b",
                            re.IGNORECASE)
# A line of page tools under an article ("Back to news | Print this page").
_TOOLS_LINE = re.compile(r"(?:(?:back to (?:(?:the )?top|(?:all )?news(?: list)?|(?:the )?previous page|(?:search )?results|"
                         r"list(?:ing)?|index|home(?:page)?)|print(?: this (?:page|article|story))?|share(?: this (?:page|article|story))?|"
                         r"e-?mail (?:this page|a friend)|top of (?:the )?page)\s*[|\u2022\u00b7]?\s*)+", re.IGNORECASE)


def _without_press_furniture(lines: list[str]) -> list[str]:
    """The article without what follows its end marker, nor the lines giving the press office's contact details
    (they name no scheme, and their words, "enquiries" and phone numbers, would be read as if they did), nor a
    line of page tools ("Print this page")."""
    out = []
    for line in lines:
        if len(line) <= 40 and ARTICLE_END.fullmatch(line.strip()):
            break
        if not _PRESS_CONTACT.match(line) and not (len(line) <= 60 and _TOOLS_LINE.fullmatch(line)):
            out.append(line)
    return out


def extract_article(html: str, url: str) -> Article:
    """Extract title, date, summary and main text from an article page."""
    soup = soup_of(html)
    canonical = canonical_url(soup, url)
    description = meta_content(soup, "name", "description") or meta_content(soup, "property", "og:description") or ""
    published = _meta_date(soup) or _json_ld_date(html)
    # Dates written anywhere on the page, read before its furniture goes: the last resort (a sidebar's or a
    # comment's date comes first in some pages, so the article's own places are tried before).
    anywhere = None if published else _written_date(soup, None)
    body = soup.body or soup
    _strip(body)
    main = _main_container(soup)
    title = extract_title(soup, main)
    if published is None:
        published = _written_date(main, None, updates=False)
    lines = block_text(main)
    if lines and lines[0] == title:
        lines = lines[1:]
    if published is None:
        # A bare date line just under the headline ("29.07.19", "Posted 3 May 2021"), inside the body container
        # or between it and the headline.
        published = (next((d for line in lines[:6] if len(line) < 80 and not _UPDATED_TEXT.search(line)
                           and (d := parse_date(line))), None)
                     or _dateline(main.find("h1") or soup.find("h1")) or _written_date(soup, None, updates=False)
                     or _written_date(main, soup) or anywhere)
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
