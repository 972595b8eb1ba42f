"""检查员与密钥: the inspector's profile, the public key (text and QR code), key creation and import.

Key work (scrypt) runs through ``ui.tasks``; the dialog keeps its buttons
disabled meanwhile. Every method a button calls also takes its inputs as
arguments (``create_key(passphrase)``, ``import_key(path, passphrase)``,
``export_public(path)``) so tests and scripts can drive it without file pickers.
"""

from __future__ import annotations

import io
from pathlib import Path

import segno
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase, QFontMetrics, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.bundle.minisign import secret_key_is_encrypted
from fengqiao_desktop.errors import KeyError_, KnownError
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.identity import passphrase as pp


def _confirm_fingerprint(parent: QWidget, fingerprint: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Identity", "Bureau encryption key"),
        QCoreApplication.translate(
            "Identity", "Fingerprint: {fingerprint}\n\nIs it the same as the one the bureau gave you?"
        ).format(fingerprint=fingerprint),
    )
    return answer == QMessageBox.StandardButton.Yes


# Replaced in tests: a modal question.
confirm_fingerprint = _confirm_fingerprint


def qr_pixmap(text: str, scale: int = 4) -> QPixmap:
    """A QR code of ``text`` (segno PNG, loaded into a pixmap)."""
    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=scale, border=3)
    pm = QPixmap()
    pm.loadFromData(buf.getvalue(), "PNG")
    return pm


class NewKeyDialog(QDialog):
    """Asks a new passphrase twice (strength hint, no-recovery warning)."""

    def __init__(self, parent: QWidget | None = None, replacing: str = ""):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Identity", "Create signing key"))
        lay = QVBoxLayout(self)
        if replacing:
            note = QLabel(
                QCoreApplication.translate(
                    "Identity",
                    "This replaces key {key_id}. The old key is backed up but will no longer sign; "
                    "the bureau must register the new public key.",
                ).format(key_id=replacing)
            )
            note.setWordWrap(True)
            lay.addWidget(note)
        self.entry = pp.NewPassphraseWidget()
        lay.addWidget(self.entry)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.entry.changed.connect(self._update)
        self._update()
        self.setMinimumWidth(460)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.entry.passphrase()))


