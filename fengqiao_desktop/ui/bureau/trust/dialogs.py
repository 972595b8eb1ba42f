"""Dialogs of the Trust page: add an inspector's key (from a .pub file), revoke a key with a reason.

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
        hint = QLabel(QCoreApplication.translate(
            "BureauTrust", "Name and unit must be exactly those the inspector's laptop puts in its bundles."))
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
        self._check()
        self.resize(560, self.sizeHint().height())

    def browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("BureauTrust", "Choose a public key"), "",
            QCoreApplication.translate("BureauTrust", "Public keys (*.pub);;All files (*)"))
        if path:
            self.path_edit.setText(path)

    def _check(self) -> None:
        ok = all(e.text().strip() for e in (self.path_edit, self.name_edit, self.unit_edit))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def value(self) -> NewKey:
        return NewKey(self.path_edit.text().strip(), self.name_edit.text().strip(), self.unit_edit.text().strip(),
                      _pydate(self.from_edit) if self.from_box.isChecked() else None,
                      _pydate(self.to_edit) if self.to_box.isChecked() else None)


class RevokeDialog(QDialog):
    """Asks for the reason; the page asks for confirmation after it."""

    def __init__(self, key_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("BureauTrust", "Revoke a key"))
        label = QLabel(QCoreApplication.translate(
            "BureauTrust", "Revoke {key}? Bundles it signs from now on will be refused. "
            "Give the reason (for example: laptop lost).").format(key=key_text))
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
