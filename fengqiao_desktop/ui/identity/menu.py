"""The File menu entry 检查员与密钥… (installed by ``ui.app.wire``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from fengqiao_desktop.ui.file_menu import add_file_action


def install_profile_action(window) -> QAction:
    """Add File → Inspector and signing key… just before the export action."""

    def open_dialog() -> None:  # the key and storage code load when first used
        from fengqiao_desktop.ui.identity.dialog import open_profile_dialog

        open_profile_dialog(window)

    window.profile_action = add_file_action(
        window,
        "profile_keys",
        lambda: QCoreApplication.translate("Identity", "Inspector and signing key…"),
        open_dialog,
        before=getattr(window, "export_action", None),
    )
    return window.profile_action
