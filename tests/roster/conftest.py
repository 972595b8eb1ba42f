"""Roster test helpers: write roster files the way Excel and people write them."""

from __future__ import annotations

from pathlib import Path

import pytest

HEADER_ZH = "代码,名称,层级,上级代码,地址,联系人,电话,服务退役军人数"

# A small, valid roster under the real 兰州市 codes.
GOOD_ROWS = [
    "620100000000,兰州市退役军人服务中心,市,,兰州市城关区,王建国,0931-00001111,60000",
    "620102000000,城关区退役军人服务中心,区（县）,620100000000,城关区,李海燕,0931-00001112,9000",
    "620102017000,东岗西路街道退役军人服务站,街道（乡镇）,620102000000,东岗西路,张卫东,0931-00001113,500",
    "620102017001,大众巷社区退役军人服务站,社区（村）,620102017000,大众巷,刘红梅,0931-00001114,80",
]


@pytest.fixture
def good_rows() -> list[str]:
    return list(GOOD_ROWS)


def csv_text(rows: list[str], header: str = HEADER_ZH) -> str:
    return "\r\n".join([header, *rows]) + "\r\n"


@pytest.fixture
def write_csv(tmp_path: Path):
    """write_csv(rows, encoding='utf-8', name='roster.csv', header=...) -> Path."""

    def _write(rows: list[str], encoding: str = "utf-8", name: str = "roster.csv", header: str = HEADER_ZH) -> Path:
        p = tmp_path / name
        p.write_bytes(csv_text(rows, header).encode(encoding))
        return p

    return _write


@pytest.fixture
def write_xlsx(tmp_path: Path):
    """write_xlsx(rows_as_lists, name='roster.xlsx', header=[...]) -> Path (a real workbook)."""
    import openpyxl

    def _write(
        rows: list[list], name: str = "roster.xlsx", header: list | None = None, title: str | None = None
    ) -> Path:
        wb = openpyxl.Workbook()
        ws = wb.active
        if title:
            ws.append([title])
        ws.append(header or HEADER_ZH.split(","))
        for r in rows:
            ws.append(r)
        p = tmp_path / name
        wb.save(p)
        return p

    return _write


def _stations_table():
    """The app's stations table when storage provides it; else a table of the same shape."""
    try:
        from fengqiao_desktop.roster.importer import stations_table

        return stations_table()
    except (ImportError, AttributeError):
        from sqlalchemy import Boolean, Column, ForeignKey, Integer, MetaData, String, Table

        return Table(
            "stations",
            MetaData(),
            Column("id", Integer, primary_key=True),
            Column("code", String(12), nullable=False, unique=True),
            Column("name", String(200), nullable=False),
            Column("level", String(16), nullable=False),
            Column("parent_code", String(12), ForeignKey("stations.code")),
            Column("address", String(300), nullable=False, default=""),
            Column("contact", String(100), nullable=False, default=""),
            Column("phone", String(50), nullable=False, default=""),
            Column("veterans_served", Integer),
            Column("is_demo", Boolean, nullable=False, default=False),
        )


@pytest.fixture
def station_db(tmp_path):
    """(engine, table): a real SQLite file with foreign keys on, holding an empty stations table."""
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{tmp_path / 'stations.sqlite3'}")

    @event.listens_for(engine, "connect")
    def _fk(dbapi_conn, _rec):
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    table = _stations_table()
    table.metadata.create_all(engine, tables=[table])
    yield engine, table
    engine.dispose()


@pytest.fixture
def pg_station_db():
    """(engine, table) in a fresh PostgreSQL database, dropped afterwards."""
    import os
    import uuid

    from sqlalchemy import create_engine, text

    url = os.environ["FENGQIAO_TEST_PG_URL"]
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"roster_{uuid.uuid4().hex[:10]}"
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(admin.url.set(database=name))
    table = _stations_table()
    table.metadata.create_all(engine, tables=[table])
    try:
        yield engine, table
    finally:
        engine.dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE "{name}"'))
        admin.dispose()
