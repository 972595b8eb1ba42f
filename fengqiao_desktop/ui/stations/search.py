"""Search box with a results list: name, code or pinyin initials (``dgxl`` → 东岗西路街道…).

The matching itself is the source's (the stations service): this module only
debounces keystrokes, shows the hits in a thin list model, and lets the user
pick one with the keyboard (Down to enter the list, Enter to open) or mouse.

Each query runs through the task helper, off the GUI thread, so typing never
waits for the database. Queries carry a generation number: hits that come back
for an older query than the newest one typed are dropped, and while one query
runs only the newest text typed meanwhile waits for its turn (no pile of stale
queries on the pool).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from fengqiao_desktop.domain.stations import StationSummary
from fengqiao_desktop.ui import i18n, tasks
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
        self._generation = 0  # bumped for every query; only the newest one's hits are shown
        self._running: tasks.TaskHandle | None = None
        self._waiting: tuple[int, str] | None = None  # the newest query typed while one ran
        self._choose_when_shown = False  # Enter pressed before the hits arrived
        self.edit.textChanged.connect(self._typed)
        self.edit.returnPressed.connect(self._choose_first)
        self.edit.down_pressed.connect(self._enter_list)
        self.list.activated.connect(self._choose)
        self.list.clicked.connect(self._choose)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(
            QCoreApplication.translate("StationSearch", "Search by name, code or pinyin initials (e.g. dgxl)")
        )

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
        self._choose_when_shown = False
        if self._timer.interval() <= 0:
            self.search_now(text)
        else:
            self._timer.start()

    def search_now(self, text: str) -> None:
        """Search for ``text`` now (no debounce); the hits are shown when they arrive."""
        if self.edit.text() != text:
            self.edit.blockSignals(True)
            self.edit.setText(text)
            self.edit.blockSignals(False)
        self._generation += 1
        text = text.strip()
        if not text or self.source is None:
            self._waiting = None
            self._show_results(self._generation, text, [])
            return
        if self._running is not None and not self._running.done:
            self._waiting = (self._generation, text)  # started when the running one is back
            return
        self._start(self._generation, text)

    def searching(self) -> bool:
        """Whether a query is still on its way (tests and the Enter key wait for it)."""
        return self._running is not None and not self._running.done

    def _start(self, generation: int, text: str) -> None:
        source = self.source
        handle = tasks.start(
            "station search",
            lambda _p, _c: source.search(text, RESULT_LIMIT),
            on_done=lambda rows: self._show_results(generation, text, rows),
            on_error=lambda exc: self._failed(generation, exc),
        )
        self._running = handle
        if handle.done:  # the synchronous runner: the hits are already shown
            self._next()
        else:
            handle.finished.connect(self._next)

    def _next(self) -> None:
        if self._running is not None and not self._running.done:
            return
        waiting, self._waiting = self._waiting, None
        if waiting is not None and waiting[0] == self._generation:
            self._start(*waiting)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            from fengqiao_desktop.ui.errors import show_error

            show_error(self, exc)

    def _show_results(self, generation: int, text: str, rows: Sequence[StationSummary]) -> None:
        if generation != self._generation:
            return  # a newer query was typed meanwhile
        rows = list(rows)
        self.results.set_rows(rows)
        active = bool(text)
        self.list.setVisible(active)
        self.info.setVisible(active)
        if active:
            if not rows:
                self.info.setText(
                    QCoreApplication.translate("StationSearch", "No station matches “{text}”.").format(text=text)
                )
            elif len(rows) >= RESULT_LIMIT:
                self.info.setText(
                    QCoreApplication.translate(
                        "StationSearch", "First {count} matches; type more to narrow down."
                    ).format(count=len(rows))
                )
            else:
                self.info.setText(
                    QCoreApplication.translate("StationSearch", "{count} matches").format(count=len(rows))
                )
            if rows:
                self.list.setCurrentIndex(self.results.index(0))
        self.results_shown.emit(len(rows))
        if self._choose_when_shown:
            self._choose_when_shown = False
            self._choose_first()

    def _enter_list(self) -> None:
        if self.results.rowCount():
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.results.index(0))

    def _choose_first(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.search_now(self.edit.text())
        if self.searching() or self._waiting is not None:
            self._choose_when_shown = True  # Enter on the hits of the text as typed, not older ones
            return
        idx = self.list.currentIndex()
        if not idx.isValid() and self.results.rowCount():
            idx = self.results.index(0)
        if idx.isValid():
            self._choose(idx)

    def _choose(self, index: QModelIndex) -> None:
        row = self.results.row_at(index.row())
        if row is not None:
            self.station_chosen.emit(row.code)
