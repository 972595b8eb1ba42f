"""Keyboard-first: one action per key in the whole window, Ctrl+N reaches the note,
Ctrl+Shift+N starts an inspection, F8 finds what is missing, F1 lists every key."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from fengqiao_desktop.ui import shortcuts
from fengqiao_desktop.ui.main_window import MainWindow

STATION = "620102017000"  # 东岗西路街道退役军人服务站


@pytest.fixture
def window(qtbot, sync_tasks, dialogs):
    from fengqiao_desktop.ui.app import open_data, wire

    w = MainWindow()
    qtbot.addWidget(w)
    wire(w, argparse.Namespace(central=None))  # the bureau pages and their keys, as the app has them
    w.show()
    qtbot.waitExposed(w)
    open_data(w, demo=True)
    return w


def _select_station(window, qtbot, code=STATION):
    browser = window.browser
    browser.search.set_debounce_ms(0)
    browser.search.search_now(code)
    with qtbot.waitSignal(browser.station_selected):
        browser.search._choose_first()


def _open_both_forms(window, qtbot):
    _select_station(window, qtbot)
    src = window.source
    forms = [c.form_id for c in src.form_choices(src.details(STATION).level)]
    ids = window.start_inspections(STATION, forms)
    for i in ids:
        window.open_inspection(i)
    return ids


def test_no_key_is_claimed_twice_with_editors_open(window, qtbot):
    ids = _open_both_forms(window, qtbot)
    assert len(ids) == 2
    bindings = shortcuts.collect(window)
    keys = {b.key for b in bindings}
    # the window's keys and each editor's keys were all found
    assert {"Ctrl+Shift+N", "Ctrl+F", "Ctrl+I", "F1"} <= keys
    assert {"Ctrl+N", "Ctrl+Z", "Ctrl+Shift+Z", "F8"} <= keys
    assert shortcuts.clashes(bindings) == {}


def test_a_clash_is_reported(window, qtbot):
    """The check itself: a window-wide action on an editor's key is a clash."""
    _open_both_forms(window, qtbot)
    window.new_action.setShortcut("Ctrl+N")
    found = shortcuts.clashes(shortcuts.collect(window))
    assert "Ctrl+N" in found
    assert {b.scope for b in found["Ctrl+N"]} >= {shortcuts.WINDOW}


def test_ctrl_n_goes_to_the_note_and_ctrl_shift_n_starts_an_inspection(window, qtbot):
    ids = _open_both_forms(window, qtbot)
    editor = window.open_inspection(ids[0])  # the five-haves check: every item is answered here
    window.activateWindow()
    editor.focus_first()
    first = editor._order[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is editor.rows[first].note

    # 新建检查 from the keyboard: the form dialog comes up; accepting it opens another editor tab
    tabs = window.inspector.count()
    seen = []

    def accept_dialog():
        from fengqiao_desktop.ui.stations.new_inspection import NewInspectionDialog

        dlg = QApplication.activeModalWidget()
        seen.append(type(dlg).__name__)
        if isinstance(dlg, NewInspectionDialog):
            dlg.accept()
        elif dlg is not None:
            dlg.reject()

    QTimer.singleShot(200, accept_dialog)
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen == ["NewInspectionDialog"]
    assert window.inspector.count() == tabs + 2  # a visit: the five-haves check and the rubric


def test_f8_walks_to_the_next_missing_item(window, qtbot):
    ids = _open_both_forms(window, qtbot)
    editor = window.open_inspection(ids[0])  # the five-haves check
    window.activateWindow()
    editor.focus_first()
    first, second = editor._order[0], editor._order[1]
    editor.rows[first].answer_widget.set_value(True)
    editor._save(first)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert editor.current_item() == second
    editor.focus_item(editor._order[-1])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    assert editor.current_item() == first  # wraps round: the first item still lacks its photo


def test_f1_lists_every_shortcut_in_chinese(window, qtbot):
    _open_both_forms(window, qtbot)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dlg = window.findChild(shortcuts.ShortcutsDialog)
    assert dlg is not None and dlg.isVisible()
    assert dlg.windowTitle() == "快捷键"
    rows = {dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())}
    assert rows["Ctrl+N"] == "转到当前项目的备注"
    assert rows["Ctrl+Shift+N"].startswith("新建检查")
    assert rows["F8"] == "转到下一个未填写或缺照片的项目"
    assert rows["Ctrl+Z"].startswith("撤销")
    assert [k for k, v in rows.items() if not v] == []  # nothing undescribed
