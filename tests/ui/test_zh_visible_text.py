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
    window.inspector.setCurrentWidget(next(iter(window._editors.values())))  # the first editor tab
    editor = window.inspector.currentWidget()
    for dlg in (window.show_shortcuts(), editor.findings_ctl.add(), editor.photo_ctl.open_gallery()):
        found += [(dlg.objectName() or type(dlg).__name__, *x) for x in leftovers(dlg)]
        dlg.close()
    assert seen > 200  # the scan really saw the window
    assert found == [], "\n".join(map(str, found))


def test_the_scan_finds_english(qtbot):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    w = QWidget()
    qtbot.addWidget(w)
    lay = QVBoxLayout(w)
    lay.addWidget(QLabel("1 pts"))
    lay.addWidget(QLabel("共 12 个服务站 · PDF · Ctrl+N"))
    w.show()
    assert [t for _w, t in leftovers(w)] == ["1 pts"]


def test_english_chrome_has_no_chinese(window, qtbot):  # noqa: F811
    """In English, menus, buttons and column headers are English (names of places and form text are data)."""
    import re

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from fengqiao_desktop.ui import i18n

    _open_both_forms(window, qtbot)
    window.set_language("en")
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old tabs are gone
    try:
        cjk = re.compile(r"[\u4e00-\u9fff]")
        found = []
        for i in range(window.inspector.count()):
            window.inspector.setCurrentIndex(i)
            found += [
                (w, t)
                for w, t in texts(window)
                if cjk.search(t)
                and t != "中文"  # the way back to Chinese is named in Chinese
                and (
                    w == "action"
                    or w.endswith("header")
                    or w.startswith(("QPushButton", "QToolButton", "QCheckBox", "QMenu"))
                )
            ]
        assert found == [], found
    finally:
        i18n.install("zh")
