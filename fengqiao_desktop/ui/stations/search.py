"""Search box with a results list: name, code or pinyin initials (``dgxl`` → 东岗西路街道…).

The matching itself is the source's (the stations service): this module only
debounces keystrokes, shows the hits in a thin list model, and lets the user
pick one with the keyboard (Down to enter the list, Enter to open) or mouse.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from fengqiao_desktop.domain.stations import StationSummary
from fengqiao_desktop.ui import i18n
from fengqiao_desktop.ui.stations.badges import Badge, badge_icon
from fengqiao_desktop.ui.stations.source import StationSource
from fengqiao_desktop.ui.stations.tree_model import CodeRole

RESULT_LIMIT = 200



class SearchResultsModel(QAbstractListModel):
    """Search hits as a flat list: "name  code · level", with the badge as icon."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[StationSummary] = []

    def set_rows(self, rows: Sequence[StationSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> StationSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{r.name}    {r.code} · {r.level.label(i18n.current_language())}"
        if role == Qt.ItemDataRole.DecorationRole:
            return badge_icon(Badge.parse(r.badge))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.name}\n{r.code}\n{Badge.parse(r.badge).label()}"
        if role == CodeRole:
            return r.code
        return None


class _SearchEdit(QLineEdit):
    """A line edit that hands Down/Enter to the results list."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class StationSearch(QWidget):
    """The search box and its results. Emits ``station_chosen(code)``."""

    station_chosen = Signal(str)
    results_shown = Signal(int)  # number of hits, after each search

    def __init__(self, source: StationSource | None = None, parent=None):
        super().__init__(parent)
        self.source = source
        self.edit = _SearchEdit()
        self.edit.setObjectName("station_search")
        self.edit.setClearButtonEnabled(True)
        self.results = SearchResultsModel(self)
        self.list = QListView()
        self.list.setObjectName("search_results")
        self.list.setModel(self.results)
        self.list.setUniformItemSizes(True)  # lets the view skip measuring every row
        self.list.setVisible(False)
        self.info = QLabel()
        self.info.setVisible(False)
        self.info.setStyleSheet("color: #666;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit)
        lay.addWidget(self.info)
        lay.addWidget(self.list, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(lambda: self.search_now(self.edit.text()))
        self.edit.textChanged.connect(self._typed)
        self.edit.returnPressed.connect(self._choose_first)
        self.edit.down_pressed.connect(self._enter_list)
        self.list.activated.connect(self._choose)
        self.list.clicked.connect(self._choose)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(QCoreApplication.translate("StationSearch", "Search by name, code or pinyin initials (e.g. dgxl)"))

    def set_source(self, source: StationSource) -> None:
        self.source = source
        if self.edit.text().strip():
            self.search_now(self.edit.text())

    def set_debounce_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def clear(self) -> None:
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        self.search_now("")

    def _typed(self, text: str) -> None:
        if self._timer.interval() <= 0:
            self.search_now(text)
        else:
            self._timer.start()

    def search_now(self, text: str) -> list[StationSummary]:
        """Run the search for ``text`` at once and show the hits."""
        if self.edit.text() != text:
            self.edit.blockSignals(True)
            self.edit.setText(text)
            self.edit.blockSignals(False)
        text = text.strip()
        rows = self.source.search(text, RESULT_LIMIT) if (text and self.source is not None) else []
        self.results.set_rows(rows)
        active = bool(text)
        self.list.setVisible(active)
        self.info.setVisible(active)
        if active:
            if not rows:
                self.info.setText(QCoreApplication.translate("StationSearch", "No station matches “{text}”.").format(text=text))
            elif len(rows) >= RESULT_LIMIT:
                self.info.setText(QCoreApplication.translate("StationSearch", "First {count} matches; type more to narrow down.").format(
                    count=len(rows)))
            else:
                self.info.setText(QCoreApplication.translate("StationSearch", "{count} matches").format(count=len(rows)))
            if rows:
                self.list.setCurrentIndex(self.results.index(0))
        self.results_shown.emit(len(rows))
        return rows

    def _enter_list(self) -> None:
        if self.results.rowCount():
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.results.index(0))

    def _choose_first(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.search_now(self.edit.text())
        idx = self.list.currentIndex()
        if not idx.isValid() and self.results.rowCount():
            idx = self.results.index(0)
        if idx.isValid():
            self._choose(idx)

    def _choose(self, index: QModelIndex) -> None:
        row = self.results.row_at(index.row())
        if row is not None:
            self.station_chosen.emit(row.code)
