"""The plugin manager: specs from :mod:`shopwindow.hookspecs`, plugins from the ``shopwindow`` entry points."""

from __future__ import annotations

import importlib
import logging
from importlib.metadata import entry_points

import pluggy

from . import hookspecs

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "shopwindow"

#: Plugins that failed to load: entry-point name -> error text (shown by ``harvest plugins``).
load_errors: dict[str, str] = {}
#: Entry-point name -> (distribution name, version) for loaded plugins.
distributions: dict[str, tuple[str, str]] = {}

_pm: pluggy.PluginManager | None = None


def new_plugin_manager(load_entry_points: bool = True) -> pluggy.PluginManager:
    """Return a fresh plugin manager; tests use ``load_entry_points=False`` and register inline plugins."""
    pm = pluggy.PluginManager("shopwindow")
    pm.add_hookspecs(hookspecs)
    if load_entry_points:
        _load_entry_points(pm)
    pm.check_pending()
    return pm


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    # One by one, so a broken plugin is named and skipped rather than taking the others down.
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        if pm.get_plugin(ep.name) is not None:
            continue
        try:
            module = importlib.import_module(ep.value.split(":")[0])
            pm.register(module, name=ep.name)
        except Exception as exc:  # a third-party plugin may raise anything at import
            load_errors[ep.name] = f"{type(exc).__name__}: {exc}"
            log.warning("plugin %s (%s) failed to load and was skipped: %s", ep.name, ep.value, exc)
            continue
        try:
            pm.check_pending()
        except pluggy.PluginValidationError as exc:
            pm.unregister(name=ep.name)
            load_errors[ep.name] = str(exc)
            log.warning("plugin %s implements an unknown hook and was skipped: %s", ep.name, exc)
            continue
        if ep.dist is not None:
            distributions[ep.name] = (ep.dist.name, ep.dist.version)


def get_plugin_manager() -> pluggy.PluginManager:
    """Return the process-wide plugin manager, loading entry points on first use (no import-time side effects)."""
    global _pm
    if _pm is None:
        _pm = new_plugin_manager()
    return _pm


def resolve_council(name: str) -> str | None:
    """The GSS code for a council name as written ("Ipswich BC", "LB Croydon"), or None.

    Readers that take a council from a page's heading or a data column call this: it asks every installed
    ``resolve_council`` hook (the built-in register answers last), so a plugin that knows more names is heard.
    It asks the process-wide manager (:func:`get_plugin_manager`), not one passed to a single harvest.
    """
    try:
        return get_plugin_manager().hook.resolve_council(name=name)
    except Exception as exc:  # noqa: BLE001 - linking is best effort; the pipeline links from the text too
        log.debug("could not resolve council %r: %s", name, exc)
        return None


def set_plugin_manager(pm: pluggy.PluginManager | None) -> None:
    """Replace the process-wide manager (tests), or reset it with None."""
    global _pm
    _pm = pm


def describe_plugins(pm: pluggy.PluginManager) -> list[dict[str, str]]:
    """Describe registered plugins: name, distribution, version, hooks implemented and readers offered."""
    rows = []
    for name, plugin in sorted(pm.list_name_plugin(), key=lambda p: str(p[0])):
        if plugin is None:
            continue
        package, version = distributions.get(str(name), ("", ""))
        hooks = sorted(h.name for h in pm.get_hookcallers(plugin) or [])
        readers = []
        if hasattr(plugin, "register_readers"):
            try:
                readers = [r.name for r in plugin.register_readers() or []]
            except Exception as exc:  # noqa: BLE001 - shown to the user, not raised
                readers = [f"<error: {exc}>"]
        rows.append(
            {
                "name": str(name),
                "package": package,
                "version": version,
                "hooks": ", ".join(hooks),
                "readers": ", ".join(readers),
            }
        )
    for name, error in sorted(load_errors.items()):
        rows.append({"name": name, "package": "", "version": "", "hooks": f"FAILED TO LOAD: {error}", "readers": ""})
    return rows
