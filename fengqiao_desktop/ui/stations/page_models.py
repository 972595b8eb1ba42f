"""Thin table models of the station page: the station's inspections and its open findings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from fengqiao_desktop.domain.enums import (
    FindingCategory,
    FindingStatus,
    InspectionStatus,
    Severity,
    Verdict,
)
from fengqiao_desktop.ui import i18n
from fengqiao_desktop.ui.stations.source import InspectionRow, OpenFindingRow

IdRole = Qt.ItemDataRole.UserRole + 10


def _label(enum_cls, value) -> str:
    try:
        return enum_cls.parse(getattr(value, "value", value)).label(i18n.current_language())
    except ValueError:
        return str(value)


def _points(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class _RowsModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()
    context = ""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return QCoreApplication.translate(self.context, self.headers[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.headers) - 1))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.headers) - 1))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row, column: int, role):  # pragma: no cover - overridden
        return None


class InspectionsModel(_RowsModel):
    """Inspections of one station: date, form, status, score, verdict."""

    context = "InspectionsModel"
    headers = (
        QT_TRANSLATE_NOOP("InspectionsModel", "Date"),
        QT_TRANSLATE_NOOP("InspectionsModel", "Form"),
        QT_TRANSLATE_NOOP("InspectionsModel", "Status"),
        QT_TRANSLATE_NOOP("InspectionsModel", "Score"),
        QT_TRANSLATE_NOOP("InspectionsModel", "Verdict"),
    )

    def cell(self, r: InspectionRow, column: int, role):
        if role == IdRole:
            return r.inspection_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return r.date
            if column == 1:
                return r.form_title
            if column == 2:
                text = _label(InspectionStatus, r.status)
                return text if r.revision <= 1 else f"{text} (r{r.revision})"
            if column == 3:
                if r.total is None:
                    return ""
                return f"{_points(r.total)} / {_points(r.max_points)}" if r.max_points else _points(r.total)
            if column == 4:
                if r.verdict is None:
                    return ""
                return Verdict(r.verdict).label_for(r.kind, i18n.current_language())
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and r.verdict is not None:
            v = Verdict(r.verdict)
            if v is Verdict.PENDING:
                return QColor("#9a6700")
            return QColor("#2e7d32") if v is Verdict.PASS else QColor("#c62828")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OpenFindingsModel(_RowsModel):
    """Findings (整改事项) of earlier visits that are not yet verified."""

    context = "OpenFindingsModel"
    headers = (
        QT_TRANSLATE_NOOP("OpenFindingsModel", "Visit"),
        QT_TRANSLATE_NOOP("OpenFindingsModel", "Item"),
        QT_TRANSLATE_NOOP("OpenFindingsModel", "Category"),
        QT_TRANSLATE_NOOP("OpenFindingsModel", "Severity"),
        QT_TRANSLATE_NOOP("OpenFindingsModel", "Responsible"),
        QT_TRANSLATE_NOOP("OpenFindingsModel", "Deadline"),
        QT_TRANSLATE_NOOP("OpenFindingsModel", "Status"),
    )

    def cell(self, r: OpenFindingRow, column: int, role):
        if role == IdRole:
            return r.inspection_id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.date,
                r.item,
                _label(FindingCategory, r.category),
                _label(Severity, r.severity),
                r.responsible,
                r.deadline,
                _label(FindingStatus, r.status),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and r.measures:
            return r.measures
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and r.severity == Severity.VETO.value:
            return QColor("#c62828")
        return None
