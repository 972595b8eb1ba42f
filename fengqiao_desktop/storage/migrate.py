"""Schema migrations of the local database, applied at start-up.

``upgrade_local(db_path)`` brings a SQLite file to the newest revision. When an
upgrade is pending on a database that already holds data, the file is first
copied with SQLite's online backup API into ``<db folder>/backups/`` (the data
dir's ``backups`` folder for the default database), so a failed or unwanted
upgrade can be undone by hand. Alembic runs programmatically: the script
location is this package's ``migrations`` folder, not an ``alembic.ini`` in
the current directory. An encrypted database (``key`` given) is migrated and
backed up the same way; its backup copies are encrypted with the same key.

Alembic is imported only when an upgrade is due: whether one is, is decided by
``storage.revision`` with the plain driver (a store opened at its newest revision,
every start but the first after an update, never loads it).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.storage.cipher import DbKey, connect
from fengqiao_desktop.storage.db import BACKUPS, make_engine, path_of, translate_errors
from fengqiao_desktop.storage.revision import MIGRATIONS_DIR, head_revision, stored_state

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with translate_errors(path_of(engine.url)), engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Run the migrations on ``engine`` (any backend) in one transaction."""
    from alembic import command

    cfg = alembic_config(engine)
    with translate_errors(path_of(engine.url)), engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def backup_sqlite(
    db_path: str | os.PathLike,
    backup_dir: str | os.PathLike | None = None,
    label: str = "",
    *,
    key: DbKey | None = None,
) -> Path:
    """Copy a live SQLite database with the online backup API; returns the copy's path.

    ``key``: the database is encrypted with it, and so is the copy."""
    src_path = Path(db_path)
    folder = Path(backup_dir) if backup_dir else src_path.parent / BACKUPS
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{label}" if label else ""
    target = folder / f"{src_path.stem}-{stamp}{suffix}{src_path.suffix or '.sqlite3'}"
    with translate_errors(src_path):
        src = connect(src_path, key)
        try:
            dst = connect(target, key)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    return target


def upgrade_local(
    db_path: str | os.PathLike | None = None, revision: str = "head", *, key: DbKey | None = None
) -> Path | None:
    """Migrate the local SQLite database at ``db_path`` (default: the data dir's) to ``revision``;
    ``key``: it is encrypted with that SQLCipher key.

    Returns the path of the backup made before the upgrade, or None when none was
    needed (new database, or already up to date).
    """
    if db_path is None:
        from fengqiao_desktop import config

        db_path = config.local_db_path()
    path = Path(db_path)
    target = head_revision() if revision == "head" else revision
    with translate_errors(path):
        has_data, current = stored_state(path, key)
    if current == target:
        return None
    if current is None and has_data:
        # tables without a schema version: not a database this program made (or one
        # from a development build); upgrading it would fail half way or mix schemas
        raise StorageError(
            f"数据库文件 {path} 含有数据表但没有版本信息，不是本程序创建的数据库；"
            "请将该文件移到别处（或改名）后重新启动",
            message_en=f"The database file {path} has tables but no schema version: it was not "
            "made by this program; move or rename it and start again",
        )
    backup = None
    if has_data:
        backup = backup_sqlite(path, label=f"before-{target}", key=key)
        log.info("backed up %s to %s before upgrading %s -> %s", path, backup, current, target)
    engine = make_engine(path, key=key)
    try:
        try:
            upgrade_engine(engine, target)
        except StorageError:
            raise
        except Exception as exc:
            # the driver's message, not the SQL statement SQLAlchemy appends to it
            detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            where = f"（升级前的备份：{backup}）" if backup else ""
            raise StorageError(
                f"本地数据库升级失败：{detail}{where}",
                message_en=f"Upgrading the local database failed: {detail}"
                + (f" (backup made before the upgrade: {backup})" if backup else ""),
            ) from exc
        return backup
    finally:
        engine.dispose()
