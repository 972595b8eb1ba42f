"""The four-level station tree as a thin Qt model over plain rows.

No item object per station: the model keeps parallel lists (rows, parent
position, children positions) built once in ``set_rows()``, and a model index
carries the station's position as its internal id. Building 50,000 stations
is a couple of list passes; views only ask for the rows they draw.

A station whose parent is not in the roster (a town directly under a city
that was not imported, say) is shown at the top level rather than hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from fengqiao_desktop.domain.stations import StationSummary
from fengqiao_desktop.ui import i18n
from fengqiao_desktop.ui.stations.badges import Badge, badge_icon

CodeRole = Qt.ItemDataRole.UserRole + 1
LevelRole = Qt.ItemDataRole.UserRole + 2
BadgeRole = Qt.ItemDataRole.UserRole + 3

COL_NAME, COL_CODE, COL_BADGE = range(3)
_HEADERS = (
    QT_TRANSLATE_NOOP("StationTree", "Station"),
    QT_TRANSLATE_NOOP("StationTree", "Code"),
    QT_TRANSLATE_NOOP("StationTree", "Status"),
)

_NO_PARENT = -1


class StationTreeModel(QAbstractItemModel):
    """Stations by level: city → county → town → village."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[StationSummary] = []
        self._badges: list[Badge] = []
        self._badge_counts: Counter[Badge] = Counter()
        self._parent: list[int] = []  # position of the parent station, or _NO_PARENT
        self._row_in_parent: list[int] = []
        self._children: dict[int, list[int]] = {_NO_PARENT: []}
        self._by_code: dict[str, int] = {}

    # -- data in ---------------------------------------------------------------
    def set_rows(self, rows: Sequence[StationSummary]) -> None:
        """Replace every station (parents may come before or after their children)."""
        self.beginResetModel()
        rows = list(rows)
        by_code = {r.code: i for i, r in enumerate(rows)}
        parent = [by_code.get(r.parent_code, _NO_PARENT) if r.parent_code else _NO_PARENT
                  for r in rows]
        # A row naming itself as parent would make a loop: put it at the top.
        parent = [_NO_PARENT if p == i else p for i, p in enumerate(parent)]
        order = sorted(range(len(rows)), key=lambda i: rows[i].code)
        children: dict[int, list[int]] = {_NO_PARENT: []}
        row_in_parent = [0] * len(rows)
        for i in order:
            siblings = children.setdefault(parent[i], [])
            row_in_parent[i] = len(siblings)
            siblings.append(i)
        self._rows = rows
        self._badges = [Badge.parse(r.badge) for r in rows]
        self._badge_counts = Counter(self._badges)
        self._parent = parent
        self._row_in_parent = row_in_parent
        self._children = children
        self._by_code = by_code
        self.endResetModel()

    def set_badges(self, badges: Mapping[str, str]) -> None:
        """Update the badges of some stations (after an inspection was saved)."""
        for code, value in badges.items():
            i = self._by_code.get(code)
            if i is None:
                continue
            badge = Badge.parse(value)
            if self._badges[i] is not badge:
                self._badge_counts[self._badges[i]] -= 1
                self._badge_counts[badge] += 1
                self._badges[i] = badge
                left = self.createIndex(self._row_in_parent[i], COL_NAME, i)
                right = self.createIndex(self._row_in_parent[i], COL_BADGE, i)
                self.dataChanged.emit(left, right, [Qt.ItemDataRole.DisplayRole,
                                                    Qt.ItemDataRole.DecorationRole, BadgeRole])

    def retranslate(self) -> None:
        """Labels depend on the language: ask views to redraw them."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
        top = self._children.get(_NO_PARENT, [])
        if top:
            self.dataChanged.emit(self.index(0, 0), self.index(len(top) - 1, COL_BADGE))

    # -- lookups ---------------------------------------------------------------
    def station_count(self) -> int:
        return len(self._rows)

    def index_for_code(self, code: str, column: int = 0) -> QModelIndex:
        i = self._by_code.get(code)
        if i is None:
            return QModelIndex()
        return self.createIndex(self._row_in_parent[i], column, i)

    def row_for_index(self, index: QModelIndex) -> StationSummary | None:
        if not index.isValid():
            return None
        return self._rows[index.internalId()]

    def count_with_badge(self, badge: Badge) -> int:
        return self._badge_counts[badge]

    def codes_with_badge(self, badge: Badge) -> set[str]:
        return {r.code for r, b in zip(self._rows, self._badges, strict=True) if b is badge}

    def visibility(self, codes: set[str] | None):
        """(parent index, row, hidden) for every station: with ``codes``, only those stations
        and their ancestors stay visible; with None, all do (for ``QTreeView.setRowHidden``)."""
        keep: set[int] | None = None
        if codes is not None:
            keep = set()
            for code in codes:
                i = self._by_code.get(code, _NO_PARENT)
                while i != _NO_PARENT and i not in keep:
                    keep.add(i)
                    i = self._parent[i]
        for i in range(len(self._rows)):
            p = self._parent[i]
            parent = QModelIndex() if p == _NO_PARENT else self.createIndex(self._row_in_parent[p], 0, p)
            yield parent, self._row_in_parent[i], keep is not None and i not in keep

    def badge_of(self, code: str) -> Badge | None:
        i = self._by_code.get(code)
        return None if i is None else self._badges[i]

    # -- QAbstractItemModel ----------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(_HEADERS) or row < 0:
            return QModelIndex()
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            siblings = self._children.get(parent.internalId())
        else:
            siblings = self._children.get(_NO_PARENT)
        if not siblings or row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        p = self._parent[index.internalId()]
        if p == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(self._row_in_parent[p], 0, p)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._children.get(_NO_PARENT, ()))
        if parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId(), ()))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(_HEADERS)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        i = index.internalId()
        row = self._rows[i]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return row.name
            if col == COL_CODE:
                return row.code
            return self._badges[i].label()
        if role == Qt.ItemDataRole.DecorationRole and col == COL_NAME:
            return badge_icon(self._badges[i])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}\n{row.code} · {row.level.label(i18n.current_language())}"
        if role == CodeRole:
            return row.code
        if role == LevelRole:
            return row.level.value
        if role == BadgeRole:
            return self._badges[i].value
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(_HEADERS)):
            return QCoreApplication.translate("StationTree", _HEADERS[section])
        return None
