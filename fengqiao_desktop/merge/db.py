"""Opening the central database: engine, SQLite pragmas, migrations to head, first-use setup.

``open_central(url)`` returns a :class:`Central`: the engine plus the folder where
archived and quarantined bundle files go. That folder is the SQLite file's own
folder for a SQLite database, and ``<data dir>/central`` for a server database
(each bureau PC keeps its own copies of the files; the content lives in the DB).

Write transactions go through :meth:`Central.write`: on SQLite it starts with
``BEGIN IMMEDIATE`` (the write lock is taken up front, so two importers never
deadlock halfway), on PostgreSQL it locks the single ``merge_lock`` row, so
imports into one database run one at a time whatever the client.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from fengqiao_desktop import config
from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.merge import models
from fengqiao_desktop.storage.db import (
    CENTRAL_BUSY_TIMEOUT_MS,
    DAMAGED,
    DISK_FULL,
    install_sqlite_events,
    known_storage_error,
    path_of,
)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ARCHIVE = "archive"
_MIGRATION_LOCK = 0x46510001  # any fixed number: the advisory lock of central migrations
QUARANTINE = "quarantine"


@dataclass
class Central:
    """An open central database."""

    engine: Engine
    url: str
    files_dir: Path

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def archive_dir(self) -> Path:
        return self.files_dir / ARCHIVE

    @property
    def quarantine_dir(self) -> Path:
        return self.files_dir / QUARANTINE

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction (a consistent snapshot on both databases)."""
        with _translate_errors(self.url), self.engine.connect() as conn:
            if not self.is_sqlite:  # one snapshot for all statements, e.g. a digest during imports
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction, serialised against other writers; commits on success."""
        with _translate_errors(self.url), self.engine.connect() as conn:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                t = models.table_of(models.MergeLock)
                conn.execute(select(t.c.id).where(t.c.id == 1).with_for_update())
                yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def redacted(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@contextmanager
def _translate_errors(url: str) -> Iterator[None]:
    try:
        yield
    except DBAPIError as exc:
        # a full disk or a damaged file is named as such (storage.db: one wording for both databases)
        known = known_storage_error(exc, path_of(url))
        if known is not None and known.kind in (DISK_FULL, DAMAGED):
            raise known from exc
        if known is None and not _unreachable(exc):
            raise  # a statement the database refused: a bug, shown with the log, not as the user's fault
        raise StorageError(
            f"无法使用中心数据库 {redacted(url)}：{_short(exc)}",
            message_en=f"cannot use the central database {redacted(url)}: {_short(exc)}",
            hint="请检查数据库地址、网络和磁盘空间",
            hint_en="check the URL, the network and the disk space",
        ) from exc


# what a database that cannot be reached or used says (PostgreSQL/psycopg), lower case
_UNREACHABLE = (
    "connection",
    "could not connect",
    "server closed",
    "timeout",
    "timed out",
    "password authentication failed",
    "does not exist",
    "no pg_hba.conf entry",
    "too many clients",
    "the database system is",
)


# PostgreSQL SQLSTATE classes and codes of a server that cannot be reached or used:
# 08 connection exception, 28 invalid authorization, 3D invalid catalog name (no such
# database), 53 insufficient resources, 57P0x the server shutting down or starting
_UNREACHABLE_STATES = ("08", "28", "3D", "53", "57P0")


def _unreachable(exc: DBAPIError) -> bool:
    """The database cannot be reached or used (server down, wrong address or password, no
    such database) — the user's environment to fix, not a bug. Read from the SQLSTATE when
    the driver gives one (a failed connection has none: then from the message)."""
    if not isinstance(exc, OperationalError):
        return False
    state = getattr(exc.orig, "sqlstate", None)
    if isinstance(state, str) and state:
        return state.startswith(_UNREACHABLE_STATES)
    text = str(exc.orig if exc.orig is not None else exc).lower()
    return exc.connection_invalidated or any(f in text for f in _UNREACHABLE)


def _short(exc: DBAPIError) -> str:
    text = str(exc.orig) if exc.orig is not None else str(exc)
    return text.strip().splitlines()[0][:300] if text.strip() else type(exc).__name__


def files_dir_for(url: str) -> Path:
    """Where archive/ and quarantine/ live for this database (see the module docstring)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        return Path(u.database).expanduser().resolve().parent
    return config.central_dir()


