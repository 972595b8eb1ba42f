"""Engines and sessions for the local database, with SQLite's durability settings.

Every SQLite connection the pool opens gets ``journal_mode=WAL``,
``synchronous=FULL``, ``foreign_keys=ON`` and a busy timeout (a ``connect``
event, so no pooled connection escapes it). Transactions begin with a real
``BEGIN`` (``BEGIN IMMEDIATE`` for :func:`write_session`), instead of
pysqlite's implicit handling, so a writer takes the lock up front and two
writers queue on the busy timeout instead of failing half way.

A database encrypted with SQLCipher opens the same way with a ``key``
(``storage.cipher``): the engine's driver is then ``sqlcipher3`` and the key is
the first statement of every connection, before the pragmas.

Errors the user can act on — database locked, disk full, I/O error, not a
database — become :class:`StorageError` with a message naming the problem;
anything else is a bug and propagates unchanged.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.storage.cipher import DRIVER_ERRORS, DbKey, apply_key, sqlcipher

BUSY_TIMEOUT_MS = 5000  # the laptop: one user; a writer waits at most this long for another
CENTRAL_BUSY_TIMEOUT_MS = 30000  # the bureau: several PCs may import into one SQLite file at once
DURABILITY = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON")
BEGIN_OPTION = "sqlite_begin"  # execution option: "IMMEDIATE" takes the write lock at BEGIN


def sqlite_url(path: str | os.PathLike) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def _as_url(target: str | os.PathLike) -> str:
    text = os.fspath(target)
    return text if "://" in text else sqlite_url(text)


def make_engine(target: str | os.PathLike, *, key: DbKey | None = None, **kw) -> Engine:
    """An engine for a SQLite file path or any SQLAlchemy URL (pragmas set on SQLite).

    ``key``: the file is a SQLCipher database opened with that key. Does not migrate:
    see :func:`open_database` for that.
    """
    url = _as_url(target)
    is_sqlite = make_url(url).get_backend_name() == "sqlite"
    if is_sqlite:
        path = make_url(url).database
        if path and path != ":memory:":
            parent = Path(path).parent
            if not parent.is_dir():
                raise StorageError(
                    f"数据库所在的文件夹不存在：{parent}", message_en=f"The database folder does not exist: {parent}"
                )
    if key is not None:
        if not is_sqlite:
            raise ValueError("only a SQLite file can be encrypted with a key")
        kw["module"] = sqlcipher  # its exception classes are the ones SQLAlchemy wraps
    with translate_errors(path_of(url)):
        engine = create_engine(url, **kw)
    if is_sqlite:
        install_sqlite_events(engine, key=key)
    return engine


def install_sqlite_events(engine: Engine, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, key: DbKey | None = None) -> None:
    """Every connection of ``engine`` gets the durability pragmas and the busy timeout; every
    transaction a real ``BEGIN`` (``BEGIN IMMEDIATE`` with ``execution_options(sqlite_begin=
    "IMMEDIATE")``). The local and the central SQLite databases both open this way.

    With ``key``, each connection is made by SQLCipher and keyed before the dialect or
    anything else runs a statement on it."""
    # the timeout first: switching to WAL takes a lock, and another connection may hold it
    pragmas = (f"PRAGMA busy_timeout={int(busy_timeout_ms)}", *DURABILITY)

    if key is not None:

        @event.listens_for(engine, "do_connect")
        def _keyed_connect(_dialect, _record, cargs, cparams):
            conn = sqlcipher.connect(*cargs, **cparams)
            apply_key(conn, key)
            return conn

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # take transaction control from the driver: SQLAlchemy emits BEGIN itself below
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            for pragma in pragmas:
                cur.execute(pragma)
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def open_database(target: str | os.PathLike) -> Engine:
    """An engine on the app's local schema at ``target``, migrated to the newest revision.

    A SQLite file is backed up first when an upgrade is pending (see ``storage.migrate``).
    """
    from fengqiao_desktop.storage.migrate import upgrade_engine, upgrade_local

    url = _as_url(target)
    if make_url(url).get_backend_name() == "sqlite" and make_url(url).database not in (None, "", ":memory:"):
        upgrade_local(make_url(url).database)
        return make_engine(url)
    engine = make_engine(url)
    upgrade_engine(engine)
    return engine


# the roster package looks for this name
open_engine = open_database


def session_factory(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    bind = engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"}) if write else engine
    return sessionmaker(bind=bind, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """A session committed on success and rolled back on error; known errors -> StorageError.

    ``write=True`` starts the transaction with ``BEGIN IMMEDIATE`` on SQLite: use it
    for any read-then-write work, so the write lock is taken before the read.
    """
    with translate_errors(path_of(engine.url)):
        session = session_factory(engine, write=write)()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


def write_session(engine: Engine) -> AbstractContextManager[Session]:
    """Shorthand for ``session_scope(engine, write=True)``."""
    return session_scope(engine, write=True)


# -- errors ---------------------------------------------------------------

# Below this much free space, SQLite's "disk I/O error" is taken for what it is almost
# always then: a full disk (a WAL or journal write that did not fit).
LOW_SPACE_BYTES = 64 * 1024 * 1024

DISK_FULL, DAMAGED = "disk_full", "damaged_database"  # StorageError kinds

BACKUPS = "backups"  # next to a SQLite file: copies made before each upgrade (storage.migrate)

# SQLite's primary result codes (the low byte of the extended code Python 3.11+ gives as
# ``sqlite_errorcode``); on Python 3.10 the message text is all there is, so both are read
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 14, 26
_BY_CODE = {
    _SQLITE_BUSY: "database is locked",
    _SQLITE_LOCKED: "database table is locked",
    _SQLITE_READONLY: "attempt to write a readonly database",
    _SQLITE_IOERR: "disk i/o error",
    _SQLITE_CANTOPEN: "unable to open database file",
}


def _sqlite_code(orig: object) -> int | None:
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


_DAMAGED = (
    "file is not a database",
    "database disk image is malformed",
    "malformed database schema",
    "database corrupt",
)


def path_of(target) -> Path | None:
    """The file of a SQLite URL or engine URL, else None."""
    try:
        url = make_url(str(target)) if not hasattr(target, "get_backend_name") else target
    except Exception:  # not a URL: no file to name
        return None
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser()


def disk_full_error(where: str | os.PathLike | None = None) -> StorageError:
    """The one message for a full disk, whatever noticed it (SQLite or a file write)."""
    at_zh = f"（{where}）" if where else ""
    at_en = f" ({where})" if where else ""
    return StorageError(
        f"磁盘已满{at_zh}，数据无法保存；请腾出空间后重试",
        message_en=f"The disk is full{at_en}; free some space and try again",
        hint="已保存的数据不受影响",
        hint_en="what was saved before is unaffected",
        kind=DISK_FULL,
    )


def damaged_database_error(db_path: str | os.PathLike | None) -> StorageError:
    """A damaged SQLite file: where it is and where its backups are."""
    if db_path is None:
        return StorageError(
            "数据库文件已损坏；请从 backups 文件夹中的备份恢复",
            message_en="The database file is damaged; restore it from a copy in the backups folder",
            kind=DAMAGED,
        )
    p = Path(db_path)
    backups = p.parent / BACKUPS
    if not backups.is_dir():
        return StorageError(
            f"数据库文件 {p} 已损坏或不是本程序的数据库，无法打开；请关闭程序，将该文件移到别处，再用您保存的备份替换它",
            message_en=f"The database file {p} is damaged or not a database, and cannot be opened: close the program, move "
            "the file elsewhere and put your latest backup copy in its place",
            kind=DAMAGED,
        )
    return StorageError(
        f"数据库文件 {p} 已损坏或不是本程序的数据库，无法打开；请关闭程序，将该文件移到别处，再从备份文件夹 {backups} "
        "中复制最近的备份到原位置并改成原文件名",
        message_en=f"The database file {p} is damaged or not a database, and cannot be opened: close the program, move the "
        f"file elsewhere, then copy the latest backup from {backups} in its place under its name",
        kind=DAMAGED,
    )


def _low_on_space(db_path: Path | None) -> bool:
    if db_path is None:
        return False
    folder = db_path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


# sqlite3 names its result codes from Python 3.11 on; SQLITE_FULL is 13 in every SQLite
SQLITE_FULL = getattr(sqlite3, "SQLITE_FULL", 13)


def is_disk_full(exc: BaseException) -> bool:
    """An OSError (or a SQLite error) that says the disk is full."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return (
        getattr(orig, "sqlite_errorcode", None) == SQLITE_FULL
        or getattr(orig, "sqlstate", None) == "53100"  # PostgreSQL's disk_full
        or "database or disk is full" in str(orig).lower()
    )


