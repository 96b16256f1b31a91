"""Offline snapshot build: time to fill an empty database from data/snapshot, the figures it reaches, and a rerun.

Issue 4 target: under a minute from empty, and a second run that changes nothing.

    .venv/bin/python benchmarks/snapshot_build.py [--db /tmp/snapshot-bench.db]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import sqlite_utils

from shopwindow import harvest, load_config

ROOT = Path(__file__).resolve().parents[1]
FIGURES = {
    "initiatives": "select count(*) from initiatives",
    "councils": "select count(distinct council_code) from initiative_councils",
    "nations": "select count(distinct c.nation) from initiative_councils ic join councils c on c.code = ic.council_code",
    "initiatives_with_savings": "select count(distinct initiative_id) from savings where sector_wide = 0",
    "shared_services_2plus": "select count(*) from initiatives i where delivery_model = 'shared_service' and "
                             "(select count(*) from initiative_councils c where c.initiative_id = i.id) >= 2",
    "multi_source_initiatives": "select count(*) from (select initiative_id from initiative_sources group by 1 having count(*) > 1)",
    "savings_without_quote_or_url": "select count(*) from savings where coalesce(quote, '') = '' or coalesce(source_url, '') = ''",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database path (default: a new temporary file)")
    args = parser.parse_args()
    path = args.db or str(Path(tempfile.mkdtemp()) / "snapshot-bench.db")
    Path(path).unlink(missing_ok=True)
    config = load_config(ROOT / "harvest.toml")
    start = time.perf_counter()
    first = harvest(config, db_path=path, offline=True)
    first_s = time.perf_counter() - start
    start = time.perf_counter()
    second = harvest(config, db_path=path, offline=True)
    second_s = time.perf_counter() - start
    db = sqlite_utils.Database(path)
    figures = {name: db.execute(sql).fetchone()[0] for name, sql in FIGURES.items()}
    print(json.dumps({
        "first_run_seconds": round(first_s, 2),
        "second_run_seconds": round(second_s, 2),
        "first_run_pages_fetched": sum(s.pages_fetched for s in first.sources),
        "second_run_pages_fetched": sum(s.pages_fetched for s in second.sources),
        "exit_codes": [first.exit_code, second.exit_code],
        **figures,
    }, indent=2))


if __name__ == "__main__":
    main()
