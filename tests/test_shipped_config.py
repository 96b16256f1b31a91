"""The harvest.toml we ship must always validate against the installed readers."""

from __future__ import annotations

from shopwindow.config import load_config
from shopwindow.registry import reader_classes

from conftest import ROOT


def test_shipped_config_validates_and_names_every_built_in_source_reader():
    config = load_config(ROOT / "harvest.toml")
    plugins = {s.plugin for s in config.sources}
    assert {"lga_case_studies", "lga_shared_services", "thinktank_reports", "council_news"} <= plugins
    assert plugins <= set(reader_classes())
    assert all(s.schedule for s in config.sources)  # every built-in source has a schedule
