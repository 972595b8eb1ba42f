"""Conflicts page (冲突): competing revisions of one inspection, compared side by side; a person picks the winner.

The list shows every conflict (open ones first). Selecting one loads the
comparison: each revision's inspector, times, total and verdict, then every
item's answer and points, with differences highlighted. Choosing a winner needs
a reason and a name; the choice is recorded centrally (``conflict_resolve``)
and holds until another competing revision arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.services import central as svc
from fengqiao_desktop.services.central import ConflictView
from fengqiao_desktop.services.conflict_compare import Comparison
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.conflicts.compare_model import (
    comparison_model,
    show_comparison,
    verdict_text,
)
from fengqiao_desktop.ui.bureau.context import BureauContext
from fengqiao_desktop.ui.bureau.formatting import number, when
from fengqiao_desktop.ui.bureau.page_base import BureauPage
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel, select_where, selected_row
from fengqiao_desktop.ui.errors import show_error


def _user_name() -> str:
    """The profile's name (File → Inspector and key), never the computer's login name; "" if none."""
    from fengqiao_desktop.errors import KnownError
    from fengqiao_desktop.services.identity import identity

    try:
        return identity(None).name
    except (KnownError, OSError, ValueError):  # no readable profile: the clerk types a name
        return ""


def status_text(c: ConflictView) -> str:
    return (
        QCoreApplication.translate("BureauConflicts", "Open")
        if c.status == "open"
        else QCoreApplication.translate("BureauConflicts", "Resolved")
    )


def _revisions_text(c: ConflictView) -> str:
    return " / ".join(f"r{r.revision} {r.inspector} {number(r.total)}" for r in c.revisions)


def _winner_text(c: ConflictView) -> str:
    r = next((r for r in c.revisions if r.sha256 == c.winner_sha256), None)
    return f"r{r.revision} {r.inspector}（{r.sha256[:8]}）" if r else c.winner_sha256[:8]


def conflicts_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            Column(lambda: QCoreApplication.translate("BureauConflicts", "Station"), lambda c: c.station_code),
            Column(
                lambda: QCoreApplication.translate("BureauConflicts", "Inspection"),
                lambda c: c.inspection_id[:8],
                tooltip=lambda c: c.inspection_id,
            ),
            Column(lambda: QCoreApplication.translate("BureauConflicts", "Competing revisions"), _revisions_text),
            Column(
                lambda: QCoreApplication.translate("BureauConflicts", "Status"),
                status_text,
                background=lambda c: "#fff4d6" if c.status == "open" else "#e3f4e1",
            ),
            Column(lambda: QCoreApplication.translate("BureauConflicts", "Winner"), _winner_text),
            Column(
                lambda: QCoreApplication.translate("BureauConflicts", "Decided by"),
                lambda c: f"{c.resolved_by} {when(c.resolved_at)}" if c.resolved_by else "",
            ),
            Column(lambda: QCoreApplication.translate("BureauConflicts", "Reason"), lambda c: c.reason or ""),
        ],
        parent,
    )


class ConflictsPage(BureauPage):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("bureau_conflicts_page")
        self.comparison: Comparison | None = None
        self.model = conflicts_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = QLabel()
        self.empty.setStyleSheet("color: #555;")

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.compare_model = comparison_model(self)
        self.compare = QTableView()
        self.compare.setModel(self.compare_model)
        self.compare.verticalHeader().hide()
        self.compare.setWordWrap(True)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.compare.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

        self.winner_combo = QComboBox()
        self.reason_edit = QLineEdit()
        self.by_edit = QLineEdit(_user_name())
        self.resolve_button = QPushButton()
        self.resolve_button.clicked.connect(self.resolve_selected)
        for e in (self.reason_edit, self.by_edit):
            e.textChanged.connect(self._update_buttons)
        self.form = QFormLayout()
        self.winner_label, self.reason_label, self.by_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.winner_label, self.winner_combo)
        self.form.addRow(self.reason_label, self.reason_edit)
        self.form.addRow(self.by_label, self.by_edit)
        decide = QHBoxLayout()
        decide.addLayout(self.form, 1)
        decide.addWidget(self.resolve_button, 0, Qt.AlignmentFlag.AlignBottom)

        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.empty)
        tl.addWidget(self.table)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.heading)
        bl.addWidget(self.compare, 1)
        bl.addLayout(decide)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        lay = QVBoxLayout(self)
        lay.addWidget(splitter)
        self.retranslate()
        self._update_buttons()

    def title(self) -> str:
        return QCoreApplication.translate("BureauConflicts", "Conflicts")

    def retranslate(self) -> None:
        self.resolve_button.setText(QCoreApplication.translate("BureauConflicts", "Record the choice"))
        self.winner_label.setText(QCoreApplication.translate("BureauConflicts", "Winning revision"))
        self.reason_label.setText(QCoreApplication.translate("BureauConflicts", "Reason (required)"))
        self.by_label.setText(QCoreApplication.translate("BureauConflicts", "Decided by"))
        self.empty.setText(
            QCoreApplication.translate("BureauConflicts", "No conflicts: no inspection has competing revisions.")
        )
        self.model.headers_changed()
        self.compare_model.headers_changed()
        self._show_heading()
        self._fill_winners()

    # -- loading -----------------------------------------------------------
    def reload(self) -> None:
        self._stale = False
        url = self.context.central
        tasks.run_task(
            QCoreApplication.translate("BureauConflicts", "Loading conflicts"),
            lambda: svc.conflicts_list(url=url),
            self._show_list,
            lambda e: show_error(self, e),
        )

    def _show_list(self, conflicts: list[ConflictView]) -> None:
        keep = self.selected_conflict()
        self.model.set_rows(sorted(conflicts, key=lambda c: (c.status != "open", c.station_code, c.inspection_id)))
        self.empty.setVisible(not conflicts)
        self.table.resizeColumnsToContents()
        if keep is not None and self.select_inspection(keep.inspection_id):
            return
        if conflicts:
            self.table.selectRow(0)
        else:
            self._show_comparison(None)

    def select_inspection(self, inspection_id: str) -> bool:
        if not select_where(self.table, self.model, lambda c: c.inspection_id == inspection_id):
            return False
        self._selection_changed()
        return True

    def selected_conflict(self) -> ConflictView | None:
        return selected_row(self.table, self.model)

    def _selection_changed(self, *_a) -> None:
        c = self.selected_conflict()
        if c is None:
            self._show_comparison(None)
            return
        if (
            self.comparison is not None
            and self.comparison.inspection_id == c.inspection_id
            and self.comparison.status == c.status
            and self.comparison.revisions
            and any(s.is_winner and s.sha256 == c.winner_sha256 for s in self.comparison.revisions)
        ):
            return
        url, iid = self.context.central, c.inspection_id
        tasks.run_task(
            QCoreApplication.translate("BureauConflicts", "Comparing revisions"),
            lambda: svc.conflict_comparison(iid, url=url),
            self._show_comparison,
            lambda e: show_error(self, e),
        )

    def _show_comparison(self, cmp: Comparison | None) -> None:
        self.comparison = cmp
        show_comparison(self.compare_model, cmp)
        self.compare.resizeColumnsToContents()
        for col in range(self.compare_model.columnCount()):
            if self.compare.columnWidth(col) > 320:
                self.compare.setColumnWidth(col, 320)
        self.compare.resizeRowsToContents()
        self._show_heading()
        self._fill_winners()

    def _show_heading(self) -> None:
        cmp = self.comparison
        if cmp is None:
            self.heading.setText("")
            return
        from fengqiao_desktop.ui.bureau.formatting import is_english

        self.heading.setText(
            QCoreApplication.translate(
                "BureauConflicts", "{station} ({code}) — {form}; differences are highlighted"
            ).format(
                station=cmp.station_name,
                code=cmp.station_code,
                form=cmp.form_title_en if is_english() else cmp.form_title_zh,
            )
        )

    def _fill_winners(self) -> None:
        self.winner_combo.clear()
        for s in self.comparison.revisions if self.comparison else ():
            label = QCoreApplication.translate("BureauConflicts", "Revision {n} by {who}: {total}, {verdict}").format(
                n=s.revision, who=s.inspector, total=number(s.total), verdict=verdict_text(s.verdict)
            )
            self.winner_combo.addItem(f"{label}（{s.sha256[:8]}）", s.sha256)
            if s.is_winner:
                self.winner_combo.setCurrentIndex(self.winner_combo.count() - 1)
        self._update_buttons()

    def _update_buttons(self, *_a) -> None:
        ok = (
            self.comparison is not None
            and self.winner_combo.count() > 0
            and bool(self.reason_edit.text().strip())
            and bool(self.by_edit.text().strip())
        )
        self.resolve_button.setEnabled(ok)

    # -- deciding ------------------------------------------------------------
    def choose_winner(self, sha256: str) -> bool:
        i = self.winner_combo.findData(sha256)
        if i >= 0:
            self.winner_combo.setCurrentIndex(i)
        return i >= 0

    def resolve_selected(self) -> None:
        if self.comparison is None or not self.resolve_button.isEnabled():
            return
        iid = self.comparison.inspection_id
        winner = self.winner_combo.currentData()
        reason, by = self.reason_edit.text().strip(), self.by_edit.text().strip()
        url = self.context.central

        def done(_view: ConflictView) -> None:
            self.reason_edit.clear()
            self.comparison = None
            self.context.notify_changed()
            self.reload()

        tasks.run_task(
            QCoreApplication.translate("BureauConflicts", "Recording the choice"),
            lambda: svc.conflict_resolve(iid, winner, reason=reason, resolved_by=by, url=url),
            done,
            lambda e: show_error(self, e),
        )
