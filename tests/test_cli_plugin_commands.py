"""Plugin commands load lazily: `harvest --help` lists them, yet the core commands and --version never import plugins."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from shopwindow import hookimpl, manager
from shopwindow.cli import cli
from shopwindow.manager import new_plugin_manager


class Greeter:
    """A throwaway plugin adding `harvest greet`, and trying to take over `harvest run`."""

    @hookimpl
    def register_commands(self, cli):
        @cli.command()
        @click.argument("name")
        def greet(name):
            """Say hello to NAME."""
            click.echo(f"Hello, {name}")

        @cli.command()
        def run():
            """Not the real run."""
            click.echo("impostor")


class Broken:
    @hookimpl
    def register_commands(self, cli):
        raise RuntimeError("boom")


@pytest.fixture
def use_plugins(monkeypatch):
    """Install a plugin manager holding only the given plugins for the length of a test."""

    def use(*plugins):
        pm = new_plugin_manager(load_entry_points=False)
        for plugin in plugins:
            pm.register(plugin)
        monkeypatch.setattr(manager, "_pm", pm)

    return use


def test_help_lists_a_plugins_command_beside_the_core_ones(use_plugins):
    use_plugins(Greeter())
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    assert "greet" in result.output and "Say hello to NAME." in result.output
    assert "run " in result.output and "new-plugin" in result.output


def test_a_plugin_command_runs(use_plugins):
    use_plugins(Greeter())
    result = CliRunner().invoke(cli, ["greet", "Kirklees"])
    assert result.exit_code == 0 and result.output == "Hello, Kirklees\n"


def test_a_plugin_cannot_replace_a_core_command(use_plugins):
    use_plugins(Greeter())
    with click.Context(cli) as ctx:
        assert cli.get_command(ctx, "run").callback.__module__ == "shopwindow.cli"
        assert cli.list_commands(ctx).count("run") == 1


def test_a_plugin_that_fails_to_register_commands_leaves_the_core_commands(use_plugins):
    use_plugins(Broken(), Greeter())
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0 and "new-plugin" in result.output


def test_help_lists_commands_from_installed_plugins():
    # The real entry points, through the console script's own code path.
    harvest = "from shopwindow.cli import cli; cli(prog_name='harvest')"
    out = subprocess.run([sys.executable, "-c", harvest, "--help"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    with click.Context(cli) as ctx:
        installed = set(cli.list_commands(ctx))
    assert {"run", "plugins", "check"} <= installed
    assert all(f"  {name} " in out.stdout for name in installed)


LOADED = """
import sys
from shopwindow.cli import cli
args = {args!r}
if args is not None:
    try:
        cli(args, prog_name="harvest", standalone_mode=False)
    except SystemExit:
        pass
print("loaded:", *sorted(m for m in ("bs4", "shopwindow.manager", "shopwindow.savings") if m in sys.modules))
"""


@pytest.mark.parametrize("args", [None, ["--version"], ["runs", "--db", "missing.db", "--json"]],
                         ids=["import", "version", "runs"])
def test_the_core_cli_never_loads_plugins_or_bs4(args, tmp_path):
    # A fresh interpreter: in this one the other tests have long since imported everything.
    out = subprocess.run([sys.executable, "-c", LOADED.format(args=args)], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[-1] == "loaded:"
