"""Import a scoring sheet (XLSX or CSV) as a form: read it, show the report and the diff, then write.

Reading runs off the UI thread (``ui.tasks``) through ``services.form_import.plan_import``;
nothing is written until the sheet reads without a problem and the clerk presses Import.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain import Level
from fengqiao_desktop.formengine.lineage import ItemChange
from fengqiao_desktop.formengine.versioning import Change
from fengqiao_desktop.formengine.xlsx_import import Options, Problem
from fengqiao_desktop.services.form_import import ImportPlan, apply_import, plan_import
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.i18n import current_language

_CTX = "FormImport"


def _pts(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


_CHANGE_TEXT = {  # marked for lupdate; shown through _tr
    Change.SAME: QT_TRANSLATE_NOOP("FormImport", "Points changed"),
    Change.RENAMED: QT_TRANSLATE_NOOP("FormImport", "Renamed"),
    Change.MOVED: QT_TRANSLATE_NOOP("FormImport", "Moved"),
    Change.SPLIT: QT_TRANSLATE_NOOP("FormImport", "Split"),
    Change.MERGED: QT_TRANSLATE_NOOP("FormImport", "Merged"),
    Change.REMOVED: QT_TRANSLATE_NOOP("FormImport", "Removed"),
    Change.NEW: QT_TRANSLATE_NOOP("FormImport", "Added"),
}


def _problem_columns() -> list[Column]:
    def text(p: tuple[str, Problem]) -> str:
        return p[1].en if current_language() == "en" else p[1].zh

    return [
        Column(
            lambda: QCoreApplication.translate("FormImport", "Kind"),
            lambda p: (
                QCoreApplication.translate("FormImport", "Problem")
                if p[0] == "problem"
                else QCoreApplication.translate("FormImport", "Note")
            ),
            background=lambda p: "#fde2e1" if p[0] == "problem" else "#fff4d6",
        ),
        Column(lambda: QCoreApplication.translate("FormImport", "Sheet"), lambda p: p[1].sheet),
        Column(lambda: QCoreApplication.translate("FormImport", "Cell"), lambda p: p[1].cell or "—"),
        Column(lambda: QCoreApplication.translate("FormImport", "Details"), text),
    ]


def _change_columns() -> list[Column]:
    return [
        Column(
            lambda: QCoreApplication.translate("FormImport", "Change"),
            lambda c: QCoreApplication.translate("FormImport", _CHANGE_TEXT[c.change]),
            background=lambda c: {Change.NEW: "#e2f4e4", Change.REMOVED: "#fde2e1"}.get(c.change),
        ),
        Column(lambda: QCoreApplication.translate("FormImport", "Old item"), lambda c: ", ".join(c.old)),
        Column(lambda: QCoreApplication.translate("FormImport", "New item"), lambda c: ", ".join(c.new)),
        Column(lambda: QCoreApplication.translate("FormImport", "Title"), lambda c: c.title),
        Column(
            lambda: QCoreApplication.translate("FormImport", "Points"),
            lambda c: (
                f"{_pts(c.old_points)} → {_pts(c.new_points)}"
                if c.points_changed
                else _pts(c.new_points if c.new else c.old_points)
            ),
        ),
    ]


class SheetImportDialog(QDialog):
    """Choose a sheet, read it, look at the report and the diff, import."""

    form_imported = Signal(str)  # the written YAML file

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sheet_import_dialog")
        self.setWindowTitle(QCoreApplication.translate("FormImport", "Import a scoring sheet"))
        self.plan: ImportPlan | None = None
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            QCoreApplication.translate("FormImport", "an .xlsx or .csv file saved by Excel or WPS")
        )
        browse = QPushButton(QCoreApplication.translate("FormImport", "Browse…"))
        browse.clicked.connect(self.choose_file)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText(QCoreApplication.translate("FormImport", "from the sheet or the file name"))
        self.level_boxes = {lv: QCheckBox(lv.label(current_language())) for lv in Level}
        levels = QHBoxLayout()
        for box in self.level_boxes.values():
            levels.addWidget(box)
        levels.addStretch(1)
        self.pass_edit = QLineEdit()
        self.pass_edit.setPlaceholderText(
            QCoreApplication.translate("FormImport", "from the title, else 90% of the total")
        )
        self.read_button = QPushButton(QCoreApplication.translate("FormImport", "Read the sheet"))
        self.read_button.clicked.connect(self.read)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("FormImport", "Sheet file"), path_row)
        form.addRow(QCoreApplication.translate("FormImport", "Form id"), self.id_edit)
        form.addRow(QCoreApplication.translate("FormImport", "Levels"), levels)
        form.addRow(QCoreApplication.translate("FormImport", "Pass mark"), self.pass_edit)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.problems = RowsModel(_problem_columns(), self)
        self.problem_table = self._table(self.problems)
        self.diff_label = QLabel()
        self.diff_label.setStyleSheet("font-weight: bold;")
        self.changes = RowsModel(_change_columns(), self)
        self.change_table = self._table(self.changes)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            QCoreApplication.translate("FormImport", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.addButton(
            QCoreApplication.translate("FormImport", "Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.clicked.connect(self.write)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.read_button)
        lay.addWidget(self.summary)
        lay.addWidget(self.problem_table, 2)
        lay.addWidget(self.diff_label)
        lay.addWidget(self.change_table, 3)
        lay.addWidget(self.buttons)
        self.diff_label.hide()
        self.change_table.hide()
        self.resize(1100, 700)

    @staticmethod
    def _table(model: RowsModel) -> QTableView:
        t = QTableView()
        t.setModel(model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().hide()
        t.setWordWrap(True)
        t.horizontalHeader().setStretchLastSection(True)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return t

    # -- reading ----------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("FormImport", "Choose a scoring sheet"),
            "",
            QCoreApplication.translate("FormImport", "Scoring sheets (*.xlsx *.csv);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)
            self.read()

    def options(self) -> Options:
        levels = tuple(lv.value for lv, box in self.level_boxes.items() if box.isChecked())
        try:
            pass_mark = float(self.pass_edit.text()) if self.pass_edit.text().strip() else None
        except ValueError:
            pass_mark = None
        return Options(form_id=self.id_edit.text().strip() or None, levels=levels, pass_mark=pass_mark)

    def read(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            return
        options = self.options()
        self.read_button.setEnabled(False)
        self.import_button.setEnabled(False)
        tasks.runner().start(
            QCoreApplication.translate("FormImport", "Reading the scoring sheet"),
            lambda _progress, _cancelled: plan_import(Path(path), options),
            on_done=self.show_plan,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.read_button.setEnabled(True)
        show_error(self, exc)

    def show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.read_button.setEnabled(True)
        rep = plan.report
        self.problems.set_rows([("problem", p) for p in rep.problems] + [("note", p) for p in rep.notes])
        form = rep.form
        if not plan.ok:
            text = QCoreApplication.translate(
                "FormImport",
                "%1 cell(s) could not be read. Nothing will be written; correct the sheet and read it again.",
            )  # noqa: E501
            self.summary.setText(text.replace("%1", str(len(rep.problems))))
            self.summary.setStyleSheet("font-weight: bold; color: #a61b1b;")
        else:
            assert form is not None
            title = form.title.get(current_language())
            text = (
                QCoreApplication.translate(
                    "FormImport", "%1 — %2 version %3: %4 sections, %5 items, %6 points, pass mark %7."
                )
                .replace("%1", title)
                .replace("%2", form.id)
                .replace("%3", form.version)
                .replace("%4", str(len(form.sections)))
                .replace("%5", str(len(form.items)))
                .replace("%6", _pts(form.max))
                .replace("%7", _pts(form.pass_mark))
            )
            if plan.already_installed:
                text += " " + QCoreApplication.translate("FormImport", "This version is already installed.")
            self.summary.setText(text)
            self.summary.setStyleSheet("font-weight: bold; color: #1f5f2a;")
        d = plan.diff
        if d is not None:
            shown: list[ItemChange] = [c for c in d.changes if c.change is not Change.SAME or c.points_changed]
            self.diff_label.setText(
                QCoreApplication.translate(
                    "FormImport", "Changes against the installed version %1 (total %2 → %3 points):"
                )
                .replace("%1", d.old.version)
                .replace("%2", _pts(d.old.max))
                .replace("%3", _pts(d.new.max))
            )
            self.changes.set_rows(shown)
        self.diff_label.setVisible(d is not None)
        self.change_table.setVisible(d is not None)
        self.import_button.setEnabled(plan.ok and not plan.already_installed)

    def write(self) -> None:
        if self.plan is None or not self.plan.ok:
            return
        try:
            path = apply_import(self.plan)
        except Exception as exc:  # noqa: BLE001 - a known error gets its message, a bug the crash box
            show_error(self, exc)
            return
        self.form_imported.emit(str(path))
        self.accept()
