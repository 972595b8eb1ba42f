"""The station page: who the station is, its inspections with scores and verdicts, open findings.

It shows plain rows from the source and asks for nothing itself: starting
or opening an inspection is a signal the main window acts on. ``reload()``
(one of the station's inspections was saved) reads the rows off the GUI thread;
saves made while a read runs are covered by one more read after it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain.stations import StationDetails
from fengqiao_desktop.ui import i18n, tasks
from fengqiao_desktop.ui.stations.new_inspection import NewInspectionDialog
from fengqiao_desktop.ui.stations.page_models import IdRole, InspectionsModel, OpenFindingsModel
from fengqiao_desktop.ui.stations.source import StationSource


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(72)
    # The form / item title is the long column: it takes the spare width.
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    view.setAlternatingRowColors(True)
    return view


class StationPage(QWidget):
    """Details of one station. Signals: ``inspection_requested(code, form_ids)``, ``inspection_activated(id)``."""

    inspection_requested = Signal(str, list)
    inspection_activated = Signal(str)

    _FIELDS = ("code", "level", "parent", "address", "contact", "phone", "served")

    def __init__(self, source: StationSource | None = None, parent=None):
        super().__init__(parent)
        self.source = source
        self.station: StationDetails | None = None
        self._reloading: tasks.TaskHandle | None = None
        self._reload_again = False
        self.title = QLabel()
        self.title.setObjectName("station_title")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_note = QLabel()
        self.demo_note.setStyleSheet("color: #b26a00;")
        self.new_btn = QPushButton()
        self.new_btn.setObjectName("new_inspection")
        self.new_btn.clicked.connect(lambda: self.request_new_inspection())
        self.details_box = QGroupBox()
        self.form = QFormLayout(self.details_box)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for key in self._FIELDS:
            cap, val = QLabel(), QLabel()
            val.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            val.setWordWrap(True)
            self.captions[key], self.values[key] = cap, val
            self.form.addRow(cap, val)
        self.inspections = InspectionsModel(self)
        self.findings = OpenFindingsModel(self)
        self.inspections_view = _table(self.inspections)
        self.inspections_view.setObjectName("inspections")
        self.findings_view = _table(self.findings)
        self.findings_view.setObjectName("open_findings")
        self.inspections_view.activated.connect(self._activated)
        self.inspections_view.doubleClicked.connect(self._activated)
        self.findings_view.doubleClicked.connect(self._activated)
        self.inspections_box = QGroupBox()
        QVBoxLayout(self.inspections_box).addWidget(self.inspections_view)
        self.findings_box = QGroupBox()
        QVBoxLayout(self.findings_box).addWidget(self.findings_view)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #777; font-size: 13pt;")

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.new_btn)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(head)
        body.addWidget(self.demo_note)
        body.addWidget(self.details_box)
        body.addWidget(self.inspections_box, 2)
        body.addWidget(self.findings_box, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty, 1)
        lay.addWidget(self.body, 1)
        self.retranslate()
        self._show_station(None)

    def retranslate(self) -> None:
        self.new_btn.setText(QCoreApplication.translate("StationPage", "New inspection…"))
        self.new_btn.setToolTip(
            QCoreApplication.translate("StationPage", "Start an inspection of this station (Ctrl+N)")
        )
        self.details_box.setTitle(QCoreApplication.translate("StationPage", "Details"))
        self.inspections_box.setTitle(QCoreApplication.translate("StationPage", "Inspections"))
        self.findings_box.setTitle(QCoreApplication.translate("StationPage", "Open findings from earlier visits"))
        self.empty.setText(QCoreApplication.translate("StationPage", "Choose a station in the tree or search for it."))
        self.demo_note.setText(
            QCoreApplication.translate("StationPage", "Demonstration data: codes, addresses and contacts are made up.")
        )
        captions = {
            "code": QCoreApplication.translate("StationPage", "Code"),
            "level": QCoreApplication.translate("StationPage", "Level"),
            "parent": QCoreApplication.translate("StationPage", "Belongs to"),
            "address": QCoreApplication.translate("StationPage", "Address"),
            "contact": QCoreApplication.translate("StationPage", "Contact"),
            "phone": QCoreApplication.translate("StationPage", "Phone"),
            "served": QCoreApplication.translate("StationPage", "Veterans served"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.inspections.retranslate()
        self.findings.retranslate()
        if self.station is not None:
            self._fill_details(self.station)

    def set_source(self, source: StationSource) -> None:
        self.source = source

    def current_code(self) -> str | None:
        return self.station.code if self.station else None

    def show_station(self, code: str | None) -> None:
        """Load and show a station (``None`` shows the empty page)."""
        details = self.source.details(code) if (code and self.source is not None) else None
        self._show_station(details)

    def refresh(self) -> None:
        self.show_station(self.current_code())

    def reload(self) -> None:
        """Read the shown station's details and rows again, off the GUI thread."""
        code, source = self.current_code(), self.source
        if not code or source is None:
            return
        if self._reloading is not None and not self._reloading.done:
            self._reload_again = True
            return

        def read(progress, cancelled):
            return source.details(code), source.inspections(code), source.open_findings(code)

        self._reloading = tasks.start("station page", read, on_done=lambda result: self._reloaded(code, *result))

    def _reloaded(self, code: str, details, inspections, findings) -> None:
        if self.current_code() == code:  # not if another station was chosen meanwhile
            self._show_station(details, inspections, findings)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _show_station(self, details: StationDetails | None, inspections=None, findings=None) -> None:
        self.station = details
        self.empty.setVisible(details is None)
        self.body.setVisible(details is not None)
        if details is None:
            self.inspections.set_rows([])
            self.findings.set_rows([])
            return
        self._fill_details(details)
        self.inspections.set_rows(self.source.inspections(details.code) if inspections is None else inspections)
        self.findings.set_rows(self.source.open_findings(details.code) if findings is None else findings)
        self.findings_box.setVisible(self.findings.rowCount() > 0)

    def _fill_details(self, d: StationDetails) -> None:
        lang = i18n.current_language()
        self.title.setText(d.name)
        self.demo_note.setVisible(d.is_demo)
        parent = f"{d.parent_name} ({d.parent_code})" if d.parent_name else (d.parent_code or "—")
        values = {
            "code": d.code,
            "level": d.level.label(lang),
            "parent": parent,
            "address": d.address or "—",
            "contact": d.contact or "—",
            "phone": d.phone or "—",
            "served": "—" if d.veterans_served is None else str(d.veterans_served),
        }
        for key, text in values.items():
            self.values[key].setText(text)

    def request_new_inspection(self, form_ids: list[str] | None = None) -> None:
        """Ask which form(s) to start (unless given) and emit ``inspection_requested``."""
        if self.station is None or self.source is None:
            return
        if form_ids is None:
            dialog = NewInspectionDialog(
                self.station.name, self.source.form_choices(self.station.level), self, level=self.station.level
            )
            if dialog.exec() != NewInspectionDialog.DialogCode.Accepted:
                return
            form_ids = dialog.selected_form_ids()
        if form_ids:
            self.inspection_requested.emit(self.station.code, list(form_ids))

    def _activated(self, index) -> None:
        inspection_id = index.data(IdRole)
        if inspection_id:
            self.inspection_activated.emit(inspection_id)
