"""Completing and reopening: the summary before locking, the refusal list, the reason dialog,
the audit trail.

Completing is a decision: the summary shows the score, the verdicts of the
visit, findings still lacking who / by when / what, and the photos, and locks
nothing until the inspector confirms. Completion is checked by the service;
when it refuses, the editor shows the service's list of what is missing. An edit after completion needs a reason,
which reopen() stores with the new revision; the audit trail lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)


class RefusalDialog(QDialog):
    """'Cannot complete yet' with the list of what is missing."""

    def __init__(self, message: str, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Editor", "Cannot complete yet"))
        head = QLabel(message)
        head.setWordWrap(True)
        self.list = QListWidget()
        self.list.addItems(problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.list)
        lay.addWidget(buttons)
        self.resize(460, 360)


class CompleteSummaryDialog(QDialog):
    """The last look before locking: score, the visit's verdicts, incomplete findings, photos."""

    def __init__(self, score_line: str, verdicts: list[str], findings: list[str], photos: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("complete_summary")
        self.setWindowTitle(QCoreApplication.translate("Editor", "Complete the inspection?"))
        tr = QCoreApplication.translate
        parts = [f"<h3>{_esc(score_line)}</h3>"]
        parts.append("<p><b>{}</b></p><ul>{}</ul>".format(
            _esc(tr("Editor", "Verdicts of this visit")),
            "".join(f"<li>{_esc(v)}</li>" for v in verdicts)))
        if findings:
            parts.append("<p><b>{}</b></p><ul>{}</ul>".format(
                _esc(tr("Editor", "Findings still lacking a responsible person, deadline or measures: {n}")
                     .format(n=len(findings))),
                "".join(f"<li>{_esc(f)}</li>" for f in findings)))
        else:
            parts.append("<p>{}</p>".format(_esc(tr(
                "Editor", "Every finding has a responsible person, a deadline and measures."))))
        parts.append("<p>{}</p>".format(_esc(tr("Editor", "Photos: {n}").format(n=photos))))
        parts.append("<p>{}</p>".format(_esc(tr(
            "Editor", "Completing locks the inspection; a later change needs a reason and makes a new "
            "revision."))))
        self.text = QLabel("".join(parts))
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            tr("Editor", "Complete and lock"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Editor", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.buttons)
        self.resize(560, 340)

    def summary_text(self) -> str:
        return self.text.text()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReopenDialog(QDialog):
    """Ask why a completed inspection is being changed; OK only with a reason."""

    def __init__(self, revision: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Editor", "Change a completed inspection"))
        info = QLabel(QCoreApplication.translate(
            "Editor",
            "This inspection is completed (revision {rev}). Changing it creates revision {next}; "
            "the reason is kept in the audit trail.").format(rev=revision, next=revision + 1))
        info.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(QCoreApplication.translate("Editor", "Reason for the change (required)"))
        self.reason.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        lay = QVBoxLayout(self)
        lay.addWidget(info)
        lay.addWidget(self.reason)
        lay.addWidget(self.buttons)
        self._update()
        self.resize(420, 240)

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason_text()))

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


@dataclass(frozen=True)
class AuditRow:
    revision: int
    at: str  # local time, as text
    action: str  # shown as is (already in the user's language)
    reason: str = ""
    who: str = ""  # the inspector profile that did it
    change: str = ""  # what changed, in words: "A1: No → Yes"


class AuditTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AuditRow] = []
        self._headers = [
            QCoreApplication.translate("Editor", "Revision"),
            QCoreApplication.translate("Editor", "Time"),
            QCoreApplication.translate("Editor", "Action"),
            QCoreApplication.translate("Editor", "Reason"),
            QCoreApplication.translate("Editor", "By"),
            QCoreApplication.translate("Editor", "Change"),
        ]

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            r = self._rows[index.row()]
            return [str(r.revision), r.at, r.action, r.reason, r.who, r.change][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None


class AuditDialog(QDialog):
    def __init__(self, rows: list[AuditRow], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Editor", "Audit trail"))
        self.model = AuditTableModel(self)
        self.model.set_rows(rows)
        view = QTableView()
        view.setModel(self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(view)
        lay.addWidget(buttons)
        self.view = view
        self.resize(860, 360)
