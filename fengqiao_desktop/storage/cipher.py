"""SQLCipher for the laptop's database: the raw key, keyed connections, telling the two file kinds apart.

An encrypted local database is an ordinary SQLCipher 4 file opened with a raw
256-bit key (``PRAGMA key = "x'<64 hex>'"``): no passphrase derivation per
connection, so opening a connection costs what it costs on plain SQLite. The
key comes from the data directory's vault (``storage.vault``); this module only
uses it. The key pragma is always the first statement a connection runs.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

KEY_BYTES = 32
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first 16 bytes of every plain SQLite file

# the exception classes of both drivers, for error translation
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)


@dataclass(frozen=True)
class DbKey:
    """The raw SQLCipher key of one data directory (never printed)."""

    raw: bytes

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES:
            raise ValueError(f"a database key has {KEY_BYTES} bytes")

    def __repr__(self) -> str:
        return "DbKey(…)"

    def literal(self) -> str:
        """The key as SQLCipher's blob literal, for ``PRAGMA key`` and ``ATTACH … KEY``."""
        return f"\"x'{self.raw.hex()}'\""


def apply_key(dbapi_conn, key: DbKey) -> None:
    """Key a fresh SQLCipher connection: the first statement it runs."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA key = {key.literal()}")
    finally:
        cur.close()


def connect(path: str | os.PathLike, key: DbKey | None, *, read_only: bool = False, **kw):
    """A DB-API connection to ``path``: sqlite3 for a plain file, SQLCipher keyed with ``key``.

    ``read_only`` opens the file without creating or changing it. Nothing is read yet:
    a wrong key shows on the first query ("file is not a database").
    """
    target, uri = (f"{Path(path).resolve().as_uri()}?mode=ro", True) if read_only else (str(path), False)
    if key is None:
        return sqlite3.connect(target, uri=uri, **kw)
    conn = sqlcipher.connect(target, uri=uri, **kw)
    apply_key(conn, key)
    return conn


def file_kind(path: str | os.PathLike) -> str | None:
    """``"plain"`` (a SQLite file), ``"encrypted"`` (any other non-empty file) or None (missing or empty).

    SQLCipher encrypts the whole first page, header included, so a file that does not
    start with SQLite's magic string is taken for an encrypted one; the key decides.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return None
    if not head:
        return None
    return "plain" if head == SQLITE_MAGIC else "encrypted"
