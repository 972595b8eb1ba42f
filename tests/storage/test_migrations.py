"""Local database migrations: a straight chain, upgrades from empty and from an older file, backups."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from fengqiao_desktop.storage.db import make_engine
from fengqiao_desktop.storage.migrate import (
    current_revision,
    head_revision,
    script_directory,
    upgrade_local,
)
from fengqiao_desktop.storage.models import Base


def test_revision_chain_is_straight():
    script = script_directory()
    revisions = list(script.walk_revisions())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    for rev in revisions:
        down = rev.down_revision
        if rev.revision in script.get_bases():
            assert down is None
        else:
            assert isinstance(down, str), f"{rev.revision} must have exactly one parent"
    # walking down from the head visits every revision once
    seen = [r.revision for r in revisions]
    assert len(seen) == len(set(seen))


def test_upgrade_from_empty_creates_every_table(tmp_path):
    db = tmp_path / "new.sqlite3"
    assert upgrade_local(db) is None  # nothing to back up
    engine = make_engine(db)
    with engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    engine.dispose()
    assert {
        "stations",
        "registered_forms",
        "inspections",
        "answers",
        "photos",
        "findings",
        "audit",
        "revisions",
        "inspector_profile",
        "meta",
        "alembic_version",
    } <= tables
    assert not (tmp_path / "backups").exists()


def test_existing_database_is_backed_up_before_upgrade_and_keeps_its_data(tmp_path):
    db = tmp_path / "inspections.sqlite3"
    base = script_directory().get_bases()[0]
    upgrade_local(db, revision=base)
    con = sqlite3.connect(db)
    con.execute("INSERT INTO stations(code, name, level) VALUES ('620102000000', '城关区退役军人服务中心', 'county')")
    con.commit()
    con.close()

    backup = upgrade_local(db)

    assert backup is not None and backup.parent == tmp_path / "backups"
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == base
    assert old.execute("SELECT name FROM stations").fetchone()[0] == "城关区退役军人服务中心"
    assert old.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    old.close()
    engine = make_engine(db)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM stations").scalar() == "城关区退役军人服务中心"
    engine.dispose()
    # up to date: no second backup
    assert upgrade_local(db) is None
    assert len(list((tmp_path / "backups").iterdir())) == 1


def test_models_match_migrations(tmp_path):
    db = tmp_path / "m.sqlite3"
    upgrade_local(db)
    engine = make_engine(db)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_and_up_again(tmp_path):
    from alembic import command

    from fengqiao_desktop.storage.migrate import alembic_config

    db = tmp_path / "d.sqlite3"
    upgrade_local(db)
    engine = make_engine(db)
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert current_revision(engine) is None
    engine.dispose()
    upgrade_local(db)
    engine = make_engine(db)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_database_with_tables_but_no_version_is_refused_untouched(tmp_path):
    import pytest

    from fengqiao_desktop.errors import StorageError

    db = tmp_path / "inspections.sqlite3"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE stations (code TEXT PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(StorageError) as info:
        upgrade_local(db)
    assert str(db) in info.value.message and "no schema version" in info.value.message_en
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_the_newest_revision_read_from_the_scripts_is_alembics():
    """Start-up compares a database's revision with the newest one without loading Alembic."""
    assert head_revision() == script_directory().get_heads()[0]


_OPEN = r"""
import sys
from fengqiao_desktop.services.store import LocalStore

LocalStore.open(sys.argv[1]).close()
print(",".join(m for m in ("alembic", "PIL") if m in sys.modules))
"""


def _open_in_a_new_process(data) -> list[str]:
    """Open the store in a fresh interpreter; which of Alembic and Pillow the opening loaded."""
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _OPEN, str(data)], capture_output=True, text=True, timeout=120, check=True
    ).stdout.strip()
    return [m for m in out.splitlines()[-1].split(",") if m] if out else []


def test_a_store_at_the_newest_revision_opens_without_alembic_or_pillow(tmp_path):
    """Every start but the first after an update: the store opens on the way to the station tree,
    and loading Alembic or Pillow there would delay it."""
    data = tmp_path / "data"
    data.mkdir()
    upgrade_local(data / "inspections.sqlite3")
    assert _open_in_a_new_process(data) == []


def test_a_store_due_for_a_migration_still_migrates_when_opened(tmp_path):
    import shutil
    from pathlib import Path

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "release_0_1" / "data", data)
    assert _open_in_a_new_process(data) == ["alembic"]
    engine = make_engine(data / "inspections.sqlite3")
    assert current_revision(engine) == head_revision()
    engine.dispose()
    assert list((data / "backups").glob("*before-*"))
