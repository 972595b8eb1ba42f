"""The Chinese interface shows no English: every page of the window and the common dialogs are scanned."""

from __future__ import annotations

from test_shortcuts import _open_both_forms, window  # noqa: F401 - the fixture is used by name
from visible_text import leftovers, texts


def test_every_page_and_dialog_speaks_chinese(window, qtbot):  # noqa: F811
    _open_both_forms(window, qtbot)
    found = []
    seen = 0
    for i in range(window.inspector.count()):
        window.inspector.setCurrentIndex(i)
        qtbot.wait(10)
        seen += len(texts(window))
        found += [(f"inspector tab {i}", *x) for x in leftovers(window)]
    window.set_workspace(1)
    for i in range(window.bureau.count()):
        window.bureau.setCurrentIndex(i)
        qtbot.wait(10)
        found += [(f"bureau tab {i}", *x) for x in leftovers(window)]
    window.set_workspace(0)
    window.inspector.setCurrentIndex(1)
    editor = window.inspector.currentWidget()
    for dlg in (window.show_shortcuts(), editor.findings_ctl.add(), editor.photo_ctl.open_gallery()):
        found += [(dlg.objectName() or type(dlg).__name__, *x) for x in leftovers(dlg)]
        dlg.close()
    assert seen > 200  # the scan really saw the window
    assert found == []


def test_the_scan_finds_english(qtbot):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    w = QWidget()
    qtbot.addWidget(w)
    lay = QVBoxLayout(w)
    lay.addWidget(QLabel("1 pts"))
    lay.addWidget(QLabel("共 12 个服务站 · PDF · Ctrl+N"))
    w.show()
    assert [t for _w, t in leftovers(w)] == ["1 pts"]
