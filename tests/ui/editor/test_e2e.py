"""End to end over the real local store: demo roster, pinyin search, keyboard-only rubric, photo, complete."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fengqiao_desktop import config
from fengqiao_desktop.formengine.schema import ItemType

CODE = "620102017000"  # 东岗西路街道退役军人服务站 (town level)


@pytest.fixture
def window(qtbot, tmp_path, sync_tasks, dialogs):
    from fengqiao_desktop.ui.app import open_data
    from fengqiao_desktop.ui.main_window import MainWindow

    config.set_data_dir(tmp_path / "data")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    qtbot.waitExposed(w)
    open_data(w, demo=True)
    qtbot.waitUntil(lambda: w.store is not None and w.browser.model.rowCount() > 0, timeout=10000)
    yield w
    for ed in list(getattr(w, "_editors", {}).values()):
        ed.close()


def _jpeg(path, color, size=(800, 600)):
    Image.new("RGB", size, color).save(path, "JPEG", quality=85)
    return str(path)


def _open_rubric(window, qtbot):
    browser = window.browser
    browser.search.set_debounce_ms(0)
    browser.search.search_now("dgxl")
    with qtbot.waitSignal(browser.station_selected):
        browser.search._choose_first()
    assert browser.page.title.text() == "东岗西路街道退役军人服务站"
    browser.page.request_new_inspection(["demonstration-town"])
    editor = window.inspector.currentWidget()
    assert type(editor).__name__ == "InspectionEditor", "the real editor, not a placeholder"
    editor.window().activateWindow()
    # keys go to the active window's focus widget: wait until the window really is active
    # (under load the offscreen platform activates it a little later)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor.window())
    return editor


def _answer_everything_by_keyboard(editor, qtbot):
    """Full marks by F, except graded items worth 2+ points get one point less (typed digits)."""
    given: dict[str, float] = {}
    editor.focus_first()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and editor.isAncestorOf(QApplication.focusWidget()))
    lowered = 0
    for iid in list(editor._order):
        item = editor.form.items[iid]
        w = QApplication.focusWidget()
        assert editor.current_item() == iid
        if item.type is ItemType.GRADED and item.max >= 2 and lowered < 3:
            qtbot.keyClicks(w, f"{item.max - 1:g}")
            given[iid] = item.max - 1
            lowered += 1
        elif item.type is ItemType.YES_NO:
            qtbot.keyClick(w, Qt.Key.Key_Y)
            given[iid] = item.max
        else:
            qtbot.keyClick(w, Qt.Key.Key_F)
            given[iid] = item.max
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    return given


def test_real_store_keyboard_rubric_photo_complete(window, qtbot, tmp_path):
    editor = _open_rubric(window, qtbot)
    given = _answer_everything_by_keyboard(editor, qtbot)
    assert editor.score().missing_answers == []

    # evidence through the drag/drop and file-dialog path, one real JPEG per required photo
    n = 0
    for iid, item in editor.form.items.items():
        for _k in range(item.min_photos or 0):
            n += 1
            editor.add_photo_files(iid, [_jpeg(tmp_path / f"p{n}.jpg", (10 * n % 255, 80, 120))])
    assert n > 0
    assert editor.score().missing_evidence == []
    assert editor.complete()

    expected_total = sum(given.values())
    expected_verdict = "pass" if expected_total >= editor.form.pass_mark else "fail"
    iid = editor.view.inspection_id
    con = sqlite3.connect(window.store.db_path)
    try:
        total, verdict, status = con.execute(
            "SELECT total, verdict, status FROM inspections WHERE id = ?", (iid,)
        ).fetchone()
        photos = con.execute("SELECT count(*) FROM photos WHERE inspection_id = ?", (iid,)).fetchone()[0]
    finally:
        con.close()
    assert total == pytest.approx(expected_total)
    assert expected_total == pytest.approx(97)
    assert verdict == expected_verdict == "pass"
    assert status == "completed"
    assert photos == n
    # the services agree, and a lowered item proposes a finding
    assert window.store.inspections.score(iid).total == pytest.approx(expected_total)


def test_corrupt_and_renamed_text_files_are_refused(window, qtbot, tmp_path):
    editor = _open_rubric(window, qtbot)
    good = _jpeg(tmp_path / "good.jpg", (200, 10, 10))
    corrupt = tmp_path / "corrupt.jpg"
    corrupt.write_bytes(Path(good).read_bytes()[:200])
    text = tmp_path / "notes.jpg"
    text.write_text("这不是照片", encoding="utf-8")
    messages = []
    editor.photo_ctl.ingest_finished.connect(lambda n, msgs: messages.append((n, msgs)))
    for path in (corrupt, text):
        editor.photo_ctl.add_files("A1", [str(path)])
    assert [n for n, _m in messages] == [0, 0]
    assert all(m and m[0] for _n, m in messages), messages
    assert window.store.photos.list(editor.view.inspection_id) == []
    con = sqlite3.connect(window.store.db_path)
    try:
        assert con.execute("SELECT count(*) FROM photos").fetchone()[0] == 0
    finally:
        con.close()


def test_print_score_sheet_from_the_editor(window, qtbot, tmp_path, monkeypatch):
    """Ctrl+P asks for a file (default name: station and date), writes the PDF, offers to open it."""
    import pdfplumber
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    editor = _open_rubric(window, qtbot)
    given = _answer_everything_by_keyboard(editor, qtbot)
    target = tmp_path / "sheet.pdf"
    asked = []

    def fake_dialog(_parent, _title, default, _filter):
        asked.append(default)
        return str(target), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    editor.complete_btn.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.last_pdf == str(target), timeout=20000)
    assert "东岗西路街道退役军人服务站" in asked[0] and asked[0].endswith(".pdf")
    assert editor.view.extra["visit_date"].isoformat() in asked[0]
    offer = editor.findChild(QMessageBox, "pdf_saved")
    assert offer is not None and offer.isVisible()
    offer.button(QMessageBox.StandardButton.Close).click()

    with pdfplumber.open(target) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    total = sum(given.values())
    assert "东岗西路街道退役军人服务站" in text
    assert f"{total:g}" in text
    assert "示范型达标" in text


def _complete_quickly(window, editor, qtbot, tmp_path):
    _answer_everything_by_keyboard(editor, qtbot)
    n = 0
    for iid, item in editor.form.items.items():
        for _k in range(item.min_photos or 0):
            n += 1
            editor.add_photo_files(iid, [_jpeg(tmp_path / f"q{n}.jpg", (n * 9 % 255, 60, 60))])
    assert editor.complete()


def test_change_after_completion_asks_a_reason_and_keeps_the_trail(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox
    from tests_ui_editor_helpers import type_chinese

    editor = _open_rubric(window, qtbot)
    _complete_quickly(window, editor, qtbot, tmp_path)
    assert editor.view.locked
    dlg = editor.ask_reopen()
    dlg.reason.setFocus()
    type_chinese(dlg.reason, "补充照片说明")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not editor.view.locked and editor.view.revision == 2
    audit = editor.show_audit()
    rows = audit.model._rows
    assert [r.action for r in rows] == ["创建", "完成", "重新打开修改"]
    assert rows[-1].reason == "补充照片说明" and rows[-1].revision == 2
    audit.close()
    # the correction is a new revision in the database; the completed one is kept
    assert [rev for rev, _at, _snap in window.store.inspections.snapshots(editor.view.inspection_id)] == [1]


def test_earlier_findings_and_returning_to_the_last_inspection(window, qtbot, tmp_path, sync_tasks, dialogs):
    import datetime as dt

    from fengqiao_desktop.ui.app import open_data
    from fengqiao_desktop.ui.main_window import MainWindow

    editor = _open_rubric(window, qtbot)
    first = window.store.inspections.create(
        CODE, "demonstration-town", "张三", visit_date=dt.date.today() - dt.timedelta(days=60)
    )
    window.close_tab(window.inspector.currentIndex())
    editor = window.open_inspection(first)  # a visit two months ago
    _answer_everything_by_keyboard(editor, qtbot)  # three items below full marks
    proposed = editor.backend.propose_findings()
    assert len(proposed) == 3
    window.store.inspections.add_finding(
        first,
        category="hardware",
        severity="deduction",
        description="服务大厅缺少无障碍通道",
        measures="增设坡道",
        responsible="王站长",
        deadline="2026-12-31",
    )
    window.close_tab(window.inspector.currentIndex())

    # a later visit of the same station shows what is still open
    window.browser.page.request_new_inspection(["five-haves"])
    later = window.inspector.currentWidget()
    assert later.earlier is not None
    assert "服务大厅缺少无障碍通道" in later.earlier.text()

    # start again: the app returns to the inspection that was open last
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    open_data(again, demo=True)
    qtbot.waitUntil(lambda: again.open_inspection_ids() == [later.view.inspection_id], timeout=10000)


def test_print_preview_from_the_editor_menu(window, qtbot):
    """Print score sheet → Print preview… shows the sheet's pages in Qt's preview; the
    temporary PDF goes away when the preview is closed."""
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    editor = _open_rubric(window, qtbot)
    _answer_everything_by_keyboard(editor, qtbot)
    actions = {a.text(): a for a in editor.pdf_btn.menu().actions()}
    assert list(actions) == ["打印预览…", "打印…", "另存为 PDF…"]
    actions["打印预览…"].trigger()
    qtbot.waitUntil(lambda: editor.sheet_print.preview_dialog is not None, timeout=20000)
    dialog = editor.sheet_print.preview_dialog
    temp = Path(dialog.windowTitle().split("— ")[-1])
    shown = dialog.findChild(QPrintPreviewWidget)
    shown.updatePreview()
    pdfs = list(Path(__import__("tempfile").gettempdir()).glob(temp.name))
    assert pdfs, "the preview's PDF exists while the preview is open"
    assert shown.pageCount() == len(PdfReader(pdfs[0]).pages) >= 1
    dialog.done(0)
    qtbot.waitUntil(lambda: not pdfs[0].exists())
