"""The ``harvest`` command: a thin layer over the library. Logs go to stderr, data to stdout.

Exit codes: 0 every source ran, 1 a source failed (the others' data is stored), 2 usage or config error.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from pathlib import Path

import click

from . import __version__, settings
from .exceptions import ConfigError, ShopWindowError

log = logging.getLogger("shopwindow")


class ConfigProblem(click.UsageError):
    """A config or usage problem: one message, exit 2, no traceback."""

    def show(self, file=None) -> None:  # no usage block: the message says what to fix
        click.echo(f"Error: {self.format_message()}", err=True)


def config_option(f):
    return click.option(
        "--config", "config_path", default=settings.CONFIG, show_default=True, type=click.Path(dir_okay=False),
        help="Harvest configuration (TOML).",
    )(f)


def db_option(f):
    return click.option(
        "--db", "db_path", default=None, type=click.Path(dir_okay=False),
        help=f"SQLite database [default: [harvest] database, else {settings.DATABASE}].",
    )(f)


def friendly_errors(f):
    """Turn library exceptions into one-line errors with the right exit code."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except ConfigError as exc:
            raise ConfigProblem(str(exc)) from None
        except ShopWindowError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def load(config_path: str):
    from .config import load_config

    path = Path(config_path)
    if not path.exists() and config_path == settings.CONFIG:
        raise ConfigError(
            f"{path}: config file not found in {Path.cwd()}. Run harvest from the project folder, or pass --config FILE."
        )
    return load_config(path)


def setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else (logging.DEBUG if verbose > 1 else logging.INFO)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


class PluginCommandGroup(click.Group):
    """The ``harvest`` group: core commands are defined below; plugin commands load only when first needed.

    Loading plugins imports every one of them (HTML parsers, cue patterns): the slow part of start-up, so
    ``--version`` and the core commands never do it. Listing commands (``--help``) or naming one that is not
    a core command calls the ``register_commands`` hook. A plugin command cannot replace a core command:
    core names resolve without loading plugins.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._plugin_commands: dict[str, click.Command] = {}
        self._loaded_from = None  # the plugin manager the commands came from; tests swap managers

    def plugin_commands(self) -> dict[str, click.Command]:
        """Commands that plugins add through ``register_commands``, loading plugins on first call."""
        from .manager import get_plugin_manager

        pm = get_plugin_manager()
        if pm is not self._loaded_from:
            # A scratch group collects them, so a hook that fails half way leaves the core group untouched.
            scratch = click.Group()
            try:
                pm.hook.register_commands(cli=scratch)
            except Exception as exc:  # noqa: BLE001 - a broken plugin must not take the CLI down
                log.warning("a plugin failed to register commands: %s", exc)
            self._plugin_commands = {name: cmd for name, cmd in scratch.commands.items() if name not in self.commands}
            self._loaded_from = pm
        return self._plugin_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.plugin_commands()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self.commands.get(cmd_name) or self.plugin_commands().get(cmd_name)


@click.group(cls=PluginCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="harvest")
@click.option("-v", "--verbose", count=True, help="More log detail (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")
def cli(verbose: int, quiet: bool) -> None:
    """Shop Window's harvester: read council, LGA and thinktank pages into SQLite, and publish them.

    Example: harvest run --offline && harvest serve
    """
    setup_logging(verbose, quiet)


@cli.command()
@click.argument("sources", nargs=-1)
@config_option
@db_option
@click.option("--offline", is_flag=True, help="Replay the bundled snapshot (data/snapshot/) instead of the network.")
@click.option("--concurrency", type=click.IntRange(1, 64), default=None, help="Requests in flight across all hosts.")
@click.option("--no-progress", is_flag=True, help="Plain log lines instead of the live progress display.")
@click.option("--due", is_flag=True, help="Only sources due by their schedule (for cron and timers; see `harvest schedule`).")
@friendly_errors
def run(sources, config_path, db_path, offline, concurrency, no_progress, due):
    """Harvest SOURCES (default: every enabled source) into the database.

    Sources another run is harvesting right now are skipped (exit 0).

    Example: harvest run lga-case-studies --offline
    """
    from .progress import progress_display
    from .runner import harvest

    config = load(config_path)
    selected = config.select(list(sources))  # unknown names fail here, before any request
    interactive = sys.stderr.isatty() and not no_progress
    with progress_display(selected, interactive) as on_progress:
        report = harvest(config, db_path, list(sources) or None, offline=offline, concurrency=concurrency, progress=on_progress,
                         due=due)
    if due and not report.sources:
        click.echo(f"Nothing is due. {_next_due_line(config, db_path or config.harvest.database)}")
        sys.exit(0)
    for s in report.sources:
        if not s.ok:
            first = s.errors[0] if s.errors else "no pages could be read"
            click.echo(f"FAILED {s.source}: {first}", err=True)
        elif s.status == "skipped":
            click.echo(f"SKIPPED {s.source}: {s.errors[0]}", err=True)
    for problem in report.problems:
        click.echo(f"PROBLEM {problem}", err=True)
    click.echo(report.summary())
    sys.exit(report.exit_code)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
def plugins(as_json):
    """List installed plugins: readers and pipeline plugins, with versions.

    Example: harvest plugins
    """
    from .manager import describe_plugins, get_plugin_manager

    rows = describe_plugins(get_plugin_manager())
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        version = f" {row['package']} {row['version']}".rstrip() if row["package"] else ""
        readers = f" readers: {row['readers']}" if row["readers"] else ""
        click.echo(f"{row['name']}{version}:{readers} hooks: {row['hooks'] or '-'}")


@cli.command()
@config_option
@db_option
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@friendly_errors
def sources(config_path, db_path, as_json):
    """List configured sources: health, last success, items last time versus usual, next due.

    Example: harvest sources --json
    """
    from .status import source_status

    config = load(config_path)
    rows = source_status(config, db_path or config.harvest.database)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    from .status import format_table

    for row in rows:
        # "usual" is the median of earlier runs: a first run has none to compare with.
        usual = "first run" if row["items_usual"] is None else f"usual {row['items_usual']:g}"
        row["items"] = "" if row["items_last"] is None else f"{row['items_last']} ({usual})"
    click.echo(format_table(rows, ["name", "plugin", "schedule", "health", "last_status", "last_success", "items", "next_due"]))
    for row in rows:
        if row["health"] in ("unhealthy", "warning"):
            click.echo(f"{row['health'].upper()} {row['name']}: {row['health_reason']}")


@cli.command()
@config_option
@db_option
@click.option("--source", "source_name", default=None, help="Only this source's runs.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10000))
@click.option("--json", "as_json", is_flag=True, help="Output JSON.")
@friendly_errors
def runs(config_path, db_path, source_name, limit, as_json):
    """Show harvest run history, newest first.

    Example: harvest runs --source council-news --limit 5
    """
    from .status import format_table, run_history

    path = db_path or _default_db(config_path)
    rows = run_history(path, source_name, limit)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(format_table(rows, ["id", "source", "started", "status", "pages_fetched", "pages_unchanged", "pages_failed", "records", "errors"]))


@cli.command()
@config_option
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@friendly_errors
def serve(config_path, db_path, host, port):
    """Serve the database with Datasette and the resident dashboard.

    Example: harvest serve --port 8001
    """
    path = Path(db_path or _default_db(config_path))
    if not path.exists():
        raise ShopWindowError(f"no database at {path}: run `harvest run` first (or `harvest run --offline` for the demo data).")
    from shopwindow_dashboard import serve as serve_dashboard

    click.echo(f"Serving {path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    serve_dashboard(str(path), host=host, port=port)


@cli.command()
@config_option
@db_option
@click.option("--format", "fmt", type=click.Choice(["cron", "systemd"]), default="cron", show_default=True,
              help="A crontab line, or a systemd service and timer.")
@click.option("--every", type=click.IntRange(1, 1440), default=15, show_default=True,
              help="Minutes between `harvest run --due` calls.")
@click.option("--log", "log_path", default=None, help="Append the run's output to this file (cron only).")
@friendly_errors
def schedule(config_path, db_path, fmt, every, log_path):
    """Print a crontab line or systemd units that run `harvest run --due` every few minutes.

    Each call harvests only the sources whose `schedule` (cron syntax, UTC) has come round; sources
    without one run daily. See docs/scheduling.md.

    Example: harvest schedule --format systemd > shopwindow.units
    """
    from .schedule import crontab, harvest_command, systemd_units

    config = load(config_path)
    command = harvest_command(config_path, db_path)
    click.echo(crontab(config, command, every, log_path) if fmt == "cron" else systemd_units(config, command, every), nl=False)


@cli.command("new-plugin")
@click.argument("name")
@click.option("--dir", "directory", default=".", show_default=True, type=click.Path(file_okay=False),
              help="Folder to create the package in.")
@friendly_errors
def new_plugin(name, directory):
    """Create a pip-installable shopwindow-NAME plugin package with a working reader, fixtures and a test.

    Example: harvest new-plugin kent-news && cd shopwindow-kent-news && pip install -e . && pytest
    """
    from .registry import reader_classes
    from .scaffold import PluginNames, scaffold_plugin

    root = scaffold_plugin(name, directory, taken=set(reader_classes()))
    names = PluginNames.from_name(name)
    click.echo(f"Created {root}")
    click.echo(f"Next: cd {root} && pip install -e . && pytest && harvest check {names.name}")
    click.echo("Then read docs/writing-plugins.md to point the reader at your site.")


@cli.command()
@click.argument("url")
@click.option("--to", "to", required=True, type=click.Path(),
              help="Recording path (PATH.json + body file), or a folder to name it in.")
@click.option("--note", default="", help="What the page is, kept in the manifest.")
@click.option("--start", is_flag=True, help="Mark it as the page `harvest check` starts from.")
@config_option
@friendly_errors
def record(url, to, note, start, config_path):
    """Fetch URL politely and save it (body and headers) as a recorded response for tests or the offline snapshot.

    Example: harvest record https://www.example.gov.uk/news --to tests/fixtures/my_reader/listing --start
    """
    from .config import HarvestSettings
    from .recorder import record as record_url

    settings = load(config_path).harvest if Path(config_path).exists() else HarvestSettings()
    saved = record_url(url, to, settings=settings, note=note, start=start)
    moved = f" (redirected to {saved.final_url})" if saved.final_url != url else ""
    click.echo(f"Saved {saved.manifest}: HTTP {saved.status}, {saved.bytes:,} bytes, {saved.content_type or 'no type'}{moved}")


@cli.command()
@click.argument("plugin")
@click.option("--fixtures", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of recordings [default: tests/fixtures/<reader>/ beside the plugin].")
@click.option("--url", "urls", multiple=True, help="Start URL (default: recordings marked \"start\": true).")
@click.option("--pipeline", is_flag=True, help="Also run the installed pipeline hooks (councils, savings, ...).")
@friendly_errors
def check(plugin, fixtures, urls, pipeline):
    """Run a plugin's readers over their recorded fixtures and validate every record they yield.

    Exit 0 when every record is valid, 1 when there are problems (each says how to fix it).

    Example: harvest check kent_news
    """
    from .checker import check_reader, readers_named
    from .manager import get_plugin_manager

    pm = get_plugin_manager()
    failed = False
    try:
        readers = readers_named(plugin, pm)
    except ShopWindowError as exc:
        raise ConfigProblem(str(exc)) from None
    for reader_cls in readers:
        try:
            result = check_reader(reader_cls, Path(fixtures) if fixtures else None, list(urls) or None,
                                  pipeline=pipeline, pm=pm if pipeline else None)
        except ShopWindowError as exc:  # no fixtures or no start page: a usage problem, exit 2
            raise ConfigProblem(str(exc)) from None
        where = f"{result.pages} page(s) from {result.fixtures}"
        if result.ok:
            click.echo(f"OK {result.reader}: {result.records} record(s) from {where}, all valid")
            continue
        failed = True
        click.echo(f"PROBLEMS {result.reader}: {len(result.problems)} problem(s) in {result.records} record(s) from {where}")
        for problem in result.problems:
            click.echo(f"  - {problem}")
    sys.exit(1 if failed else 0)


def _next_due_line(config, db_path: str) -> str:
    from .status import source_status

    upcoming = sorted((r["next_due"], r["name"]) for r in source_status(config, db_path) if r["next_due"] not in ("now", "disabled"))
    return f"Next: {upcoming[0][1]} at {upcoming[0][0]}." if upcoming else ""


def _default_db(config_path: str) -> str:
    """The database named in the config if there is a readable one, else the built-in default."""
    try:
        return load(config_path).harvest.database
    except ConfigError:
        return settings.DATABASE


def main() -> None:  # pragma: no cover - console entry point
    cli()

