"""`harvest new-plugin` end to end, as a contributor would: scaffold, pip install, list, run its test, check it.

The generated package is installed editable into this venv (no dependencies, no build isolation, no
index: nothing is downloaded) and always uninstalled afterwards, so a failing test cannot leave a
plugin behind that points into a deleted temp folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from shopwindow.exceptions import ShopWindowError
from shopwindow.scaffold import PluginNames, scaffold_plugin

BIN = Path(sys.executable).parent
NAME = f"ci-probe-{os.getpid()}"  # unique per test process, so parallel test runs never share an install
NAMES = PluginNames.from_name(NAME)
ENV = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, env=ENV, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    from shopwindow.cli import cli

    folder = tmp_path_factory.mktemp("plugins")
    created = CliRunner().invoke(cli, ["new-plugin", NAME, "--dir", str(folder)])
    assert created.exit_code == 0, created.output
    root = folder / NAMES.dist
    assert f"harvest check {NAMES.name}" in created.output
    try:
        pip = run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", str(root))
        assert pip.returncode == 0, pip.stderr
        yield root
    finally:
        run(sys.executable, "-m", "pip", "uninstall", "--yes", "--quiet", NAMES.dist)


@pytest.mark.slow
def test_scaffolded_package_has_entry_point_reader_fixtures_test_and_readme(installed):
    pyproject = (installed / "pyproject.toml").read_text()
    assert f'[project.entry-points.shopwindow]\n{NAMES.name} = "{NAMES.module}"' in pyproject
    module = (installed / NAMES.module / "__init__.py").read_text()
    assert "@hookimpl\ndef register_readers()" in module and f"class {NAMES.class_name}(Reader):" in module
    assert (installed / "tests" / "fixtures" / NAMES.name / "listing.json").exists()
    assert (installed / "tests" / f"test_{NAMES.name}.py").exists()
    assert f"plugin = \"{NAMES.name}\"" in (installed / "README.md").read_text()


@pytest.mark.slow
def test_installed_plugin_is_listed_by_harvest_plugins(installed):
    result = run(str(BIN / "harvest"), "plugins")
    assert result.returncode == 0, result.stderr
    line = next(l for l in result.stdout.splitlines() if l.startswith(NAMES.name))
    assert f"{NAMES.dist} 0.1.0" in line and f"readers: {NAMES.name}" in line and "register_readers" in line


@pytest.mark.slow
def test_generated_test_passes_as_generated(installed):
    result = run(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests", cwd=installed)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


@pytest.mark.slow
def test_harvest_check_validates_the_generated_reader(installed):
    result = run(str(BIN / "harvest"), "check", NAMES.name)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"OK {NAMES.name}: 2 record(s) from 3 page(s)" in result.stdout


@pytest.mark.parametrize("bad", ["", "9lives", "Kent News", "kent--news", "kent/news"])
def test_unusable_names_are_refused_with_an_example(bad):
    with pytest.raises(ShopWindowError, match="e.g. 'kent-news'"):
        PluginNames.from_name(bad)


def test_names_are_spelt_for_each_place_they_appear():
    names = PluginNames.from_name("shopwindow-kent-news")
    assert (names.name, names.dist, names.module, names.class_name) == (
        "kent_news", "shopwindow-kent-news", "shopwindow_kent_news", "KentNewsReader")


def test_refuses_an_installed_reader_name_and_a_non_empty_folder(tmp_path):
    with pytest.raises(ShopWindowError, match="already installed"):
        scaffold_plugin("feed", tmp_path, taken={"feed", "pages"})
    (tmp_path / "shopwindow-kent-news").mkdir()
    (tmp_path / "shopwindow-kent-news" / "notes.txt").write_text("mine")
    with pytest.raises(ShopWindowError, match="not empty"):
        scaffold_plugin("kent-news", tmp_path)
