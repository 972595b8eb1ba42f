"""Engines and sessions for the local database, with SQLite's durability settings.

Every SQLite connection the pool opens gets ``journal_mode=WAL``,
``synchronous=FULL``, ``foreign_keys=ON`` and a busy timeout (a ``connect``
event, so no pooled connection escapes it). Transactions begin with a real
``BEGIN`` (``BEGIN IMMEDIATE`` for :func:`write_session`), instead of
pysqlite's implicit handling, so a writer takes the lock up front and two
writers queue on the busy timeout instead of failing half way.

Errors the user can act on — database locked, disk full, I/O error, not a
database — become :class:`StorageError` with a message naming the problem;
anything else is a bug and propagates unchanged.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from fengqiao_desktop.errors import StorageError

BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
_BEGIN_OPTION = "fengqiao_sqlite_begin"


def sqlite_url(path: str | os.PathLike) -> str:
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def _as_url(target: str | os.PathLike) -> str:
    text = os.fspath(target)
    return text if "://" in text else sqlite_url(text)


def make_engine(target: str | os.PathLike, **kw) -> Engine:
    """An engine for a SQLite file path or any SQLAlchemy URL (pragmas set on SQLite).

    Does not migrate: see :func:`open_database` for that.
    """
    url = _as_url(target)
    is_sqlite = make_url(url).get_backend_name() == "sqlite"
    if is_sqlite:
        path = make_url(url).database
        if path and path != ":memory:":
            parent = Path(path).parent
            if not parent.is_dir():
                raise StorageError(f"数据库所在的文件夹不存在：{parent}",
                                   message_en=f"The database folder does not exist: {parent}")
    with translate_errors():
        engine = create_engine(url, **kw)
    if is_sqlite:
        _install_sqlite_events(engine)
    return engine


def _install_sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # take transaction control from the driver: SQLAlchemy emits BEGIN itself below
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            for pragma in PRAGMAS:
                cur.execute(pragma)
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
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
    bind = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}) if write else engine
    return sessionmaker(bind=bind, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """A session committed on success and rolled back on error; known errors -> StorageError.

    ``write=True`` starts the transaction with ``BEGIN IMMEDIATE`` on SQLite: use it
    for any read-then-write work, so the write lock is taken before the read.
    """
    with translate_errors():
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

# (fragment of the SQLite message, Chinese, English); first match wins
_KNOWN = (
    ("database is locked", "数据库正被另一个程序占用（已锁定），请关闭其他打开该数据的程序后重试",
     "The database is locked by another program; close it and try again"),
    ("database table is locked", "数据库正被另一个程序占用（已锁定），请稍后重试",
     "The database is locked; try again in a moment"),
    ("database or disk is full", "磁盘已满，数据无法保存；请清理磁盘空间后重试",
     "The disk is full; free some space and try again"),
    ("disk i/o error", "读写磁盘出错（磁盘 I/O 错误）；请检查磁盘或 U 盘是否仍然连接、是否损坏",
     "Disk I/O error; check that the disk is connected and healthy"),
    ("file is not a database", "该文件不是本程序的数据库，或已损坏",
     "The file is not a database, or it is damaged"),
    ("database disk image is malformed", "数据库文件已损坏；请从 backups 文件夹中的备份恢复",
     "The database file is damaged; restore it from a copy in the backups folder"),
    ("unable to open database file", "无法打开数据库文件；请检查文件夹是否存在、是否有写入权限",
     "Cannot open the database file; check that the folder exists and is writable"),
    ("attempt to write a readonly database", "数据库文件是只读的，无法保存；请检查文件权限",
     "The database file is read-only; check its permissions"),
)


def known_storage_error(exc: BaseException) -> StorageError | None:
    """The StorageError for an environment problem, or None when ``exc`` looks like a bug."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if not isinstance(orig, sqlite3.Error | DBAPIError) and not isinstance(exc, DBAPIError):
        return None
    text = str(orig).lower()
    for fragment, zh, en in _KNOWN:
        if fragment in text:
            return StorageError(zh, message_en=en)
    return None


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn known SQLite environment errors into StorageError; let bugs through."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        known = known_storage_error(exc)
        if known is None:
            raise
        raise known from exc
