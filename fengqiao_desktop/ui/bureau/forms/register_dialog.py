"""Register a form at the bureau: the diff against the registered version it replaces, then ask.

The plan comes from ``services.central.plan_form_registration`` (the same one
``fengqiao central forms register`` prints); nothing is registered until the clerk
presses Register.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fengqiao_desktop.formengine.versioning import Change
from fengqiao_desktop.merge.forms_registry import RegistrationPlan
from fengqiao_desktop.ui.bureau.forms.import_dialog import SheetImportDialog, _change_columns, _pts
from fengqiao_desktop.ui.bureau.rows_model import RowsModel
from fengqiao_desktop.ui.i18n import current_language


class RegisterFormDialog(QDialog):
    """What registering one form would change at the bureau; Register or Cancel."""

    def __init__(self, plan: RegistrationPlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("register_form_dialog")
        self.setWindowTitle(QCoreApplication.translate("FormRegister", "Register the form at the bureau"))
        self.plan = plan
        form = plan.form
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.changes = RowsModel(_change_columns(), self)
        self.change_table = SheetImportDialog._table(self.changes)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.register_button = self.buttons.addButton(
            QCoreApplication.translate("FormRegister", "Register"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            QCoreApplication.translate("FormRegister", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.change_table, 1)
        lay.addWidget(self.question)
        lay.addWidget(self.buttons)

        name = f"{form.title.get(current_language())} ({form.id})"
        d = plan.diff
        if plan.known:
            self.summary.setText(
                QCoreApplication.translate(
                    "FormRegister", "%1 version %2 is already registered at the bureau; nothing to do."
                )
                .replace("%1", name)
                .replace("%2", form.version)
            )
            self.register_button.setEnabled(False)
            self.cancel_button.setText(QCoreApplication.translate("FormRegister", "Close"))
        elif d is not None and plan.replaces is not None:
            self.summary.setText(
                QCoreApplication.translate(
                    "FormRegister", "%1 version %2 replaces the registered version %3 (total %4 → %5 points):"
                )
                .replace("%1", name)
                .replace("%2", form.version)
                .replace("%3", plan.replaces.version)
                .replace("%4", _pts(d.old.max))
                .replace("%5", _pts(d.new.max))
            )
            self.changes.set_rows([c for c in d.changes if c.change is not Change.SAME or c.points_changed])
            self.question.setText(
                QCoreApplication.translate(
                    "FormRegister",
                    "%1 item(s) added, %2 removed, %3 with points changed. Accept these changes and register?",
                )
                .replace("%1", str(len(d.added)))
                .replace("%2", str(len(d.removed)))
                .replace("%3", str(len(d.points_changed)))
            )
        else:
            self.summary.setText(
                QCoreApplication.translate("FormRegister", "%1 version %2 is new at the bureau: %3 items, %4 points.")
                .replace("%1", name)
                .replace("%2", form.version)
                .replace("%3", str(len(form.items)))
                .replace("%4", _pts(form.max))
            )
            self.question.setText(
                QCoreApplication.translate(
                    "FormRegister", "Register it so that inspections scored with it are accepted?"
                )
            )
        self.change_table.setVisible(d is not None and not plan.known)
        self.question.setVisible(not plan.known)
        self.resize(900, 520 if self.change_table.isVisibleTo(self) else 220)
