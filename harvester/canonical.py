"""One URL per page: strip tracking parameters and fold the LGA's mirror hosts onto www.local.gov.uk.

The LGA serves the same case study on its main site and on sister sites (party groups,
planning, procurement), and trade-press links add tracking query strings. Without
canonical URLs one scheme would be stored two or three times.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

log = logging.getLogger(__name__)

LGA_HOST = "www.local.gov.uk"

#: Hosts that republish www.local.gov.uk case studies. Their ``/case-studies/<slug>``
#: pages are copies of ``www.local.gov.uk/<slug>`` (the main site uses a bare slug).
#: The two party-group hosts are seen in stored copies; the others are likely names
#: (unverified) - a source can add more with the reader's ``mirror_hosts`` option.
LGA_MIRROR_HOSTS: frozenset[str] = frozenset(
    {
        "local.gov.uk",
        "lgaconservatives.local.gov.uk",
        "lgalabour.local.gov.uk",
        "lgalibdem.local.gov.uk",
        "independent.local.gov.uk",
        "lgaindependent.local.gov.uk",
        "planning.local.gov.uk",  # the Planning Advisory Service's pages
        "pas.local.gov.uk",
        "procurement.local.gov.uk",  # the National Procurement Strategy pages
    }
)

#: Query parameters that only say where a click came from. Matched case-insensitively.
TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "gclid", "fbclid", "msclkid", "dclid", "mc_cid", "mc_eid", "_ga", "_gl", "ref", "source",
        "blocktitle", "contentid", "tagcode", "cmpid", "sessionid", "phpsessid", "jsessionid",
    }
)
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "hsa_", "pk_", "mtm_")

# Paths on a mirror host that map onto a bare slug on the main site.
_MIRROR_PATH = re.compile(r"^/(?:case-studies|case-study|our-support/case-studies)/(?P<slug>[^/]+)/?$")


def is_tracking_param(name: str) -> bool:
    """True for a query parameter that identifies a campaign or session rather than content."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def strip_tracking(url: str) -> str:
    """Return ``url`` without tracking parameters or fragment; the remaining query keeps its order."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def canonical_url(url: str, declared: str | None = None, mirrors: frozenset[str] | set[str] = frozenset()) -> str:
    """Return the one URL a page should be stored under.

    ``declared`` is the page's own ``rel=canonical`` link, if any (relative links are
    resolved against ``url``); it wins when it is an http(s) URL. Then tracking
    parameters go, LGA mirror hosts (:data:`LGA_MIRROR_HOSTS` plus ``mirrors``) fold
    onto www.local.gov.uk, and mirror case-study paths become bare slugs.
    """
    chosen = url
    if declared:
        resolved = urljoin(url, declared.strip())
        if urlsplit(resolved).scheme in ("http", "https"):
            chosen = resolved
    cleaned = strip_tracking(chosen)
    parts = urlsplit(cleaned)
    host = (parts.hostname or "").lower()
    if host in LGA_MIRROR_HOSTS or host in mirrors or host == LGA_HOST:
        path = parts.path
        match = _MIRROR_PATH.match(path)
        if match and host != LGA_HOST:
            path = "/" + match.group("slug")
        elif host not in (LGA_HOST, "local.gov.uk"):
            return cleaned  # another page on a sister site: only its rel=canonical can say where it belongs
        if path != "/" and path.endswith("/"):
            path = path.rstrip("/")
        cleaned = urlunsplit(("https", LGA_HOST, path, parts.query, ""))
    return cleaned


def declared_canonical(html: str) -> str | None:
    """The href of a page's ``<link rel="canonical">``, or None."""
    soup = html if isinstance(html, BeautifulSoup) else BeautifulSoup(html, "lxml")
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        rels = rel if isinstance(rel, list) else str(rel).split()
        if "canonical" in (r.lower() for r in rels):
            return str(link["href"])
    return None


def page_canonical_url(url: str, html: str | BeautifulSoup | None, mirrors: frozenset[str] | set[str] = frozenset()) -> str:
    """Canonical URL for a fetched page: its rel=canonical if present, then :func:`canonical_url` rules."""
    return canonical_url(url, declared_canonical(html) if html is not None else None, mirrors)
