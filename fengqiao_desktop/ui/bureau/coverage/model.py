"""A thin tree model over the plain ``CoverageNode`` tree (county → town → station)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from fengqiao_desktop.coverage.report import (
    KIND_AREA,
    KIND_STATION,
    KIND_TOTAL,
    CoverageNode,
    CoverageReport,
    child_order,
    station_leaf,
)
from fengqiao_desktop.coverage.rollup import StationRow
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


class CoverageModel(QAbstractItemModel):
    """Top level: the areas, then the total row; areas hold towns and stations; towns hold stations.

    A report built without station rows gets them per area when the area is opened: the view asks
    (``fetchMore``), the model announces ``stations_wanted`` with the area's code, and whoever
    loads them hands them to ``add_stations``.
    """

    stations_wanted = Signal(str)  # an area's code

    def __init__(self, parent=None):
        super().__init__(parent)
        self._top: list[CoverageNode] = []
        self._parent: dict[int, CoverageNode | None] = {}
        self._row: dict[int, int] = {}
        self._titles = column_titles()
        self._lazy = False
        self._loaded: set[str] = set()  # areas whose stations are in (or asked for)
        self._report: CoverageReport | None = None
        # each shown node's figures, worked out once per report (a unit's target and gap walk its
        # levels, the total's every area; the view asks for each cell and role again on every paint)
        self._values: dict[int, dict] = {}

    def set_report(self, report: CoverageReport | None, *, lazy: bool = False) -> None:
        """Show ``report``; ``lazy``: it has no station rows yet, they come per area (``add_stations``)."""
        self.beginResetModel()
        self._report, self._lazy, self._loaded = report, lazy, set()
        self._values = {}
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

    def _unloaded_area(self, node: CoverageNode | None) -> bool:
        return (
            self._lazy
            and node is not None
            and node.kind == KIND_AREA
            and node.code not in self._loaded
            and node.counts.stations > 0
        )

    def hasChildren(self, parent=QModelIndex()):
        node = self.node(parent)
        if self._unloaded_area(node):
            return True
        if (
            node is not None
            and node.kind != KIND_AREA
            and self._lazy
            and node.kind != KIND_STATION
            and node.kind != KIND_TOTAL
            and not node.children
        ):
            # a town of an area not loaded yet: its stations come with the area's
            area = self._parent.get(id(node))
            return area is not None and area.code not in self._loaded and node.counts.stations > 0
        return super().hasChildren(parent)

    def canFetchMore(self, parent):
        return self._unloaded_area(self.node(parent))

    def fetchMore(self, parent):
        node = self.node(parent)
        if self._unloaded_area(node):
            assert node is not None
            self._loaded.add(node.code)
            self.stations_wanted.emit(node.code)

    def add_stations(self, area_code: str, rows: list[StationRow]) -> None:
        """Put an area's station rows in their places under the area and its towns."""
        if self._report is None:
            return
        area = next((a for a in self._report.areas if a.code == area_code), None)
        if area is None:
            return
        self._loaded.add(area_code)
        targets = self._report.targets
        towns = {ch.code: ch for ch in area.children if ch.kind != KIND_STATION}
        have = {id(ch) for n in [area, *towns.values()] for ch in n.children}
        if any(ch.kind == KIND_STATION for n in [area, *towns.values()] for ch in n.children):
            return  # already in
        new: dict[int, list[CoverageNode]] = {}
        for r in rows:
            parent = towns.get(r.town, area) if r.town else area
            new.setdefault(id(parent), []).append(station_leaf(r, targets))
        for parent in [area, *towns.values()]:
            leaves = new.get(id(parent))
            if not leaves:
                continue
            final = sorted([*parent.children, *leaves], key=child_order(parent))
            pix = self.createIndex(self._row[id(parent)], 0, parent)
            for i, node in enumerate(final):
                if id(node) in have:
                    continue
                self.beginInsertRows(pix, i, i)
                parent.children.insert(i, node)
                self._parent[id(node)] = parent
                for j in range(i, len(parent.children)):
                    self._row[id(parent.children[j])] = j
                self.endInsertRows()
                have.add(id(node))

    def retranslate(self) -> None:
        self._titles = column_titles()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _value(self, node: CoverageNode, key: str):
        values = self._values.get(id(node))
        if values is None:
            values = self._values[id(node)] = node_values(node)
        return values[key]

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
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self._titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            v = self._value(node, key)
            if key.endswith("_pct"):
                return "—" if v is None else f"{v:.1f}%"
            if node.kind == KIND_STATION and key in ("target", "gap"):
                return ""  # a target is a share of a unit's stations, not one station's
            return str(v)
        if role == ValueRole:
            return self._value(node, key)
        if role == NodeRole:
            return node
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.kind in ("area", KIND_TOTAL):
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "gap" and node.kind != KIND_STATION and self._value(node, "gap") > 0:
                return QBrush(QColor("#B03A2E"))
            if key in ("overdue", "vetoed") and self._value(node, key) > 0:
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
