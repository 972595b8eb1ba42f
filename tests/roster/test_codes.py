"""Station code rules: padding, levels, expected parents, ranges."""

from __future__ import annotations

import pytest

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.roster.codes import (
    CodeError,
    expected_parent,
    level_of,
    normalize_code,
    parent_problem,
    town_kind,
)


@pytest.mark.parametrize(
    ("raw", "code", "level", "parent"),
    [
        ("620100000000", "620100000000", Level.CITY, None),
        ("620100", "620100000000", Level.CITY, None),
        ("620102", "620102000000", Level.COUNTY, "620100000000"),
        (" 620102001 ", "620102001000", Level.TOWN, "620102000000"),
        ("620102001001", "620102001001", Level.VILLAGE, "620102001000"),
        (620102001001, "620102001001", Level.VILLAGE, "620102001000"),
        (620102001001.0, "620102001001", Level.VILLAGE, "620102001000"),
        ("620102001001.0", "620102001001", Level.VILLAGE, "620102001000"),
        # 东莞 has no county level: its towns sit directly under the city
        ("441900003000", "441900003000", Level.TOWN, "441900000000"),
        ("441900101", "441900101000", Level.TOWN, "441900000000"),
    ],
)
def test_normalize_level_and_parent(raw, code, level, parent):
    assert normalize_code(raw) == code
    assert level_of(code) is level
    assert expected_parent(code) == parent


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("", "为空"),
        ("62010", "5 位"),
        ("6201020010", "10 位"),
        ("62010a", "非数字"),
        ("6.20102E+11", "科学计数法"),
        ("620000", "地市段为 00"),
        ("000100", "省级段"),
        ("620102400000", "乡镇段 400"),
        ("620102001400", "村级段 400"),
        ("620102000001", "乡镇段为 000"),
    ],
)
def test_bad_codes_say_why(raw, needle):
    with pytest.raises(CodeError) as ei:
        normalize_code(raw)
    assert needle in ei.value.reason
    assert ei.value.reason_en


def test_town_and_village_kinds_follow_the_ranges():
    assert town_kind("620102001000") == "街道"
    assert town_kind("620102099000") == "街道"
    assert town_kind("620102100000") == "镇"
    assert town_kind("620102200000") == "乡"
    assert town_kind("620102001199") == "社区"
    assert town_kind("620102001200") == "村"


def test_parent_rules():
    # a town directly under its city is allowed when the roster says so
    assert parent_problem("620102001000", "620100000000") is None
    # parent must rank above the child
    assert "层级" in parent_problem("620102001000", "620102002000")[0]
    assert "层级" in parent_problem("620102000000", "620102001000")[0]
    # and the child must lie inside the parent's area
    assert "不在上级" in parent_problem("620102001000", "620103000000")[0]
    assert "不在上级" in parent_problem("620102001001", "620102002000")[0]
