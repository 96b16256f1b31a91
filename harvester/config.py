"""Load and validate ``harvest.toml``. The whole file is checked before any request is made.

Every error names the file, the source and the field, and says how to fix it.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import settings
from .exceptions import ConfigError

GSS_CODE = re.compile(r"^[ENSWK]\d{8}$")
SOURCE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")

SOURCE_KEYS = {"name", "plugin", "url", "urls", "council", "schedule", "enabled", "allowed_hosts", "max_pages"}


@dataclass
class Source:
    """One configured source: which reader reads which URLs, with what options."""

    name: str
    plugin: str
    urls: list[str]
    council: str | None = None
    schedule: str | None = None
    enabled: bool = True
    allowed_hosts: list[str] = field(default_factory=list)
    max_pages: int | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def hosts(self) -> set[str]:
        """Hosts the source names: requests to them skip the private-address check."""
        named = {urlsplit(u).hostname or "" for u in self.urls}
        return {h.lower() for h in named | set(self.allowed_hosts) if h}


@dataclass
class HarvestSettings:
    user_agent: str = settings.USER_AGENT
    requests_per_second: float = settings.REQUESTS_PER_SECOND
    concurrency: int = settings.CONCURRENCY
    connect_timeout: float = settings.CONNECT_TIMEOUT
    read_timeout: float = settings.READ_TIMEOUT
    total_timeout: float = settings.TOTAL_TIMEOUT
    max_bytes: int = settings.MAX_BYTES
    max_redirects: int = settings.MAX_REDIRECTS
    retries: int = settings.RETRIES
    backoff: float = settings.BACKOFF
    max_retry_after: float = settings.MAX_RETRY_AFTER
    max_pages_per_source: int = settings.MAX_PAGES_PER_SOURCE
    parse_processes: int = settings.PARSE_PROCESSES
    parse_time_limit: float = settings.PARSE_TIME_LIMIT
    database: str = settings.DATABASE
    snapshot: str = settings.SNAPSHOT


_TOML_TYPES: dict[str, type | tuple[type, ...]] = {"str": str, "int": int, "float": (int, float)}


def _harvest_keys() -> dict[str, type | tuple[type, ...]]:
    """The [harvest] keys and the TOML types each accepts, read from the dataclass so a new setting is declared once."""
    unknown = [f"{f.name}: {f.type}" for f in fields(HarvestSettings) if f.type not in _TOML_TYPES]
    if unknown:  # a developer's mistake, caught at import with what to do about it
        raise TypeError(f"HarvestSettings fields must be str, int or float to be read from TOML: {', '.join(unknown)}")
    return {f.name: _TOML_TYPES[f.type] for f in fields(HarvestSettings)}


HARVEST_KEYS = _harvest_keys()


@dataclass
class Config:
    path: Path | None
    harvest: HarvestSettings
    sources: list[Source]

    def source(self, name: str) -> Source:
        for s in self.sources:
            if s.name == name:
                return s
        known = ", ".join(s.name for s in self.sources) or "none"
        hint = difflib.get_close_matches(name, [s.name for s in self.sources], n=1)
        extra = f" Did you mean '{hint[0]}'?" if hint else ""
        raise ConfigError(f"{self.path}: no source named '{name}'.{extra} Configured sources: {known}.")

    def select(self, names: list[str] | tuple[str, ...] | None) -> list[Source]:
        """The sources to run: those named (in order), or every enabled source."""
        if names:
            return [self.source(n) for n in names]
        return [s for s in self.sources if s.enabled]


def _type_name(t: type | tuple[type, ...]) -> str:
    if isinstance(t, tuple):
        return "number" if float in t else " or ".join(x.__name__ for x in t)
    return {str: "string", int: "whole number", bool: "true or false", list: "list"}.get(t, t.__name__)


def load_config(path: str | Path = settings.CONFIG, readers: dict[str, type] | None = None) -> Config:
    """Read ``path`` and return a validated :class:`Config`, or raise :class:`ConfigError` listing every problem.

    ``readers`` maps reader names to classes; by default the installed plugins' readers.
    """
    path = Path(path)
    if not path.exists():
        raise ConfigError(
            f"{path}: config file not found. Create it (see README 'Configuring sources') or pass --config FILE."
        )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}. Fix the syntax at that line.") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text. Save the file as UTF-8.") from None
    return parse_config(data, path=path, readers=readers)


def parse_config(data: dict[str, Any], path: Path | None = None, readers: dict[str, type] | None = None) -> Config:
    """Validate an already-parsed TOML document; see :func:`load_config`."""
    if readers is None:
        from .registry import reader_classes

        readers = reader_classes()
    where = str(path or "<config>")
    problems: list[str] = []

    unknown_top = set(data) - {"harvest", "sources"}
    for key in sorted(unknown_top):
        problems.append(f"unknown top-level key '{key}'. Only [harvest] and [[sources]] are read.")

    harvest = HarvestSettings()
    raw_harvest = data.get("harvest", {})
    if not isinstance(raw_harvest, dict):
        problems.append("[harvest] must be a table of settings.")
        raw_harvest = {}
    for key, value in raw_harvest.items():
        expected = HARVEST_KEYS.get(key)
        if expected is None:
            hint = difflib.get_close_matches(key, HARVEST_KEYS, n=1)
            problems.append(
                f"[harvest] field '{key}' is not a setting."
                + (f" Did you mean '{hint[0]}'?" if hint else f" Known: {', '.join(sorted(HARVEST_KEYS))}.")
            )
            continue
        if isinstance(value, bool) or not isinstance(value, expected):
            problems.append(f"[harvest] field '{key}' must be a {_type_name(expected)}, got {value!r}.")
            continue
        if isinstance(value, (int, float)) and not (math.isfinite(value) and value > 0):  # TOML allows inf and nan
            problems.append(f"[harvest] field '{key}' must be a number greater than 0, got {value!r}.")
            continue
        setattr(harvest, key, float(value) if expected == (int, float) else value)

    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list):
        problems.append("'sources' must be an array of tables: write each source as [[sources]].")
        raw_sources = []
    sources: list[Source] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_sources):
        label = f"sources[{index}]"
        if not isinstance(raw, dict):
            problems.append(f"{label} must be a table under [[sources]].")
            continue
        name = raw.get("name")
        if isinstance(name, str) and name:
            label = f"source '{name}' ({label})"
        source, source_problems = _parse_source(raw, readers)
        problems.extend(f"{label}: {p}" for p in source_problems)
        if source is None:
            continue
        if source.name in seen:
            problems.append(f"{label}: field 'name': '{source.name}' is used twice. Give each source a unique name.")
        seen.add(source.name)
        sources.append(source)

    if problems:
        raise ConfigError(f"{where}: " + ("\n  ".join([f"{len(problems)} problem(s):"] + problems)))
    return Config(path=path, harvest=harvest, sources=sources)


def _parse_source(raw: dict[str, Any], readers: dict[str, type]) -> tuple[Source | None, list[str]]:
    problems: list[str] = []
    name = raw.get("name")
    if not isinstance(name, str) or not name:
        problems.append("field 'name' is missing. Add name = \"a-unique-name\".")
    elif not SOURCE_NAME.match(name):
        problems.append(
            f"field 'name': '{name}' must be lower-case letters, digits, '-', '_' or '.', starting with a letter or digit."
        )
    plugin = raw.get("plugin")
    reader = None
    if not isinstance(plugin, str) or not plugin:
        problems.append(f"field 'plugin' is missing. Set it to one of the installed readers: {', '.join(sorted(readers))}.")
    elif plugin not in readers:
        hint = difflib.get_close_matches(plugin, readers, n=1)
        problems.append(
            f"field 'plugin': no reader named '{plugin}' is installed."
            + (f" Did you mean '{hint[0]}'?" if hint else "")
            + f" Installed readers: {', '.join(sorted(readers)) or 'none'} (see `harvest plugins`)."
        )
    else:
        reader = readers[plugin]

    urls: list[str] = []
    if "url" in raw and "urls" in raw:
        problems.append("set either 'url' or 'urls', not both.")
    if "url" in raw:
        if isinstance(raw["url"], str):
            urls = [raw["url"]]
        else:
            problems.append(f"field 'url' must be a string, got {raw['url']!r}. For several, use urls = [...].")
    elif "urls" in raw:
        if isinstance(raw["urls"], list) and all(isinstance(u, str) for u in raw["urls"]):
            urls = list(raw["urls"])
        else:
            problems.append("field 'urls' must be a list of strings.")
    for u in urls:
        parts = urlsplit(u)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems.append(f"field 'url': {u!r} is not an http(s) URL. Write it in full, e.g. https://www.example.gov.uk/news.")
    needs_url = getattr(reader, "needs_url", True) if reader else True
    if not urls and needs_url and "url" not in raw and "urls" not in raw:
        problems.append("field 'url' is missing. Add url = \"https://...\" (or urls = [...]).")

    council = raw.get("council")
    if council is not None and (not isinstance(council, str) or not GSS_CODE.match(council)):
        problems.append(
            f"field 'council': {council!r} is not a GSS code. Use the nine-character ONS code, e.g. \"E06000018\"."
        )

    schedule = raw.get("schedule")
    if schedule is not None:
        from croniter import croniter

        if not isinstance(schedule, str) or not croniter.is_valid(schedule):
            problems.append(
                f"field 'schedule': {schedule!r} is not a cron expression. Use five fields, e.g. \"0 3 * * 1\" (03:00 on Mondays)."
            )

    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        problems.append(f"field 'enabled' must be true or false, got {enabled!r}.")
    allowed = raw.get("allowed_hosts", [])
    if not isinstance(allowed, list) or not all(isinstance(h, str) for h in allowed):
        problems.append("field 'allowed_hosts' must be a list of host names.")
        allowed = []
    max_pages = raw.get("max_pages")
    if max_pages is not None and (isinstance(max_pages, bool) or not isinstance(max_pages, int) or max_pages <= 0):
        problems.append(f"field 'max_pages' must be a whole number above 0, got {max_pages!r}.")

    options = {k: v for k, v in raw.items() if k not in SOURCE_KEYS}
    if reader is not None:
        documented = getattr(reader, "options", {}) or {}
        for key in sorted(set(options) - set(documented)):
            hint = difflib.get_close_matches(key, list(documented) + list(SOURCE_KEYS), n=1)
            problems.append(
                f"field '{key}' is not an option of reader '{plugin}'."
                + (f" Did you mean '{hint[0]}'?" if hint else "")
                + (f" Its options: {', '.join(sorted(documented))}." if documented else " It takes no options.")
            )
        problems.extend(reader.validate_options({k: v for k, v in options.items() if k in documented}))

    if problems:
        return None, problems
    return (
        Source(
            name=name,
            plugin=plugin,
            urls=urls,
            council=council,
            schedule=schedule,
            enabled=enabled,
            allowed_hosts=[h.lower() for h in allowed],
            max_pages=max_pages,
            options=options,
        ),
        [],
    )
