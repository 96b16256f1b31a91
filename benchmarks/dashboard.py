"""Dashboard speed: server time for the resident pages, every canned query and the postcode lookup.

Builds a synthetic database of 100,000 initiatives over every council in data/councils.csv (a generated
register when that file is missing), then times requests in-process through ``datasette.client`` (server
time: routing, SQL, templates, no network). Targets: council page and canned queries p95 <= 50 ms, home
p95 <= 100 ms, postcode lookup p95 <= 5 ms.

    .venv/bin/python benchmarks/dashboard.py [--initiatives 100000] [--db /tmp/bench.db] [--repeat 40]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import sqlite_utils

from shopwindow.classify import DELIVERY_MODELS, SERVICE_AREAS
from shopwindow.schema import ensure_schema
from shopwindow_dashboard import load_metadata, make_datasette, prepare
from shopwindow_dashboard.postcodes import PostcodeIndex, default_index_path
from shopwindow_plugins import classify as classify_plugin

ROOT = Path(__file__).resolve().parents[1]
AREAS = [*SERVICE_AREAS, None]
MODELS = [*DELIVERY_MODELS, None]
POSTCODES = ["CB1 0AA", "cb23 6ea", "SW1A 1AA", "M1 1AE", "LS1 1UR", "b1 1bb", "EH1 1YZ", "CF10 1EP", "NE1 4ST",
             "BS1 5TR"]
TARGETS = {"council page": 50, "canned": 50, "home": 100, "postcode": 5}


def councils() -> list[dict]:
    """The council register: data/councils.csv, or 400 generated councils in 10 regions when it is missing."""
    path = ROOT / "data" / "councils.csv"
    if path.exists():
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        register = []
        for row in rows:
            item = {key: (value if value != "" else None) for key, value in row.items()}
            item["lat"] = float(item["lat"]) if item.get("lat") else None
            item["lng"] = float(item["lng"]) if item.get("lng") else None
            item["current"] = int(item.get("current") or 0)
            register.append(item)
        return register
    rng = random.Random(1)
    return [{"code": f"E0700{n:04d}", "name": f"Council {n}", "short_name": f"Council {n}", "type": "district",
             "region": f"Region {n % 10}", "nation": "England", "current": 1, "lat": rng.uniform(50.5, 55),
             "lng": rng.uniform(-3, 1)} for n in range(400)]


def build(path: Path, count: int) -> None:
    """Write the synthetic database: ``count`` initiatives, 1-4 councils each, about 1.3 savings each."""
    rng = random.Random(42)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    register = councils()
    db["councils"].insert_all(register, pk="code", replace=True)
    current = [c for c in register if c["current"]]
    by_region: dict[str, list[dict]] = {}
    for council in current:
        by_region.setdefault(council["region"], []).append(council)
    initiatives, links, savings = [], [], []
    for n in range(count):
        ident = f"i{n:06d}"
        home = rng.choice(current)
        members = {home["code"]}
        if rng.random() < 0.15:
            members.update(c["code"] for c in rng.sample(by_region[home["region"]],
                                                          min(3, len(by_region[home["region"]]))))
        year = rng.randint(2012, 2026)
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        initiatives.append({
            "id": ident, "title": f"Initiative {n} in {home['short_name']}", "summary": "A synthetic scheme " * 6,
            "url": f"https://example.gov.uk/news/{n}", "source": f"source_{n % 40}", "document_id": f"d{n}",
            "published": day, "service_area": rng.choice(AREAS), "delivery_model": rng.choice(MODELS),
            "first_seen": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}", "last_seen": "2026-11-20",
            "evidence_grade": rng.choice(["self-reported", "third-party", "evaluated"]), "source_kind": "council",
            "topics": "[]", "quality_flags": "[]", "status": "gone" if rng.random() < 0.03 else "published",
            "record_key": ident,
        })
        links.extend({"initiative_id": ident, "council_code": code} for code in members)
        for s in range(rng.choice([0, 1, 1, 2, 2])):
            savings.append({"id": f"{ident}-{s}", "initiative_id": ident, "amount_gbp": rng.randint(10, 5000) * 1000,
                            "status": rng.choice(["achieved", "achieved", "target", "estimated"]),
                            "period": "annual", "fiscal_year": f"{year}-{(year + 1) % 100:02d}",
                            "quote": "It saved money.", "source_url": f"https://example.gov.uk/news/{n}"})
    db["initiatives"].insert_all(initiatives, batch_size=5000)
    db["initiative_councils"].insert_all(links, batch_size=5000)
    db["savings"].insert_all(savings, batch_size=5000)
    db["initiative_sources"].insert_all(({"initiative_id": i["id"], "url": i["url"], "source": i["source"],
                                          "first_seen": i["first_seen"], "last_seen": i["last_seen"]}
                                         for i in initiatives), batch_size=5000)
    db["harvest_runs"].insert_all(({"source": f"source_{n % 40}", "started": f"2026-11-{1 + n // 40:02d}T09:00",
                                    "status": "ok", "pages_fetched": 50, "pages_unchanged": 40} for n in range(400)),
                                  pk="id")
    db["initiatives"].rebuild_fts()
    classify_plugin.prepare_database(db)  # the service_areas / delivery_models lookup tables, as a harvest fills them
    db.close()


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


async def time_paths(ds, paths: list[str], warm: bool = True) -> list[float]:
    """Milliseconds per request, after one warm-up request per path (unless ``warm`` is false)."""
    for path in set(paths) if warm else ():
        response = await ds.client.get(path)
        assert response.status_code in (200, 302), (path, response.status_code, response.text[:300])
    timings = []
    for path in paths:
        start = time.perf_counter()
        await ds.client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


async def run(db_path: Path, repeat: int) -> list[tuple[str, str, list[float]]]:
    ds = make_datasette(str(db_path))
    db = sqlite_utils.Database(db_path)
    rng = random.Random(7)
    codes = [row[0] for row in db.execute("select code from councils where current = 1")]
    regions = [row[0] for row in db.execute("select distinct region from councils")]
    name = db_path.stem
    rng.shuffle(codes)
    sample, unseen = codes[:repeat], codes[repeat:2 * repeat]
    results = [
        ("home", "home", await time_paths(ds, ["/"] * repeat)),
        ("council page", "council page", await time_paths(ds, [f"/council/{code}" for code in sample])),
        ("council page, first visit (ideas not cached)", "-",
         await time_paths(ds, [f"/council/{code}" for code in unseen], warm=False)),
        ("initiative page", "-", await time_paths(ds, [f"/initiative/i{rng.randrange(1000):06d}"] * repeat)),
    ]
    params = {
        "council_initiatives": lambda: {"council": rng.choice(codes)},
        "savings_ranked": lambda: {"service_area": rng.choice(["", "housing", "planning"])},
        "shared_services_between": lambda: {"council_a": rng.choice(codes), "council_b": rng.choice(codes)},
        "shared_services_in_region": lambda: {"region": rng.choice(regions)},
        "initiatives_by_service_area": lambda: {"service_area": rng.choice(AREAS[:-1]),
                                                "delivery_model": rng.choice(["", "shared_service"])},
        "service_area_delivery_model_counts": dict,
        "new_since": lambda: {"since": f"2026-{rng.randint(1, 11):02d}-01"},
        "ideas_to_borrow": lambda: {"council": rng.choice(codes)},
        "harvest_transparency": dict,
        "no_longer_published": dict,
        "robots_decisions": dict,
    }
    for query in load_metadata(name)["databases"][name]["queries"]:
        for fmt in ("json", "csv"):
            paths = [f"/{name}/{query}.{fmt}?" + urlencode(params[query]()) for _ in range(repeat)]
            results.append((f"{query}.{fmt}", "canned", await time_paths(ds, paths)))
    index = PostcodeIndex(default_index_path(str(db_path))).ensure()
    lookups = []
    for _ in range(repeat * 10):
        postcode = rng.choice(POSTCODES)
        start = time.perf_counter()
        index.district(postcode)
        lookups.append((time.perf_counter() - start) * 1000)
    results.append(("postcode lookup (index)", "postcode", lookups))
    results.append(("/find?q=<postcode>", "postcode",
                    await time_paths(ds, ["/find?q=" + rng.choice(POSTCODES).replace(" ", "+") for _ in range(repeat)])))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse (or keep) the synthetic database here")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = parser.parse_args()
    db_path = args.db or Path(tempfile.mkdtemp()) / "shopwindow.db"
    if not db_path.exists():
        start = time.perf_counter()
        build(db_path, args.initiatives)
        print(f"built {db_path} with {args.initiatives:,} initiatives in {time.perf_counter() - start:.1f} s")
    prepare(sqlite_utils.Database(db_path))  # indexes and statistics, as after a harvest
    results = asyncio.run(run(db_path, args.repeat))
    print(f"{'what':44} {'p50 ms':>8} {'p95 ms':>8} {'target':>8}  ok")
    summary = {}
    for label, group, timings in results:
        p50, p95 = statistics.median(timings), percentile(timings, 95)
        target = TARGETS.get(group)
        ok = "" if target is None else ("yes" if p95 <= target else "NO")
        print(f"{label:44} {p50:8.2f} {p95:8.2f} {target if target else '-':>8}  {ok}")
        summary[label] = {"p50_ms": round(p50, 2), "p95_ms": round(p95, 2), "target_ms": target}
    if args.json:
        print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
