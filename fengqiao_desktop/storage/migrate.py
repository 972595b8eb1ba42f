"""Schema migrations of the local database, applied at start-up.

``upgrade_local(db_path)`` brings a SQLite file to the newest revision. When an
upgrade is pending on a database that already holds data, the file is first
copied with SQLite's online backup API into ``<db folder>/backups/`` (the data
dir's ``backups`` folder for the default database), so a failed or unwanted
upgrade can be undone by hand. Alembic runs programmatically: the script
location is this package's ``migrations`` folder, not an ``alembic.ini`` in
the current directory.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.storage.db import make_engine, translate_errors

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BACKUPS = "backups"


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    heads = script_directory().get_heads()
    if len(heads) != 1:  # pragma: no cover - caught by the chain test
        raise RuntimeError(f"local migrations have {len(heads)} heads: {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with translate_errors(), engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _has_tables(engine: Engine) -> bool:
    with translate_errors(), engine.connect() as conn:
        n = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).scalar()
    return bool(n)


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Run the migrations on ``engine`` (any backend) in one transaction."""
    cfg = alembic_config(engine)
    with translate_errors(), engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def backup_sqlite(db_path: str | os.PathLike, backup_dir: str | os.PathLike | None = None,
                  label: str = "") -> Path:
    """Copy a live SQLite database with the online backup API; returns the copy's path."""
    src_path = Path(db_path)
    folder = Path(backup_dir) if backup_dir else src_path.parent / BACKUPS
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    suffix = f"-{label}" if label else ""
    target = folder / f"{src_path.stem}-{stamp}{suffix}{src_path.suffix or '.sqlite3'}"
    with translate_errors():
        src = sqlite3.connect(str(src_path))
        try:
            dst = sqlite3.connect(str(target))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    return target


def upgrade_local(db_path: str | os.PathLike | None = None, revision: str = "head") -> Path | None:
    """Migrate the local SQLite database at ``db_path`` (default: the data dir's) to ``revision``.

    Returns the path of the backup made before the upgrade, or None when none was
    needed (new database, or already up to date).
    """
    if db_path is None:
        from fengqiao_desktop import config

        db_path = config.local_db_path()
    path = Path(db_path)
    engine = make_engine(path)
    try:
        target = head_revision() if revision == "head" else revision
        current = current_revision(engine)
        if current == target:
            return None
        backup = None
        if path.exists() and _has_tables(engine):
            backup = backup_sqlite(path, label=f"before-{target}")
            log.info("backed up %s to %s before upgrading %s -> %s", path, backup, current, target)
        try:
            upgrade_engine(engine, target)
        except StorageError:
            raise
        except Exception as exc:
            where = f"（升级前的备份：{backup}）" if backup else ""
            raise StorageError(
                f"本地数据库升级失败：{exc}{where}",
                message_en=f"Upgrading the local database failed: {exc}"
                + (f" (backup made before the upgrade: {backup})" if backup else "")) from exc
        return backup
    finally:
        engine.dispose()
