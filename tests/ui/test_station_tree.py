"""The station tree: four levels from the roster, badges, and the model contract."""

from __future__ import annotations

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.domain.stations import StationSummary
from fengqiao_desktop.ui.stations.badges import Badge
from fengqiao_desktop.ui.stations.tree_model import COL_BADGE, StationTreeModel


def test_demo_tree_passes_the_model_tester(qtmodeltester, demo_source):
    model = StationTreeModel()
    model.set_rows(demo_source.tree_rows())
    qtmodeltester.check(model)


def test_tree_has_four_levels_with_the_city_on_top(demo_source):
    model = StationTreeModel()
    model.set_rows(demo_source.tree_rows())
    assert model.rowCount() == 1
    city = model.index(0, 0)
    assert city.data() == "兰州市退役军人服务中心"
    county = model.index(0, 0, city)
    town = model.index(0, 0, county)
    village = model.index(0, 0, town)
    assert village.isValid() and model.rowCount(village) == 0
    assert model.row_for_index(village).level is Level.VILLAGE


def test_station_whose_parent_is_missing_is_shown_at_the_top():
    model = StationTreeModel()
    model.set_rows([
        StationSummary("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
        StationSummary("620102017000", "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
    ])
    assert model.rowCount() == 2
    assert {model.index(r, 0).data() for r in range(2)} == {
        "兰州市退役军人服务中心", "东岗西路街道退役军人服务站"}


def test_badges_show_and_update(qtbot, qtmodeltester, demo_source):
    model = StationTreeModel()
    model.set_rows(demo_source.tree_rows())
    code = "620102017000"
    idx = model.index_for_code(code, COL_BADGE)
    assert idx.data() == "未检查"
    with qtbot.waitSignal(model.dataChanged):
        model.set_badges({code: "demonstration_pass"})
    assert model.index_for_code(code, COL_BADGE).data() == "示范型达标"
    model.set_badges({code: "draft", "620100000000": "failed"})
    assert model.badge_of(code) is Badge.DRAFT
    assert model.index_for_code("620100000000", COL_BADGE).data() == "未达标"
    qtmodeltester.check(model)


def test_a_large_roster_builds(qtmodeltester):
    from benchmarks.bench_ui import synthetic_rows

    rows = synthetic_rows(50_000)
    model = StationTreeModel()
    model.set_rows(rows)
    assert model.station_count() == 50_000
    # the model tester walks every row; a smaller slice keeps the test fast
    small = StationTreeModel()
    small.set_rows(rows[:2_000])
    qtmodeltester.check(small)
