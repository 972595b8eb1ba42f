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


def _big_roster(good_rows: list[str], villages_per_town: int) -> list[str]:
    """A city, a county, three towns and their villages: more rows than one INSERT statement carries."""
    rows = good_rows[:2]
    for t in (17, 18, 19):
        town = f"620102{t:03d}000"
        rows.append(f"{town},第{t}街道退役军人服务站,街道,620102000000,,,,")
        rows += [
            f"620102{t:03d}{v:03d},第{t}街道第{v}社区,社区,{town},第{v}号,,,{v}"
            for v in range(1, villages_per_town + 1)
        ]
    return rows


def _exercise_big(engine, table, write_csv, good_rows):
    rows = _big_roster(good_rows, 84)  # 257 stations: two statements of 100 rows, then 57 one by one
    res = import_roster(engine, write_csv(rows), table=table)
    assert (res.added, res.updated, res.unchanged) == (257, 0, 0)
    stored = _stations(engine, table)
    assert len(stored) == 257
    for line in rows:
        code, name, _level, parent, address, _c, _p, served = line.split(",")
        got = stored[code]
        assert (got["name"], got["address"], got["veterans_served"]) == (name, address, int(served) if served else None)
        assert got["parent_code"] == (parent or None)
    assert stored["620102019084"]["level"] == "village"
    again = import_roster(engine, write_csv(rows), table=table)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 257)


def test_roster_of_hundreds_of_stations_is_stored_whole_on_sqlite(station_db, write_csv, good_rows):
    _exercise_big(*station_db, write_csv, good_rows)


@pytest.mark.postgres
def test_roster_of_hundreds_of_stations_is_stored_whole_on_postgres(pg_station_db, write_csv, good_rows):
    _exercise_big(*pg_station_db, write_csv, good_rows)


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
