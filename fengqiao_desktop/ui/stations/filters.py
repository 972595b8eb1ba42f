"""The station tree's work-list filter: all, not inspected, drafts, completed not exported,
open findings, overdue findings -- each with its count.

The states come from the source (``work_states()``, one query in the stations
service); "not inspected" is the tree's own badge. Filtering hides rows in the
tree (the model stays the same, so selection and search keep working) and keeps
the ancestors of a matching station visible so its place in the four levels shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTreeView, QWidget

from fengqiao_desktop.ui.stations.badges import Badge
from fengqiao_desktop.ui.stations.tree_model import StationTreeModel

ALL, NOT_INSPECTED, DRAFT, NOT_EXPORTED, OPEN_FINDINGS, OVERDUE = (
    "all",
    "not_inspected",
    "draft",
    "not_exported",
    "open_findings",
    "overdue",
)
FILTERS = (ALL, NOT_INSPECTED, DRAFT, NOT_EXPORTED, OPEN_FINDINGS, OVERDUE)
_EXPAND_AT_MOST = 300  # expanding the path to every one of 50,000 stations would be slow and useless


def _label(key: str) -> str:
    t = QCoreApplication.translate
    return {
        ALL: t("StationFilter", "All stations"),
        NOT_INSPECTED: t("StationFilter", "Not inspected"),
        DRAFT: t("StationFilter", "Drafts"),
        NOT_EXPORTED: t("StationFilter", "Completed, not exported"),
        OPEN_FINDINGS: t("StationFilter", "Open findings"),
        OVERDUE: t("StationFilter", "Overdue findings"),
    }[key]


def matching_codes(key: str, model: StationTreeModel, states: dict[str, frozenset[str]]) -> set[str] | None:
    """The station codes a filter keeps (None: every station)."""
    if key == ALL:
        return None
    if key == NOT_INSPECTED:
        return model.codes_with_badge(Badge.NOT_INSPECTED)
    return {code for code, st in states.items() if key in st}


class StationFilter(QWidget):
    """A labelled combo box over the tree; ``apply()`` hides the rows the chosen filter leaves out."""

    filter_changed = Signal(str)

    def __init__(self, tree: QTreeView, model: StationTreeModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.tree = tree
        self.model = model
        self.states: dict[str, frozenset[str]] = {}
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setObjectName("station_filter")
        for key in FILTERS:
            self.combo.addItem("", key)
        self.combo.currentIndexChanged.connect(lambda _i: self._changed())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.combo, 1)
        self.counts: dict[str, int] = {}
        self._hiding = False
        self.retranslate()

    def current(self) -> str:
        return self.combo.currentData()

    def set_current(self, key: str) -> None:
        self.combo.setCurrentIndex(FILTERS.index(key))

    def set_states(self, states: dict[str, frozenset[str]]) -> None:
        """Every station's work state (after loading): counts and rows follow."""
        self.states = {code: st for code, st in states.items() if st}
        self.counts = {
            key: len(matching_codes(key, self.model, self.states) or ())
            for key in FILTERS
            if key not in (ALL, NOT_INSPECTED)
        }
        self._count_from_model()
        self.retranslate()
        self.apply()

    def update_states(self, states: dict[str, frozenset[str]]) -> None:
        """The work states of a few stations (after their inspections changed; their badges in the
        model already updated): counts move by the difference, and rows are hidden or shown again
        only when one of these stations now falls on the other side of the chosen filter."""
        key = self.current()
        moved = False
        for code, new in states.items():
            old = self.states.get(code, frozenset())
            for k in old - new:
                self.counts[k] = self.counts.get(k, 0) - 1
            for k in new - old:
                self.counts[k] = self.counts.get(k, 0) + 1
            if new:
                self.states[code] = new
            else:
                self.states.pop(code, None)
            index = self.model.index_for_code(code)
            if key != ALL and index.isValid():
                moved |= self.tree.isRowHidden(index.row(), index.parent()) == self._matches(key, code)
        self._count_from_model()
        self.retranslate()
        if moved:
            self.apply()

    def _matches(self, key: str, code: str) -> bool:
        if key == ALL:
            return True
        if key == NOT_INSPECTED:
            return self.model.badge_of(code) is Badge.NOT_INSPECTED
        return key in self.states.get(code, frozenset())

    def _count_from_model(self) -> None:
        self.counts[ALL] = self.model.station_count()
        self.counts[NOT_INSPECTED] = self.model.count_with_badge(Badge.NOT_INSPECTED)

    def retranslate(self) -> None:
        self.label.setText(QCoreApplication.translate("StationFilter", "Show:"))
        for i, key in enumerate(FILTERS):
            text = _label(key)
            if key in self.counts:
                text = QCoreApplication.translate("StationFilter", "{label} ({count})").format(
                    label=text, count=f"{self.counts[key]:,}"
                )
            self.combo.setItemText(i, text)

    def _changed(self) -> None:
        self.apply()
        self.filter_changed.emit(self.current())

    def apply(self) -> None:
        codes = matching_codes(self.current(), self.model, self.states)
        if codes is None and not self._hiding:
            return  # nothing hidden, nothing to hide: a 50,000-station load pays nothing here
        self._hiding = codes is not None
        self.tree.setUpdatesEnabled(False)
        try:
            for parent, row, hidden in self.model.visibility(codes):
                if self.tree.isRowHidden(row, parent) != hidden:
                    self.tree.setRowHidden(row, parent, hidden)
            if codes and len(codes) <= _EXPAND_AT_MOST:
                for code in codes:
                    index = self.model.index_for_code(code).parent()
                    while index.isValid():
                        self.tree.expand(index)
                        index = index.parent()
        finally:
            self.tree.setUpdatesEnabled(True)
