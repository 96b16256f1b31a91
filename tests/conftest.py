"""Shared fixtures. No test touches the network: responses are recorded or mocked through httpx transports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The dashboard's module-scoped fixtures (dashboard_files, ds) are offered to every test module.
pytest_plugins = ["dashboard_data"]

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

# Tests never inherit a user's proxy settings or real network access.
for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(var, None)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def write_config(tmp_path):
    """Write a harvest.toml into a temp dir and return its path."""

    def write(text: str) -> Path:
        path = tmp_path / "harvest.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
