"""Canonical URLs: tracking parameters go, LGA mirror hosts fold onto www.local.gov.uk, rel=canonical wins."""

from __future__ import annotations

import pytest

from shopwindow.canonical import canonical_url, declared_canonical, page_canonical_url, strip_tracking


@pytest.mark.parametrize(
    "url",
    [
        "https://lgaconservatives.local.gov.uk/case-studies/wigan-deal",
        "https://lgalabour.local.gov.uk/case-studies/wigan-deal/",
        "https://local.gov.uk/wigan-deal",
        "http://www.local.gov.uk/wigan-deal?utm_source=twitter&utm_medium=social",
        "https://www.local.gov.uk/wigan-deal#the-solution",
        "https://WWW.LOCAL.GOV.UK/wigan-deal/",
    ],
)
def test_every_copy_of_an_lga_case_study_has_one_url(url):
    assert canonical_url(url) == "https://www.local.gov.uk/wigan-deal"


def test_main_site_case_study_paths_are_left_alone():
    # on the main site /case-studies/... is the listing area, not a mirror path
    assert canonical_url("https://www.local.gov.uk/case-studies?page=2") == "https://www.local.gov.uk/case-studies?page=2"


def test_other_sister_site_pages_keep_their_host():
    url = "https://lgalabour.local.gov.uk/our-work/some-scheme"
    assert canonical_url(url) == url


def test_tracking_parameters_are_stripped_and_content_parameters_kept():
    url = "https://www.lgcplus.com/politics/finance/shared-services/5001234.article?blocktitle=News&contentID=123&page=2"
    assert strip_tracking(url) == "https://www.lgcplus.com/politics/finance/shared-services/5001234.article?page=2"
    assert strip_tracking("https://example.gov.uk/news?fbclid=abc&gclid=x&id=7&mc_cid=1") == "https://example.gov.uk/news?id=7"


def test_declared_canonical_wins_and_is_resolved_relative_to_the_page():
    html = '<html><head><link rel="canonical" href="/wigan-deal"></head><body></body></html>'
    assert declared_canonical(html) == "/wigan-deal"
    assert page_canonical_url("https://www.local.gov.uk/wigan-deal-print?x=1", html) == "https://www.local.gov.uk/wigan-deal"
    absolute = '<link rel="canonical" href="https://www.local.gov.uk/wigan-deal">'
    assert page_canonical_url("https://lgalabour.local.gov.uk/our-work/x", absolute) == "https://www.local.gov.uk/wigan-deal"


def test_page_without_rel_canonical_falls_back_to_the_rules():
    html = "<html><head><title>x</title></head><body></body></html>"
    assert page_canonical_url("https://lgaconservatives.local.gov.uk/case-studies/x?utm_campaign=a", html) == \
        "https://www.local.gov.uk/x"


def test_non_http_declared_canonical_is_ignored():
    assert canonical_url("https://www.local.gov.uk/a", declared="javascript:void(0)") == "https://www.local.gov.uk/a"


def test_extra_mirror_hosts_can_be_named():
    url = "https://libdems.local.gov.uk/case-studies/wigan-deal"
    assert canonical_url(url) == url
    assert canonical_url(url, mirrors={"libdems.local.gov.uk"}) == "https://www.local.gov.uk/wigan-deal"
