"""Opening the app's database for roster work (the local SQLite file by default).

The engine, its pragmas and its migrations belong to ``fengqiao_desktop.storage``;
this module only finds them, so the roster commands open the database exactly
the way the rest of the app does.
"""

from __future__ import annotations

import importlib

from sqlalchemy import Engine

from fengqiao_desktop import config
from fengqiao_desktop.errors import StorageError

# (module, function) pairs that open an engine at a URL with migrations applied.
_OPENERS = [
    ("fengqiao_desktop.storage.db", "open_database"),
    ("fengqiao_desktop.storage.db", "open_engine"),
    ("fengqiao_desktop.storage.db", "make_engine"),
    ("fengqiao_desktop.storage.engine", "open_engine"),
    ("fengqiao_desktop.services.store", "open_engine"),
]


def open_engine(url: str | None = None) -> Engine:
    """An engine on the app's database at ``url`` (default: the local one), migrated to head."""
    url = url or config.local_db_url()
    for module, name in _OPENERS:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn(url)
    raise StorageError("本地数据库模块不可用，无法打开数据库",
                       message_en="the local database module is not available")
