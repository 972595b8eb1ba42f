"""Finding a station by name, code or pinyin initials, with the keyboard."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.stations.search import SearchResultsModel, StationSearch


def test_pinyin_initials_find_dongganxilu(demo_source):
    hits = demo_source.search("dgxl")
    assert hits and hits[0].name == "东岗西路街道退役军人服务站"


def test_name_and_code_find_the_station(demo_source):
    assert demo_source.search("东岗西路")[0].code == "620102017000"
    assert demo_source.search("620102017")[0].name == "东岗西路街道退役军人服务站"
    assert demo_source.search("no such place") == []


def test_typing_dgxl_and_enter_chooses_the_station(qtbot, demo_source, sync_tasks):
    box = StationSearch(demo_source)
    box.set_debounce_ms(0)
    qtbot.addWidget(box)
    box.show()
    box.edit.setFocus()
    qtbot.keyClicks(box.edit, "dgxl")
    assert box.results.rowCount() >= 1
    assert "东岗西路街道" in box.results.index(0).data()
    with qtbot.waitSignal(box.station_chosen) as chosen:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert chosen.args == ["620102017000"]


def test_down_arrow_moves_into_the_results(qtbot, demo_source, sync_tasks):
    box = StationSearch(demo_source)
    box.set_debounce_ms(0)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    box.search_now("社区")
    assert box.results.rowCount() > 3
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    assert box.list.hasFocus() or box.list.currentIndex().row() == 0


def test_debounced_search_runs_after_typing_stops(qtbot, demo_source):
    box = StationSearch(demo_source)
    qtbot.addWidget(box)
    with qtbot.waitSignal(box.results_shown, timeout=2000):
        box.edit.setText("jql")  # 酒泉路
    assert any("酒泉路" in box.results.index(r).data() for r in range(box.results.rowCount()))


def test_no_match_says_so(qtbot, demo_source, sync_tasks):
    box = StationSearch(demo_source)
    qtbot.addWidget(box)
    box.search_now("zzzzzz")
    assert box.results.rowCount() == 0
    assert "zzzzzz" in box.info.text()


class _HeldSource:
    """The demo source, but a query for ``held`` waits until the test lets it go (a slow database)."""

    def __init__(self, source, held: str):
        self.source = source
        self.held = held
        self.release = threading.Event()
        self.asked: list[str] = []

    def search(self, text, limit=200):
        self.asked.append(text)
        if text == self.held:
            assert self.release.wait(10)
        return self.source.search(text, limit)


@pytest.fixture
def pool_tasks():
    """The app's own thread-pool runner (searches really run on a worker)."""
    runner = tasks.PoolRunner()
    with tasks.use_runner(runner):
        yield runner
    runner.shutdown()


def test_typing_never_waits_for_a_slow_query_and_only_the_newest_hits_show(qtbot, demo_source, pool_tasks):
    source = _HeldSource(demo_source, held="社区")
    box = StationSearch(source)
    box.set_debounce_ms(0)
    qtbot.addWidget(box)
    shown = []
    box.results_shown.connect(shown.append)
    t0 = time.perf_counter()
    box.search_now("社区")  # held on the worker
    box.search_now("dg")  # typed meanwhile: waits for its turn ...
    box.search_now("dgxl")  # ... and is overtaken by the newest text
    assert time.perf_counter() - t0 < 0.5  # the GUI thread did not wait for the database
    assert box.searching() and shown == []
    source.release.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    qtbot.wait(50)
    assert shown == [box.results.rowCount()]  # the held query's hits were dropped, not shown
    assert "东岗西路街道" in box.results.index(0).data()
    assert source.asked == ["社区", "dgxl"]  # "dg" was never run


def test_enter_before_the_hits_arrive_opens_the_first_hit_of_the_text_typed(qtbot, demo_source, pool_tasks):
    source = _HeldSource(demo_source, held="dgxl")
    box = StationSearch(source)
    box.set_debounce_ms(0)
    qtbot.addWidget(box)
    box.show()
    box.edit.setFocus()
    qtbot.keyClicks(box.edit, "dgxl")
    chosen = []
    box.station_chosen.connect(chosen.append)
    qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert chosen == []
    source.release.set()
    qtbot.waitUntil(lambda: bool(chosen), timeout=5000)
    assert chosen == ["620102017000"]


def test_results_model_passes_the_model_tester(qtmodeltester, demo_source):
    model = SearchResultsModel()
    model.set_rows(demo_source.search("社区"))
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_search_at_fifty_thousand_stations_finds_dgxl(tmp_path):
    from benchmarks.bench_ui import synthetic_rows
    from fengqiao_desktop.roster.importer import upsert_rows
    from fengqiao_desktop.roster.model import StationRow
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.ui.stations.service_source import ServiceSource

    with LocalStore.open(tmp_path / "big") as store:
        upsert_rows(
            store.engine,
            [
                StationRow(code=r.code, name=r.name, level=r.level, parent_code=r.parent_code)
                for r in synthetic_rows(50_000)
            ],
        )
        source = ServiceSource(store)
        assert source.station_count() == 50_000
        assert any(r.name.startswith("东岗西路街道") for r in source.search("dgxl"))
