"""The offline postcode index: normalising, building from the package's file format, looking up."""

from __future__ import annotations

import pytest
from dashboard_data import CAMBRIDGE, SOUTH_CAMBS, build_postcode_index

from shopwindow_dashboard.postcodes import (
    PostcodeIndex,
    build_index,
    default_index_path,
    format_postcode,
    looks_like_postcode,
    normalise_postcode,
    osgb_to_latlng,
    package_data_dir,
)


@pytest.mark.parametrize(("text", "expected"), [("cb10aa", "CB10AA"), ("CB1 0AA", "CB10AA"), (" sw1a  1aa ", "SW1A1AA"),
                                                ("M1 1AE", "M11AE"), ("CB1", None), ("hello", None), ("", None)])
def test_normalise_postcode(text, expected):
    assert normalise_postcode(text) == expected


def test_format_postcode_puts_the_space_before_the_inward_code():
    assert format_postcode("SW1A1AA") == "SW1A 1AA" and format_postcode("M11AE") == "M1 1AE"


@pytest.mark.parametrize(("text", "expected"), [("CB1", True), ("cb23 6ea", True), ("Cambridge", False),
                                                ("Newcastle-under-Lyme", False)])
def test_looks_like_postcode(text, expected):
    assert looks_like_postcode(text) is expected


def test_grid_reference_converts_to_latitude_and_longitude():
    # Ordnance Survey's worked example (Caister water tower), on the OSGB36 datum.
    lat, lng = osgb_to_latlng(651409.903, 313177.270)
    assert lat == pytest.approx(52.65757, abs=1e-4) and lng == pytest.approx(1.71792, abs=1e-4)


def test_index_looks_up_districts_in_any_spelling_and_knows_their_centres(tmp_path):
    index = PostcodeIndex(build_postcode_index(tmp_path))
    assert index.district("cb1 0aa") == CAMBRIDGE
    assert index.district("CB236EA") == SOUTH_CAMBS
    assert index.district("ZZ9 9ZZ") is None
    assert index.district("not a postcode") is None
    lat, lng = index.centres()[CAMBRIDGE]
    assert 52.1 < lat < 52.3 and 0.0 < lng < 0.3


def test_index_builds_only_the_letters_asked_for(tmp_path):
    build_postcode_index(tmp_path / "full")
    partial = build_index(tmp_path / "partial.db", source_dir=tmp_path / "full" / "postcode-source", letters=["S"])
    index = PostcodeIndex(partial)
    assert index.district("SW1A 1AA") is not None and index.district("CB1 0AA") is None


def test_installed_package_data_is_found_without_importing_pandas():
    directory = package_data_dir()
    assert directory is not None and any(directory.glob("postcodes_*.msgpack.br"))


def test_default_index_sits_beside_the_database_unless_overridden(monkeypatch, tmp_path):
    monkeypatch.delenv("SHOPWINDOW_POSTCODES", raising=False)
    assert default_index_path(str(tmp_path / "x.db")) == tmp_path / "postcodes.db"
    monkeypatch.setenv("SHOPWINDOW_POSTCODES", str(tmp_path / "elsewhere.db"))
    assert default_index_path(str(tmp_path / "x.db")) == tmp_path / "elsewhere.db"
