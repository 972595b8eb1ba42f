"""The station browser: search box and tree on the left, the station page on the right.

Loading the tree rows (and warming the source's search index) runs through
the task helper, so a 50,000-station roster never blocks the window. Into an
empty tree the first level is read first, on its own (a handful of rows), and
shown at once; the whole tree follows, grouped by parent on the worker, and is
swapped in with the expanded nodes and the selection kept. At start-up the first
level may come before any source (``show_first_level``: read while the store
opens); a station chosen then shows its page once the source is set. When a
station's inspections change (``station_changed``), only that station's badge
and work state are read again, off the GUI thread; saves that arrive while a
read is running are gathered into the next one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QSplitter, QTreeView, QVBoxLayout, QWidget

from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.stations.filters import StationFilter
from fengqiao_desktop.ui.stations.search import StationSearch
from fengqiao_desktop.ui.stations.source import StationSource
from fengqiao_desktop.ui.stations.station_page import StationPage
from fengqiao_desktop.ui.stations.tree_model import (
    COL_BADGE,
    COL_CODE,
    COL_NAME,
    StationTreeModel,
    build_tree,
)

log = logging.getLogger(__name__)


CODE_WIDTH, BADGE_WIDTH = 120, 110
NAME_CHARS = 10  # of a station's name, always visible beside the code and the state


class StationBrowser(QWidget):
    """Signals: ``station_selected(code)``, ``first_level_loaded(count)`` (the top of an empty tree
    is shown, the rest still loading), ``stations_loaded(count)`` (the whole tree is in)."""

    station_selected = Signal(str)
    first_level_loaded = Signal(int)
    stations_loaded = Signal(int)

    def __init__(self, source: StationSource | None = None, parent=None):
        super().__init__(parent)
        self.source = source
        self.model = StationTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("station_tree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # the view need not measure 50,000 rows
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_BADGE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_CODE, CODE_WIDTH)
        header.resizeSection(COL_BADGE, BADGE_WIDTH)
        self.search = StationSearch(source)
        self.page = StationPage(source)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        self.filter = StationFilter(self.tree, self.model)
        left_lay.addWidget(self.search, 0)
        left_lay.addWidget(self.filter, 0)
        left_lay.addWidget(self.tree, 1)
        # the name column stretches: the panel never gets so narrow that it shows only the codes
        left.setMinimumWidth(
            self.tree.fontMetrics().horizontalAdvance("字" * NAME_CHARS) + CODE_WIDTH + BADGE_WIDTH + 40
        )
        self.search.results_shown.connect(self._results_shown)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([520, 780])
        self.splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.splitter)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.search.station_chosen.connect(self.select_station)
        self._loading: tasks.TaskHandle | None = None
        self._first: tasks.TaskHandle | None = None
        self._load_generation = 0  # results of a load started before the newest one are dropped
        self._stale: set[str] = set()  # stations changed since their badges were last read
        self._refreshing: tasks.TaskHandle | None = None

    def retranslate(self) -> None:
        self.filter.retranslate()
        self.search.retranslate()
        self.page.retranslate()
        self.model.retranslate()

    def _results_shown(self, count: int) -> None:
        # While a search is active its list takes the room; the tree comes back when it is cleared.
        self.tree.setVisible(not self.search.edit.text().strip())

    # -- loading ---------------------------------------------------------------
    def show_first_level(self, rows) -> None:
        """Into an empty tree, the first level (``StationSummary`` rows) read before any source is
        set: shown at once, its nodes filled by the source's whole tree (``set_source``). No rows
        (an empty roster) show nothing."""
        if rows and self.model.station_count() == 0:
            self._show_first_level(rows)

    def _show_first_level(self, rows) -> None:
        self.model.set_rows(rows, more_to_come=True)
        self.first_level_loaded.emit(self.model.rowCount())

    def drop_first_level(self) -> None:
        """No source came for the first level shown (the store did not open): it goes again."""
        if self.source is None:
            self.model.set_rows([])

    def set_source(self, source: StationSource, *, background: bool = True) -> None:
        """Show another source's stations; the rows are read off the GUI thread."""
        first = self.source is None
        self.source = source
        self.search.set_source(source)
        self.page.set_source(source)
        chosen = self.model.row_for_index(self.tree.currentIndex()) if first else None
        if chosen is not None:  # chosen in the first level shown before there was a source
            self.page.show_station(chosen.code)
            self.station_selected.emit(chosen.code)

        def load(progress, cancelled):
            tree = build_tree(source.tree_rows())
            states = source.work_states()
            # the search keys, in the same task: quitting asks about running tasks, and a
            # separate warm-up would ask right after the tree came in
            warm = getattr(source, "warm_up", None)
            if callable(warm) and not cancelled():
                warm()
            return tree, states

        for running in (self._first, self._loading):
            if running is not None and not running.done:
                running.cancel()
        self._load_generation += 1
        generation = self._load_generation
        if not background:
            self._loaded(*load(lambda *a: None, lambda: False))
            return
        title = QCoreApplication.translate("StationBrowser", "Loading stations")

        def loaded(result) -> None:
            if generation == self._load_generation:
                self._loaded(*result)

        def load_the_rest() -> None:
            if generation == self._load_generation:
                self._loading = tasks.start(title, load, on_done=loaded)

        if self.model.station_count() == 0:
            # An empty tree shows its first level at once; the whole tree is read after it (read
            # together, the big read would hold the interpreter and delay the small one). A full
            # tree stays as it is until the new one is in.
            def first_level(rows) -> None:
                if generation == self._load_generation:
                    self._show_first_level(rows)
                load_the_rest()

            def no_first_level(exc: BaseException) -> None:
                # the whole tree's read reports what went wrong, if anything still does
                log.info("the first level of the station tree was not read: %s", exc)
                load_the_rest()

            self._first = tasks.start(
                title, lambda _p, _c: source.top_rows(), on_done=first_level, on_error=no_first_level
            )
        else:
            load_the_rest()

    def reload(self) -> None:
        if self.source is not None:
            code = self.page.current_code()
            self.set_source(self.source)
            if code:
                self.page.show_station(code)

    def _loaded(self, tree, states=None) -> None:
        """The whole tree (a ``build_tree`` result, or plain rows) is in."""
        current = self.page.current_code()
        expanded = [
            self.model.row_for_index(self.model.index(r, 0)).code
            for r in range(self.model.rowCount())
            if self.tree.isExpanded(self.model.index(r, 0))
        ]
        if isinstance(tree, list):
            self.model.set_rows(tree)
        else:
            self.model.set_tree(tree)
        self.filter.set_states(states or {})
        if self.model.rowCount() == 1:
            self.tree.expand(self.model.index(0, 0))
        for code in expanded:  # opened while the rest was loading, or before a reload
            index = self.model.index_for_code(code)
            if index.isValid():
                self.tree.expand(index)
        if current:
            self.select_station(current)
        self.stations_loaded.emit(self.model.station_count())

    def station_changed(self, code: str) -> None:
        """An inspection of station ``code`` was saved: its badge and work state are read again
        (off the GUI thread), and its page too when it is the one shown."""
        if self.source is None:
            return
        self._stale.add(code)
        if self._refreshing is None or self._refreshing.done:
            self._refresh_stale()
        if self.page.current_code() == code:
            self.page.reload()

    def _refresh_stale(self) -> None:
        codes, source = sorted(self._stale), self.source
        self._stale.clear()
        if not codes or source is None:
            return

        def read(progress, cancelled):
            return source.badges_for(codes), source.work_states(codes)

        self._refreshing = tasks.start("station badges", read, on_done=lambda result: self._refreshed(source, *result))

    def _refreshed(self, source, badges: dict[str, str], states: dict[str, frozenset[str]]) -> None:
        if source is not self.source:
            return  # another roster was loaded meanwhile; its load read everything
        self.model.set_badges(badges)
        self.filter.update_states(states)
        if self._stale:  # saved while this read ran
            self._refresh_stale()

    # -- selection -------------------------------------------------------------
    def select_station(self, code: str) -> None:
        """Reveal a station in the tree, select it and show its page."""
        index = self.model.index_for_code(code)
        if index.isValid():
            parent = index.parent()
            while parent.isValid():
                self.tree.expand(parent)
                parent = parent.parent()
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.tree.scrollTo(index)
        if self.page.current_code() != code:
            self.page.show_station(code)
            self.station_selected.emit(code)

    def _current_changed(self, current, _previous) -> None:
        row = self.model.row_for_index(current)
        if self.source is None:
            return  # the first level shown before the store opened: its page comes with the source
        if row is not None and row.code != self.page.current_code():
            self.page.show_station(row.code)
            self.station_selected.emit(row.code)
