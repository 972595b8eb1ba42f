"""我的任务 (My tasks): the assignments from the bureau's task packs, beside the station browser.

Soonest due first, overdue ones in red; a filter shows the assigned stations
not started yet, those with a draft, those completed but not exported, or those
with findings to re-check. Double-clicking an assignment starts the visit with
the assigned forms (the main window's ``start_inspections``). Rows are read
off the UI thread; the list reloads when shown and after a pack is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.ui import i18n, tasks
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel, selected_row
from fengqiao_desktop.ui.errors import show_error

if TYPE_CHECKING:
    from fengqiao_desktop.services import packs as svc

RED = "#c62828"


def state_text(row: svc.AssignmentRow) -> str:
    text = {
        "assigned": QCoreApplication.translate("MyTasks", "Not started"),
        "draft": QCoreApplication.translate("MyTasks", "Draft"),
        "completed": QCoreApplication.translate("MyTasks", "Completed, not exported"),
        "exported": QCoreApplication.translate("MyTasks", "Exported"),
    }[row.state]
    overdue = QCoreApplication.translate("MyTasks", "Overdue")
    return f"{text} · {overdue}" if row.overdue else text


# (filter id, label, predicate)
FILTERS = (
    ("all", lambda: QCoreApplication.translate("MyTasks", "All assignments"), lambda r: True),
    ("assigned", lambda: QCoreApplication.translate("MyTasks", "Not started"), lambda r: r.state == "assigned"),
    ("draft", lambda: QCoreApplication.translate("MyTasks", "Drafts"), lambda r: r.state == "draft"),
    (
        "completed",
        lambda: QCoreApplication.translate("MyTasks", "Completed, not exported"),
        lambda r: r.state == "completed",
    ),
    ("recheck", lambda: QCoreApplication.translate("MyTasks", "Findings to re-check"), lambda r: r.findings > 0),
)


def _forms(row: svc.AssignmentRow) -> str:
    en = i18n.current_language() == "en"
    return ("、" if not en else ", ").join(t[1] if en else t[0] for t in row.form_titles) or "、".join(row.form_ids)


def tasks_model(parent=None) -> RowsModel:
    red = lambda r: RED if r.overdue else None  # noqa: E731
    return RowsModel(
        [
            Column(
                lambda: QCoreApplication.translate("MyTasks", "Due"),
                lambda r: r.due_date.isoformat() if r.due_date else "—",
                foreground=red,
            ),
            Column(lambda: QCoreApplication.translate("MyTasks", "Station"), lambda r: r.station_name, foreground=red),
            Column(lambda: QCoreApplication.translate("MyTasks", "Code"), lambda r: r.station_code),
            Column(lambda: QCoreApplication.translate("MyTasks", "Forms"), _forms),
            Column(lambda: QCoreApplication.translate("MyTasks", "State"), state_text, foreground=red),
            Column(
                lambda: QCoreApplication.translate("MyTasks", "Findings to re-check"),
                lambda r: str(r.findings) if r.findings else "",
            ),
            Column(lambda: QCoreApplication.translate("MyTasks", "Note"), lambda r: r.note),
        ],
        parent,
    )


class MyTasks(QWidget):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("my_tasks")
        self.window_ = window
        self.all_rows: list[svc.AssignmentRow] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setObjectName("tasks_filter")
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.model = tasks_model(self)
        self.table = QTableView()
        self.table.setObjectName("tasks_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.start_selected())
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.filter)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.empty)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.filter.currentIndex()
        self.filter.blockSignals(True)
        self.filter.clear()
        for fid, label, _pred in FILTERS:
            self.filter.addItem(label(), fid)
        self.filter.setCurrentIndex(max(current, 0))
        self.filter.blockSignals(False)
        self.model.headers_changed()
        self._update_texts()

    def _update_texts(self) -> None:
        overdue = sum(1 for r in self.all_rows if r.overdue)
        self.heading.setText(
            QCoreApplication.translate(
                "MyTasks",
                "{n} assignments from the bureau, {overdue} overdue. Double-click one to start "
                "the visit with its forms.",
            ).format(n=len(self.all_rows), overdue=overdue)
        )
        self.empty.setText(
            QCoreApplication.translate(
                "MyTasks", "No assignments yet. Import the bureau's task pack under File → Import task pack…."
            )
        )
        self.empty.setVisible(not self.all_rows)

    def reload(self) -> None:
        store = getattr(self.window_, "store", None)
        if store is None:
            return
        from fengqiao_desktop.services import packs as svc  # on use: keeps start-up light

        tasks.run_task(
            QCoreApplication.translate("MyTasks", "Loading my tasks…"),
            lambda: svc.assignments(store),
            self.set_rows,
            lambda exc: show_error(self, exc),
        )

    def set_rows(self, rows: list[svc.AssignmentRow]) -> None:
        self.all_rows = list(rows)
        self._apply_filter()
        self._update_texts()

    def _apply_filter(self, *_a) -> None:
        fid = self.filter.currentData() or "all"
        pred = next(p for f, _l, p in FILTERS if f == fid)
        self.model.set_rows([r for r in self.all_rows if pred(r)])

    def start_selected(self) -> list[str]:
        """Start the visit of the selected assignment with its forms; returns the new inspection ids."""
        row = selected_row(self.table, self.model)
        if row is None:
            return []
        return self.window_.start_inspections(row.station_code, list(row.form_ids))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def install_my_tasks(window) -> MyTasks:
    """Add 我的任务 as the second, fixed tab of the inspector workspace."""
    page = MyTasks(window)
    index = window.inspector.insertTab(1, page, QCoreApplication.translate("MyTasks", "My tasks"))
    window.inspector.tabBar().setTabButton(index, window.inspector.tabBar().ButtonPosition.RightSide, None)

    def label(*_a) -> None:
        i = window.inspector.indexOf(page)
        if i >= 0:
            window.inspector.setTabText(i, QCoreApplication.translate("MyTasks", "My tasks"))

    window.language_changed.connect(label)
    window.my_tasks = page
    return page
