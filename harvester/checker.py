"""``harvest check``: run a reader over its recorded fixtures and validate every record it yields.

Fixtures are recordings in the :mod:`shopwindow.snapshot` format, found in ``tests/fixtures/<reader>/``
beside the plugin's package (or given explicitly). The crawl starts at the recordings whose manifest
says ``"start": true`` (``harvest record URL --to PATH --start`` writes that), or at URLs given
explicitly; a start manifest may also carry ``"options"`` and ``"council"`` for the source.

Every message says which record, which field, what is wrong and how to fix it: the reader's author
may be writing their first plugin.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pluggy

from .config import GSS_CODE
from .exceptions import ShopWindowError
from .models import Record, Saving
from .readers import Reader
from .snapshot import SnapshotTransport

SAVING_STATUSES = {"achieved", "target", "estimated"}
SAVING_PERIODS = {"annual", "cumulative", "one-off", None}
PARTNER_KINDS = {"nhs", "police", "fire", "company", "lga", "other"}
EVIDENCE_GRADES = {"self-reported", "third-party", "evaluated", None}
SOURCE_KINDS = {"council", "lga", "thinktank", "other", None}
FISCAL_YEAR = re.compile(r"^\d{4}-\d{2}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Titles that are page furniture, not the name of a scheme.
CHROME_TITLES = {"home", "news", "latest news", "search", "cookies", "page not found", "404", "error", "untitled", "menu"}
MAX_TITLE = 200  # storage cuts titles at 300; a real heading is rarely over 200
EARLIEST = date(1990, 1, 1)


@dataclass
class CheckReport:
    """What ``harvest check`` found for one reader."""

    reader: str
    fixtures: Path
    start_urls: list[str]
    records: int = 0
    pages: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def fixtures_for(reader_cls: type[Reader]) -> Path | None:
    """``tests/fixtures/<reader name>/`` beside the package that defines ``reader_cls``, if there is one."""
    module = sys.modules.get(reader_cls.__module__)
    origin = getattr(module, "__file__", None)
    if not origin:
        return None
    for parent in list(Path(origin).resolve().parents)[:3]:
        candidate = parent / "tests" / "fixtures" / reader_cls.name
        if candidate.is_dir():
            return candidate
    return None


def start_pages(fixtures: Path) -> list[dict[str, Any]]:
    """The manifests under ``fixtures`` marked ``"start": true``, in name order."""
    starts = []
    for manifest in sorted(fixtures.rglob("*.json")):
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("start") and data.get("url"):
            starts.append(data)
    return starts


def readers_named(name: str, pm: pluggy.PluginManager) -> list[type[Reader]]:
    """The readers ``name`` stands for: a reader of that name, or every reader of the plugin of that name."""
    from .registry import reader_classes

    readers = reader_classes(pm)
    if name in readers:
        return [readers[name]]
    plugin = pm.get_plugin(name)
    if plugin is not None and hasattr(plugin, "register_readers"):
        found = list(plugin.register_readers() or [])
        if found:
            return found
        raise ShopWindowError(f"plugin {name!r} offers no readers, so there is nothing to check.")
    raise ShopWindowError(
        f"no reader or plugin named {name!r} is installed. Installed readers: {', '.join(sorted(readers)) or 'none'} "
        "(see `harvest plugins`; install your plugin with `pip install -e .` in its folder)."
    )


def check_reader(
    reader_cls: type[Reader],
    fixtures: Path | None = None,
    urls: list[str] | None = None,
    *,
    pipeline: bool = False,
    pm: pluggy.PluginManager | None = None,
) -> CheckReport:
    """Crawl ``reader_cls`` over its fixtures and validate what it yields; raise ShopWindowError if it cannot start."""
    from .runner import SourceReport
    from .testing import crawl

    fixtures = fixtures or fixtures_for(reader_cls)
    if fixtures is None or not Path(fixtures).is_dir():
        raise ShopWindowError(
            f"no fixtures for reader {reader_cls.name!r}: expected a folder tests/fixtures/{reader_cls.name}/ beside its package. "
            f"Record pages into it with `harvest record URL --to tests/fixtures/{reader_cls.name}/NAME`, or pass --fixtures DIR."
        )
    fixtures = Path(fixtures)
    options: dict[str, Any] = {}
    council = None
    if not urls:
        starts = start_pages(fixtures)
        if not starts:
            raise ShopWindowError(
                f"{fixtures}: no start page. Mark the recording the reader starts from with \"start\": true in its .json "
                "manifest (`harvest record URL --to PATH --start` does this), or pass --url URL."
            )
        urls = [s["url"] for s in starts]
        for s in starts:
            options.update(s.get("options") or {})
            council = council or s.get("council")
    problems = [f"option {p}" for p in reader_cls.validate_options(options)]
    report = CheckReport(reader=reader_cls.name, fixtures=fixtures, start_urls=list(urls), problems=problems)
    sreport = SourceReport(source="check")
    try:
        records = crawl(reader_cls, urls=urls, transport=SnapshotTransport(fixtures), options=options,
                        council=council, pipeline=pipeline, pm=pm, report=sreport)
    except AssertionError as exc:  # the reader failed on every page it was given
        records = []
        report.problems.append(str(exc).replace("reader failed:\n", "the reader failed and yielded nothing:\n  "))
    else:
        report.problems.extend(f"page error: {e}" for e in sreport.errors)
    report.pages = sreport.pages_fetched
    report.records = len(records)
    if not records and not report.problems:
        report.problems.append(
            f"the reader yielded no records from {', '.join(urls)}. Check that parse() yields Record objects "
            "(and Requests for the pages it follows), and that the followed pages are recorded in the fixtures folder."
        )
    report.problems.extend(validate_records(records))
    return report


def validate_records(records: list[Record]) -> list[str]:
    """Every problem with ``records``, one sentence each, naming the record and field and saying how to fix it."""
    problems: list[str] = []
    seen: Counter[tuple[str, str]] = Counter()
    for index, record in enumerate(records, 1):
        where = f"record {index} ({getattr(record, 'url', '?')})"
        problems.extend(f"{where}: {p}" for p in validate_record(record))
        seen[(record.url, record.key)] += 1
    for (url, key), count in seen.items():
        if count > 1:
            problems.append(
                f"{count} records share url {url} and key {key!r}: storage keeps only one. "
                "Give each initiative on a page its own `key` (e.g. its heading)."
            )
    return problems


def validate_record(record: Record) -> list[str]:
    """Problems with one record (empty when it is valid)."""
    if not isinstance(record, Record):
        return [f"is a {type(record).__name__}, not a shopwindow.Record"]
    p: list[str] = []
    title = record.title
    if not isinstance(title, str) or not title.strip():
        p.append("'title' is empty. Every record needs the scheme's name, e.g. from the page's <h1>.")
    elif len(title) > MAX_TITLE:
        p.append(f"'title' is {len(title)} characters long. It is probably body text; use the heading (under {MAX_TITLE}).")
    elif title.strip().lower() in CHROME_TITLES:
        p.append(f"'title' is {title!r}, which is page furniture, not a scheme. Take the article's own heading.")
    p.extend(_url_problems(record.url))
    p.extend(_date_problems(record.published))
    for name in ("summary", "body", "key"):
        if not isinstance(getattr(record, name), str):
            p.append(f"'{name}' must be a string (use \"\" for none), got {type(getattr(record, name)).__name__}.")
    p.extend(_gss_problems("councils", record.councils))
    for n, partner in enumerate(record.partners or [], 1):
        if not isinstance(partner, dict) or not str(partner.get("name") or "").strip():
            p.append(f"partner {n} must be a dict with a 'name', e.g. {{\"name\": \"NHS Kent\", \"kind\": \"nhs\"}}.")
        elif partner.get("kind", "other") not in PARTNER_KINDS:
            p.append(f"partner {n} has kind {partner.get('kind')!r}; use one of {', '.join(sorted(PARTNER_KINDS))}.")
    for n, saving in enumerate(record.savings or [], 1):
        p.extend(f"saving {n}: {problem}" for problem in _saving_problems(saving))
    if record.evidence_grade not in EVIDENCE_GRADES:
        p.append(f"'evidence_grade' is {record.evidence_grade!r}; use one of {_choices(EVIDENCE_GRADES)}.")
    if record.source_kind not in SOURCE_KINDS:
        p.append(f"'source_kind' is {record.source_kind!r}; use one of {_choices(SOURCE_KINDS)}.")
    if not isinstance(record.topics, list) or not all(isinstance(t, str) for t in record.topics):
        p.append("'topics' must be a list of strings.")
    try:
        json.dumps(record.extra)
    except (TypeError, ValueError):
        p.append("'extra' must hold JSON-friendly values only (strings, numbers, lists, dicts).")
    return p


def _choices(values: set[str | None]) -> str:
    return ", ".join(sorted(v for v in values if v)) + " (or None)"


def _url_problems(url: object) -> list[str]:
    if not isinstance(url, str) or not url:
        return ["'url' is empty. Use the page's address (response.url)."]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return [f"'url' is {url!r}, not a full http(s) address. Make it absolute with urllib.parse.urljoin(response.url, href)."]
    return []


def _date_problems(published: object) -> list[str]:
    if published is None:
        return []
    hint = "Return an ISO date (YYYY-MM-DD) or None; shopwindow.dates.parse_date(text) turns '3 March 2025' into one."
    if not isinstance(published, str) or not ISO_DATE.match(published):
        return [f"'published' is {published!r}, not an ISO date. {hint}"]
    try:
        when = date.fromisoformat(published)
    except ValueError:
        return [f"'published' is {published!r}, which is not a real date. {hint}"]
    if when < EARLIEST or when > date.today() + timedelta(days=1):
        return [f"'published' is {published}, outside {EARLIEST.year} to today: is the day and month the wrong way round?"]
    return []


def _gss_problems(name: str, codes: object) -> list[str]:
    if not isinstance(codes, list):
        return [f"'{name}' must be a list of GSS codes, e.g. [\"E06000018\"]."]
    bad = [c for c in codes if not isinstance(c, str) or not GSS_CODE.match(c)]
    if bad:
        return [f"'{name}' has {bad!r}, not GSS codes. Use nine-character ONS codes like \"E06000018\" "
                "(leave councils empty and let the council-linking plugin find them from names)."]
    return []


def _saving_problems(saving: Saving) -> list[str]:
    if not isinstance(saving, Saving):
        return [f"is a {type(saving).__name__}; use shopwindow.Saving(...)."]
    p = []
    if saving.amount_gbp is None and saving.percent is None:
        p.append("has neither amount_gbp nor percent; a saving needs a figure.")
    if saving.amount_gbp is not None and (not isinstance(saving.amount_gbp, (int, float)) or saving.amount_gbp < 0):
        p.append(f"amount_gbp is {saving.amount_gbp!r}; use a number of pounds, e.g. 3500000 for '£3.5m'.")
    if saving.percent is not None and (not isinstance(saving.percent, (int, float)) or not 0 <= saving.percent <= 100):
        p.append(f"percent is {saving.percent!r}; use a number from 0 to 100.")
    if saving.status not in SAVING_STATUSES:
        p.append(f"status is {saving.status!r}; use one of {', '.join(sorted(SAVING_STATUSES))}.")
    if saving.period not in SAVING_PERIODS:
        p.append(f"period is {saving.period!r}; use one of {_choices(SAVING_PERIODS)}.")
    if saving.fiscal_year is not None and not FISCAL_YEAR.match(str(saving.fiscal_year)):
        p.append(f"fiscal_year is {saving.fiscal_year!r}; write it like '2023-24'.")
    if not str(saving.quote or "").strip():
        p.append("has no quote; keep the sentence that states the saving as its evidence.")
    p.extend(_gss_problems("councils", saving.councils))
    return p
