"""The four-level station tree as a thin Qt model over plain rows.

No item object per station: the model keeps parallel lists (rows, badges,
parent position) and a model index carries the station's position as its
internal id. :func:`build_tree` groups the rows by parent in one pass and
needs no Qt, so the browser runs it on a worker; the GUI thread only swaps the
result in (``set_tree``). A parent's child list is sorted, and its children's
row numbers assigned, only when a view first asks for that parent's rows (it
is expanded, or a station under it is selected): at 50,000 stations the first
level shows without ordering the 49,000 villages nobody has opened yet.

A station whose parent is not in the roster (a town directly under a city
that was not imported, say) is shown at the top level rather than hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from fengqiao_desktop.domain.enums import Level
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


@dataclass
class StationTree:
    """Stations grouped by parent, as plain data (built off the GUI thread by :func:`build_tree`)."""

    rows: list[StationSummary] = field(default_factory=list)
    badges: list[Badge] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)  # position of the parent station, or _NO_PARENT
    groups: dict[int, list[int]] = field(default_factory=dict)  # parent position -> children, unsorted
    by_code: dict[str, int] = field(default_factory=dict)


def build_tree(rows: Sequence[StationSummary]) -> StationTree:
    """Group ``rows`` by parent (parents may come before or after their children). No Qt."""
    rows = list(rows)
    by_code = {r.code: i for i, r in enumerate(rows)}
    groups: dict[int, list[int]] = {_NO_PARENT: []}
    parent = []
    for i, r in enumerate(rows):
        p = by_code.get(r.parent_code, _NO_PARENT) if r.parent_code else _NO_PARENT
        if p == i:  # a row naming itself as parent would make a loop: put it at the top
            p = _NO_PARENT
        parent.append(p)
        group = groups.get(p)
        if group is None:
            groups[p] = [i]
        else:
            group.append(i)
    return StationTree(
        rows=rows, badges=[Badge.parse(r.badge) for r in rows], parent=parent, groups=groups, by_code=by_code
    )


class StationTreeModel(QAbstractItemModel):
    """Stations by level: city → county → town → village."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._more_to_come = False  # only the first level is in; the whole tree is on its way
        self._adopt(StationTree(groups={_NO_PARENT: []}))

    def _adopt(self, tree: StationTree) -> None:
        self._rows = tree.rows
        self._badges = tree.badges
        self._badge_counts: Counter[Badge] = Counter(tree.badges)
        self._parent = tree.parent
        self._groups = tree.groups
        self._by_code = tree.by_code
        self._children: dict[int, list[int]] = {}  # parent position -> children by code, on demand
        self._row_in_parent = [0] * len(tree.rows)  # valid once the parent's children are listed

    # -- data in ---------------------------------------------------------------
    def set_rows(self, rows: Sequence[StationSummary], *, more_to_come: bool = False) -> None:
        """Replace every station (parents may come before or after their children). With
        ``more_to_come``, ``rows`` are the first level only: stations above the village level
        show an expander, their children arriving with the whole tree (``set_tree``)."""
        self.set_tree(build_tree(rows), more_to_come=more_to_come)

    def set_tree(self, tree: StationTree, *, more_to_come: bool = False) -> None:
        """Replace every station with a tree built by :func:`build_tree` (on any thread)."""
        self.beginResetModel()
        self._more_to_come = more_to_come
        self._adopt(tree)
        self.endResetModel()

    def _kids(self, p: int) -> list[int]:
        """The children of position ``p`` by code (listed, and their row numbers set, on first use)."""
        kids = self._children.get(p)
        if kids is None:
            rows = self._rows
            kids = sorted(self._groups.get(p, ()), key=lambda i: rows[i].code)
            for n, i in enumerate(kids):
                self._row_in_parent[i] = n
            self._children[p] = kids
        return kids

    def _row_of(self, i: int) -> int:
        self._kids(self._parent[i])
        return self._row_in_parent[i]

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
                row = self._row_of(i)
                left = self.createIndex(row, COL_NAME, i)
                right = self.createIndex(row, COL_BADGE, i)
                self.dataChanged.emit(
                    left, right, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, BadgeRole]
                )

    def retranslate(self) -> None:
        """Labels depend on the language: ask views to redraw them."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_HEADERS) - 1)
        top = self._kids(_NO_PARENT)
        if top:
            self.dataChanged.emit(self.index(0, 0), self.index(len(top) - 1, COL_BADGE))

    # -- lookups ---------------------------------------------------------------
    def station_count(self) -> int:
        return len(self._rows)

    def index_for_code(self, code: str, column: int = 0) -> QModelIndex:
        i = self._by_code.get(code)
        if i is None:
            return QModelIndex()
        return self.createIndex(self._row_of(i), column, i)

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
            parent = QModelIndex() if p == _NO_PARENT else self.createIndex(self._row_of(p), 0, p)
            yield parent, self._row_of(i), keep is not None and i not in keep

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
            siblings = self._kids(parent.internalId())
        else:
            siblings = self._kids(_NO_PARENT)
        if not siblings or row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index=QModelIndex()):  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        p = self._parent[index.internalId()]
        if p == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(self._row_of(p), 0, p)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups.get(_NO_PARENT, ()))
        if parent.column() != 0:
            return 0
        return len(self._groups.get(parent.internalId(), ()))

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return len(_HEADERS)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        # counts only: the child list is ordered when first shown
        return self.rowCount(parent) > 0 or self.canFetchMore(parent)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        """While only the first level is in, a station above the village level may have children."""
        return (
            self._more_to_come
            and parent.isValid()
            and parent.column() == 0
            and self._rows[parent.internalId()].level is not Level.VILLAGE
            and not self._groups.get(parent.internalId())
        )

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        """Nothing to read here: the whole tree is already being read, and replaces this one."""

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
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return QCoreApplication.translate("StationTree", _HEADERS[section])
        return None
