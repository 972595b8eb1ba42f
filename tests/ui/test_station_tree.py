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
    model.set_rows(
        [
            StationSummary("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
            StationSummary("620102017000", "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
        ]
    )
    assert model.rowCount() == 2
    assert {model.index(r, 0).data() for r in range(2)} == {"兰州市退役军人服务中心", "东岗西路街道退役军人服务站"}


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


def test_a_tree_grouped_on_another_thread_is_complete(qtmodeltester, demo_source):
    import threading

    from fengqiao_desktop.ui.stations.tree_model import build_tree

    built = []
    worker = threading.Thread(target=lambda: built.append(build_tree(demo_source.tree_rows())))
    worker.start()
    worker.join()
    model = StationTreeModel()
    model.set_tree(built[0])
    qtmodeltester.check(model)
    village = model.index_for_code("620102017001")
    assert village.isValid() and village.data() == demo_source.details("620102017001").name
    assert village.parent().data() == "东岗西路街道退役军人服务站"
    assert village.parent().parent().parent() == model.index(0, 0)


class _HeldTree:
    """The demo source whose whole-tree read waits until the test lets it go (a slow disk)."""

    def __init__(self, source):
        import threading

        self.source = source
        self.release = threading.Event()

    def __getattr__(self, name):
        return getattr(self.source, name)

    def tree_rows(self):
        assert self.release.wait(10)
        return self.source.tree_rows()


def test_first_level_shows_before_the_whole_tree_and_what_the_user_did_stays(qtbot, qtmodeltester, demo_source):
    from fengqiao_desktop.ui import tasks
    from fengqiao_desktop.ui.stations.browser import StationBrowser

    runner = tasks.PoolRunner()
    source = _HeldTree(demo_source)
    with tasks.use_runner(runner):
        browser = StationBrowser()
        qtbot.addWidget(browser)
        browser.show()
        loaded = []
        browser.stations_loaded.connect(loaded.append)
        with qtbot.waitSignal(browser.first_level_loaded, timeout=5000) as first:
            browser.set_source(source)
        try:
            assert first.args == [1] and loaded == []
            city = browser.model.index(0, 0)
            assert city.data() == "兰州市退役军人服务中心"
            assert browser.model.hasChildren(city)  # its expander shows before its children are in
            qtmodeltester.check(browser.model)
            browser.select_station("620102017000")  # chosen from the search before the tree is in
            assert browser.page.current_code() == "620102017000"
        finally:
            source.release.set()
        qtbot.waitUntil(lambda: bool(loaded), timeout=5000)
        runner.shutdown()
    assert loaded == [demo_source.station_count()]
    current = browser.tree.currentIndex()
    assert browser.model.row_for_index(current).code == "620102017000"  # selected in the whole tree
    assert browser.tree.isExpanded(browser.model.index(0, 0))
    assert browser.tree.isExpanded(current.parent())


def test_a_narrow_window_still_shows_the_station_names(qtbot, demo_source):
    """At 800 px wide (a window not maximised on a small laptop) the stretched name column
    keeps room for a station's name beside the code and state columns."""
    from fengqiao_desktop.ui.stations.browser import NAME_CHARS, StationBrowser
    from fengqiao_desktop.ui.stations.tree_model import COL_NAME

    browser = StationBrowser()
    qtbot.addWidget(browser)
    browser.set_source(demo_source, background=False)
    browser.resize(800, 600)
    browser.show()
    qtbot.waitExposed(browser)
    name_width = browser.tree.header().sectionSize(COL_NAME)
    assert name_width >= browser.tree.fontMetrics().horizontalAdvance("字" * NAME_CHARS)
    assert browser.page.width() > 250  # the station page keeps the rest


def test_a_station_chosen_in_the_first_level_shown_before_the_source_gets_its_page(qtbot, demo_source):
    """At start-up the first level shows before the store is open: a station clicked then has
    its page once the store is there."""
    from fengqiao_desktop.ui.stations.browser import StationBrowser

    browser = StationBrowser()
    qtbot.addWidget(browser)
    browser.show()
    browser.show_first_level(demo_source.top_rows())
    browser.tree.setCurrentIndex(browser.model.index(0, 0))
    assert browser.page.current_code() is None  # nothing to read it from yet
    browser.set_source(demo_source, background=False)
    assert browser.page.current_code() == "620100000000"
    assert browser.model.station_count() == demo_source.station_count()
