"""``harvest new-plugin NAME``: scaffold a pip-installable ``shopwindow-NAME`` plugin package.

The package (templates in ``shopwindow/templates/plugin/``) has a pyproject with the ``shopwindow``
entry point, a reader module with hook implementations and docstrings, recorded responses under
``tests/fixtures/NAME/`` with a test that passes as generated, and a README. ``harvest check NAME``
validates it once installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .exceptions import ShopWindowError

PLUGIN_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$")
TEMPLATE = "templates/plugin"


@dataclass
class PluginNames:
    """Every spelling of a plugin's name the package needs."""

    name: str  # reader and entry-point name: my_council
    dist: str  # distribution: shopwindow-my-council
    dist_short: str  # a source name for the README: my-council
    module: str  # import package: shopwindow_my_council
    class_name: str  # reader class: MyCouncilReader
    title: str  # prose: My Council

    @classmethod
    def from_name(cls, raw: str) -> PluginNames:
        raw = raw.strip().lower()
        if raw.startswith(("shopwindow-", "shopwindow_")):
            raw = raw[len("shopwindow-"):]
        if not PLUGIN_NAME.match(raw):
            raise ShopWindowError(
                f"{raw!r} is not a usable plugin name: use lower-case letters and digits, words joined by '-' or '_', "
                "starting with a letter (e.g. 'kent-news')."
            )
        words = re.split(r"[_-]", raw)
        return cls(
            name="_".join(words),
            dist="shopwindow-" + "-".join(words),
            dist_short="-".join(words),
            module="shopwindow_" + "_".join(words),
            class_name="".join(w.capitalize() for w in words) + "Reader",
            title=" ".join(w.capitalize() for w in words),
        )

    def render(self, text: str) -> str:
        for key, value in vars(self).items():
            text = text.replace("{{" + key + "}}", value)
        return text


def _target(relative: str, names: PluginNames) -> str:
    """Where a template file goes in the new package."""
    relative = relative.removesuffix(".tmpl")
    if relative.startswith("package/"):
        return f"{names.module}/{relative[len('package/'):]}"
    if relative.startswith("tests/fixtures/"):
        return f"tests/fixtures/{names.name}/{relative[len('tests/fixtures/'):]}"
    if relative == "tests/test_reader.py":
        return f"tests/test_{names.name}.py"
    return relative


def _walk(node, prefix: str = ""):
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name == "__pycache__":
            continue
        path = f"{prefix}{child.name}"
        if child.is_dir():
            yield from _walk(child, path + "/")
        else:
            yield path, child


def scaffold_plugin(name: str, directory: str | Path = ".", *, taken: set[str] | None = None) -> Path:
    """Write a ``shopwindow-NAME`` package into ``directory`` and return its folder.

    ``taken`` holds reader names already installed: reusing one would hide either reader, so it is refused.
    """
    names = PluginNames.from_name(name)
    if taken and names.name in taken:
        raise ShopWindowError(f"a reader named {names.name!r} is already installed; choose another name.")
    root = Path(directory) / names.dist
    if root.exists() and any(root.iterdir()):
        raise ShopWindowError(f"{root} already exists and is not empty; choose another --dir or remove it.")
    template = resources.files("shopwindow").joinpath(TEMPLATE)
    for relative, source in _walk(template):
        target = root / _target(relative, names)
        target.parent.mkdir(parents=True, exist_ok=True)
        if relative.endswith(".tmpl"):
            target.write_text(names.render(source.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            target.write_bytes(source.read_bytes())
    return root
