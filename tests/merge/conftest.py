"""Merge test fixtures: a central database on SQLite and (marked postgres) on PostgreSQL.

PostgreSQL: each test gets a database of its own, created with a random name
through the server named by FENGQIAO_TEST_PG_URL (its role needs CREATEDB) and
dropped afterwards.
"""

from __future__ import annotations

import os
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).parent))

from merge_helpers import GATE, RUBRIC, Device, drop_pg_database  # noqa: E402

from fengqiao_desktop.merge import forms_registry  # noqa: E402
from fengqiao_desktop.merge.db import Central, open_central  # noqa: E402
from fengqiao_desktop.services import central as svc  # noqa: E402

PG_ENV = "FENGQIAO_TEST_PG_URL"


def _pg_admin():
    return create_engine(os.environ[PG_ENV], isolation_level="AUTOCOMMIT")


@pytest.fixture
def pg_database():
    """A fresh, empty PostgreSQL database; yields its URL."""
    base = make_url(os.environ[PG_ENV])
    name = f"fq_merge_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        drop_pg_database(os.environ[PG_ENV], name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def central_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central' / 'central.sqlite3'}"
    return request.getfixturevalue("pg_database")


@dataclass
class Bureau:
    """A central database with the test forms and the demo roster, and shortcuts."""

    url: str
    central: Central
    tmp: Path
    devices: list[Device] = field(default_factory=list)

    def device(self, name: str = "张三", unit: str = "城关区退役军人事务局", *, trust: bool = True, **kw) -> Device:
        d = Device(name=name, unit=unit)
        if trust:
            svc.trust_add(d.sk.public, name=name, unit=unit, url=self.central, **kw)
        self.devices.append(d)
        return d

    def merge(self, *paths, **kw):
        return svc.import_bundles([str(p) for p in paths], url=self.central, **kw)

    def digest(self) -> str:
        return svc.digest(url=self.central)

    def dump(self) -> dict:
        return svc.dump(url=self.central)


@pytest.fixture
def bureau(central_url, tmp_path) -> Bureau:
    c = open_central(central_url)
    with c.write() as conn:
        forms_registry.register_forms(conn, [GATE, RUBRIC])
    svc.load_demo(url=c)
    b = Bureau(url=central_url, central=c, tmp=tmp_path)
    yield b
    c.dispose()
