"""Decoding page bytes to text: BOMs, header and meta charsets, mis-declared pages."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, strategies as st

from shopwindow.textdecode import decode, is_text


def test_bom_wins_over_a_wrong_header():
    text, codec = decode(codecs.BOM_UTF8 + "£5m saved".encode("utf-8"), "text/html; charset=iso-8859-1")
    assert text == "£5m saved" and codec == "utf-8-sig"


def test_utf16_with_bom():
    body = codecs.BOM_UTF16_LE + "Council £2m".encode("utf-16-le")
    assert decode(body)[0] == "Council £2m"


def test_header_charset_is_honoured():
    assert decode("£3m".encode("cp1252"), "text/html; charset=windows-1252")[0] == "£3m"


def test_meta_charset_is_honoured_when_the_header_has_none():
    body = b'<html><head><meta charset="iso-8859-1"></head><body>\xa34m</body></html>'
    assert "£4m" in decode(body, "text/html")[0]


def test_latin1_label_decodes_as_windows_1252_like_browsers():
    assert decode(b"council\x92s", "text/html; charset=iso-8859-1")[0] == "council’s"


def test_mixed_utf8_and_cp1252_page_decodes_both_parts():
    body = "Café £1m".encode("utf-8") + b" and \x93quoted\x94"
    text, codec = decode(body, "text/html; charset=utf-8")
    assert text == "Café £1m and “quoted”" and codec == "utf-8+cp1252"


@pytest.mark.parametrize("ctype, body, expected", [
    ("application/pdf", b"%PDF-1.7", False),
    ("text/html", b"<html>", True),
    ("application/rss+xml", b"<rss>", True),
    ("", b"PK\x03\x04xlsx", False),
    ("", b"plain words", True),
])
def test_text_or_binary(ctype, body, expected):
    assert is_text(ctype, body) is expected


@given(st.binary(max_size=2000), st.sampled_from([None, "text/html", "text/html; charset=utf-8", "text/html; charset=bogus", "text/html; charset=utf-16"]))
def test_decode_never_raises(body, ctype):
    text, codec = decode(body, ctype)
    assert isinstance(text, str) and codec


def test_a_utf8_page_labelled_latin1_is_read_as_utf8():
    body = '<meta charset="iso-8859-1"><p>The council saved £35,000 – a café’s rent.</p>'.encode("utf-8")
    text, codec = decode(body, "text/html; charset=iso-8859-1")
    assert "saved £35,000 – a café’s rent" in text and codec == "utf-8"
    # ...while a real Windows-1252 page keeps its label.
    body = "<p>The council saved £35,000 – a café’s rent.</p>".encode("cp1252")
    assert decode(body, "text/html; charset=windows-1252") == (
        "<p>The council saved £35,000 – a café’s rent.</p>", "cp1252")
