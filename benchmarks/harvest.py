"""Harvest benchmark: speed, politeness, re-run cost and memory against a local multi-host site.

The site (tests/sites.py: council-news pages of 30-60 KB, sitemaps, ETag and Last-Modified)
runs in a child process on 127.0.0.2, .3, ...; the harvester runs as it does for users
(``harvest()``, sitemap reader, full pipeline). Prints a table headed by the machine and date.

    .venv/bin/python benchmarks/harvest.py                 # everything (the 10,000-page memory run takes minutes)
    .venv/bin/python benchmarks/harvest.py --memory-pages 0  # skip the memory run
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from sites import ChildSite, NewsSite  # noqa: E402

from shopwindow.config import parse_config  # noqa: E402
from shopwindow.runner import harvest  # noqa: E402


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.1f} GB RAM, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def config_for(hosts, rps: float, processes: int | None = None, concurrency: int = 16):
    data = {
        "harvest": {"requests_per_second": rps, "concurrency": concurrency, "retries": 1, "max_pages_per_source": 20_000},
        "sources": [{"name": f"council-{i}", "plugin": "sitemap", "url": f"{h.base}/sitemap.xml"} for i, h in enumerate(hosts)],
    }
    config = parse_config(data)
    if processes is not None:
        config.harvest.parse_processes = processes  # 0: parse in one thread (no worker processes)
    return config


def timed_harvest(config, db: Path) -> tuple[float, int, int]:
    start = time.perf_counter()
    report = harvest(config, str(db))
    elapsed = time.perf_counter() - start
    fetched = sum(s.pages_fetched for s in report.sources)
    unchanged = sum(s.pages_unchanged for s in report.sources)
    return elapsed, fetched, unchanged


def speed_and_rerun(hosts: int, per_host: int, tmp: Path, rows: list) -> None:
    with ChildSite(hosts=hosts, pages=per_host) as site:
        for processes, label in ((0, "one parse thread"), (None, "worker processes")):
            site.status_counts(reset=True)
            db = tmp / f"speed-{label.replace(' ', '-')}.db"
            first, fetched, _ = timed_harvest(config_for(site.hosts, 10_000, processes), db)
            rows.append((f"Unthrottled, {label}", f"{fetched / first:.1f} pages/s ({fetched} pages in {first:.1f} s)", ""))
        site.status_counts(reset=True)
        again, fetched_again, unchanged = timed_harvest(config_for(site.hosts, 10_000), db)
        served = site.status_counts()
        pages = sum(served.values()) - hosts  # robots.txt is fetched every run, unconditionally
        hits = served.get("304", 0) / pages
        rows.append(("Unchanged re-run / first run", f"{again / first:.2f}x ({again:.1f} s vs {first:.1f} s)", "<= 0.2x"))
        rows.append(("Conditional hits on re-run", f"{hits:.1%} ({served.get('304', 0)} of {pages} pages answered 304)", ">= 95%"))


def politeness(hosts: int, rate: float, per_host: int, tmp: Path, rows: list) -> None:
    with ChildSite(hosts=hosts, pages=per_host) as site:
        site.status_counts(reset=True)
        timed_harvest(config_for(site.hosts, rate), tmp / "polite.db")
        log = site.request_log()
    efficiencies = []
    for h in range(hosts):
        times = sorted(t for host, _, _, t in log if host == h)
        ideal = (len(times) - 1) / rate
        efficiencies.append(ideal / (times[-1] - times[0]))
    worst = min(efficiencies)
    rows.append((f"Polite efficiency ({hosts} hosts x {rate:g} req/s, {per_host + 2} requests each)",
                 f"{worst:.3f} (worst host; ideal / actual crawl time)", ">= 0.95"))


MEMORY_SCRIPT = """
import json, resource, sys, threading, time, psutil
sys.path.insert(0, {tests!r})
from benchmarks_harvest import config_for_hosts
from shopwindow.runner import harvest
me = psutil.Process()
peak = {{"tree": 0}}
def watch():
    while True:
        total = me.memory_info().rss + sum(c.memory_info().rss for c in me.children(recursive=True) if c.is_running())
        peak["tree"] = max(peak["tree"], total)
        time.sleep(0.2)