def create_central_engine(url: str) -> Engine:
    try:
        u = make_url(url)
    except ArgumentError:
        raise StorageError(f"中心数据库地址无效：{url}", message_en=f"invalid central database URL: {url}") from None
    try:
        if u.get_backend_name() == "sqlite":
            if u.database and u.database != ":memory:":
                Path(u.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(u)
            install_sqlite_events(engine, busy_timeout_ms=CENTRAL_BUSY_TIMEOUT_MS)
        else:
            engine = create_engine(u, pool_pre_ping=True)
            # the rows of a bundle (inspections, revisions, sources, ...) as ONE multi-row INSERT rather
            # than a statement per row: fewer round trips and statements for the server to run
            engine.dialect.use_insertmanyvalues_wo_returning = True
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StorageError(
            f"不支持的数据库类型：{u.drivername}（PostgreSQL 请用 postgresql+psycopg://...）",
            message_en=f"unsupported database: {u.drivername} (use postgresql+psycopg://... for PostgreSQL)",
        ) from exc
    return engine


UPGRADE_NEEDED = "upgrade_needed"


def upgrade(engine: Engine, *, server_upgrade: bool = False) -> None:
    """Bring the schema to the newest revision of the central chain (no-op when there).

    A SQLite file made by an earlier release is backed up first, into ``backups/`` beside it.
    A server database (PostgreSQL) made by an earlier release is upgraded only with
    ``server_upgrade`` (``fengqiao central init --yes``), after its administrator has
    backed it up: otherwise a StorageError says how (the ``pg_dump`` command)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(cfg)

    def at_head(conn: Connection) -> bool:
        current = MigrationContext.configure(
            conn, opts={"version_table": "central_alembic_version"}
        ).get_current_heads()
        return set(current) == set(script.get_heads())

    with engine.connect() as conn:
        if at_head(conn):
            return
        existing = bool(
            MigrationContext.configure(conn, opts={"version_table": "central_alembic_version"}).get_current_heads()
        )
    if existing and engine.dialect.name != "sqlite" and not server_upgrade:
        url = redacted(engine.url.render_as_string(hide_password=False))
        # libpq's own URI, no password (pg_dump asks for it)
        u = engine.url
        libpq = URL.create("postgresql", u.username, None, u.host, u.port, u.database).render_as_string(
            hide_password=False
        )
        dump = f'pg_dump --format=custom --file=central-before-upgrade.dump "{libpq}"'
        raise StorageError(
            f"中心数据库 {url} 需要升级到本版程序的格式。请先由管理员备份：{dump}"
            "；备份后运行 fengqiao central init --yes 升级。",
            message_en=f"The central database {url} must be upgraded to this release's format. Have it "
            f"backed up first: {dump}; then run fengqiao central init --yes to upgrade it.",
            kind=UPGRADE_NEEDED,
        )
    db_path = path_of(str(engine.url)) if engine.dialect.name == "sqlite" else None
    if existing and db_path is not None and db_path.exists():
        # a file written by an earlier release: copied first (backups/ beside it), so an upgrade
        # that fails or is unwanted can be undone by the clerk
        from fengqiao_desktop.storage.migrate import backup_sqlite

        copy = backup_sqlite(db_path, label=f"before-{'+'.join(sorted(script.get_heads()))}")
        log.info("backed up the central database %s to %s before upgrading it", db_path, copy)
    with migration_connection(engine) as conn:
        if at_head(conn):
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction for migrating, serialised against other migrators.

    Several bureau PCs may open a fresh database at once: one migrates, the others wait
    for it and then find the schema at head (SQLite: the write lock taken up front;
    PostgreSQL: a transaction-scoped advisory lock). On SQLite, foreign keys are off
    while tables are rebuilt (batch mode), as SQLite requires, and checked before commit.
    """
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.driver_connection
        if sqlite and raw is not None:  # outside any transaction, or SQLite ignores it
            raw.execute("PRAGMA foreign_keys=OFF")
        try:
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
                yield conn
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise StorageError(
                        "中心数据库迁移后外键不一致，已撤销迁移",
                        message_en="the central database's foreign keys were "
                        "inconsistent after the migration; it was rolled back",
                    )
        finally:
            if sqlite and raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")


def open_central(
    url: str | None = None, *, register_shipped_forms: bool = True, server_upgrade: bool = False
) -> Central:
    """Open (creating or upgrading as needed) the central database at ``url``; a server database
    of an earlier release only with ``server_upgrade`` (see :func:`upgrade`)."""
    url = config.central_url(url)
    engine = create_central_engine(url)
    try:
        with _translate_errors(url):
            upgrade(engine, server_upgrade=server_upgrade)
    except BaseException:
        engine.dispose()
        raise
    central = Central(engine=engine, url=url, files_dir=files_dir_for(url))
    if register_shipped_forms:
        from fengqiao_desktop.merge.forms_registry import register_shipped

        register_shipped(central)
    return central
