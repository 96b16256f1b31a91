"""Built-in reader ``council_news``: every council's own news, from one registry file.

``data/council_news.csv`` lists one council a line: GSS code, name, the URL of its news feed,
listing page or sitemap, the generic reader that reads it (``feed``, ``pages`` or ``sitemap``) and
that reader's options (JSON, or ``key=value; key=value``). This reader does no parsing of its own:
it builds one generic reader per row and runs it by composition, tagging each outgoing request with
the row so the response comes back here and goes to the right reader. Records come back with the
row's council preset, because council news pages rarely name their own council ("we", "the Council").
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shopwindow import Reader, Record, Request, Response, hookimpl
from shopwindow.config import GSS_CODE, Source
from shopwindow.exceptions import ConfigError

log = logging.getLogger(__name__)

REGISTRY = "data/council_news.csv"
COLUMNS = ("code", "council", "url", "reader", "options")
GENERIC_READERS = ("feed", "pages", "sitemap")
META_KEY = "council_news"  # where a request carries its registry row through the fetcher


@dataclass
class Row:
    """One council's line in the registry."""

    code: str
    council: str
    url: str
    reader: str
    options: dict[str, Any] = field(default_factory=dict)
    line: int = 0


def _coerce(value: str) -> Any:
    """``key=value`` values: true/false and whole numbers become bool and int; the rest stays text."""
    low = value.lower()
    if low in ("true", "false"):
        return low == "true"
    return int(value) if re.fullmatch(r"-?\d+", value) else value


def parse_options(text: str) -> dict[str, Any]:
    """Options as a JSON object or ``key=value; key=value``; raises ValueError on anything else."""
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("options JSON must be an object")
        return data
    options: dict[str, Any] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"option {part.strip()!r} is not key=value")
        options[key.strip()] = _coerce(value.strip())
    return options


def registry_path(option: str | None) -> Path:
    """The registry file: the option's path if it exists from the working directory, else from the project root."""
    path = Path(option or REGISTRY)
    if path.is_absolute() or path.exists():
        return path
    project = Path(__file__).resolve().parent.parent / path
    return project if project.exists() else path


def load_registry(path: str | Path, readers: dict[str, type[Reader]] | None = None) -> list[Row]:
    """Read and validate the registry; raise :class:`ConfigError` listing every bad line (file, line, column, fix)."""
    path = Path(path)
    if readers is None:
        from shopwindow.registry import reader_classes

        readers = reader_classes()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"{path}: council news registry cannot be read ({exc}). Set option 'registry' to its path.") from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in COLUMNS[:4] if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(f"{path}: missing column(s) {', '.join(missing)}. The header must be: {','.join(COLUMNS)}")
    rows: list[Row] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line, raw in enumerate(reader, start=2):
        code = (raw.get("code") or "").strip()
        url = (raw.get("url") or "").strip()
        name = (raw.get("reader") or "").strip()
        where = f"{path}:{line}"
        if not GSS_CODE.match(code):
            problems.append(f"{where}: column 'code' {code!r} is not a GSS code (e.g. E08000010)")
        if not url.startswith(("http://", "https://")):
            problems.append(f"{where}: column 'url' {url!r} is not an http(s) URL")
        cls = readers.get(name)
        if cls is None:
            problems.append(f"{where}: column 'reader' {name!r} is not an installed reader; use one of {', '.join(GENERIC_READERS)}")
        try:
            options = parse_options(raw.get("options") or "")
        except (ValueError, json.JSONDecodeError) as exc:
            problems.append(f"{where}: column 'options' is not JSON or key=value pairs: {exc}")
            options = {}
        if cls is not None:
            unknown = sorted(set(options) - set(getattr(cls, "options", {})))
            if unknown:
                problems.append(f"{where}: reader {name!r} has no option(s) {', '.join(unknown)}; it takes {', '.join(sorted(cls.options))}")
            problems.extend(f"{where}: {p}" for p in cls.validate_options(options))
        if code in seen:
            problems.append(f"{where}: council {code} is already listed on line {seen[code]}; give each council one line")
        seen[code] = line
        rows.append(Row(code, (raw.get("council") or "").strip(), url, name, options, line))
    if problems:
        raise ConfigError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    return rows


def _named_councils(text: str) -> list[str]:
    """GSS codes of the councils ``text`` names, in order of mention (empty without the council register)."""
    from shopwindow.councils import find_councils  # here, so loading the plugin (for `harvest --help`) stays light

    return [m.code for m in find_councils(text)]


