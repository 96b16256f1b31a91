"""Run every benchmark script in this folder, one after another, and print their tables.

    .venv/bin/python benchmarks/run_all.py            # all of them
    .venv/bin/python benchmarks/run_all.py harvest    # only those whose name contains "harvest"

Each script runs in its own process (so one benchmark's memory or warm caches cannot flatter
the next) with its default settings. Exit status 1 if any script failed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Helpers that live here but are not benchmarks themselves.
NOT_BENCHMARKS = {"run_all.py", "scrapy_spider.py"}


def scripts(filters: list[str]) -> list[Path]:
    found = sorted(p for p in HERE.glob("*.py") if p.name not in NOT_BENCHMARKS and not p.name.startswith("_"))
    return [p for p in found if not filters or any(f in p.stem for f in filters)]


def main() -> int:
    failed = []
    for script in scripts(sys.argv[1:]):
        print(f"\n== {script.name} ==", flush=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        print(f"({script.name}: {time.perf_counter() - start:.0f} s, exit {result.returncode})", flush=True)
        if result.returncode:
            failed.append(script.name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
