"""The review page's second half: findings rectified at a re-check (回头看), awaiting 销号.

A later visit — often another inspector's, sent by a task pack — said the finding
was rectified, with a photo and a note. The clerk looks at them and closes the
finding (销号); coverage's open and overdue counts follow. The same rule is
``fengqiao central findings list/close``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.services import central as svc
from fengqiao_desktop.services import coverage as coverage_svc
from fengqiao_desktop.services.central import FollowupRow
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.formatting import when
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel, selected_row
from fengqiao_desktop.ui.errors import show_error


def _t(text: str) -> str:
    return QCoreApplication.translate("BureauFollowup", text)


def followup_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            Column(lambda: _t("Station"), lambda r: f"{r.station_name} {r.station_code}".strip()),
            Column(lambda: _t("Finding"), lambda r: r.description),
            Column(lambda: _t("Deadline"), lambda r: r.deadline or ""),
            Column(lambda: _t("Re-check note"), lambda r: r.recheck_note),
            Column(lambda: _t("Re-checked by"), lambda r: f"{r.rechecked_by} {when(r.rechecked_at)}".strip()),
        ],
        parent,
    )


class CloseDialog(QDialog):
    """Who closes the finding, and an optional note; with the re-check's photo."""

    def __init__(self, row: FollowupRow, closer: str, photo: bytes | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("closeFinding")
        self.setWindowTitle(_t("Close a finding"))
        what = QLabel(
            _t("Close “{what}” at {station}? It stops counting as open in coverage.").format(
                what=row.description, station=row.station_name or row.station_code
            )
        )
        what.setWordWrap(True)
        note = QLabel(_t("Re-check by {who}: {note}").format(who=row.rechecked_by or "—", note=row.recheck_note))
        note.setWordWrap(True)
        self.photo = QLabel()
        self.photo.setObjectName("recheckPhoto")
        pm = QPixmap()
        if photo and pm.loadFromData(photo):
            self.photo.setPixmap(
                pm.scaled(420, 280, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.photo.setText(_t("No photo"))
        self.by_edit = QLineEdit(closer)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(70)
        form = QFormLayout()
        form.addRow(_t("Closed by"), self.by_edit)
        form.addRow(_t("Note"), self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.by_edit.textChanged.connect(self._check)
        lay = QVBoxLayout(self)
        for w in (what, note, self.photo):
            lay.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.closer()))

    def closer(self) -> str:
        return self.by_edit.text().strip()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()


def _ask(dialog: CloseDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


# Replaced in tests (a modal dialog would block them): fill the dialog, return True for OK.
ask: Callable[[CloseDialog], bool] = _ask


class FollowupBox(QGroupBox):
    """Findings awaiting 销号, and the button that closes the selected one."""

    def __init__(self, page):
        super().__init__()
        self.page = page
        self.setObjectName("followups")
        self.model = followup_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 3):  # the finding and the re-check note share the width left
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.ask_close)
        self.count = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.close_button)
        row.addStretch(1)
        row.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setTitle(_t("Rectified at a re-check, awaiting closure"))
        self.close_button.setText(_t("Close finding…"))
        self.model.headers_changed()
        self._show_count()

    def reload(self) -> None:
        url = self.page.context.central
        tasks.run_task(
            _t("Loading findings"), lambda: svc.followups(url=url), self._show, lambda e: show_error(self, e)
        )

    def _show(self, rows: list[FollowupRow]) -> None:
        self.model.set_rows(rows)
        self._show_count()
        self._update()

    def _show_count(self) -> None:
        self.count.setText(_t("{n} finding(s) to close").format(n=len(self.model.rows)))

    def selected(self) -> FollowupRow | None:
        return selected_row(self.table, self.model)

    def _update(self, *_a) -> None:
        self.close_button.setEnabled(self.selected() is not None)

    def ask_close(self) -> None:
        r = self.selected()
        if r is None:
            return
        try:
            closer = self.page.context.user_name()
        except Exception:  # noqa: BLE001 - no readable profile: the clerk types a name
            closer = ""
        photo = (
            coverage_svc.photo_bytes(r.recheck_photo_sha256, url=self.page.context.central)
            if r.recheck_photo_sha256
            else None
        )
        dialog = CloseDialog(r, closer, photo, self)
        if ask(dialog):
            self.close_finding(r, dialog.closer(), dialog.note())

    def close_finding(self, r: FollowupRow, by: str, note: str) -> None:
        url = self.page.context.central

        def done(_none) -> None:
            self.page.context.notify_changed()
            self.reload()

        tasks.run_task(
            _t("Closing the finding"),
            lambda: svc.finding_close(r.inspection_id, r.finding_id, by=by, note=note, url=url),
            done,
            lambda e: show_error(self, e),
        )