# (fragment of the SQLite message, Chinese, English); first match wins
_KNOWN = (
    (
        "database is locked",
        "数据库正被另一个程序占用（已锁定），请关闭其他打开该数据的程序后重试",
        "The database is locked by another program; close it and try again",
    ),
    (
        "database table is locked",
        "数据库正被另一个程序占用（已锁定），请稍后重试",
        "The database is locked; try again in a moment",
    ),
    (
        "disk i/o error",
        "读写磁盘出错（磁盘 I/O 错误）；请检查磁盘或 U 盘是否仍然连接、是否损坏",
        "Disk I/O error; check that the disk is connected and healthy",
    ),
    (
        "unable to open database file",
        "无法打开数据库文件；请检查文件夹是否存在、是否有写入权限",
        "Cannot open the database file; check that the folder exists and is writable",
    ),
    (
        "attempt to write a readonly database",
        "数据库文件是只读的，无法保存；请检查文件权限",
        "The database file is read-only; check its permissions",
    ),
)


def known_storage_error(exc: BaseException, db_path: str | os.PathLike | None = None) -> StorageError | None:
    """The StorageError for an environment problem, or None when ``exc`` looks like a bug.

    ``db_path`` (the SQLite file, when known) lets a damaged database name its backups
    folder, and a "disk I/O error" be recognised as a full disk by the free space left.
    """
    if isinstance(exc, OSError) and is_disk_full(exc):
        return disk_full_error(getattr(exc, "filename", None))
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, (*DRIVER_ERRORS, DBAPIError)) and not isinstance(exc, DBAPIError):
        return None
    text = str(orig).lower()
    path = Path(db_path) if db_path is not None else None
    io_failed = "disk i/o error" in text or "unable to open database file" in text
    if is_disk_full(exc) or (io_failed and _low_on_space(path)):
        return disk_full_error()
    code = _sqlite_code(orig)
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or any(fragment in text for fragment in _DAMAGED):
        return damaged_database_error(path)
    for fragment, zh, en in _KNOWN:
        if fragment in text or (code is not None and _BY_CODE.get(code) == fragment):
            return StorageError(zh, message_en=en)
    return None


_TRANSLATED: tuple[type[Exception], ...] = (DBAPIError, *DRIVER_ERRORS)


@contextmanager
def translate_errors(db_path: str | os.PathLike | None = None) -> Iterator[None]:
    """Turn known SQLite environment errors into StorageError; let bugs through."""
    try:
        yield
    except _TRANSLATED as exc:
        known = known_storage_error(exc, db_path)
        if known is None:
            raise
        raise known from exc
