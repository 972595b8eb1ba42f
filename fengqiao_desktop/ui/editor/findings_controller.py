"""Wires the findings panel to the service: propose, add, edit, delete (asks first)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from fengqiao_desktop.domain import FindingCategory, Severity
from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.ui.editor.backend import EditorBackend
from fengqiao_desktop.ui.editor.findings import FindingDialog, FindingRow, FindingsPanel


class FindingsController(QObject):
    def __init__(self, backend: EditorBackend, parent_widget: QWidget, item_labels: dict[str, str], lang: str = "zh"):
        super().__init__(parent_widget)
        self.backend = backend
        self.parent_widget = parent_widget
        self.item_labels = item_labels
        self.lang = lang
        self.panel = FindingsPanel(lang)
        self.panel.propose_requested.connect(self.propose)
        self.panel.add_requested.connect(self.add)
        self.panel.edit_requested.connect(self.edit)
        self.panel.delete_requested.connect(self.delete)
        self.panel.model.row_edited.connect(self.save_row)
        self.dialog: FindingDialog | None = None

    def refresh(self) -> None:
        rows = [_label(r, self.item_labels) for r in self.backend.findings()]
        self.panel.model.set_rows(rows)

    def save_row(self, row: FindingRow) -> None:
        """A cell typed in the table: saved at once through the service, like the dialog's edits."""
        try:
            self.backend.save_finding(row)
        except KnownError as exc:
            self._warn(exc.user_message(self.lang))
            QTimer.singleShot(0, self.refresh)  # the stored values back, once the cell editor is closed

    def set_read_only(self, on: bool) -> None:
        self.panel.model.read_only = on
        for b in (self.panel.propose, self.panel.add, self.panel.edit, self.panel.delete):
            b.setEnabled(not on)

    def propose(self) -> None:
        self._guard(self.backend.propose_findings)

    def add(self) -> FindingDialog:
        responsible, deadline = self.backend.finding_defaults()
        row = FindingRow(
            id=None,
            item_id=None,
            category=FindingCategory.SERVICE,
            severity=Severity.ADVICE,
            responsible=responsible,
            deadline=deadline,
        )
        return self._open(row)

    def select_finding(self, finding_id: str) -> int:
        """Select the finding's row in the table and scroll to it; its row, or -1."""
        self.refresh()
        model = self.panel.model
        for r in range(model.rowCount()):
            if model.row_at(r).id == finding_id:
                ix = model.index(r, 0)
                self.panel.view.setCurrentIndex(ix)
                self.panel.view.scrollTo(ix)
                return r
        return -1

    def open_finding(self, finding_id: str) -> FindingDialog | None:
        """Point the inspector at a finding: selected in the table, its dialog open."""
        r = self.select_finding(finding_id)
        return self.edit(r) if r >= 0 else None

    def edit(self, row_index: int) -> FindingDialog | None:
        if not (0 <= row_index < self.panel.model.rowCount()):
            return None
        return self._open(self.panel.model.row_at(row_index))

    def _open(self, row: FindingRow) -> FindingDialog:
        dlg = FindingDialog(row, self.lang, self.parent_widget, save=self._save_from_dialog)
        dlg.setObjectName("findingDialog")
        dlg.finished.connect(lambda code: self._dialog_done(dlg, code))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _save_from_dialog(self, row: FindingRow) -> str | None:
        """The dialog's OK: saved through the service; the refusal's text keeps the dialog open."""
        try:
            self.backend.save_finding(row)
        except KnownError as exc:
            return exc.user_message(self.lang)
        return None

    def _dialog_done(self, dlg: FindingDialog, code: int) -> None:
        self.dialog = None
        if code == QDialog.DialogCode.Accepted:
            self.refresh()
        dlg.deleteLater()

    def delete(self, row_index: int) -> None:
        if not (0 <= row_index < self.panel.model.rowCount()):
            return
        row = self.panel.model.row_at(row_index)
        answer = QMessageBox.question(
            self.parent_widget,
            QCoreApplication.translate("Editor", "Delete finding"),
            QCoreApplication.translate("Editor", "Delete this finding?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and row.id:
            self._guard(lambda: self.backend.delete_finding(row.id))

    def _guard(self, fn) -> None:
        try:
            fn()
        except KnownError as exc:
            self._warn(exc.user_message(self.lang))
        self.refresh()

    def _warn(self, text: str) -> QMessageBox:
        """A refusal, shown without blocking (the table keeps its stored values)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Editor", "Findings"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parent_widget,
        )
        box.setObjectName("findingRefused")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def _label(row: FindingRow, labels: dict[str, str]) -> FindingRow:
    if row.item_label or not row.item_id:
        return row
    return replace(row, item_label=labels.get(row.item_id, row.item_id))
