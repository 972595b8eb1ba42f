"""Station repository: upsert by code, pinyin keys, renames done by plain Core statements."""

from __future__ import annotations

import dataclasses

from fengqiao_desktop.domain import Level
from fengqiao_desktop.roster.model import StationRow
from fengqiao_desktop.storage import pinyin
from fengqiao_desktop.storage.db import open_database, session_scope
from fengqiao_desktop.storage.models import Station
from fengqiao_desktop.storage.stations import StationRepo

ROWS = [
    StationRow("620102017000", "东岗西路街道退役军人服务站", Level.TOWN, "620102000000", is_demo=True),
    StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None, veterans_served=60000),
    StationRow("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
]


def test_upsert_many_inserts_parents_first_then_updates_in_place(tmp_path):
    engine = open_database(tmp_path / "s.sqlite3")
    with session_scope(engine, write=True) as s:
        r = StationRepo.upsert_many(s, ROWS)
    assert (r.added, r.updated, r.unchanged) == (3, 0, 0)
    changed = dataclasses.replace(ROWS[0], name="东岗西路街道退役军人服务站（新址）")
    with session_scope(engine, write=True) as s:
        r = StationRepo.upsert_many(s, [changed, *ROWS[1:]])
    assert (r.added, r.updated, r.unchanged) == (0, 1, 2)
    with session_scope(engine) as s:
        st = s.get(Station, "620102017000")
        assert st.name.endswith("（新址）") and st.pinyin_initials.startswith("dgxljd")
        assert StationRepo.get(s, "620102017000").is_demo is True
        assert [c.code for c in StationRepo.children(s, "620102000000")] == ["620102017000"]
    engine.dispose()


def test_search_keys_follow_a_rename_made_by_core_sql(tmp_path):
    engine = open_database(tmp_path / "s.sqlite3")
    with session_scope(engine, write=True) as s:
        StationRepo.upsert_many(s, ROWS)
    with engine.begin() as c:
        c.exec_driver_sql("UPDATE stations SET name='酒泉路街道退役军人服务站' WHERE code='620102017000'")
        c.exec_driver_sql(
            "INSERT INTO stations(code, name, level, parent_code) "
            "VALUES ('620102018000', '靖远路街道', 'town', '620102000000')"
        )
    with session_scope(engine, write=True) as s:
        assert StationRepo.refresh_search_keys(s) == 2
        assert StationRepo.refresh_search_keys(s) == 0
        assert s.get(Station, "620102017000").pinyin_initials.startswith("jqljd")
        assert s.get(Station, "620102018000").pinyin_full == "jingyuanlujiedao"
    engine.dispose()


def test_pinyin_keys():
    assert pinyin.keys("东岗西路街道") == ("dgxljd", "donggangxilujiedao")
    assert pinyin.keys("重庆")[0] == "cq"  # the phrase reading, not 重 = zhong
    assert pinyin.keys("绿洲社区2号")[1] == "lvzhoushequ2hao"
