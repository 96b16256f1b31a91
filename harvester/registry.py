"""Readers offered by the installed plugins, by name."""

from __future__ import annotations

import logging

import pluggy

from .manager import get_plugin_manager
from .readers import Reader

log = logging.getLogger(__name__)


def reader_classes(pm: pluggy.PluginManager | None = None) -> dict[str, type[Reader]]:
    """Return every registered reader class keyed by its ``name``; a later duplicate name is skipped with a warning."""
    pm = pm or get_plugin_manager()
    found: dict[str, type[Reader]] = {}
    for batch in pm.hook.register_readers():
        for cls in batch or []:
            name = getattr(cls, "name", "")
            if not name:
                log.warning("reader %r has no name and was skipped", cls)
            elif name in found and found[name] is not cls:
                log.warning("two readers are named %r; keeping %r", name, found[name])
            else:
                found[name] = cls
    return found
