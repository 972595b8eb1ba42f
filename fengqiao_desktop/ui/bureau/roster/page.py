"""Central roster page (中心名册): the stations bundles are checked against.

The clerk imports the bureau's roster file (CSV or XLSX, the same parser and
all-or-nothing rule as the laptop's import; every bad row is listed in a table)
or loads the demonstration roster, and searches the stations by code or name.
A bundle for a station that is not here is refused.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.errors import RosterError
from fengqiao_desktop.services import central as svc
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.context import BureauContext
from fengqiao_desktop.ui.bureau.formatting import is_english
from fengqiao_desktop.ui.bureau.page_base import BureauPage
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel
from fengqiao_desktop.ui.errors import show_error


def _lang() -> str:
    return "en" if is_english() else "zh"


def stations_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            Column(lambda: QCoreApplication.translate("BureauRoster", "Code"), lambda s: s.code),
            Column(lambda: QCoreApplication.translate("BureauRoster", "Name"), lambda s: s.name),
            Column(lambda: QCoreApplication.translate("BureauRoster", "Level"), lambda s: s.level.label(_lang())),
            Column(lambda: QCoreApplication.translate("BureauRoster", "Parent code"), lambda s: s.parent_code or ""),
            Column(lambda: QCoreApplication.translate("BureauRoster", "Contact"), lambda s: s.contact),
            Column(lambda: QCoreApplication.translate("BureauRoster", "Phone"), lambda s: s.phone),
            Column(
                lambda: QCoreApplication.translate("BureauRoster", "Veterans served"),
                lambda s: "" if s.veterans_served is None else str(s.veterans_served),
            ),
            Column(
                lambda: QCoreApplication.translate("BureauRoster", "Demo data"),
                lambda s: QCoreApplication.translate("BureauRoster", "demo") if s.is_demo else "",
            ),
        ],
        parent,
    )


def issues_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            Column(lambda: QCoreApplication.translate("BureauRoster", "Row"), lambda i: str(i.row)),
            Column(lambda: QCoreApplication.translate("BureauRoster", "Column"), lambda i: i.column),
            Column(
                lambda: QCoreApplication.translate("BureauRoster", "Problem"),
                lambda i: getattr(i, "reason_en", i.reason) if is_english() else i.reason,
                background=lambda _i: "#fde2e1",
            ),
        ],
        parent,
    )


class RosterPage(BureauPage):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("bureau_roster_page")
        self.stations: list = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.import_button = QPushButton()
        self.demo_button = QPushButton()
        self.import_button.clicked.connect(self.choose_file)
        self.demo_button.clicked.connect(self.load_demo)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()

        self.model = stations_model(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self._filter)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by code, as the roster lists them
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.issues = issues_model(self)
        self.issues_table = QTableView()
        self.issues_table.setModel(self.issues)
        self.issues_table.verticalHeader().hide()
        self.issues_table.horizontalHeader().setStretchLastSection(True)
        self.issues_table.setMaximumHeight(200)
        self.issues_table.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(self.demo_button)
        bar.addSpacing(20)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(bar)
        lay.addWidget(self.result)
        lay.addWidget(self.issues_table)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def title(self) -> str:
        return QCoreApplication.translate("BureauRoster", "Central roster")

    def retranslate(self) -> None:
        self.intro.setText(
            QCoreApplication.translate(
                "BureauRoster",
                "The stations of the bureau's roster. Bundles about a station that is not here "
                "are refused. Import the roster file (CSV or XLSX): a file with any bad row imports nothing.",
            )
        )
        self.import_button.setText(QCoreApplication.translate("BureauRoster", "Import roster file…"))
        self.demo_button.setText(QCoreApplication.translate("BureauRoster", "Load demonstration roster"))
        self.search.setPlaceholderText(QCoreApplication.translate("BureauRoster", "Search by code or name"))
        self.model.headers_changed()
        self.issues.headers_changed()
        self._show_count()

    # -- loading -------------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        url = self.context.central
        tasks.run_task(
            QCoreApplication.translate("BureauRoster", "Loading the roster"),
            lambda: svc.roster_stations(url=url),
            self._show,
            lambda e: show_error(self, e),
        )

    def _show(self, stations: list) -> None:
        self.stations = list(stations)
        self.model.set_rows(self.stations)
        self.table.resizeColumnsToContents()
        for col, most in ((1, 360),):
            if self.table.columnWidth(col) > most:
                self.table.setColumnWidth(col, most)
        self._show_count()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._show_count()

    def visible_codes(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def _show_count(self) -> None:
        if not self.stations:
            self.count.setText(QCoreApplication.translate("BureauRoster", "The roster is empty"))
            self.count.setStyleSheet("color: #a61b1b; font-weight: bold;")
            return
        self.count.setStyleSheet("")
        self.count.setText(
            QCoreApplication.translate("BureauRoster", "{shown} of {total} stations").format(
                shown=self.proxy.rowCount(), total=len(self.stations)
            )
        )

    # -- importing -------------------------------------------------------------
    def choose_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("BureauRoster", "Choose a roster file"),
            "",
            QCoreApplication.translate("BureauRoster", "Rosters (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        url = self.context.central
        tasks.run_task(
            QCoreApplication.translate("BureauRoster", "Importing the roster"),
            lambda: svc.roster_import(path, url=url),
            self._imported,
            self._import_failed,
        )

    def load_demo(self) -> None:
        url = self.context.central
        tasks.run_task(
            QCoreApplication.translate("BureauRoster", "Loading the demonstration roster"),
            lambda: svc.load_demo(url=url),
            self._imported,
            self._import_failed,
        )

    def _imported(self, res) -> None:
        self.issues.set_rows([])
        self.issues_table.hide()
        self.result.setStyleSheet("color: #1d6b2a; font-weight: bold;")
        self.result.setText(
            QCoreApplication.translate(
                "BureauRoster", "Roster imported: {added} added, {updated} updated, {unchanged} unchanged."
            ).format(added=res.added, updated=res.updated, unchanged=res.unchanged)
        )
        self.result.show()
        self.context.notify_changed()
        self.reload()

    def _import_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, RosterError):
            show_error(self, exc)
            return
        self.result.setStyleSheet("color: #a61b1b; font-weight: bold;")
        self.result.setText(exc.user_message(_lang()))
        self.result.show()
        self.issues.set_rows(list(exc.rows))
        self.issues_table.setVisible(bool(exc.rows))
        self.issues_table.resizeColumnsToContents()
