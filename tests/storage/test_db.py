"""Engine and sessions: pragmas on every pooled connection, known errors in plain words."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.storage import meta
from fengqiao_desktop.storage.db import make_engine, open_database, session_scope
from fengqiao_desktop.storage.models import Meta


def _pragmas(conn) -> tuple:
    return tuple(
        conn.exec_driver_sql(f"PRAGMA {p}").scalar()
        for p in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
    )


def test_every_pooled_connection_has_the_pragmas(tmp_path):
    engine = open_database(tmp_path / "p.sqlite3")
    conns = [engine.connect() for _ in range(4)]  # four distinct pooled connections at once
    try:
        raw = {id(c.connection.dbapi_connection) for c in conns}
        assert len(raw) == 4
        for c in conns:
            assert _pragmas(c) == ("wal", 2, 1, 5000)
    finally:
        for c in conns:
            c.close()
    engine.dispose()


def test_connections_opened_by_threads_have_the_pragmas(tmp_path):
    engine = open_database(tmp_path / "t.sqlite3")
    results: list[tuple] = []
    barrier = threading.Barrier(5)

    def work():
        with engine.connect() as c:
            barrier.wait(timeout=10)  # all five hold a connection at the same time
            results.append(_pragmas(c))

    threads = [threading.Thread(target=work) for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [("wal", 2, 1, 5000)] * 5
    engine.dispose()


def test_foreign_keys_are_enforced(tmp_path):
    from fengqiao_desktop.storage.models import Station

    engine = open_database(tmp_path / "fk.sqlite3")
    with pytest.raises(Exception, match="FOREIGN KEY"), session_scope(engine) as s:
        s.add(Station(code="620102001000", name="x", level="town", parent_code="999999999999"))
    engine.dispose()


def test_a_file_that_is_not_a_database_is_a_known_error(tmp_path):
    bad = tmp_path / "inspections.sqlite3"
    bad.write_bytes(b"this is a text file, not SQLite" * 200)
    with pytest.raises(StorageError) as info:
        open_database(bad)
    assert "不是本程序的数据库" in info.value.message
    assert "not a database" in info.value.message_en


def test_a_locked_database_is_a_known_error(tmp_path):
    import sqlite3

    db = tmp_path / "l.sqlite3"
    engine = open_database(db)
    blocker = sqlite3.connect(db, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    locked = make_engine(db, connect_args={"timeout": 0.1})
    try:
        with locked.connect() as c:
            c.exec_driver_sql("PRAGMA busy_timeout=100")
        with pytest.raises(StorageError) as info, session_scope(locked, write=True) as s:
            meta.set_meta(s, "k", "v")
        assert "锁定" in info.value.message
    finally:
        blocker.rollback()
        blocker.close()
        locked.dispose()
        engine.dispose()


def test_a_bug_is_not_disguised_as_a_storage_error(tmp_path):
    engine = open_database(tmp_path / "b.sqlite3")
    with pytest.raises(Exception) as info, session_scope(engine) as s:
        s.execute(select(Meta).where(Meta.key == "x").where(Meta.value.op("NOSUCHOP")("y")))
    assert not isinstance(info.value, StorageError)
    engine.dispose()


def test_meta_helpers(tmp_path):
    engine = open_database(tmp_path / "meta.sqlite3")
    with session_scope(engine, write=True) as s:
        dev = meta.device_id(s)
        assert meta.export_sequence(s) == 0
        assert meta.next_export_sequence(s) == 1
        meta.set_last_manifest_sha256(s, "ab" * 32)
        meta.set_profile(s, name="张三", unit="城关区退役军人事务局")
    with session_scope(engine) as s:
        assert meta.device_id(s) == dev
        assert meta.export_sequence(s) == 1
        assert meta.last_manifest_sha256(s) == "ab" * 32
        assert meta.get_profile(s).name == "张三"
        meta.set_meta(s, "k", None)
    engine.dispose()
