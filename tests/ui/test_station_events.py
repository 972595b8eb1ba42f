"""Saving an answer refreshes the edited station's badge -- not the selected one's, not every station's.

The store announces ``inspection_saved(inspection_id, station_code)`` after each write
commits; the window hears it through its Qt adapter, on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from fengqiao_desktop.events import INSPECTION_SAVED, EventHub
from fengqiao_desktop.services.stations import WORK_NOT_EXPORTED
from fengqiao_desktop.ui.events import QtEvents
from fengqiao_desktop.ui.main_window import MainWindow
from fengqiao_desktop.ui.stations.badges import Badge

EDITED = "620102017000"  # 东岗西路街道退役军人服务站 (town)
SELECTED = "620102001001"  # 武都路社区 (village), another station


@pytest.fixture
def window(qtbot, sync_tasks, dialogs):
    from fengqiao_desktop.ui.app import open_data

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    open_data(w, demo=True)
    qtbot.waitUntil(lambda: w.store is not None and w.browser.model.station_count() > 0, timeout=10000)
    yield w
    for ed in list(w._editors.values()):
        ed.close()


class Reads:
    """Which stations the browser asks the source about, and whether it re-reads the whole tree."""

    def __init__(self, source, monkeypatch):
        self.badges: list[list[str]] = []
        self.states: list[list[str] | None] = []
        self.tree = 0
        badges_for, work_states, tree_rows = source.badges_for, source.work_states, source.tree_rows

        def count_badges(codes):
            self.badges.append(list(codes))
            return badges_for(codes)

        def count_states(codes=None):
            self.states.append(None if codes is None else list(codes))
            return work_states(codes)

        def count_tree():
            self.tree += 1
            return tree_rows()

        monkeypatch.setattr(source, "badges_for", count_badges)
        monkeypatch.setattr(source, "work_states", count_states)
        monkeypatch.setattr(source, "tree_rows", count_tree)


def _answer_first_item(editor, qtbot) -> str:
    """Type an answer to the editor's first item, as an inspector does (Y on a yes/no item)."""
    editor.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor.window())
    editor.focus_first()
    item = editor.current_item()
    with qtbot.waitSignal(editor.answer_saved):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y)
    return item


def test_saving_refreshes_the_edited_station_not_the_selected_one(window, qtbot, monkeypatch):
    store, browser = window.store, window.browser
    iid = store.inspections.create(EDITED, "five-haves")
    qtbot.waitUntil(lambda: browser.model.badge_of(EDITED) is Badge.DRAFT)  # created: a draft
    browser.select_station(SELECTED)
    assert browser.page.current_code() == SELECTED
    selected_before = browser.model.badge_of(SELECTED)
    editor = window.open_inspection(iid)
    reads = Reads(browser.source, monkeypatch)

    _answer_first_item(editor, qtbot)
    qtbot.waitUntil(lambda: reads.badges == [[EDITED]])
    assert reads.states == [[EDITED]]
    assert reads.tree == 0  # not the whole roster
    assert browser.page.current_code() == SELECTED  # the page shown stays where it was

    # The edited station's badge follows its inspection, whoever changed it: completed in
    # the store, the five-haves met shows in the tree, with the other station selected.
    form = store.inspections.form_of(iid)
    for it in form.items.values():
        store.inspections.set_answer(iid, it.id, True)
        for k in range(it.min_photos):
            store.photos.add_photo(iid, _jpeg(window, it.id, k), it.id, "佐证")
    store.inspections.complete(iid)
    qtbot.waitUntil(lambda: browser.model.badge_of(EDITED) is Badge.FIVE_HAVES_PASS)
    assert {c for codes in reads.badges for c in codes} == {EDITED}
    assert browser.model.badge_of(SELECTED) is selected_before
    # the filter's count moved with it: the same as counting every station again
    assert browser.filter.counts[WORK_NOT_EXPORTED] == sum(
        1 for st in store.stations.work_states(dt.date.today()).values() if WORK_NOT_EXPORTED in st
    )


def test_saving_with_no_station_selected_refreshes_only_the_edited_one(window, qtbot, monkeypatch):
    """At start-up the last inspection reopens with no station selected (the issue's stall)."""
    store, browser = window.store, window.browser
    iid = store.inspections.create(EDITED, "five-haves")
    qtbot.waitUntil(lambda: browser.model.badge_of(EDITED) is Badge.DRAFT)
    assert browser.page.current_code() is None
    editor = window.open_inspection(iid)
    reads = Reads(browser.source, monkeypatch)
    not_inspected = browser.filter.counts["not_inspected"]

    _answer_first_item(editor, qtbot)
    _answer_next(editor, qtbot)
    qtbot.waitUntil(lambda: len(reads.badges) == 2)
    assert reads.badges == [[EDITED], [EDITED]]
    assert reads.tree == 0
    assert browser.page.current_code() is None
    assert browser.filter.counts["not_inspected"] == not_inspected
    assert browser.model.badge_of(EDITED) is Badge.DRAFT


def test_the_shown_station_page_lists_the_new_inspection(window, qtbot):
    browser = window.browser
    browser.select_station(EDITED)
    rows = browser.page.inspections.rowCount()
    window.store.inspections.create(EDITED, "five-haves")
    qtbot.waitUntil(lambda: browser.page.inspections.rowCount() == rows + 1)


def test_events_from_a_worker_thread_arrive_on_the_gui_thread(qtbot):
    hub = EventHub()
    adapter = QtEvents()
    adapter.attach(hub)
    got = []
    adapter.inspection_saved.connect(
        lambda iid, code: got.append((iid, code, threading.current_thread() is threading.main_thread()))
    )
    worker = threading.Thread(
        target=hub.announce, args=(INSPECTION_SAVED,), kwargs={"inspection_id": "i-1", "station_code": "620102017000"}
    )
    worker.start()
    worker.join()
    assert got == []  # queued: nothing runs on the announcing thread
    qtbot.waitUntil(lambda: got == [("i-1", "620102017000", True)])
    adapter.detach()
    hub.announce(INSPECTION_SAVED, inspection_id="i-2", station_code="x")
    QCoreApplication.processEvents()
    assert len(got) == 1


def _answer_next(editor, qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    with qtbot.waitSignal(editor.answer_saved):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y)


def _jpeg(window, item_id: str, k: int) -> str:
    from PIL import Image

    path = window.store.data_dir / f"evidence-{item_id}-{k}.jpg"
    Image.new("RGB", (320, 240), (40 * k % 255, 90, 120)).save(path, "JPEG")
    return str(path)


def test_a_roster_import_reaches_the_tree_through_roster_changed(window, qtbot, tmp_path, dialogs):
    """A roster file adds a station: the store announces roster_changed, the tree reloads."""
    import csv

    heard = []
    window.events.roster_changed.connect(lambda added, updated: heard.append((added, updated)))
    before = window.browser.model.station_count()
    path = tmp_path / "名册.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["代码", "名称", "层级", "上级代码"])
        w.writerow(["620102017050", "新建社区退役军人服务站", "社区（村）", EDITED])
    window.import_roster(str(path))
    assert dialogs == []
    qtbot.waitUntil(lambda: window.browser.model.station_count() == before + 1, timeout=5000)
    assert heard == [(1, 0)]
    assert window.browser.model.index_for_code("620102017050").isValid()
    window.import_roster(str(path))  # the same file again: nothing changed, nothing announced
    QApplication.processEvents()
    assert heard == [(1, 0)] and window.browser.model.station_count() == before + 1