class CouncilNews(Reader):
    """Run the generic feed/pages/sitemap reader named by each registry row, with the row's council preset."""

    name = "council_news"
    description = "Councils' own news feeds, listings and sitemaps, listed one council a line in data/council_news.csv."
    source_kind = "council"
    needs_url = False
    options = {
        "registry": f"path of the registry CSV (default {REGISTRY})",
        "councils": "GSS codes to harvest (default: every council in the registry)",
        "max_items": "news items read per council (default: all)",
    }
    option_types = {"registry": str, "councils": list, "max_items": int}

    @classmethod
    def validate_options(cls, options: dict[str, Any]) -> list[str]:
        """Check the options and the whole registry when the config is loaded, before any request is made."""
        problems = super().validate_options(options)
        bad = [c for c in options.get("councils") or [] if not (isinstance(c, str) and GSS_CODE.match(c))]
        if bad:
            problems.append(f"option 'councils': {', '.join(map(repr, bad))} not GSS codes (e.g. \"E08000010\")")
        registry = options.get("registry")
        if registry is None or isinstance(registry, str):
            try:
                load_registry(registry_path(registry))
            except ConfigError as exc:
                problems.append(f"option 'registry': {exc}")
        return problems

    def __init__(self, source: Source) -> None:
        super().__init__(source)
        self._readers: dict[str, Reader] = {}
        self._items: dict[str, int] = {}
        self._rows: list[Row] | None = None

    def rows(self) -> list[Row]:
        """The registry rows this source harvests (all, or those named by option ``councils``); read once."""
        if self._rows is None:
            self._rows = self._read_rows()
        return self._rows

    def _read_rows(self) -> list[Row]:
        rows = load_registry(registry_path(self.opts.get("registry")))
        wanted = self.opts.get("councils")
        if wanted:
            unknown = sorted(set(wanted) - {r.code for r in rows})
            if unknown:
                log.warning("council_news: %s not in the registry", ", ".join(unknown))
            rows = [r for r in rows if r.code in wanted]
        return rows

    def _reader_for(self, row: Row) -> Reader:
        from shopwindow.registry import reader_classes

        cls = reader_classes()[row.reader]
        options = dict(row.options)
        if "max_items" in self.opts and "max_items" in cls.options:
            options.setdefault("max_items", self.opts["max_items"])
        sub = Source(name=f"{self.source.name}/{row.code}", plugin=row.reader, urls=[row.url], council=row.code,
                     options=options)
        reader = cls(sub)
        reader.source_kind = self.source_kind  # council news is the council's own account, whatever reads it
        return reader

    def start_requests(self) -> Iterable[Request]:
        for url in self.source.urls:
            log.warning("council_news takes its URLs from the registry; ignoring url %s", url)
        for row in self.rows():
            self._readers[row.code] = self._reader_for(row)
            for request in self._readers[row.code].start_requests():
                yield from self._tag(row.code, request)

    def _tag(self, code: str, request: Request) -> Iterator[Request]:
        """Route a generic reader's request back through :meth:`dispatch`, remembering the row and the real callback."""
        if request.document:
            limit = self.opts.get("max_items")
            if limit is not None and self._items.get(code, 0) >= limit:
                return
            self._items[code] = self._items.get(code, 0) + 1
        meta = {**request.meta, "council": code, META_KEY: {"code": code, "callback": request.callback}}
        yield Request(request.url, callback="dispatch", document=request.document, meta=meta, priority=request.priority)

    def parse(self, response: Response) -> Iterator[Record | Request]:
        """Responses normally come back through :meth:`dispatch`; a bare one is dispatched the same way."""
        yield from self.dispatch(response)

    def dispatch(self, response: Response) -> Iterator[Record | Request]:
        """Hand a response to its row's generic reader; tag what it yields and preset the council on records."""
        route = response.meta.get(META_KEY)
        if not route:
            raise ValueError(f"council_news: response for {response.url} carries no registry row in meta[{META_KEY!r}]")
        code = route["code"]
        reader = self._readers.get(code)
        if reader is None:  # a fresh reader instance (a later run resuming from stored links)
            row = next((r for r in self.rows() if r.code == code), None)
            if row is None:
                raise ValueError(f"council_news: {code} is no longer in the registry ({response.url})")
            reader = self._readers[code] = self._reader_for(row)
        for item in reader.callback(route["callback"])(response) or ():
            if isinstance(item, Request):
                yield from self._tag(code, item)
            else:
                yield self._preset(item, code)

    def _preset(self, record: Record, code: str) -> Record:
        """Preset the publishing council, then the partner councils the page names.

        News pages rarely name their own council, so the row supplies it. When the headline names other
        councils but not the publisher, they lead (listed first) and the publisher follows as a partner.
        """
        in_title = _named_councils(record.title)
        partners = [c for c in _named_councils(record.body) + record.councils if c != code]
        lead = in_title if in_title and code not in in_title else []
        record.councils = list(dict.fromkeys(lead + [code] + partners))
        record.source_kind = self.source_kind
        record.extra = {**record.extra, "registry_council": code}
        return record


@hookimpl
def register_readers() -> list[type[Reader]]:
    return [CouncilNews]
