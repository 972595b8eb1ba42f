"""This computer's data encrypted at rest, in the window.

* :class:`UnlockDialog`: at start, an encrypted data folder asks its passphrase before
  anything opens the database; unlocking (scrypt, about a second) runs off the GUI
  thread; a wrong passphrase is said so and asked again; Cancel quits.
* :class:`EncryptDataDialog` and :func:`encrypt_data`: File → 加密本机数据… (and the
  first-run wizard) close the store, convert the data folder on a worker with a progress
  dialog and Cancel (``services.encryption``), then open the store again.

The passphrase is the signing key's when the inspector has one (one passphrase to
remember), else a new one typed twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop import config
from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.services import encryption
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.storage.db import BACKUPS
from fengqiao_desktop.storage.vault import WRONG_PASSPHRASE, Vault
from fengqiao_desktop.storage.vault_file import has_vault
from fengqiao_desktop.ui import i18n, tasks
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.identity import passphrase as pp
from fengqiao_desktop.ui.labels import wrapped

log = logging.getLogger(__name__)


class UnlockDialog(QDialog):
    """The passphrase of an encrypted data folder; ``vault`` is set once the dialog is accepted."""

    def __init__(self, data_dir: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlock_dialog")
        self.data_dir = Path(data_dir)
        self.vault: Vault | None = None
        self.task: tasks.TaskHandle | None = None
        lay = QVBoxLayout(self)
        self.intro = wrapped(QLabel())
        lay.addWidget(self.intro)
        form = QFormLayout()
        self.label = QLabel()
        self.entry = QLineEdit()
        self.entry.setObjectName("unlock_passphrase")
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.label, self.entry)
        lay.addLayout(form)
        self.error = wrapped(QLabel())
        self.error.setObjectName("unlock_error")
        self.error.setStyleSheet("color: #a61b1b; font-weight: bold;")
        self.error.hide()
        lay.addWidget(self.error)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # a busy indicator while scrypt runs
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(10)
        self.busy.hide()
        lay.addWidget(self.busy)
        self.folder = wrapped(QLabel())
        self.folder.setStyleSheet("color: #555;")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.folder)
        # own buttons: a standard button's text is reset by the button box on a language change
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.entry.textChanged.connect(self._update)
        self.setMinimumWidth(460)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("DataLock", "Unlock this computer's data"))
        self.intro.setText(
            QCoreApplication.translate(
                "DataLock",
                "The inspections and photos on this computer are encrypted. Enter the passphrase "
                "(the passphrase of your signing key) to open them.",
            )
        )
        self.label.setText(QCoreApplication.translate("DataLock", "Passphrase:"))
        self.folder.setText(
            QCoreApplication.translate("DataLock", "Data folder: {path}").format(path=str(self.data_dir))
        )
        self.ok_button.setText(QCoreApplication.translate("DataLock", "Unlock"))
        self.cancel_button.setText(QCoreApplication.translate("DataLock", "Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _working(self) -> bool:
        return self.task is not None and not self.task.done

    def _update(self) -> None:
        working = self._working()
        self.entry.setEnabled(not working)
        self.busy.setVisible(working)
        self.ok_button.setEnabled(bool(self.entry.text()) and not working)

    def unlock(self, passphrase: str | None = None) -> tasks.TaskHandle | None:
        """Unlock off the GUI thread with ``passphrase`` (default: the one typed)."""
        secret = self.entry.text() if passphrase is None else passphrase
        if not secret or self._working():
            return None
        self.error.hide()
        root = self.data_dir
        self.task = tasks.start(
            "unlock local data",
            lambda _p, _c: Vault.unlock(root, secret),
            on_done=self._unlocked,
            on_error=self._failed,
        )
        self._update()
        return self.task

    def _unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self._update()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError) and exc.kind == WRONG_PASSPHRASE:
            self.error.setText(QCoreApplication.translate("DataLock", "Wrong passphrase. Try again."))
        elif isinstance(exc, KnownError):
            self.error.setText(exc.user_message(i18n.current_language()))
        else:
            show_error(self, exc)
        self.error.setVisible(bool(self.error.text()))
        self.adjustSize()  # the dialog grows for the message (word-wrapped lines need their height)
        self._update()
        self.entry.selectAll()
        self.entry.setFocus()

    def reject(self) -> None:
        if not self._working():  # scrypt cannot be interrupted: Quit waits for it
            super().reject()


def unlock_at_start(parent: QWidget | None, data_dir: str | Path) -> Vault | None:
    """Ask the passphrase (modal) until it opens the vault; None when the user quits."""
    dlg = UnlockDialog(data_dir, parent)
    if dlg.exec() != QDialog.DialogCode.Accepted:
        return None
    return dlg.vault


class EncryptDataDialog(QDialog):
    """What encrypting does, and the passphrase: the signing key's, or a new one typed twice."""

    def __init__(self, data_dir: str | Path, *, has_key: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("encrypt_data_dialog")
        self.data_dir = Path(data_dir)
        self.has_key = has_key
        lay = QVBoxLayout(self)
        self.intro = wrapped(QLabel())
        lay.addWidget(self.intro)
        self.backup_note = wrapped(QLabel())
        self.backup_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.backup_note)
        if has_key:
            form = QFormLayout()
            self.label = QLabel()
            self.entry = QLineEdit()
            self.entry.setObjectName("encrypt_passphrase")
            self.entry.setEchoMode(QLineEdit.EchoMode.Password)
            self.entry.textChanged.connect(self._update)
            form.addRow(self.label, self.entry)
            lay.addLayout(form)
        else:
            self.new_entry = pp.NewPassphraseWidget()
            self.new_entry.changed.connect(self._update)
            lay.addWidget(self.new_entry)
        self.warning = wrapped(QLabel())
        self.warning.setStyleSheet("color: #a61b1b; font-weight: bold;")
        lay.addWidget(self.warning)
        # own buttons: a standard button's text is reset by the button box on a language change
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("DataLock", "Encrypt this computer's data"))
        self.intro.setText(
            QCoreApplication.translate(
                "DataLock",
                "The local database, its backup copies and the photos are encrypted, so that someone "
                "who takes this computer or its disk cannot read them. The program then asks the "
                "passphrase at every start. Close other programs that use the data first.",
            )
        )
        self.backup_note.setText(
            QCoreApplication.translate(
                "DataLock",
                "A copy of the database is kept in {folder} before anything changes; once the "
                "encrypted database has been checked, that copy is encrypted with the same passphrase.",
            ).format(folder=str(self.data_dir / BACKUPS))
        )
        if self.has_key:
            self.label.setText(QCoreApplication.translate("DataLock", "Passphrase of your signing key:"))
        else:
            self.new_entry.retranslate()
        self.warning.setText(
            QCoreApplication.translate(
                "DataLock",
                "Nobody can recover the passphrase: if it is lost, the data on this computer cannot be opened.",
            )
        )
        self.ok_button.setText(QCoreApplication.translate("DataLock", "Encrypt"))
        self.cancel_button.setText(QCoreApplication.translate("DataLock", "Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def passphrase(self) -> str:
        return self.entry.text() if self.has_key else self.new_entry.passphrase()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.passphrase()))


