"""The local schema's revisions without Alembic: the newest migration's id, and a file's stored one.

Opening a store that is already up to date must not pay for importing Alembic (a
tenth of a second, on the path from the window shown to the station tree filled):
the newest revision is read from the migration scripts' ``revision`` and
``down_revision`` lines, and a database's own from its ``alembic_version`` table with
the plain driver. ``storage.migrate`` loads Alembic only when an upgrade is due; a
test checks this head against Alembic's.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from fengqiao_desktop.storage.cipher import DbKey, connect

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"  # Alembic's script location

# ``revision = "0006"`` / ``down_revision = "0005"`` (or ``None``), with or without a type annotation
_ASSIGNED = re.compile(
    r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(None|'[^'\n]*'|\"[^\"\n]*\")\s*(?:#.*)?$", re.MULTILINE
)


@functools.cache
def head_revision() -> str:
    """The id of the newest local migration: the one no other script names as its ``down_revision``."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        if script.name.startswith("_"):
            continue
        found = dict(_ASSIGNED.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found or "down_revision" not in found:
            raise RuntimeError(f"{script.name}: no plain revision and down_revision lines")
        revisions.add(found["revision"][1:-1])
        if found["down_revision"] != "None":
            parents.add(found["down_revision"][1:-1])
    heads = revisions - parents
    if len(heads) != 1:  # pragma: no cover - caught by the chain test
        raise RuntimeError(f"local migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def read_state(con) -> tuple[bool, str | None]:
    """(holds tables besides Alembic's, stored revision) of an open DB-API connection."""
    tables = {
        r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    }
    current = None
    if "alembic_version" in tables:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        current = row[0] if row else None
    return bool(tables - {"alembic_version"}), current


def stored_state(path: str | os.PathLike, key: DbKey | None = None) -> tuple[bool, str | None]:
    """(holds tables besides Alembic's, stored revision) of the SQLite file at ``path`` (encrypted
    with ``key``, if given), read without changing it; ``(False, None)`` when there is no file yet.
    The driver's errors propagate (a damaged file, a wrong key)."""
    p = Path(path)
    if not p.exists() or p.stat().st_size == 0:
        return False, None
    con = connect(p, key, read_only=True)
    try:
        return read_state(con)
    finally:
        con.close()
