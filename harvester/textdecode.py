"""Turn response bytes into text: BOM, then the header charset, then the page's meta charset, then detection.

Pages that declare UTF-8 but are really Windows-1252 (common on older council CMSs) are
decoded as what they are; nothing is ever stored as undecoded bytes.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_.:-]+)", re.I)

TEXT_TYPES = ("text/", "xml", "json", "javascript", "rss", "atom")


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252: pages mixing both (a CMS pasting Word text) come out whole."""
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("shopwindow-cp1252", _cp1252_fallback)


def charset_from_content_type(content_type: str | None) -> str | None:
    match = _HEADER_CHARSET.search(content_type or "")
    return _codec(match.group(1)) if match else None


def _codec(name: str | bytes | None) -> str | None:
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    # Browsers treat latin-1 / ascii labels as windows-1252 (WHATWG Encoding); so do we.
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def is_text(content_type: str, body: bytes) -> bool:
    """Whether a body is text we should decode (HTML, XML, feeds, CSV, JSON) rather than binary (PDF, XLSX)."""
    ct = (content_type or "").lower()
    if any(t in ct for t in TEXT_TYPES):
        return True
    if ct and not ct.startswith("application/octet-stream"):
        return False
    head = body[:512]
    return b"\x00" not in head and not head.startswith((b"%PDF", b"PK\x03\x04"))


def decode(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a body. Never raises; undecodable bytes become U+FFFD only as a last resort."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace"), codec
    candidates: list[str] = []
    declared = charset_from_content_type(content_type)
    if declared:
        candidates.append(declared)
    head = body[:4096]
    for pattern in (_META, _XML_DECL):
        match = pattern.search(head)
        if match and (codec := _codec(match.group(1))) and codec not in candidates:
            candidates.append(codec)
    if "utf-8" not in candidates:
        candidates.append("utf-8")
    if candidates[0] == "cp1252" and not body.isascii():
        # A page labelled latin-1 or Windows-1252 whose bytes are valid UTF-8 is UTF-8 (a CMS template's old label
        # over UTF-8 content): read as labelled, "£35,000" would become "Â£35,000". Real Windows-1252 text with
        # accents or a pound sign is almost never valid UTF-8, so the strict decode below fails for it.
        candidates.remove("utf-8")
        candidates.insert(0, "utf-8")
    for codec in candidates:
        if codec.startswith("utf-16") or codec.startswith("utf-32"):
            continue  # a declared UTF-16 without a BOM is almost always a lie about an 8-bit page
        try:
            return body.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            continue
    # Declared charset was wrong. The classic case on UK council sites is Windows-1252 (or a mix) sent as UTF-8.
    if candidates[0] == "utf-8" or "utf-8" in candidates[:2]:
        return body.decode("utf-8", errors="shopwindow-cp1252"), "utf-8+cp1252"
    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        codec = _codec(best.encoding) or "cp1252"
        return body.decode(codec, errors="replace"), codec
    return body.decode("cp1252", errors="replace"), "cp1252"
