"""The central database's errors: what the user can fix is said plainly; a bug stays a bug."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.merge.db import open_central


def test_a_server_that_cannot_be_reached_is_a_plain_message():
    with pytest.raises(StorageError) as info:
        open_central("postgresql+psycopg://fengqiao:wrong@127.0.0.1:1/nowhere?connect_timeout=2")
    msg = info.value.user_message()
    assert "无法使用中心数据库" in msg and "wrong" not in msg  # the password is not shown
    assert "Traceback" not in msg


def test_a_statement_the_database_refuses_is_not_the_users_fault(tmp_path):
    central = open_central(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    try:
        with pytest.raises(OperationalError), central.read() as conn:
            conn.execute(text("SELECT * FROM no_such_table"))
    finally:
        central.dispose()


def test_the_central_sqlite_file_waits_longer_for_other_bureau_pcs(tmp_path):
    from fengqiao_desktop.storage.db import CENTRAL_BUSY_TIMEOUT_MS

    central = open_central(f"sqlite:///{tmp_path / 'central.sqlite3'}")
    try:
        with central.read() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == CENTRAL_BUSY_TIMEOUT_MS
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        central.dispose()


def test_an_older_central_file_is_backed_up_before_it_is_upgraded(tmp_path):
    import sqlite3

    from alembic import command
    from alembic.config import Config

    from fengqiao_desktop.merge.db import (
        MIGRATIONS_DIR,
        create_central_engine,
        migration_connection,
    )

    path = tmp_path / "central.sqlite3"
    engine = create_central_engine(f"sqlite:///{path}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with migration_connection(engine) as conn:  # a database as release 0.2 left it
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "c0004")
    engine.dispose()

    open_central(f"sqlite:///{path}").dispose()
    [copy] = list((tmp_path / "backups").iterdir())
    old = sqlite3.connect(copy)
    try:
        assert old.execute("SELECT version_num FROM central_alembic_version").fetchone() == ("c0004",)
        assert not old.execute("SELECT name FROM sqlite_master WHERE name = 'finding_closures'").fetchall()
    finally:
        old.close()
    open_central(f"sqlite:///{path}").dispose()  # at head now: no second copy
    assert len(list((tmp_path / "backups").iterdir())) == 1
    fresh = tmp_path / "new" / "central.sqlite3"
    open_central(f"sqlite:///{fresh}").dispose()  # a new database has nothing to back up
    assert not (fresh.parent / "backups").exists()


@pytest.mark.postgres
def test_a_server_database_of_an_earlier_release_is_upgraded_only_when_asked(pg_database, tmp_path):
    """PostgreSQL has no file to copy: the clerk is told the pg_dump command, then upgrades on --yes."""
    from alembic import command
    from alembic.config import Config
    from click.testing import CliRunner

    from fengqiao_desktop.cli.main import cli
    from fengqiao_desktop.merge.db import (
        MIGRATIONS_DIR,
        UPGRADE_NEEDED,
        create_central_engine,
        migration_connection,
    )

    engine = create_central_engine(pg_database)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with migration_connection(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "c0004")
    engine.dispose()

    with pytest.raises(StorageError) as info:
        open_central(pg_database)
    assert info.value.kind == UPGRADE_NEEDED
    msg = info.value.user_message()
    assert "pg_dump --format=custom" in msg and "fengqiao central init --yes" in msg
    assert "fengqiao:fengqiao@" not in msg  # no password in the message

    out = CliRunner().invoke(cli, ["central", "init", "--central", pg_database])
    assert out.exit_code != 0 and "pg_dump" in out.output and "Traceback" not in out.output
    out = CliRunner().invoke(cli, ["central", "init", "--yes", "--central", pg_database])
    assert out.exit_code == 0, out.output
    open_central(pg_database).dispose()  # at head now


def test_errors_are_told_by_their_codes():
    """SQLite's result code and PostgreSQL's SQLSTATE decide, whatever the message says."""
    import sqlite3

    from fengqiao_desktop.merge.db import _unreachable
    from fengqiao_desktop.storage.db import DAMAGED, known_storage_error

    locked = sqlite3.OperationalError("something went wrong")
    locked.sqlite_errorcode = 5 | (3 << 8)  # SQLITE_BUSY_SNAPSHOT: primary code BUSY
    assert "锁定" in known_storage_error(locked).user_message()
    corrupt = sqlite3.DatabaseError("no details")
    corrupt.sqlite_errorcode = 11
    assert known_storage_error(corrupt).kind == DAMAGED
    bug = sqlite3.OperationalError("no such table: x")
    bug.sqlite_errorcode = 1  # SQLITE_ERROR: a statement the database refused
    assert known_storage_error(bug) is None

    class PgError(Exception):
        def __init__(self, msg: str, sqlstate: str):
            super().__init__(msg)
            self.sqlstate = sqlstate

    refused = OperationalError("SELECT 1", {}, PgError("terminating connection", "57P01"))
    assert _unreachable(refused)
    undefined = OperationalError("SELECT x", {}, PgError("column does not exist (a connection issue?)", "42703"))
    assert not _unreachable(undefined)  # the message mentions a connection; the code says it is a bug
