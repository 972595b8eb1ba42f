"""The 兰州市 demo roster is complete, consistent and marked as demo data."""

from __future__ import annotations

from collections import Counter

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.roster import codes
from fengqiao_desktop.roster.demo import demo_rows

REAL_COUNTIES = {
    "620102000000": "城关区",
    "620103000000": "七里河区",
    "620104000000": "西固区",
    "620105000000": "安宁区",
    "620111000000": "红古区",
    "620121000000": "永登县",
    "620122000000": "皋兰县",
    "620123000000": "榆中县",
}


def test_demo_has_city_real_counties_and_enough_towns_and_villages():
    rows = demo_rows()
    by_code = {r.code: r for r in rows}
    assert by_code["620100000000"].name == "兰州市退役军人服务中心"
    for code, county in REAL_COUNTIES.items():
        assert by_code[code].name == county + "退役军人服务中心"
        assert by_code[code].level is Level.COUNTY
    children = Counter(r.parent_code for r in rows)
    for code in REAL_COUNTIES:
        assert children[code] >= 3
    for town in (r for r in rows if r.level is Level.TOWN):
        assert children[town.code] >= 3
    assert {r.level for r in rows} == set(Level)


def test_named_stations_sit_where_the_report_puts_them():
    rows = {r.name: r for r in demo_rows()}
    assert rows["东岗西路街道退役军人服务站"].parent_code == "620102000000"
    assert rows["酒泉路街道退役军人服务站"].parent_code == "620102000000"
    xizhan = rows["西站街道退役军人服务站"]
    assert xizhan.parent_code == "620103000000"
    assert rows["建西东路社区退役军人服务站"].parent_code == xizhan.code


def test_demo_codes_are_valid_unique_and_flagged():
    rows = demo_rows()
    assert len({r.code for r in rows}) == len(rows)
    for r in rows:
        assert r.is_demo
        assert codes.normalize_code(r.code) == r.code
        assert codes.level_of(r.code) is r.level
        assert codes.expected_parent(r.code) == r.parent_code
        assert r.phone.startswith("0931-0000")
        assert r.veterans_served and r.veterans_served > 0
        kind = codes.town_kind(r.code)
        if kind:  # 街道/镇/乡 and 社区/村 match the code ranges
            stem = r.name.removesuffix("退役军人服务站")
            assert stem.endswith(kind), (r.code, r.name)


def test_demo_is_deterministic():
    assert demo_rows() == demo_rows()
