"""Completing and reopening: the summary before locking, the refusal list, the reason dialog,
the audit trail.

Completing is a decision: the summary shows the score, the verdicts of the
visit, the findings and the photos, takes the signatures drawn on screen, and
locks nothing until the inspector confirms. Completion is checked by the service;
when it refuses, the editor shows the service's list of what is missing. An edit after completion needs a reason,
which reopen() stores with the new revision; the audit trail lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain.signatures import SignatureInput
from fengqiao_desktop.ui.editor.signature_pad import SignerBox


class RefusalDialog(QDialog):
    """'Cannot complete yet' with the list of what is missing.

    A problem that is a finding carries the finding's id: activating it (double click,
    Enter) emits ``finding_chosen`` and closes the dialog, so the editor opens that finding.
    """

    finding_chosen = Signal(str)

    def __init__(
        self, message: str, problems: list[str], parent: QWidget | None = None, findings: list[tuple[str, str]] = ()
    ):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Editor", "Cannot complete yet"))
        head = QLabel(message)
        head.setWordWrap(True)
        self.list = QListWidget()
        # long lines (an item's title and the finding's text) wrap instead of scrolling sideways
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.addItems(problems)
        for finding_id, text in findings:
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, finding_id)
            entry.setToolTip(QCoreApplication.translate("Editor", "Double-click to open the finding"))
            self.list.addItem(entry)
        self.list.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(self.list)
        lay.addWidget(buttons)
        self.resize(560, 380)

    def _activated(self, entry: QListWidgetItem) -> None:
        finding_id = entry.data(Qt.ItemDataRole.UserRole)
        if finding_id:
            self.accept()
            self.finding_chosen.emit(finding_id)


class CompleteSummaryDialog(QDialog):
    """The last look before locking: score, the visit's verdicts, findings, photos; and the
    signatures of the station head and the inspector, drawn on screen (optional: the printed
    sheet keeps its lines for signing on paper).

    A finding lacking a printed field never gets here: the service refuses completion first.
    """

    def __init__(
        self,
        score_line: str,
        verdicts: list[str],
        findings: int,
        photos: int,
        parent: QWidget | None = None,
        *,
        station_head: str = "",
        inspector: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("complete_summary")
        self.setWindowTitle(QCoreApplication.translate("Editor", "Complete the inspection?"))
        parts = [f"<h3>{_esc(score_line)}</h3>"]
        parts.append(
            "<p><b>{}</b></p><ul>{}</ul>".format(
                _esc(QCoreApplication.translate("Editor", "Verdicts of this visit")),
                "".join(f"<li>{_esc(v)}</li>" for v in verdicts),
            )
        )
        facts = [QCoreApplication.translate("Editor", "Photos: {n}").format(n=photos)]
        if findings:
            facts.insert(
                0,
                QCoreApplication.translate(
                    "Editor", "Findings: {n}. Every finding has a responsible person, a deadline and measures."
                ).format(n=findings),
            )
        parts.append("<p>{}</p>".format("<br/>".join(_esc(f) for f in facts)))
        parts.append(
            "<p>{}</p>".format(
                _esc(
                    QCoreApplication.translate(
                        "Editor",
                        "Completing locks the inspection; a later change needs a reason and makes a new revision.",
                    )
                )
            )
        )
        self.text = QLabel("".join(parts))
        self.text.setObjectName("summary")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        hint = QLabel(
            QCoreApplication.translate(
                "Editor",
                "Signatures (optional): the station head and the inspector may sign here with the "
                "mouse, a pen or a finger; the score sheet prints them. Without them, sign the printed sheet.",
            )
        )
        hint.setObjectName("signHint")
        hint.setWordWrap(True)
        self.head = SignerBox("station_head", QCoreApplication.translate("Editor", "Station head"), station_head)
        self.inspector = SignerBox("inspector", QCoreApplication.translate("Editor", "Inspector"), inspector)
        pads = QHBoxLayout()
        pads.addWidget(self.head)
        pads.addWidget(self.inspector)
        self.error = QLabel()
        self.error.setObjectName("signError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("Editor", "Complete and lock")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("Editor", "Cancel")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(hint)
        lay.addLayout(pads, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.resize(720, 560)

    def summary_text(self) -> str:
        return self.text.text()

    def signatures(self) -> list[SignatureInput]:
        return [g for g in (self.head.signature(), self.inspector.signature()) if g is not None]

    def accept(self) -> None:
        """A drawn signature needs its signer's name; the dialog stays open until it has one."""
        for box in (self.head, self.inspector):
            if not box.pad.is_empty() and not box.name.text().strip():
                self.error.setText(
                    QCoreApplication.translate("Editor", "Enter the name of the signer ({role}).").format(
                        role=box.title()
                    )
                )
                self.error.show()
                box.name.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        super().accept()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReopenDialog(QDialog):
    """Ask why a completed inspection is being changed; OK only with a reason."""

    def __init__(self, revision: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Editor", "Change a completed inspection"))
        info = QLabel(
            QCoreApplication.translate(
                "Editor",
                "This inspection is completed (revision {rev}). Changing it creates revision {next}; "
                "the reason is kept in the audit trail.",
            ).format(rev=revision, next=revision + 1)
        )
        info.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(QCoreApplication.translate("Editor", "Reason for the change (required)"))
        self.reason.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
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
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
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
