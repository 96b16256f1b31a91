"""The docs keep up with the code: every hook spec is documented, every core CLI command is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shopwindow import hookspecs
from shopwindow.cli import cli

ROOT = Path(__file__).resolve().parents[1]
WRITING_PLUGINS = (ROOT / "docs" / "writing-plugins.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")

HOOKS = sorted(name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "shopwindow_spec"))
# Only the core's own commands: a plugin's register_commands documents its commands itself.
COMMANDS = sorted(name for name, command in cli.commands.items() if command.callback.__module__ == "shopwindow.cli")


def test_hook_and_command_lists_are_found():
    assert {"register_readers", "after_run", "prepare_database"} <= set(HOOKS)
    assert {"run", "sources", "schedule", "new-plugin", "record", "check"} <= set(COMMANDS)


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_section_in_writing_plugins(hook):
    assert re.search(rf"^### `{hook}`$", WRITING_PLUGINS, re.M), (
        f"hook {hook!r} (harvester/hookspecs.py) has no '### `{hook}`' section in docs/writing-plugins.md"
    )


def test_writing_plugins_documents_no_hook_that_does_not_exist():
    documented = set(re.findall(r"^### `(\w+)`$", WRITING_PLUGINS, re.M))
    assert documented - set(HOOKS) == set()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_cli_command_is_in_the_readme(command):
    assert re.search(rf"^harvest {re.escape(command)}\b", README, re.M), (
        f"`harvest {command}` is not in the README's command list"
    )
