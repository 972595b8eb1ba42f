"""Photos (drop, refuse bad files, gallery), findings, completion lock and reopen with a reason."""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from fengqiao_desktop.domain import InspectionStatus, Severity
from fengqiao_desktop.ui.editor.findings import FindingsTableModel
from fengqiao_desktop.ui.editor.gallery import PhotoListModel
from fengqiao_desktop.ui.editor.lifecycle import AuditTableModel
from fengqiao_desktop.ui.editor.photo_pixmaps import PhotoPixmaps


def make_jpeg(path, size=(640, 480), colour=(200, 30, 30)):
    Image.new("RGB", size, colour).save(path, "JPEG")
    return str(path)


def drop_files(widget, paths):
    """Deliver a real drop event, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(20, 20)
    with warnings.catch_warnings():  # the QPoint constructor is the only one Qt offers
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    ev = QDropEvent(
        QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, ev)


def _dismiss_boxes():
    texts = []
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox) and w.isVisible():
            texts.append(w.text())
            w.close()
    return texts


def test_drop_on_a_row_attaches_and_counts_as_evidence(editor, backend, tmp_path):
    assert ("a1", 0, 1) in editor.score().missing_evidence
    drop_files(editor.rows["a1"], [make_jpeg(tmp_path / "plate.jpg")])
    photos = backend.photos()
    assert len(photos) == 1 and photos[0].item_id == "a1"
    assert editor.rows["a1"].strip.thumbnail_count() == 1
    assert "1/1" in editor.rows["a1"].strip.count_label.text()
    assert not any(i == "a1" for i, _h, _n in editor.score().missing_evidence)


def test_non_image_and_corrupt_image_are_refused_and_nothing_changes(editor, backend, tmp_path):
    make_jpeg(tmp_path / "ok.jpg")
    text = tmp_path / "notes.txt"
    text.write_text("not a photo", encoding="utf-8")
    corrupt = tmp_path / "broken.jpg"
    corrupt.write_bytes((tmp_path / "ok.jpg").read_bytes()[:200])
    before_answers = dict(backend.answers)
    drop_files(editor.rows["a2"], [text, corrupt])
    messages = _dismiss_boxes()
    assert backend.photos() == []
    assert backend.answers == before_answers
    assert len(messages) == 1 and "notes.txt" in messages[0] and "broken.jpg" in messages[0]
    assert editor.rows["a2"].strip.thumbnail_count() == 0


def test_gallery_caption_relink_and_remove_asks_first(editor, backend, tmp_path, qtbot, monkeypatch):
    editor.add_photo_files("a1", [make_jpeg(tmp_path / "a.jpg"), make_jpeg(tmp_path / "b.jpg", colour=(0, 90, 200))])
    gallery = editor.photo_ctl.open_gallery()
    assert gallery.model.rowCount() == 2
    assert not gallery.preview.pixmap().isNull()
    gallery.caption.setText("机构牌子")
    gallery.caption.editingFinished.emit()
    assert any(p.caption == "机构牌子" for p in backend.photos())
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    gallery.remove.click()
    assert len(backend.photos()) == 2  # declined: nothing removed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    gallery.remove.click()
    assert len(backend.photos()) == 1
    assert editor.rows["a1"].strip.thumbnail_count() == 1
    gallery.close()


def test_models_pass_the_model_tester(qtmodeltester, tmp_path):
    from fengqiao_desktop.domain import FindingCategory
    from fengqiao_desktop.ui.editor.findings import FindingRow
    from fengqiao_desktop.ui.editor.lifecycle import AuditRow
    from fengqiao_desktop.ui.editor.photo_strip import PhotoRow

    fm = FindingsTableModel()
    fm.set_rows(
        [
            FindingRow("1", "a2", FindingCategory.HARDWARE, Severity.DEDUCTION, "缺分区", "张三", "2025-12-31"),
            FindingRow("2", None, FindingCategory.FUNDING, Severity.VETO),
        ]
    )
    qtmodeltester.check(fm)
    am = AuditTableModel()
    am.set_rows([AuditRow(1, "2025-01-01 10:00", "completed"), AuditRow(2, "2025-01-02", "reopened", "补充照片")])
    qtmodeltester.check(am)
    jpeg = Path(make_jpeg(tmp_path / "x.jpg")).read_bytes()
    pm = PhotoListModel({"a1": "1.1 有机构"}, PhotoPixmaps({"x": jpeg}.__getitem__))
    pm.set_rows([PhotoRow("p", "a1", "牌子", "x", "")])
    qtmodeltester.check(pm)


def test_findings_proposed_from_scores_and_edited(editor, backend, qtbot):
    editor.focus_item("a2")
    qtbot.keyClicks(QApplication.focusWidget(), "2")
    editor.findings_ctl.propose()
    model = editor.findings_ctl.panel.model
    assert model.rowCount() == 1
    assert model.row_at(0).item_id == "a2"
    dlg = editor.findings_ctl.edit(0)
    dlg.responsible.setText("李站长")
    dlg.measures.setPlainText("增设心理疏导室")
    dlg.accept()
    f = backend.findings()[0]
    assert f.responsible == "李站长" and f.measures == "增设心理疏导室" and f.deadline


def _answer_all(editor, backend, tmp_path, qtbot):
    editor.focus_first()
    for _ in editor.rows:
        w = QApplication.focusWidget()
        qtbot.keyClick(w, Qt.Key.Key_F)
        if editor.current_item() in ("b4",):
            qtbot.keyClicks(w, "7")
        if editor.current_item() == "b5":
            qtbot.keyClicks(w, "ok")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    editor.add_photo_files("a1", [make_jpeg(tmp_path / "p.jpg")])


def test_complete_refuses_with_the_list_then_locks_and_reopen_needs_a_reason(editor, backend, tmp_path, qtbot):
    assert editor.complete() is False
    refusal = editor.findChild(QMessageBox) or next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "refusal" and w.isVisible()
    )
    assert refusal.list.count() >= 6
    refusal.close()

    _answer_all(editor, backend, tmp_path, qtbot)
    assert editor.complete() is True
    assert backend.status is InspectionStatus.COMPLETED
    assert not editor.rows_host.isEnabled()
    assert editor.reopen_btn.isVisible() and not editor.complete_btn.isVisible()

    dlg = editor.ask_reopen()
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no change
    dlg.reason.setPlainText("补录整改照片")
    assert ok.isEnabled()
    ok.click()
    assert backend.revision == 2 and backend.status is InspectionStatus.DRAFT
    assert editor.rows_host.isEnabled()
    audit = editor.show_audit()
    texts = [audit.model.index(r, 3).data() for r in range(audit.model.rowCount())]
    assert "补录整改照片" in texts
    audit.close()


def test_save_as_pdf_runs_the_sheet_job(editor, tmp_path):
    target = tmp_path / "sheet.pdf"
    editor.save_pdf(str(target))
    assert target.read_bytes().startswith(b"%PDF")
    assert editor.open_pdf_btn.isEnabled() and editor.last_pdf == str(target)
