"""The File menu entries 检查员与密钥… and 加密本机数据… (installed by ``ui.app.wire``; what they
open loads when first used, so the window shows before the storage stack is imported)."""

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


def install_encrypt_action(window) -> QAction:
    """File → Encrypt this computer's data…, after the key action."""

    def encrypt() -> None:
        from fengqiao_desktop.ui.identity.datalock import encrypt_data

        encrypt_data(window)

    window.encrypt_action = add_file_action(
        window,
        "encrypt_data",
        lambda: QCoreApplication.translate("DataLock", "Encrypt this computer's data…"),
        encrypt,
        after=getattr(window, "profile_action", None),
    )
    return window.encrypt_action