threading.Thread(target=watch, daemon=True).start()
start = time.perf_counter()
report = harvest(config_for_hosts({hosts!r}), {db!r})
elapsed = time.perf_counter() - start
fetched = sum(s.pages_fetched for s in report.sources)
main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({{"fetched": fetched, "elapsed": elapsed, "main": main_peak, "child": child_peak, "tree": peak["tree"]}}))
"""


def memory(pages: int, hosts: int, tmp: Path, rows: list) -> None:
    per_host = pages // hosts
    with ChildSite(hosts=hosts, pages=per_host) as site:
        shim = tmp / "benchmarks_harvest.py"
        shim.write_text(f"import sys\nsys.path.insert(0, {str(ROOT / 'benchmarks')!r})\nfrom harvest import config_for as _c\n"
                        "from sites import HostInfo\n"
                        "def config_for_hosts(hosts):\n    return _c([HostInfo(ip, port) for ip, port in hosts], 10_000)\n")
        script = MEMORY_SCRIPT.format(tests=str(ROOT / "tests"), hosts=[(h.ip, h.port) for h in site.hosts], db=str(tmp / "memory.db"))
        out = subprocess.run([sys.executable, "-c", script], cwd=tmp, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(tmp)})
    result = json.loads(out.stdout.strip().splitlines()[-1])
    mb = 1024 * 1024
    rows.append((f"Peak RSS at {result['fetched']:,} pages, harvester process", f"{result['main'] / mb:.0f} MB", "<= 250 MB"))
    rows.append(("Peak RSS, largest parsing worker", f"{result['child'] / mb:.0f} MB", ""))
    rows.append(("Peak RSS, whole process tree (sampled)", f"{result['tree'] / mb:.0f} MB", ""))
    rows.append((f"Throughput over those {result['fetched']:,} pages", f"{result['fetched'] / result['elapsed']:.1f} pages/s", ""))


def extraction(rows: list, n: int = 60) -> None:
    from shopwindow.config import Source
    from shopwindow.content import extract_article
    from shopwindow.manager import get_plugin_manager
    from shopwindow.pipeline import process_record
    from shopwindow_plugins.sitemap import SitemapReader

    site = NewsSite(0, n)
    site.base = "http://127.0.0.2:8000"
    bodies = [site.article(i) for i in range(n)]
    start = time.perf_counter()
    for i, body in enumerate(bodies):
        extract_article(body.decode(), f"{site.base}/news/item-{i}")
    rows.append(("Extraction only (extract_article), one core", f"{n / (time.perf_counter() - start):.1f} pages/s", ""))
    pm = get_plugin_manager()
    source = Source(name="bench", plugin="sitemap", urls=[])
    reader = SitemapReader(source)
    process_record(pm, next(reader.parse_article(_response(site, bodies[0], 0))), source)  # warm lazy indexes
    start = time.perf_counter()
    for i, body in enumerate(bodies):
        for record in reader.parse_article(_response(site, body, i)):
            process_record(pm, record, source)
    rows.append(("Extraction + record pipeline, one core", f"{n / (time.perf_counter() - start):.1f} pages/s", ""))


def _response(site, body: bytes, i: int):
    from shopwindow.models import Request, Response

    url = f"{site.base}/news/item-{i}"
    return Response(url=url, status=200, headers={}, content=body, text=body.decode(), encoding="utf-8",
                    request=Request(url, callback="parse_article"), content_type="text/html")


def scrapy_comparison(hosts: int, per_host: int, tmp: Path, rows: list) -> None:
    try:
        import scrapy  # noqa: F401
    except ImportError:
        rows.append(("Scrapy spider, same site and extraction", "skipped (pip install -e '.[scrapy]')", ""))
        return
    spider = Path(__file__).with_name("scrapy_spider.py")
    with ChildSite(hosts=hosts, pages=per_host) as site:
        start = time.perf_counter()
        out = subprocess.run([sys.executable, str(spider), *[h.base for h in site.hosts]], capture_output=True, text=True, cwd=tmp)
        elapsed = time.perf_counter() - start
    count = int(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 and out.stdout.strip() else 0
    result = f"{count / elapsed:.1f} pages/s ({count} pages in {elapsed:.1f} s)" if count else f"failed: {out.stderr[-200:]}"
    rows.append(("Scrapy spider, same site and extraction", result, ""))


def print_table(rows: list) -> None:
    widths = [max(len(str(r[i])) for r in rows) for i in range(3)]
    for n, row in enumerate(rows):
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--pages-per-host", type=int, default=150, help="for the speed and re-run figures")
    parser.add_argument("--memory-pages", type=int, default=10_000, help="pages for the peak-memory run (0 to skip)")
    parser.add_argument("--rate", type=float, default=1.0, help="requests per second per host, for politeness")
    parser.add_argument("--only", default="speed,polite,extraction,scrapy,memory", help="comma-separated sections to run")
    args = parser.parse_args()
    print(f"# Harvest benchmark, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"# {machine()}")
    rows: list = [("Measure", "Result", "Target")]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        only = set(args.only.split(","))
        if "speed" in only:
            speed_and_rerun(args.hosts, args.pages_per_host, tmp, rows)
        if "polite" in only:
            politeness(args.hosts, args.rate, 25, tmp, rows)
        if "extraction" in only:
            extraction(rows)
        if "scrapy" in only:
            scrapy_comparison(args.hosts, args.pages_per_host, tmp, rows)
        if "memory" in only and args.memory_pages:
            memory(args.memory_pages, args.hosts, tmp, rows)
    print_table(rows)


if __name__ == "__main__":
    main()
