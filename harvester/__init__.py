"""Shop Window's harvester: plugins read council, LGA and thinktank pages into SQLite.

Use it from Python::

    from shopwindow import harvest, load_config
    report = harvest(load_config("harvest.toml"), db_path="data/shopwindow.db", offline=True)

or from the shell with the ``harvest`` command.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, eagerly, for type checkers and editors
    import pluggy

    from .exceptions import ConfigError, RejectRecord, ShopWindowError
    from .models import Record, Request, Response, Saving
    from .readers import Reader

    hookimpl: pluggy.HookimplMarker

__version__ = "0.1.0"

# Public names resolve on first use (PEP 562), so `harvest --version` and the core commands do not pay
# for pluggy and the models. `hookimpl` is created once and cached, so every plugin shares one marker.
_LAZY = {
    "ConfigError": ".exceptions",
    "RejectRecord": ".exceptions",
    "ShopWindowError": ".exceptions",
    "Record": ".models",
    "Request": ".models",
    "Response": ".models",
    "Saving": ".models",
    "Reader": ".readers",
}


def __getattr__(name: str) -> Any:
    if name == "hookimpl":
        import pluggy

        #: Decorate hook implementations in a plugin module with ``@hookimpl``.
        value = pluggy.HookimplMarker("shopwindow")
    elif name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def harvest(*args, **kwargs):
    """Run a harvest; see :func:`shopwindow.runner.harvest`."""
    from .runner import harvest as _harvest

    return _harvest(*args, **kwargs)


def load_config(*args, **kwargs):
    """Load and validate ``harvest.toml``; see :func:`shopwindow.config.load_config`."""
    from .config import load_config as _load_config

    return _load_config(*args, **kwargs)


__all__ = [
    "ConfigError",
    "Reader",
    "Record",
    "RejectRecord",
    "Request",
    "Response",
    "Saving",
    "ShopWindowError",
    "__version__",
    "harvest",
    "hookimpl",
    "load_config",
]
