"""The generated council register: complete, official codes, consistent with mySociety's register."""

from __future__ import annotations

import csv
import math
from collections import Counter
from pathlib import Path

import pytest

from shopwindow.councils import load_register

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference" / "data" / "mysociety-uk-local-authorities"


@pytest.fixture(scope="module")
def register():
    return load_register()


def current(register):
    return [c for c in register.councils.values() if c.current]


def test_every_current_principal_council_is_present(register):
    counts = Counter((c.nation, c.type) for c in current(register))
    assert counts[("England", "county")] == 21
    assert counts[("England", "district")] == 164
    assert counts[("England", "metropolitan district")] == 36
    assert counts[("England", "london borough")] == 32
    assert counts[("England", "unitary")] + counts[("England", "sui generis")] == 63
    assert counts[("England", "city corporation")] == 1
    assert Counter(c.nation for c in current(register)) == {
        "England": 317, "Scotland": 32, "Wales": 22, "Northern Ireland": 11,
    }


def test_codes_are_gss_codes_matching_type(register):
    prefixes = {"county": "E10", "district": ("E07", "N09"), "metropolitan district": "E08", "london borough": "E09"}
    for council in register.councils.values():
        assert len(council.code) == 9 and council.code[0] in "ESWN"
        assert council.code.startswith(prefixes.get(council.type, council.code[:3]))


def test_districts_name_their_county_and_counties_exist(register):
    districts = [c for c in current(register) if c.code.startswith("E07")]
    assert len(districts) > 150  # England's two-tier districts: the loop below must have something to check
    for council in districts:
        parent = register.council(council.parent_code)
        assert parent is not None and parent.type == "county" and parent.current, council


def test_abolished_councils_point_at_current_successors(register):
    abolished = [c for c in register.councils.values() if not c.current]
    assert {"E10000002", "E10000006", "E10000009", "E10000021", "E10000023", "E10000027"} <= {c.code for c in abolished}
    for council in abolished:
        assert council.successor_codes, council.code
        for code in council.successor_codes:
            successor = register.council(code)
            while successor and not successor.current:  # Taunton Deane -> Somerset West and Taunton -> Somerset
                successor = register.council(successor.successor_codes[0])
            assert successor is not None and successor.current


def test_every_council_has_a_position_in_the_uk(register):
    for council in register.councils.values():
        assert 49.8 < council.lat < 61 and -8.2 < council.lng < 2, council.code


def test_informal_names_are_in_the_alias_table(register):
    for alias in ("ipswich bc", "lb croydon", "croydon council", "london borough of croydon", "kirklees mbc",
                  "bucks", "banes", "brighton and hove"):
        assert tuple(alias.split()) in register.aliases, alias


@pytest.mark.skipif(not REFERENCE.exists(), reason="mySociety reference register not available")
def test_register_agrees_with_mysociety_reference(register):
    with open(REFERENCE / "uk_local_authorities_future.csv", newline="", encoding="utf-8") as fh:
        reference = {r["gss-code"]: r for r in csv.DictReader(fh) if r["gss-code"]}
    theirs = {code for code, r in reference.items()
              if r["current-authority"] == "True" and r["local-authority-type"] not in ("COMB", "SRA")}
    ours = {c.code for c in current(register)}
    # ONS re-coded Barnsley and Sheffield in 2024 (E08000038/39); the reference still carries the old codes.
    renamed = {"E08000016": "E08000038", "E08000019": "E08000039"}
    assert {renamed.get(code, code) for code in theirs} == ours
    far = []
    for council in current(register):
        row = reference.get(council.code)
        if row and row["lat"] and council.type != "county":  # the reference's county centres are unreliable
            distance = math.hypot(float(row["lat"]) - council.lat, (float(row["long"]) - council.lng) * 0.6)
            if distance > 0.35:
                far.append(council.code)
    assert not far
    same_name = sum(1 for c in current(register) if c.code in reference
                    and reference[c.code]["nice-name"].lower().replace("&", "and") in (c.short_name.lower(), c.name.lower()))
    assert same_name / len(ours) > 0.9


@pytest.mark.skipif(not REFERENCE.exists(), reason="mySociety reference register not available")
def test_resolve_understands_the_names_in_mysociety_lookup(register):
    from shopwindow.councils import resolve

    with open(REFERENCE / "uk_local_authorities_future.csv", newline="", encoding="utf-8") as fh:
        gss = {r["local-authority-code"]: r["gss-code"] for r in csv.DictReader(fh)
               if r["gss-code"] and r["local-authority-type"] not in ("COMB", "SRA")}
    renamed = {"E08000016": "E08000038", "E08000019": "E08000039"}
    right = wrong = 0
    with open(REFERENCE / "lookup_name_to_registry.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = renamed.get(gss.get(row["local-authority-code"], ""), gss.get(row["local-authority-code"]))
            if not code or code not in register.councils:
                continue
            got = resolve(row["la-name"])
            successor_named = got and code in register.councils[got].successor_codes
            right, wrong = (right + 1, wrong) if got == code or successor_named else (right, wrong + 1)
    # What is left is mostly misspelt ("aberdeen cuty", "highands") in their list of names seen in the wild.
    assert right / (right + wrong) > 0.97
