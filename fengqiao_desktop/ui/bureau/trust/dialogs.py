"""Dialogs of the Trust page: add an inspector's key (from a .pub file), edit, revoke, trust again.

The add dialog fills name and unit from the ``.pub`` file's comment (the app
writes them there) and shows the key's fingerprint.

Both check their input before OK is enabled; the key file itself is parsed by
the service when the key is added, so a bad file gets the service's clear message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class NewKey:
    path: str
    name: str
    unit: str
    valid_from: date | None
    valid_to: date | None


def _date_field(checked: bool) -> tuple[QCheckBox, QDateEdit]:
    box = QCheckBox()
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(checked)
    box.setChecked(checked)
    box.toggled.connect(edit.setEnabled)
    return box, edit


def _pydate(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class AddKeyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("BureauTrust", "Trust an inspector's key"))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(QCoreApplication.translate("BureauTrust", "the inspector's .pub file"))
        browse = QPushButton(QCoreApplication.translate("BureauTrust", "Browse…"))
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.name_edit = QLineEdit()
        self.unit_edit = QLineEdit()
        self.from_box, self.from_edit = _date_field(False)
        self.to_box, self.to_edit = _date_field(False)
        self.to_edit.setDate(QDate(QDate.currentDate().year(), 12, 31))
        self.from_box.setText(QCoreApplication.translate("BureauTrust", "from"))
        self.to_box.setText(QCoreApplication.translate("BureauTrust", "until"))
        validity = QHBoxLayout()
        validity.addWidget(self.from_box)
        validity.addWidget(self.from_edit)
        validity.addWidget(self.to_box)
        validity.addWidget(self.to_edit)
        validity.addStretch(1)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("BureauTrust", "Public key file"), path_row)
        form.addRow(QCoreApplication.translate("BureauTrust", "Inspector's name"), self.name_edit)
        form.addRow(QCoreApplication.translate("BureauTrust", "Unit"), self.unit_edit)
        form.addRow(QCoreApplication.translate("BureauTrust", "Validity"), validity)
        self.fingerprint = QLabel()
        self.fingerprint.setStyleSheet("font-family: monospace;")
        form.insertRow(1, QCoreApplication.translate("BureauTrust", "Fingerprint"), self.fingerprint)
        hint = QLabel(
            QCoreApplication.translate(
                "BureauTrust",
                "Name and unit must be exactly those the inspector's laptop puts in its bundles; "
                "they are filled in from the key file when it gives them.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.buttons)
        for e in (self.path_edit, self.name_edit, self.unit_edit):
            e.textChanged.connect(self._check)
        self.path_edit.textChanged.connect(self._read_key_file)
        self._filled = ("", "")
        self._check()
        self.resize(560, self.sizeHint().height())

    def _read_key_file(self, path: str) -> None:
        """Show the fingerprint and fill name and unit from the file's comment (unless typed over)."""
        from fengqiao_desktop.errors import KnownError
        from fengqiao_desktop.services.central import public_key_file

        try:
            pk, name, unit = public_key_file(path.strip()) if path.strip() else (None, "", "")
        except (KnownError, OSError):
            pk, name, unit = None, "", ""
        self.fingerprint.setText(" ".join(pk.key_id[i : i + 4] for i in range(0, 16, 4)) if pk else "")
        for edit, old, new in ((self.name_edit, self._filled[0], name), (self.unit_edit, self._filled[1], unit)):
            if new and edit.text().strip() in ("", old):
                edit.setText(new)
        self._filled = (name, unit)

    def browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("BureauTrust", "Choose a public key"),
            "",
            QCoreApplication.translate("BureauTrust", "Public keys (*.pub);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    def _check(self) -> None:
        ok = all(e.text().strip() for e in (self.path_edit, self.name_edit, self.unit_edit))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def value(self) -> NewKey:
        return NewKey(
            self.path_edit.text().strip(),
            self.name_edit.text().strip(),
            self.unit_edit.text().strip(),
            _pydate(self.from_edit) if self.from_box.isChecked() else None,
            _pydate(self.to_edit) if self.to_box.isChecked() else None,
        )


class RevokeDialog(QDialog):
    """Asks for the reason; the page asks for confirmation after it."""

    def __init__(self, key_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("BureauTrust", "Revoke a key"))
        label = QLabel(
            QCoreApplication.translate(
                "BureauTrust",
                "Revoke {key}? Bundles it signs from now on will be refused. "
                "Give the reason (for example: laptop lost).",
            ).format(key=key_text)
        )
        label.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setMaximumHeight(80)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._check)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addWidget(self.reason_edit)
        lay.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()


@dataclass(frozen=True)
class KeyEdit:
    name: str
    unit: str
    valid_from: date | None
    valid_to: date | None
    reason: str


class EditKeyDialog(QDialog):
    """Correct a key's name, unit or validity; the reason goes into the key's history."""

    def __init__(self, entry, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("BureauTrust", "Edit a trusted key"))
        key = QLabel(" ".join(entry.key_id[i : i + 4] for i in range(0, 16, 4)))
        key.setStyleSheet("font-family: monospace;")
        self.name_edit = QLineEdit(entry.name)
        self.unit_edit = QLineEdit(entry.unit)
        self.from_box, self.from_edit = _date_field(entry.valid_from is not None)
        self.to_box, self.to_edit = _date_field(entry.valid_to is not None)
        if entry.valid_from:
            self.from_edit.setDate(QDate(entry.valid_from.year, entry.valid_from.month, entry.valid_from.day))
        self.to_edit.setDate(
            QDate(entry.valid_to.year, entry.valid_to.month, entry.valid_to.day)
            if entry.valid_to
            else QDate(QDate.currentDate().year(), 12, 31)
        )
        self.from_box.setText(QCoreApplication.translate("BureauTrust", "from"))
        self.to_box.setText(QCoreApplication.translate("BureauTrust", "until"))
        validity = QHBoxLayout()
        for w in (self.from_box, self.from_edit, self.to_box, self.to_edit):
            validity.addWidget(w)
        validity.addStretch(1)
        self.reason_edit = QLineEdit()
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("BureauTrust", "Key id"), key)
        form.addRow(QCoreApplication.translate("BureauTrust", "Inspector's name"), self.name_edit)
        form.addRow(QCoreApplication.translate("BureauTrust", "Unit"), self.unit_edit)
        form.addRow(QCoreApplication.translate("BureauTrust", "Validity"), validity)
        form.addRow(QCoreApplication.translate("BureauTrust", "Reason for the change"), self.reason_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        for e in (self.name_edit, self.unit_edit):
            e.textChanged.connect(self._check)
        self._check()
        self.resize(560, self.sizeHint().height())

    def _check(self) -> None:
        ok = bool(self.name_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def value(self) -> KeyEdit:
        return KeyEdit(
            self.name_edit.text().strip(),
            self.unit_edit.text().strip(),
            _pydate(self.from_edit) if self.from_box.isChecked() else None,
            _pydate(self.to_edit) if self.to_box.isChecked() else None,
            self.reason_edit.text().strip(),
        )


class RetrustDialog(RevokeDialog):
    """Asks why a revoked key is trusted again; the page asks for confirmation after it."""

    def __init__(self, key_text: str, parent: QWidget | None = None):
        super().__init__(key_text, parent)
        self.setWindowTitle(QCoreApplication.translate("BureauTrust", "Trust a key again"))
        self.findChild(QLabel).setText(
            QCoreApplication.translate(
                "BureauTrust",
                "Trust {key} again from today? Bundles it signed before today stay refused. "
                "Give the reason (for example: the laptop was found).",
            ).format(key=key_text)
        )
