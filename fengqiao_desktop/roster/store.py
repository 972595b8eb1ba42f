"""Opening the app's database for roster work (local SQLite by default)."""

from __future__ import annotations

from sqlalchemy import Engine


def open_engine(url: str | None = None) -> Engine:
    """An engine on the app's database at ``url`` (default: the local one), migrated to head."""
    raise NotImplementedError
