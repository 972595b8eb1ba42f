"""Coverage fixtures: the constructed dataset in a central database on SQLite and (marked) PostgreSQL."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))

sys.path.insert(0, str(Path(__file__).parents[1] / "merge"))

from coverage_dataset import populate  # noqa: E402
from merge_helpers import drop_pg_database  # noqa: E402

PG_ENV = "FENGQIAO_TEST_PG_URL"


@pytest.fixture
def pg_coverage_db():
    if not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} not set")
    base = make_url(os.environ[PG_ENV])
    name = f"fq_cov_{uuid.uuid4().hex[:12]}"
    admin = create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        drop_pg_database(os.environ[PG_ENV], name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def coverage_url(request, tmp_path, monkeypatch) -> str:
    from fengqiao_desktop import config
    from fengqiao_desktop.merge.db import open_central

    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(tmp_path / "data"))
    config.set_data_dir(tmp_path / "data")
    url = (
        f"sqlite:///{tmp_path / 'central' / 'central.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_coverage_db")
    )
    c = open_central(url, register_shipped_forms=False)
    try:
        populate(c)
    finally:
        c.dispose()
    yield url
    config.set_data_dir(None)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def coverage_url_empty(request, tmp_path, monkeypatch):
    """An empty central database URL (no tables yet) and a scratch folder."""
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(tmp_path / "data"))
    url = (
        f"sqlite:///{tmp_path / 'central' / 'central.sqlite3'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_coverage_db")
    )
    return url, tmp_path
