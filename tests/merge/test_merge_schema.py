"""The central schema: a straight migration chain that builds exactly the models, on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select

from fengqiao_desktop.errors import StorageError
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.db import MIGRATIONS_DIR, open_central


def _script() -> ScriptDirectory:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg)


def test_the_migration_chain_is_straight():
    script = _script()
    assert len(script.get_heads()) == 1
    revs = list(script.walk_revisions())
    assert revs[-1].down_revision is None
    for rev in revs:
        assert not isinstance(rev.down_revision, tuple | list), f"merge point at {rev.revision}"
        assert not rev.branch_labels


def test_migrations_build_the_models_exactly(central_url):
    c = open_central(central_url)
    try:
        with c.engine.connect() as conn:
            mc = MigrationContext.configure(
                conn, opts={"compare_type": True, "version_table": "central_alembic_version"}
            )
            diff = compare_metadata(mc, models.Base.metadata)
            assert diff == []
            assert mc.get_current_revision() == _script().get_current_head()
        names = set(inspect(c.engine).get_table_names())
        assert set(models.Base.metadata.tables) <= names
        with c.read() as conn:
            assert conn.execute(select(models.MergeLock.__table__.c.id)).scalars().all() == [1]
    finally:
        c.dispose()
    # opening again is a no-op (already at head), content kept
    c2 = open_central(central_url)
    c2.dispose()


def test_sqlite_pragmas(tmp_path):
    c = open_central(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    try:
        with c.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.files_dir == tmp_path
    finally:
        c.dispose()


@pytest.mark.parametrize(
    "url", ["nonsense://", "mysql+nosuchdriver://x/y", "postgresql+psycopg://nobody:x@127.0.0.1:1/none"]
)
def test_unusable_url_is_a_clear_error(url):
    with pytest.raises(StorageError) as exc:
        open_central(url)
    assert "x@" not in exc.value.message_en  # the password never shows


def test_a_database_of_the_previous_schema_upgrades_with_its_content(bureau):
    """Down to c0001 (the previous release's schema) and up again: content kept, signers filled in."""
    from alembic import command
    from merge_helpers import RUBRIC

    from fengqiao_desktop.merge.db import migration_connection, upgrade
    from fengqiao_desktop.services import central as svc

    dev = bureau.device()
    rec = dev.record(RUBRIC)
    [o] = bureau.merge(dev.export(bureau.tmp / "usb", [rec]))
    assert o.status == "imported"
    before = bureau.digest()
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with migration_connection(bureau.central.engine) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "c0001")
    with bureau.central.engine.connect() as conn:
        assert (
            MigrationContext.configure(conn, opts={"version_table": "central_alembic_version"}).get_current_revision()
            == "c0001"
        )
    upgrade(bureau.central.engine, server_upgrade=True)  # PostgreSQL: as `central init --yes` does
    assert bureau.digest() == before
    rev = models.table_of(models.InspectionRevision)
    with bureau.central.read() as conn:
        assert conn.execute(select(rev.c.key_id)).scalars().all() == [dev.key_id]
    # and it goes on working: the next bundle of the same device follows the chain
    [o2] = bureau.merge(dev.export(bureau.tmp / "usb", [dev.record(RUBRIC)]))
    assert o2.status == "imported" and not o2.warnings
    assert svc.quarantine_list(url=bureau.central) == []


def test_a_first_release_database_upgrades_and_keeps_its_content(tmp_path):
    """A central database made before the review and trust history tables opens at head, content kept."""
    from alembic import command
    from sqlalchemy import insert

    from fengqiao_desktop.merge.db import create_central_engine
    from fengqiao_desktop.services import central as svc

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_central_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "c0001")
    with engine.begin() as conn:
        assert "inspection_reviews" not in inspect(conn).get_table_names()
        conn.execute(
            insert(models.Station.__table__).values(
                code="620102000000",
                name="城关区退役军人服务中心",
                level="county",
                parent_code=None,
                address="",
                contact="",
                phone="",
                veterans_served=None,
                is_demo=False,
            )
        )
    engine.dispose()
    assert [s.code for s in svc.roster_stations(url=url)] == ["620102000000"]
    assert svc.review_list(url=url) == []
    c = open_central(url)
    try:
        assert {"inspection_reviews", "trusted_key_changes"} <= set(inspect(c.engine).get_table_names())
    finally:
        c.dispose()
