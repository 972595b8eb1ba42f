"""The central roster: the roster package's parser and upsert, writing the central stations table.

Same formats and the same all-or-nothing rule as the local roster import; the
only difference is the table written to.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.db import Central
from fengqiao_desktop.roster.model import ImportResult

STATIONS = models.table_of(models.Station)


def import_roster_file(central: Central, path: str | Path) -> ImportResult:
    from fengqiao_desktop.roster.importer import import_roster

    with central.write() as conn:
        return import_roster(conn, path, table=STATIONS)


def load_demo_roster(central: Central) -> ImportResult:
    from fengqiao_desktop.roster.demo import demo_rows
    from fengqiao_desktop.roster.importer import upsert_rows

    with central.write() as conn:
        return upsert_rows(conn, demo_rows(), table=STATIONS)


def station_count(central: Central) -> int:
    with central.read() as conn:
        return conn.execute(select(func.count()).select_from(STATIONS)).scalar_one()


def list_stations(central: Central):
    """Every station of the central roster, by code (plain ``roster.model.StationRow``)."""
    from fengqiao_desktop.domain.enums import Level
    from fengqiao_desktop.roster.model import StationRow

    with central.read() as conn:
        rows = conn.execute(select(STATIONS).order_by(STATIONS.c.code)).all()
    return [
        StationRow(
            code=r.code,
            name=r.name,
            level=Level(r.level),
            parent_code=r.parent_code,
            address=r.address or "",
            contact=r.contact or "",
            phone=r.phone or "",
            veterans_served=r.veterans_served,
            is_demo=bool(r.is_demo),
        )
        for r in rows
    ]