class ProfileKeyDialog(QDialog):
    """Profile fields, the key's id, one-line public key and QR code, and the key actions."""

    identity_changed = Signal(object)  # the new IdentityView

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("profile_key_dialog")
        self.setWindowTitle(QCoreApplication.translate("Identity", "Inspector and signing key"))
        self.last_task: tasks.TaskHandle | None = None
        lay = QVBoxLayout(self)

        self.profile_box = QGroupBox(QCoreApplication.translate("Identity", "Inspector"))
        form = QFormLayout(self.profile_box)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.unit = QLineEdit()
        self.unit.setObjectName("unit")
        self.phone = QLineEdit()
        self.phone.setObjectName("phone")
        form.addRow(QCoreApplication.translate("Identity", "Name:"), self.name)
        form.addRow(QCoreApplication.translate("Identity", "Unit:"), self.unit)
        form.addRow(QCoreApplication.translate("Identity", "Phone:"), self.phone)
        self.save_button = QPushButton(QCoreApplication.translate("Identity", "Save profile"))
        self.save_button.setObjectName("save_profile")
        self.save_button.clicked.connect(lambda: self.save_profile())
        form.addRow("", self.save_button)
        lay.addWidget(self.profile_box)

        self.key_box = QGroupBox(QCoreApplication.translate("Identity", "Signing key"))
        key_lay = QHBoxLayout(self.key_box)
        left = QFormLayout()
        self.key_id = QLabel()
        self.key_id.setObjectName("key_id")
        self.key_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.public_line = QLineEdit()
        self.public_line.setObjectName("public_key")
        self.public_line.setReadOnly(True)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.public_line.setFont(mono)
        self.public_line.setMinimumWidth(QFontMetrics(mono).horizontalAdvance("W" * 58))
        left.addRow(QCoreApplication.translate("Identity", "Key id:"), self.key_id)
        left.addRow(QCoreApplication.translate("Identity", "Public key:"), self.public_line)
        self.status = QLabel()
        self.status.setObjectName("key_status")
        self.status.setWordWrap(True)
        left.addRow(self.status)
        row = QHBoxLayout()
        self.export_button = QPushButton(QCoreApplication.translate("Identity", "Export .pub file…"))
        self.export_button.setObjectName("export_pub")
        self.export_button.clicked.connect(lambda: self.export_public())
        self.create_button = QPushButton(QCoreApplication.translate("Identity", "Create new key…"))
        self.create_button.setObjectName("create_key")
        self.create_button.clicked.connect(lambda: self.create_key())
        self.import_button = QPushButton(QCoreApplication.translate("Identity", "Import minisign key…"))
        self.import_button.setObjectName("import_key")
        self.import_button.clicked.connect(lambda: self.import_key())
        for b in (self.export_button, self.create_button, self.import_button):
            row.addWidget(b)
        left.addRow(row)
        key_lay.addLayout(left, 1)
        self.qr = QLabel()
        self.qr.setObjectName("qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(180, 180)
        key_lay.addWidget(self.qr)
        lay.addWidget(self.key_box)

        # whom bundles are encrypted to: normally from a task pack, or added here by hand
        self.crypt_box = QGroupBox(QCoreApplication.translate("Identity", "Bundle encryption"))
        crypt = QFormLayout(self.crypt_box)
        self.crypt_status = QLabel()
        self.crypt_status.setObjectName("crypt_status")
        self.crypt_status.setWordWrap(True)
        self.crypt_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        crypt.addRow(self.crypt_status)
        self.bureau_recipient = QLineEdit()
        self.bureau_recipient.setObjectName("bureau_recipient")
        self.bureau_recipient.setFont(mono)
        self.bureau_recipient.setPlaceholderText("age1…")
        self.add_recipient_button = QPushButton(QCoreApplication.translate("Identity", "Add"))
        self.add_recipient_button.setObjectName("add_recipient")
        self.add_recipient_button.clicked.connect(lambda: self.add_bureau_recipient())
        add_row = QHBoxLayout()
        add_row.addWidget(self.bureau_recipient, 1)
        add_row.addWidget(self.add_recipient_button)
        crypt.addRow(QCoreApplication.translate("Identity", "Bureau's encryption key:"), add_row)
        lay.addWidget(self.crypt_box)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay.addWidget(close)
        self.refresh()

    # -- showing ---------------------------------------------------------------
    def refresh(self) -> None:
        view = idn.identity(self.store)
        self.view = view
        self.name.setText(view.name)
        self.unit.setText(view.unit)
        self.phone.setText(view.phone)
        self.key_id.setText(view.key_id or "—")
        self.public_line.setText(view.public_line)
        self.public_line.setCursorPosition(0)  # show the key from its start ("RW…")
        self.export_button.setEnabled(bool(view.key_id))
        if view.public_line:
            self.qr.setPixmap(qr_pixmap(view.public_line))
            self.status.setText(
                QCoreApplication.translate(
                    "Identity",
                    "Give the .pub file (or let the bureau scan the QR code) to register this "
                    "key; bundles signed with it are accepted only after that.",
                )
            )
        else:
            self.qr.clear()
            self.qr.setText(QCoreApplication.translate("Identity", "no key yet"))
            self.status.setText(
                QCoreApplication.translate(
                    "Identity",
                    "No signing key on this computer yet. Bundles cannot be exported until you create or import one.",
                )
            )
        self._refresh_encryption()

    def _refresh_encryption(self) -> None:
        from fengqiao_desktop.services import recipients

        views = recipients.recipient_views(self.store) if self.store is not None else []
        if views:
            self.crypt_status.setText(
                QCoreApplication.translate(
                    "Identity", "Bundles are encrypted: only the bureau (and you) can open them. Keys: {keys}"
                ).format(keys="; ".join(f"{v.recipient[:16]}… ({v.fingerprint})" for v in views))
            )
        else:
            self.crypt_status.setText(
                QCoreApplication.translate(
                    "Identity",
                    "Bundles are NOT encrypted yet: the bureau's encryption key comes with its task pack, "
                    "or enter it here after comparing its fingerprint with the bureau.",
                )
            )

    def _busy(self, busy: bool) -> None:
        for w in (self.save_button, self.create_button, self.import_button, self.export_button):
            w.setEnabled(not busy)
        if not busy:
            self.export_button.setEnabled(bool(self.view.key_id))

    def _profile_inputs(self) -> tuple[str, str, str]:
        return self.name.text(), self.unit.text(), self.phone.text()

    # -- actions -----------------------------------------------------------------
    def add_bureau_recipient(self, text: str | None = None) -> bool:
        """Add the bureau's age key (``age1…``) after the inspector confirmed its fingerprint."""
        from fengqiao_desktop.services import recipients

        if self.store is None:
            return False
        text = self.bureau_recipient.text() if text is None else text
        try:
            view = recipients.check_recipient(text)
            if not confirm_fingerprint(self, view.fingerprint):
                return False
            recipients.add_bureau_recipient(self.store, view.recipient, confirmed_fingerprint=view.fingerprint)
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.bureau_recipient.clear()
        self._refresh_encryption()
        return True

    def save_profile(self) -> bool:
        try:
            view = idn.save_profile(self.store, *self._profile_inputs())
        except Exception as exc:  # noqa: BLE001 - known errors in words, bugs in a crash dialog
            show_error(self, exc)
            return False
        self.refresh()
        self.identity_changed.emit(view)
        return True

    def _run_key_job(self, title: str, fn) -> tasks.TaskHandle:
        self._busy(True)

        def done(_pk) -> None:
            self._busy(False)
            self.refresh()
            self.identity_changed.emit(self.view)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            show_error(self, exc)

        self.last_task = tasks.start(
            title, lambda _p, _c: fn(), on_done=done, on_error=failed, on_cancelled=lambda: self._busy(False)
        )
        return self.last_task

    def create_key(self, passphrase: str | None = None) -> tasks.TaskHandle | None:
        """Make a new key pair with ``passphrase`` (asked in a dialog when None)."""
        replacing = self.view.key_id
        if passphrase is None:
            dlg = NewKeyDialog(self, replacing)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
            passphrase = dlg.entry.passphrase()
        name, unit, phone = self._profile_inputs()
        kdf = pp.KDF
        return self._run_key_job(
            "create key",
            lambda: idn.create_key(self.store, name, unit, phone, passphrase, replace=bool(replacing), kdf=kdf),
        )

    def import_key(
        self, path: str | None = None, passphrase: str | None = None, new_passphrase: str | None = None
    ) -> tasks.TaskHandle | None:
        """Adopt a secret key file made by ``minisign -G``; asks its passphrase when None.

        A key without a passphrase (``minisign -G -W``) is stored encrypted with
        ``new_passphrase`` (asked, twice, when None)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                QCoreApplication.translate("Identity", "Import minisign secret key"),
                "",
                QCoreApplication.translate("Identity", "minisign secret keys (*.key);;All files (*)"),
            )
            if not path:
                return None
        interactive = passphrase is None
        if self.view.key_id and interactive:
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("Identity", "Replace key"),
                QCoreApplication.translate(
                    "Identity",
                    "Replace key {key_id} with the imported key? The bureau must register the new public key.",
                ).format(key_id=self.view.key_id),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            encrypted = secret_key_is_encrypted(Path(path).read_text(encoding="utf-8", errors="replace"))
        except Exception as exc:  # noqa: BLE001 - not a key file: say so, write nothing
            show_error(
                self,
                exc
                if isinstance(exc, KnownError)
                else KeyError_(f"无法读取私钥文件：{path}", message_en=f"cannot read the secret key file: {path}"),
            )
            return None
        if encrypted and passphrase is None:
            passphrase, ok = QInputDialog.getText(
                self,
                QCoreApplication.translate("Identity", "Passphrase"),
                QCoreApplication.translate("Identity", "Passphrase of the minisign key:"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return None
        if not encrypted and new_passphrase is None:
            dlg = NewKeyDialog(self, self.view.key_id)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
            new_passphrase = dlg.entry.passphrase()
        name, unit, phone = self._profile_inputs()
        kdf = pp.KDF
        source = passphrase if encrypted else None
        return self._run_key_job(
            "import key",
            lambda: idn.import_key(
                self.store, Path(path), source, new_passphrase, name, unit, phone, replace=True, kdf=kdf
            ),
        )

    def export_public(self, path: str | None = None) -> Path | None:
        """Write the .pub file for the bureau."""
        if path is None:
            suggested = f"{self.view.name or 'inspector'}-{self.view.key_id}.pub"
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("Identity", "Export public key"),
                suggested,
                QCoreApplication.translate("Identity", "minisign public keys (*.pub)"),
            )
            if not path:
                return None
        try:
            return idn.keystore(self.store).export_public(path)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return None


def open_profile_dialog(window) -> ProfileKeyDialog:
    """The menu action's slot: show the dialog for the window's local store."""
    dlg = ProfileKeyDialog(getattr(window, "store", None), window)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg
