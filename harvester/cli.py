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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@friendly_errors
def run(sources, config_path, db_path, offline, concurrency, no_progress):
    """Harvest SOURCES (default: every enabled source) into the database.

    Example: harvest run lga-case-studies --offline
    """
    from .progress import progress_display
    from .runner import harvest

    config = load(config_path)
    config.select(list(sources))  # unknown names fail here, before any request
    interactive = sys.stderr.isatty() and not no_progress
    with progress_display(config.select(list(sources)), interactive) as on_progress:
        report = harvest(config, db_path, list(sources) or None, offline=offline, concurrency=concurrency, progress=on_progress)
    for s in report.sources:
        if not s.ok:
            first = s.errors[0] if s.errors else "no pages could be read"
            click.echo(f"FAILED {s.source}: {first}", err=True)
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
    """List configured sources and their last run.

    Example: harvest sources --json
    """
    from .status import source_status

    config = load(config_path)
    rows = source_status(config, db_path or config.harvest.database)
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    from .status import format_table

    click.echo(format_table(rows, ["name", "plugin", "enabled", "schedule", "last_status", "last_finished", "last_records"]))


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


def _default_db(config_path: str) -> str:
    """The database named in the config if there is a readable one, else the built-in default."""
    try:
        return load(config_path).harvest.database
    except ConfigError:
        return settings.DATABASE


def main() -> None:  # pragma: no cover - console entry point
    cli()


def _register_plugin_commands() -> None:
    from .manager import get_plugin_manager

    try:
        get_plugin_manager().hook.register_commands(cli=cli)
    except Exception as exc:  # noqa: BLE001 - a broken plugin must not take the CLI down
        log.warning("a plugin failed to register commands: %s", exc)


_register_plugin_commands()