def step_text(step: str) -> str:
    """The progress dialog's line for a conversion step (``services.encryption``)."""
    key = step.split(":", 1)[0]
    texts = {
        encryption.CHECK: QCoreApplication.translate("DataLock", "Checking the data…"),
        encryption.BACKUP: QCoreApplication.translate("DataLock", "Copying the database to the backups folder…"),
        encryption.EXPORT: QCoreApplication.translate("DataLock", "Encrypting the database…"),
        encryption.VAULT: QCoreApplication.translate("DataLock", "Putting the encrypted database in place…"),
        encryption.SWAP: QCoreApplication.translate("DataLock", "Putting the encrypted database in place…"),
        encryption.BACKUPS_STEP: QCoreApplication.translate("DataLock", "Encrypting the backup copies…"),
        encryption.PHOTOS: QCoreApplication.translate("DataLock", "Encrypting the photos…"),
    }
    return texts.get(key, "")


def _inform(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("encrypt_data_result")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def _close_editors(window) -> None:
    """Every inspection tab closes (each edit is saved as it is made): the store is about to close."""
    inspector = getattr(window, "inspector", None)
    if inspector is None:
        return
    for index in reversed(range(1, inspector.count())):
        window.close_tab(index)


def encrypt_data(
    window, passphrase: str | None = None, *, then: Callable[[], None] | None = None
) -> tasks.TaskHandle | None:
    """Encrypt the window's data folder: ask the passphrase (unless given), close the store,
    convert on a worker with progress and Cancel, reopen the store; ``then()`` runs once it is open."""
    from fengqiao_desktop.ui.app import open_data

    store = getattr(window, "store", None)
    root = store.data_dir if store is not None else config.data_dir()
    title = QCoreApplication.translate("DataLock", "Encrypt this computer's data")
    if store is not None and store.encrypted:
        _inform(window, title, QCoreApplication.translate("DataLock", "This computer's data is already encrypted."))
        return None
    if passphrase is None:
        dlg = EncryptDataDialog(root, has_key=idn.keystore(store).exists(), parent=window)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        passphrase = dlg.passphrase()
    if tasks.runner().running():
        _inform(
            window,
            title,
            QCoreApplication.translate("DataLock", "Wait until the running task has finished, then try again."),
        )
        return None
    secret = passphrase
    _close_editors(window)
    if store is not None:
        window.set_store(None)
        store.close()

    def reopen(vault: Vault | None) -> None:
        unlock = secret if vault is None and has_vault(root) else None
        open_data(window, vault=vault, passphrase=unlock, on_open=then)

    def work(progress, cancelled):
        return encryption.encrypt_local_data(
            root,
            secret,
            progress=lambda done, total, step: progress(done, total, step_text(step)),
            cancelled=cancelled,
        )

    def done(result: encryption.Conversion) -> None:
        text = QCoreApplication.translate(
            "DataLock", "This computer's data is encrypted. The passphrase is asked at every start."
        )
        if result.backup is not None:
            text += "\n\n" + QCoreApplication.translate(
                "DataLock", "The copy made before is kept, encrypted, in:\n{path}"
            ).format(path=str(result.backup))
        _inform(window, title, text)
        reopen(result.vault)

    def failed(exc: BaseException) -> None:
        show_error(window, exc)
        reopen(None)

    def cancelled() -> None:
        result = getattr(handle, "result", None)
        if result is not None and result.vault is not None:
            reopen(result.vault)  # cancelled after the point of no return: it finished the database
            return
        _inform(window, title, QCoreApplication.translate("DataLock", "Encryption cancelled. The data is as it was."))
        reopen(None)

    handle = tasks.start_with_dialog(window, title, work, on_done=done, on_error=failed, on_cancelled=cancelled)
    return handle
