"""Shop Window's harvester: plugins read council, LGA and thinktank pages into SQLite.

Use it from Python::

    from shopwindow import harvest, load_config
    report = harvest(load_config("harvest.toml"), db_path="data/shopwindow.db", offline=True)

or from the shell with the ``harvest`` command.
"""

import pluggy

__version__ = "0.1.0"

#: Decorate hook implementations in a plugin module with ``@hookimpl``.
hookimpl = pluggy.HookimplMarker("shopwindow")

from .exceptions import ConfigError, RejectRecord, ShopWindowError  # noqa: E402
from .models import Record, Request, Response, Saving  # noqa: E402
from .readers import Reader  # noqa: E402


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
