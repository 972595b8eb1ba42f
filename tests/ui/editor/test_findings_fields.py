"""Findings from deductions get a responsible person and a deadline offered, and the three printed
fields (责任人, 时限, 整改措施) are typed straight into the findings table and stored."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from test_e2e import _open_rubric, window  # noqa: F401 - the fixture is used by name
from test_keyboard import type_text

from fengqiao_desktop.ui.editor.findings import COL_DEADLINE, COL_MEASURES, COL_RESPONSIBLE


def _below_full_marks(editor):
    for iid in editor._order:
        it = editor.form.items[iid]
        if it.scored and type(editor.rows[iid].answer_widget).__name__ == "PointsAnswer" and it.max >= 2:
            return iid
    raise AssertionError("the rubric has a graded item")


def _type_into_cell(qtbot, view, index, text):
    view.setCurrentIndex(index)
    view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    if text == "\b":
        qtbot.keyPress(editor, Qt.Key.Key_Backspace)
        assert editor.text() == ""
    else:
        type_text(editor, text)
    qtbot.keyPress(editor, Qt.Key.Key_Return)  # commits and closes the cell editor
    qtbot.waitUntil(lambda: not view.isPersistentEditorOpen(index) and view.state() != view.State.EditingState)


def test_proposed_findings_get_defaults_and_the_table_edits_them(window, qtbot):  # noqa: F811
    editor = _open_rubric(window, qtbot)
    iid = _below_full_marks(editor)
    row = editor.rows[iid]
    row.answer_widget.set_value(editor.form.items[iid].max - 1)
    editor._save(iid)
    editor.findings_ctl.propose()

    inspection = editor.view.inspection_id
    stored = window.store.inspections.findings(inspection)
    assert len(stored) == 1
    station = window.store.stations.get(editor.view.extra["station_code"])
    assert station.contact and stored[0].responsible == station.contact  # the station head from the roster
    visit = editor.view.extra["visit_date"]
    assert stored[0].deadline == visit + dt.timedelta(days=30)  # the setting's default
    assert editor.form.items[iid].title.zh in stored[0].measures  # a measure offered from the item

    panel = editor.findings_ctl.panel
    model = panel.model
    _type_into_cell(qtbot, panel.view, model.index(0, COL_MEASURES), "三十日内加装无障碍坡道")
    _type_into_cell(qtbot, panel.view, model.index(0, COL_RESPONSIBLE), "王站长")
    _type_into_cell(qtbot, panel.view, model.index(0, COL_DEADLINE), "2027-01-15")
    _type_into_cell(qtbot, panel.view, model.index(0, COL_DEADLINE), "下个月")  # not a date: refused
    f = window.store.inspections.findings(inspection)[0]
    assert (f.measures, f.responsible, f.deadline) == ("三十日内加装无障碍坡道", "王站长", dt.date(2027, 1, 15))
    assert model.index(0, COL_MEASURES).data(Qt.ItemDataRole.BackgroundRole) is None
    _type_into_cell(qtbot, panel.view, model.index(0, COL_MEASURES), "\b")  # emptied: refused, kept
    qtbot.waitUntil(lambda: model.index(0, COL_MEASURES).data() == "三十日内加装无障碍坡道")
    assert window.store.inspections.findings(inspection)[0].measures == "三十日内加装无障碍坡道"
    refused = editor.findChild(QMessageBox, "findingRefused")
    assert refused is not None and "整改措施" in refused.text()
    refused.close()
