"""Forms page (表单): the installed forms, import a bureau's sheet from Excel, export one to XLSX."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.formengine.loader import installed_registry
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.context import BureauContext
from fengqiao_desktop.ui.bureau.page_base import BureauPage
from fengqiao_desktop.ui.bureau.rows_model import Column, RowsModel, selected_row
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.i18n import current_language

_CTX = "FormImport"


def _columns() -> list[Column]:
    return [
        Column(lambda: QCoreApplication.translate("FormImport", "Form"), lambda f: f.id),
        Column(lambda: QCoreApplication.translate("FormImport", "Version"), lambda f: f.version),
        Column(lambda: QCoreApplication.translate("FormImport", "Supersedes"), lambda f: f.supersedes.version if f.supersedes else ""),
        Column(lambda: QCoreApplication.translate("FormImport", "Items"), lambda f: str(len(f.items))),
        Column(lambda: QCoreApplication.translate("FormImport", "Points"), lambda f: f"{f.max:g}"),
        Column(lambda: QCoreApplication.translate("FormImport", "Pass mark"), lambda f: f"{f.pass_mark:g}"),
        Column(lambda: QCoreApplication.translate("FormImport", "Title"), lambda f: f.title.get(current_language())),
    ]


class FormsPage(BureauPage):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("bureau_forms_page")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.export_selected)
        self.model = RowsModel(_columns(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def title(self) -> str:
        return QCoreApplication.translate("FormImport", "Forms")

    def retranslate(self) -> None:
        self.hint.setText(QCoreApplication.translate("FormImport", "The forms on this computer: the shipped ones and the bureau's own. "
                              "Import a bureau's scoring sheet from Excel or WPS, or export a form "
                              "to XLSX for review and printing."))
        self.import_button.setText(QCoreApplication.translate("FormImport", "Import a scoring sheet…"))
        self.export_button.setText(QCoreApplication.translate("FormImport", "Export to XLSX…"))
        self.model.headers_changed()

    def reload(self) -> None:
        self._stale = False

        def load(_progress, _cancelled) -> list[FormDef]:
            reg = installed_registry()
            return [f for form in reg for f in reg.versions(form.id)]

        tasks.runner().start(QCoreApplication.translate("FormImport", "Loading forms"), load, on_done=self.model.set_rows,
                             on_error=lambda exc: show_error(self, exc))

    def open_import(self) -> None:
        from fengqiao_desktop.ui.bureau.forms.import_dialog import SheetImportDialog

        dialog = SheetImportDialog(self)
        dialog.form_imported.connect(lambda _p: self.reload())
        dialog.open()

    def export_selected(self) -> None:
        form: FormDef | None = selected_row(self.table, self.model)
        if form is None:
            return
        path, _f = QFileDialog.getSaveFileName(self, QCoreApplication.translate("FormImport", "Export the form to XLSX"),
                                               f"{form.id}-{form.version}.xlsx", "Excel (*.xlsx)")
        if not path:
            return
        from fengqiao_desktop.formengine.xlsx_export import export_form

        tasks.runner().start(QCoreApplication.translate("FormImport", "Exporting the form"), lambda _p, _c: export_form(form, path),
                             on_error=lambda exc: show_error(self, exc))
