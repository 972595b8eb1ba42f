"""The File menu entry 检查员与密钥… (installed by ``ui.app.wire``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction


def install_profile_action(window) -> QAction:
    """Add File → Inspector and signing key… just before the export action; relabelled on language change."""

    def open_dialog(_checked=False) -> None:  # the key and storage code load when first used
        from fengqiao_desktop.ui.identity.dialog import open_profile_dialog

        open_profile_dialog(window)

    action = QAction(window)
    action.setObjectName("profile_keys")
    action.triggered.connect(open_dialog)

    def label(*_a) -> None:
        action.setText(QCoreApplication.translate("Identity", "Inspector and signing key…"))

    label()
    window.language_changed.connect(label)
    before = getattr(window, "export_action", None)
    if before is not None and before in window.file_menu.actions():
        window.file_menu.insertAction(before, action)
    else:
        window.file_menu.addAction(action)
    window.profile_action = action
    return action
