"""Forms page (表单): the installed forms, import a bureau's sheet from Excel, export one to XLSX,
register one at the bureau (after its diff against the registered version it replaces)."""

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
        Column(
            lambda: QCoreApplication.translate("FormImport", "Supersedes"),
            lambda f: f.supersedes.version if f.supersedes else "",
        ),
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
        self.register_button = QPushButton()
        self.register_button.setObjectName("register_form")
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.export_selected)
        self.register_button.clicked.connect(self.register_selected)
        self.status = QLabel()
        self.status.setObjectName("forms_status")
        self.status.setWordWrap(True)
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
        buttons.addWidget(self.register_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addLayout(buttons)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)
        self.retranslate()

    def title(self) -> str:
        return QCoreApplication.translate("FormImport", "Forms")

    def retranslate(self) -> None:
        self.hint.setText(
            QCoreApplication.translate(
                "FormImport",
                "The forms on this computer: the shipped ones and the bureau's own. "
                "Import a bureau's scoring sheet from Excel or WPS, or export a form "
                "to XLSX for review and printing.",
            )
        )
        self.import_button.setText(QCoreApplication.translate("FormImport", "Import a scoring sheet…"))
        self.export_button.setText(QCoreApplication.translate("FormImport", "Export to XLSX…"))
        self.register_button.setText(QCoreApplication.translate("FormImport", "Register at the bureau…"))
        self.register_button.setToolTip(
            QCoreApplication.translate(
                "FormImport", "Accept inspections scored with the selected form; a new version shows its changes first"
            )
        )
        self.model.headers_changed()

    def reload(self) -> None:
        self._stale = False

        def load(_progress, _cancelled) -> list[FormDef]:
            reg = installed_registry()
            return [f for form in reg for f in reg.versions(form.id)]

        tasks.runner().start(
            QCoreApplication.translate("FormImport", "Loading forms"),
            load,
            on_done=self.model.set_rows,
            on_error=lambda exc: show_error(self, exc),
        )

    def open_import(self) -> None:
        from fengqiao_desktop.ui.bureau.forms.import_dialog import SheetImportDialog

        dialog = SheetImportDialog(self)
        dialog.form_imported.connect(lambda _p: self.reload())
        dialog.open()

    def export_selected(self) -> None:
        form: FormDef | None = selected_row(self.table, self.model)
        if form is None:
            return
        path, _f = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("FormImport", "Export the form to XLSX"),
            f"{form.id}-{form.version}.xlsx",
            "Excel (*.xlsx)",
        )
        if not path:
            return
        from fengqiao_desktop.formengine.xlsx_export import export_form

        tasks.runner().start(
            QCoreApplication.translate("FormImport", "Exporting the form"),
            lambda _p, _c: export_form(form, path),
            on_error=lambda exc: show_error(self, exc),
        )

    # -- registering at the bureau ------------------------------------------------------------
    def register_selected(self) -> None:
        """Plan the selected form's registration off the UI thread, then show the diff and ask."""
        form: FormDef | None = selected_row(self.table, self.model)
        if form is None:
            self.status.setText(QCoreApplication.translate("FormImport", "Choose a form in the list first."))
            return
        url = self.context.central

        def plan(_progress, _cancelled):
            from fengqiao_desktop.services.central import plan_form_registration

            return plan_form_registration([form], url=url)[0]

        tasks.runner().start(
            QCoreApplication.translate("FormImport", "Comparing with the bureau's forms"),
            plan,
            on_done=self.confirm_registration,
            on_error=lambda exc: show_error(self, exc),
        )

    def confirm_registration(self, plan) -> None:
        from fengqiao_desktop.ui.bureau.forms.register_dialog import RegisterFormDialog

        dialog = RegisterFormDialog(plan, self)
        dialog.accepted.connect(lambda: self._register(plan.form))
        dialog.rejected.connect(
            lambda: self.status.setText(
                "" if plan.known else QCoreApplication.translate("FormImport", "Nothing registered.")
            )
        )
        dialog.open()

    def _register(self, form: FormDef) -> None:
        url = self.context.central

        def work(_progress, _cancelled):
            from fengqiao_desktop.services.central import register_form_defs

            return register_form_defs([form], url=url)

        def done(result) -> None:
            entry, _added = result[0]
            self.status.setText(
                QCoreApplication.translate("FormImport", "Registered at the bureau: %1 version %2.")
                .replace("%1", entry.form_id)
                .replace("%2", entry.version)
            )
            self.context.notify_changed()

        tasks.runner().start(
            QCoreApplication.translate("FormImport", "Registering the form"),
            work,
            on_done=done,
            on_error=lambda exc: show_error(self, exc),
        )
