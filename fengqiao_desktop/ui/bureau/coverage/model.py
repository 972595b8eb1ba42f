"""A thin tree model over the plain ``CoverageNode`` tree (county → town → station)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from fengqiao_desktop.coverage.report import KIND_STATION, KIND_TOTAL, CoverageNode, CoverageReport
from fengqiao_desktop.reports.coverage_table import (
    SUMMARY_COLUMNS,
    TABLE_KEYS,
    headers,
    node_values,
)

NodeRole = Qt.ItemDataRole.UserRole + 1
ValueRole = Qt.ItemDataRole.UserRole + 2  # the raw number (for sorting and tests)

# the same columns, titles and values as the PDF (and the CLI table): reports.coverage_table
COLUMNS = list(TABLE_KEYS)


def column_titles() -> list[str]:
    from fengqiao_desktop.ui.bureau.formatting import is_english

    lang = "en" if is_english() else "zh"
    titles = dict(zip([k for k, _zh, _en in SUMMARY_COLUMNS], headers(SUMMARY_COLUMNS, lang), strict=True))
    return [titles[k] for k in COLUMNS]


def value(node: CoverageNode, key: str):
    return node_values(node)[key]


class CoverageModel(QAbstractItemModel):
    """Top level: the areas, then the total row; areas hold towns and stations; towns hold stations."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._top: list[CoverageNode] = []
        self._parent: dict[int, CoverageNode | None] = {}
        self._row: dict[int, int] = {}
        self._titles = column_titles()

    def set_report(self, report: CoverageReport | None) -> None:
        self.beginResetModel()
        self._top = [] if report is None else [*report.areas, report.total]
        self._parent, self._row = {}, {}
        stack: list[tuple[CoverageNode | None, list[CoverageNode]]] = [(None, self._top)]
        while stack:
            parent, children = stack.pop()
            for i, ch in enumerate(children):
                self._parent[id(ch)] = parent
                self._row[id(ch)] = i
                if ch.kind != KIND_TOTAL and ch.children:
                    stack.append((ch, ch.children))
        self.endResetModel()

    def retranslate(self) -> None:
        self._titles = column_titles()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def node(self, index: QModelIndex | QPersistentModelIndex) -> CoverageNode | None:
        return index.internalPointer() if index.isValid() else None

    def _children(self, node: CoverageNode | None) -> list[CoverageNode]:
        if node is None:
            return self._top
        return [] if node.kind == KIND_TOTAL else node.children

    # -- the model API ---------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        children = self._children(self.node(parent))
        return self.createIndex(row, column, children[row])

    def parent(self, index=QModelIndex()):
        node = self.node(index)
        if node is None:
            return QModelIndex()
        p = self._parent.get(id(node))
        if p is None:
            return QModelIndex()
        return self.createIndex(self._row[id(p)], 0, p)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(self.node(parent)))

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return self._titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            v = value(node, key)
            if key.endswith("_pct"):
                return "—" if v is None else f"{v:.1f}%"
            if node.kind == KIND_STATION and key in ("target", "gap"):
                return ""  # a target is a share of a unit's stations, not one station's
            return str(v)
        if role == ValueRole:
            return value(node, key)
        if role == NodeRole:
            return node
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.kind in ("area", KIND_TOTAL):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "gap" and node.kind != KIND_STATION and node.gap > 0:
                return QBrush(QColor("#B03A2E"))
            if key in ("overdue", "vetoed") and value(node, key) > 0:
                return QBrush(QColor("#B03A2E"))
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == KIND_STATION and node.station:
            s = node.station
            if not s.inspected:
                return QCoreApplication.translate("Coverage", "Not inspected this year")
            if s.vetoed:
                return QCoreApplication.translate("Coverage", "Vetoed (一票否决)")
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
