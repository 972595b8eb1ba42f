"""The local schema's migrations also run on PostgreSQL (open_database takes any SQLAlchemy URL)."""

from __future__ import annotations

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from fengqiao_desktop.storage.db import open_database, session_scope
from fengqiao_desktop.storage.migrate import current_revision, head_revision
from fengqiao_desktop.storage.models import Base
from fengqiao_desktop.storage.stations import StationRepo

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url():
    url = os.environ["FENGQIAO_TEST_PG_URL"]
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"local_{uuid.uuid4().hex[:10]}"
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_migrations_on_postgres_match_the_models(pg_url):
    from fengqiao_desktop.domain import Level
    from fengqiao_desktop.roster.model import StationRow

    engine = open_database(pg_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
        with session_scope(engine) as s:
            r = StationRepo.upsert_many(s, [StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY)])
        assert r.added == 1
    finally:
        engine.dispose()
