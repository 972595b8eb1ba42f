"""Importing rosters into a database: all or nothing, in place by code, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from fengqiao_desktop.errors import RosterError
from fengqiao_desktop.roster.demo import demo_rows
from fengqiao_desktop.roster.importer import import_roster, upsert_rows


def _stations(engine, table) -> dict[str, dict]:
    with engine.connect() as c:
        return {r.code: dict(r._mapping) for r in c.execute(select(table))}


def _exercise(engine, table, write_csv, good_rows):
    first = import_roster(engine, write_csv(good_rows), table=table)
    assert (first.added, first.updated, first.unchanged) == (4, 0, 0)
    before = _stations(engine, table)
    assert before["620102017001"]["name"] == "大众巷社区退役军人服务站"
    assert before["620102017001"]["parent_code"] == "620102017000"

    again = import_roster(engine, write_csv(good_rows), table=table)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)

    changed = list(good_rows)
    changed[3] = changed[3].replace("刘红梅", "陈晓军").replace(",80", ",85")
    changed.append("620102017002,天水路社区退役军人服务站,社区,,,,,")
    third = import_roster(engine, write_csv(changed), table=table)
    assert (third.added, third.updated, third.unchanged) == (1, 1, 3)
    after = _stations(engine, table)
    assert after["620102017001"]["contact"] == "陈晓军"
    assert after["620102017001"]["veterans_served"] == 85
    # updated in place: same row, same id
    if "id" in after["620102017001"]:
        assert after["620102017001"]["id"] == before["620102017001"]["id"]

    # one bad row: nothing of the file is written, not even its good rows
    bad = changed + ["620102017003,,社区,,,,,"]
    bad[0] = bad[0].replace("王建国", "不该写入")
    with pytest.raises(RosterError) as ei:
        import_roster(engine, write_csv(bad), table=table)
    assert [(r, c) for r, c, _ in ei.value.rows] == [(7, "名称")]
    assert _stations(engine, table) == after


def test_import_reimport_and_all_or_nothing_on_sqlite(station_db, write_csv, good_rows):
    _exercise(*station_db, write_csv, good_rows)


@pytest.mark.postgres
def test_import_reimport_and_all_or_nothing_on_postgres(pg_station_db, write_csv, good_rows):
    _exercise(*pg_station_db, write_csv, good_rows)


def test_parent_already_in_database_is_accepted(station_db, write_csv, good_rows):
    engine, table = station_db
    import_roster(engine, write_csv(good_rows), table=table)
    res = import_roster(engine, write_csv(["620102017005,新社区退役军人服务站,社区,,,,,"]), table=table)
    assert res.added == 1


def test_demo_loads_once_and_twice_changes_nothing(station_db):
    engine, table = station_db
    n = len(demo_rows())
    first = load_demo_into(engine, table)
    assert first.added == n
    snapshot = _stations(engine, table)
    second = load_demo_into(engine, table)
    assert (second.added, second.updated, second.unchanged) == (0, 0, n)
    assert _stations(engine, table) == snapshot
    with engine.connect() as c:
        levels = dict(c.execute(select(table.c.level, func.count()).group_by(table.c.level)).all())
    assert set(levels) == {"city", "county", "town", "village"}


def load_demo_into(engine, table):
    return upsert_rows(engine, demo_rows(), table=table)
