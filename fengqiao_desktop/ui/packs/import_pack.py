"""File → Import task pack…: verify the bureau's pack, compare the key's fingerprint, apply it.

The pack is checked off the UI thread (``services.packs.check_pack``): a refusal
is shown as a known error and nothing changes. Otherwise a dialog shows what the
pack brings; on the first pack it also shows the bureau key's fingerprint (text
and QR code) and the inspector confirms that it matches what the bureau gave
them before the pack is applied (one transaction, again off the UI thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.file_menu import add_file_action

if TYPE_CHECKING:
    from fengqiao_desktop.services import packs as svc


class ConfirmPackDialog(QDialog):
    """What a verified pack brings; on first use, the fingerprint to compare."""

    def __init__(self, preview: svc.PackPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("confirm_pack")
        self.setWindowTitle(QCoreApplication.translate("TaskPack", "Import task pack"))
        self.preview = preview
        lay = QVBoxLayout(self)
        what = QLabel(
            QCoreApplication.translate(
                "TaskPack",
                "Task pack number {seq} from {bureau}:\n{stations} stations, {forms} forms, "
                "{assignments} assignments, {findings} findings to re-check, "
                "{returned} returned inspections.",
            ).format(
                seq=preview.sequence,
                bureau=preview.bureau_name,
                stations=preview.stations,
                forms=preview.forms,
                assignments=preview.assignments,
                findings=preview.findings,
                returned=preview.returned,
            )
        )
        what.setWordWrap(True)
        lay.addWidget(what)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSizeF(fixed.pointSizeF() * 1.4)
        self.fingerprint = QLabel(preview.fingerprint)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setFont(fixed)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if preview.first_use:
            warn = QLabel(
                QCoreApplication.translate(
                    "TaskPack",
                    "This is the first task pack on this computer. Compare the bureau key's "
                    "fingerprint below with the one the bureau gave you (on paper, by phone, or its "
                    "QR code). Import only if they are the same: from now on this computer accepts "
                    "task packs signed by this key alone.",
                )
            )
            warn.setWordWrap(True)
            lay.addWidget(warn)
            row = QHBoxLayout()
            col = QVBoxLayout()
            col.addWidget(
                QLabel(
                    QCoreApplication.translate("TaskPack", "Bureau key {key_id}, fingerprint:").format(
                        key_id=preview.bureau_key_id
                    )
                )
            )
            col.addWidget(self.fingerprint)
            col.addStretch(1)
            row.addLayout(col, 1)
            qr = QLabel()
            qr.setToolTip(QCoreApplication.translate("TaskPack", "The bureau's public key as a QR code"))
            from fengqiao_desktop.ui.identity.dialog import (
                qr_pixmap,  # on use: keeps start-up light
            )

            qr.setPixmap(qr_pixmap(preview.public_key, 4))
            row.addWidget(qr)
            lay.addLayout(row)
            ok_text = QCoreApplication.translate("TaskPack", "The fingerprint matches — import")
        else:
            lay.addWidget(
                QLabel(
                    QCoreApplication.translate(
                        "TaskPack", "Signed by the bureau key this computer trusts ({key_id})."
                    ).format(key_id=preview.bureau_key_id)
                )
            )
            ok_text = QCoreApplication.translate("TaskPack", "Import")
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QCoreApplication.translate("TaskPack", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())


def _ask(parent: QWidget, preview: svc.PackPreview) -> bool:
    return ConfirmPackDialog(preview, parent).exec() == QDialog.DialogCode.Accepted


# Replaced in tests (modal dialogs would block them).
confirm: Callable[[QWidget, svc.PackPreview], bool] = _ask
choose_file: Callable[[QWidget], str] = lambda parent: QFileDialog.getOpenFileName(  # noqa: E731
    parent,
    QCoreApplication.translate("TaskPack", "Import task pack"),
    "",
    QCoreApplication.translate("TaskPack", "Task packs (*.fqpack)"),
)[0]


def import_pack(window, path: str | None = None) -> None:
    """Check, confirm and apply a pack into the window's store."""
    from fengqiao_desktop.services import packs as svc  # on use: keeps start-up light

    store = window.store
    path = path or choose_file(window)
    if not path:
        return

    def checked(preview: svc.PackPreview) -> None:
        if not confirm(window, preview):
            return
        tasks.start_with_dialog(
            window,
            QCoreApplication.translate("TaskPack", "Importing the task pack…"),
            lambda _p, _c: svc.apply_pack(store, path, confirmed_fingerprint=preview.fingerprint),
            on_done=applied,
            on_error=lambda exc: show_error(window, exc),
        )

    def applied(preview: svc.PackPreview) -> None:
        # new stations reach the tree through the store's roster_changed
        page = getattr(window, "my_tasks", None)
        if page is not None:
            page.reload()
            window.inspector.setCurrentWidget(page)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "TaskPack", "Task pack number {seq} imported: {assignments} assignments are in My tasks."
            ).format(seq=preview.sequence, assignments=preview.assignments),
            15000,
        )

    tasks.start_with_dialog(
        window,
        QCoreApplication.translate("TaskPack", "Checking the task pack…"),
        lambda _p, _c: svc.check_pack(store, path),
        on_done=checked,
        on_error=lambda exc: show_error(window, exc),
    )


def install_import_action(window) -> QAction:
    """Add File → Import task pack… just before the export action."""
    window.import_pack_action = add_file_action(
        window,
        "import_task_pack",
        lambda: QCoreApplication.translate("TaskPack", "Import task pack…"),
        lambda: import_pack(window),
        before=getattr(window, "export_action", None),
    )
    return window.import_pack_action
