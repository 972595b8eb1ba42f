"""Review page (审核): each imported inspection is received (待审核), then approved (已审核) or
returned (退回) with a comment; who and when are kept. Below, the findings rectified at a
re-check (回头看) that await 销号 (``followups.py``).

Filters (state, county, inspector, completion dates) are passed to the service,
so the page and ``fengqiao central review list`` select by the same rule. A
returned inspection stops counting in coverage until a corrected revision
arrives (docs/coverage.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain.enums import FormKind, Verdict
from fengqiao_desktop.services import central as svc
from fengqiao_desktop.services.central import ReviewRow
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.context import BureauContext
from fengqiao_desktop.ui.bureau.formatting import is_english, number, when
from fengqiao_desktop.ui.bureau.page_base import BureauPage
from fengqiao_desktop.ui.bureau.review.followups import FollowupBox
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel, select_where, selected_row
from fengqiao_desktop.ui.errors import show_error

STATE_COLOURS = {"received": "#fff4d6", "approved": "#e3f4e1", "returned": "#fde2e1"}


def _lang() -> str:
    return "en" if is_english() else "zh"


def state_text(state: str) -> str:
    return {
        "received": QCoreApplication.translate("BureauReview", "Received (to review)"),
        "approved": QCoreApplication.translate("BureauReview", "Approved"),
        "returned": QCoreApplication.translate("BureauReview", "Returned"),
    }.get(state, state)


def _verdict(r: ReviewRow) -> str:
    try:
        return Verdict(r.verdict).label_for(FormKind(r.form_kind), _lang()) if r.verdict else ""
    except ValueError:
        return r.verdict or ""


def _form(r: ReviewRow) -> str:
    from fengqiao_desktop.ui.bureau.coverage.page import _form_title

    return _form_title(r.form_id, _lang())


def review_model(parent=None) -> RowsModel:
    return RowsModel(
        [
            Column(
                lambda: QCoreApplication.translate("BureauReview", "State"),
                lambda r: state_text(r.state),
                background=lambda r: STATE_COLOURS.get(r.state),
            ),
            Column(lambda: QCoreApplication.translate("BureauReview", "Completed"), lambda r: when(r.completed_at)),
            Column(
                lambda: QCoreApplication.translate("BureauReview", "Station"),
                lambda r: f"{r.station_name} {r.station_code}".strip(),
            ),
            Column(lambda: QCoreApplication.translate("BureauReview", "County"), lambda r: r.county),
            Column(lambda: QCoreApplication.translate("BureauReview", "Form"), _form),
            Column(lambda: QCoreApplication.translate("BureauReview", "Score"), lambda r: number(r.total)),
            Column(lambda: QCoreApplication.translate("BureauReview", "Verdict"), _verdict),
            Column(lambda: QCoreApplication.translate("BureauReview", "Inspector"), lambda r: r.inspector),
            Column(
                lambda: QCoreApplication.translate("BureauReview", "Reviewed by"),
                lambda r: f"{r.reviewed_by} {when(r.reviewed_at)}" if r.reviewed_by else "",
            ),
            Column(lambda: QCoreApplication.translate("BureauReview", "Comment"), lambda r: r.comment),
        ],
        parent,
    )


class ReviewDialog(QDialog):
    """Who reviews and the comment (required to return); shown before anything is recorded."""

    def __init__(self, state: str, what: str, reviewer: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        returning = state == "returned"
        self.setWindowTitle(
            QCoreApplication.translate("BureauReview", "Return an inspection")
            if returning
            else QCoreApplication.translate("BureauReview", "Approve an inspection")
        )
        text = (
            QCoreApplication.translate(
                "BureauReview",
                "Return {what} to its inspector? Say what must be corrected; the inspection "
                "stops counting in coverage until a corrected version arrives.",
            )
            if returning
            else QCoreApplication.translate("BureauReview", "Approve {what}?")
        ).format(what=what)
        label = QLabel(text)
        label.setWordWrap(True)
        self.by_edit = QLineEdit(reviewer)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("BureauReview", "Reviewer"), self.by_edit)
        form.addRow(QCoreApplication.translate("BureauReview", "Comment"), self.comment_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.by_edit.textChanged.connect(self._check)
        self.comment_edit.textChanged.connect(self._check)
        self._check()
        self.resize(520, self.sizeHint().height())

    def _check(self) -> None:
        ok = bool(self.by_edit.text().strip()) and (self.state != "returned" or bool(self.comment()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def comment(self) -> str:
        return self.comment_edit.toPlainText().strip()

    def reviewer(self) -> str:
        return self.by_edit.text().strip()


def _ask(dialog: ReviewDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


# Replaced in tests (a modal dialog would block them): fill the dialog, return True for OK.
ask: Callable[[ReviewDialog], bool] = _ask


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class ReviewPage(BureauPage):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("bureau_review_page")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.state_box = QComboBox()
        self.county_edit = QLineEdit()
        self.inspector_edit = QLineEdit()
        self.dates_box = QCheckBox()
        self.from_edit = QDateEdit(QDate(QDate.currentDate().year(), 1, 1))
        self.to_edit = QDateEdit(QDate.currentDate())
        for e in (self.from_edit, self.to_edit):
            e.setCalendarPopup(True)
            e.setDisplayFormat("yyyy-MM-dd")
            e.setEnabled(False)
            e.dateChanged.connect(lambda _d: self.reload())
        self.dates_box.toggled.connect(self._dates_toggled)
        for e in (self.county_edit, self.inspector_edit):
            e.setClearButtonEnabled(True)
            e.editingFinished.connect(self.reload)
        self.state_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.approve_button = QPushButton()
        self.return_button = QPushButton()
        self.approve_button.clicked.connect(lambda: self.ask_review("approved"))
        self.return_button.clicked.connect(lambda: self.ask_review("returned"))
        self.count = QLabel()

        self.model = review_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.state_label, self.county_label, self.inspector_label = QLabel(), QLabel(), QLabel()
        filters = QHBoxLayout()
        for w in (
            self.state_label,
            self.state_box,
            self.county_label,
            self.county_edit,
            self.inspector_label,
            self.inspector_edit,
            self.dates_box,
            self.from_edit,
            self.to_edit,
        ):
            filters.addWidget(w)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(filters)
        lay.addLayout(buttons)
        self.followups = FollowupBox(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.followups)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay.addWidget(split, 1)
        self.retranslate()
        self._update_buttons()

    def title(self) -> str:
        return QCoreApplication.translate("BureauReview", "Review")

    def retranslate(self) -> None:
        self.intro.setText(
            QCoreApplication.translate(
                "BureauReview",
                "Every imported inspection is received for review, then approved or returned "
                "to its inspector with a comment. A returned inspection does not count in coverage until a "
                "corrected version arrives.",
            )
        )
        current = self.state_box.currentIndex()
        self.state_box.blockSignals(True)
        self.state_box.clear()
        self.state_box.addItem(QCoreApplication.translate("BureauReview", "All"), None)
        for s in ("received", "approved", "returned"):
            self.state_box.addItem(state_text(s), s)
        self.state_box.setCurrentIndex(max(0, current))
        self.state_box.blockSignals(False)
        self.state_label.setText(QCoreApplication.translate("BureauReview", "State:"))
        self.county_label.setText(QCoreApplication.translate("BureauReview", "County:"))
        self.inspector_label.setText(QCoreApplication.translate("BureauReview", "Inspector:"))
        self.dates_box.setText(QCoreApplication.translate("BureauReview", "Completed between"))
        self.approve_button.setText(QCoreApplication.translate("BureauReview", "Approve…"))
        self.return_button.setText(QCoreApplication.translate("BureauReview", "Return…"))
        self.model.headers_changed()
        self._show_count()
        self.followups.retranslate()

    def _dates_toggled(self, on: bool) -> None:
        self.from_edit.setEnabled(on)
        self.to_edit.setEnabled(on)
        self.reload()

    def set_state_filter(self, state: str | None) -> None:
        self.state_box.setCurrentIndex(max(0, self.state_box.findData(state)))

    # -- loading -------------------------------------------------------------
    def filters(self) -> dict:
        dates = self.dates_box.isChecked()
        return {
            "state": self.state_box.currentData(),
            "county": self.county_edit.text().strip() or None,
            "inspector": self.inspector_edit.text().strip() or None,
            "date_from": _pydate(self.from_edit) if dates else None,
            "date_to": _pydate(self.to_edit) if dates else None,
        }

    def reload(self) -> None:
        self._stale = False
        url, filters = self.context.central, self.filters()
        tasks.run_task(
            QCoreApplication.translate("BureauReview", "Loading inspections"),
            lambda: svc.review_list(url=url, **filters),
            self._show,
            lambda e: show_error(self, e),
        )
        self.followups.reload()

    def _show(self, rows: list[ReviewRow]) -> None:
        selected = self.selected_row()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for col, most in ((2, 300), (4, 260)):
            if self.table.columnWidth(col) > most:
                self.table.setColumnWidth(col, most)
        if selected is not None:
            self.select_inspection(selected.inspection_id)
        self._show_count()
        self._update_buttons()

    def _show_count(self) -> None:
        rows = self.model.rows
        waiting = sum(r.state == "received" for r in rows)
        self.count.setText(
            QCoreApplication.translate("BureauReview", "{n} inspection(s), {waiting} to review").format(
                n=len(rows), waiting=waiting
            )
        )

    def selected_row(self) -> ReviewRow | None:
        return selected_row(self.table, self.model)

    def select_inspection(self, inspection_id: str) -> bool:
        return select_where(self.table, self.model, lambda r: r.inspection_id == inspection_id)

    def _update_buttons(self, *_a) -> None:
        r = self.selected_row()
        self.approve_button.setEnabled(r is not None and r.state != "approved")
        self.return_button.setEnabled(r is not None and r.state != "returned")

    # -- reviewing -----------------------------------------------------------
    def ask_review(self, state: str) -> None:
        r = self.selected_row()
        if r is None:
            return
        try:
            reviewer = self.context.user_name()
        except Exception:  # noqa: BLE001 - no readable profile: the clerk types a name
            reviewer = ""
        dialog = ReviewDialog(state, f"{r.station_name}（{_form(r)}，{when(r.completed_at)}）", reviewer, self)
        if ask(dialog):
            self.review(r.inspection_id, state, dialog.reviewer(), dialog.comment())

    def review(self, inspection_id: str, state: str, by: str, comment: str) -> None:
        url = self.context.central

        def done(_row: ReviewRow) -> None:
            self.context.notify_changed()
            self.reload()
            self.select_inspection(inspection_id)

        tasks.run_task(
            QCoreApplication.translate("BureauReview", "Recording the review"),
            lambda: svc.review_set(inspection_id, state, by=by, comment=comment, url=url),
            done,
            lambda e: show_error(self, e),
        )
