"""Findings (整改事项): a thin table model over plain rows, the edit dialog and the panel.

Items below full marks propose findings (the service decides which); the
inspector edits category, severity, responsible person, deadline and measures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from fengqiao_desktop.domain import FindingCategory, FindingStatus, Severity
from fengqiao_desktop.domain.findings import printed_gaps


@dataclass(frozen=True)
class FindingRow:
    id: str | None
    item_id: str | None
    category: FindingCategory
    severity: Severity
    description: str = ""
    responsible: str = ""
    deadline: str = ""  # ISO date, "" when not set
    measures: str = ""
    status: FindingStatus = FindingStatus.OPEN
    item_label: str = ""  # e.g. "B1 服务大厅…", filled in by the editor for display


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("Editor", "Item"),
        QCoreApplication.translate("Editor", "Category"),
        QCoreApplication.translate("Editor", "Severity"),
        QCoreApplication.translate("Editor", "Problem"),
        QCoreApplication.translate("Editor", "Responsible"),
        QCoreApplication.translate("Editor", "Deadline"),
        QCoreApplication.translate("Editor", "Measures"),
        QCoreApplication.translate("Editor", "Status"),
    ]


# Columns typed straight into the table (责任人, 时限, 整改措施): what a printed finding needs.
COL_RESPONSIBLE, COL_DEADLINE, COL_MEASURES = 4, 5, 6
_EDITABLE = {COL_RESPONSIBLE: "responsible", COL_DEADLINE: "deadline", COL_MEASURES: "measures"}
_MISSING = QColor("#ffebee")


class FindingsTableModel(QAbstractTableModel):
    """Rows of findings; responsible, deadline and measures are edited in place (``row_edited``),
    everything else through the dialog; the controller saves through the service."""

    row_edited = Signal(object)  # the edited FindingRow

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self._rows: list[FindingRow] = []
        self._headers = _headers()
        self.read_only = False

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in _EDITABLE and not self.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in _EDITABLE:
            return False
        text = " ".join(str(value or "").split())
        if index.column() == COL_DEADLINE and text:
            day = QDate.fromString(text, Qt.DateFormat.ISODate)
            if not day.isValid():
                return False  # the cell keeps its old date; the format is in the tooltip
            text = day.toString(Qt.DateFormat.ISODate)
        row = replace(self._rows[index.row()], **{_EDITABLE[index.column()]: text})
        self._rows[index.row()] = row
        self.dataChanged.emit(index, index)
        self.row_edited.emit(row)
        return True

    def set_rows(self, rows: list[FindingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> FindingRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return [
                r.item_label or (r.item_id or ""),
                r.category.label(self.lang),
                r.severity.label(self.lang),
                r.description,
                r.responsible,
                r.deadline,
                r.measures,
                r.status.label(self.lang),
            ][col]
        if role == Qt.ItemDataRole.EditRole and col in _EDITABLE:
            return getattr(r, _EDITABLE[col])
        if role == Qt.ItemDataRole.BackgroundRole and col in _EDITABLE and not getattr(r, _EDITABLE[col]):
            return _MISSING  # printed on the sheet: an empty cell shows
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and r.severity is Severity.VETO:
            return QColor("#c62828")
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


class FindingDialog(QDialog):
    """Edit one finding: category, severity, problem, responsible person, deadline, measures, status."""

    def __init__(
        self,
        row: FindingRow,
        lang: str = "zh",
        parent: QWidget | None = None,
        save: Callable[[FindingRow], str | None] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Editor", "Finding (rectification)"))
        self._row = row
        self._save = save  # returns the refusal's text, or None once stored
        self.category = QComboBox()
        for c in FindingCategory:
            self.category.addItem(c.label(lang), c.value)
        self.category.setCurrentIndex(self.category.findData(row.category.value))
        self.severity = QComboBox()
        for s in Severity:
            self.severity.addItem(s.label(lang), s.value)
        self.severity.setCurrentIndex(self.severity.findData(row.severity.value))
        self.status = QComboBox()
        for s in FindingStatus:
            self.status.addItem(s.label(lang), s.value)
        self.status.setCurrentIndex(self.status.findData(row.status.value))
        self.description = QPlainTextEdit(row.description)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(64)
        self.responsible = QLineEdit(row.responsible)
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        d = QDate.fromString(row.deadline, "yyyy-MM-dd") if row.deadline else QDate()
        self.deadline.setDate(d if d.isValid() else QDate.currentDate().addDays(30))
        self.measures = QPlainTextEdit(row.measures)
        self.measures.setTabChangesFocus(True)
        self.measures.setFixedHeight(64)
        form = QFormLayout()
        if row.item_label:
            form.addRow(QCoreApplication.translate("Editor", "Item"), _ro(row.item_label))
        form.addRow(QCoreApplication.translate("Editor", "Category"), self.category)
        form.addRow(QCoreApplication.translate("Editor", "Severity"), self.severity)
        form.addRow(QCoreApplication.translate("Editor", "Problem"), self.description)
        form.addRow(QCoreApplication.translate("Editor", "Responsible"), self.responsible)
        form.addRow(QCoreApplication.translate("Editor", "Deadline"), self.deadline)
        form.addRow(QCoreApplication.translate("Editor", "Measures"), self.measures)
        form.addRow(QCoreApplication.translate("Editor", "Status"), self.status)
        self.error = QLabel()
        self.error.setObjectName("findingError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.resize(460, 420)
        # opened on a stored finding lacking a printed field: the cursor goes where it is missing
        self._first_gap = next(iter(printed_gaps(row)), None) if row.id else None

    def showEvent(self, e) -> None:  # noqa: N802 - Qt API
        super().showEvent(e)
        if self._first_gap:
            QTimer.singleShot(0, lambda: self._focus(self._first_gap))

    def accept(self) -> None:
        """OK stores the finding; a refusal (e.g. no measures) is shown here, nothing is lost."""
        if self._save is not None:
            row = self.result_row()
            refusal = self._save(row)
            if refusal:
                self.error.setText(refusal)
                self.error.show()
                missing = printed_gaps(row)
                if missing:
                    self._focus(missing[0])
                return
        super().accept()

    def _focus(self, field: str) -> None:
        {"responsible": self.responsible, "deadline": self.deadline, "measures": self.measures}[field].setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def result_row(self) -> FindingRow:
        return replace(
            self._row,
            category=FindingCategory(self.category.currentData()),
            severity=Severity(self.severity.currentData()),
            status=FindingStatus(self.status.currentData()),
            description=self.description.toPlainText().strip(),
            responsible=self.responsible.text().strip(),
            deadline=self.deadline.date().toString("yyyy-MM-dd"),
            measures=self.measures.toPlainText().strip(),
        )


def _ro(text: str) -> QLineEdit:
    e = QLineEdit(text)
    e.setReadOnly(True)
    return e


class FindingsPanel(QWidget):
    """The list of findings of one inspection with propose / add / edit / delete buttons."""

    propose_requested = Signal()
    add_requested = Signal()
    edit_requested = Signal(int)  # row
    delete_requested = Signal(int)

    def __init__(self, lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.model = FindingsTableModel(lang, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # 责任人, 时限, 整改措施 are typed in place (F2, typing, or a click on the selected cell)
        T = QAbstractItemView.EditTrigger
        self.view.setEditTriggers(T.EditKeyPressed | T.AnyKeyPressed | T.SelectedClicked)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._double_clicked)
        self.propose = QPushButton(QCoreApplication.translate("Editor", "Propose from scores"))
        self.propose.setToolTip(QCoreApplication.translate("Editor", "Items below full marks become findings"))
        self.add = QPushButton(QCoreApplication.translate("Editor", "Add…"))
        self.edit = QPushButton(QCoreApplication.translate("Editor", "Edit…"))
        self.delete = QPushButton(QCoreApplication.translate("Editor", "Delete"))
        self.propose.clicked.connect(self.propose_requested)
        self.add.clicked.connect(self.add_requested)
        self.edit.clicked.connect(lambda: self._emit_for_current(self.edit_requested))
        self.delete.clicked.connect(lambda: self._emit_for_current(self.delete_requested))
        buttons = QHBoxLayout()
        for b in (self.propose, self.add, self.edit, self.delete):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(self.view)

    def _double_clicked(self, ix: QModelIndex) -> None:
        if self.model.flags(ix) & Qt.ItemFlag.ItemIsEditable:
            self.view.edit(ix)
        else:
            self.edit_requested.emit(ix.row())

    def _emit_for_current(self, signal) -> None:
        ix = self.view.currentIndex()
        if ix.isValid():
            signal.emit(ix.row())
