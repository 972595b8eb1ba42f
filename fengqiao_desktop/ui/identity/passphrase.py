"""A new passphrase, typed twice, with a strength hint and the no-recovery warning.

Used by the key dialog and the first-run wizard. The strength is a rough
guide (length and character classes), not a promise: its job is to nudge an
inspector away from "123456".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from fengqiao_desktop.bundle import minisign

# The scrypt cost of new keys; tests lower it (a real key costs 128 MiB and ~0.5 s).
KDF = minisign.DEFAULT_KDF

MIN_LENGTH = 8


def strength(text: str) -> int:
    """0 (empty or too short) … 4 (long and varied)."""
    if len(text) < MIN_LENGTH:
        return 0 if not text else 1
    classes = sum(
        any(f(c) for c in text)
        for f in (
            str.islower,
            str.isupper,
            str.isdigit,
            lambda c: not c.isalnum() and c.isascii(),
            lambda c: not c.isascii(),
        )
    )
    score = 1 + (len(text) >= 10) + (len(text) >= 14) + (classes >= 3)
    if len(set(text)) <= 3:
        score = 1
    return min(score, 4)


def strength_label(score: int) -> str:
    return [
        QCoreApplication.translate("Identity", "too short (at least 8 characters)"),
        QCoreApplication.translate("Identity", "weak"),
        QCoreApplication.translate("Identity", "fair"),
        QCoreApplication.translate("Identity", "good"),
        QCoreApplication.translate("Identity", "strong"),
    ][score]


class NewPassphraseWidget(QWidget):
    """Two password fields; ``passphrase()`` is "" until both agree and are long enough."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphrase_again")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.hint = QLabel()
        self.hint.setObjectName("strength_hint")
        self.warning = QLabel()
        self.warning.setObjectName("no_recovery_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #a61b1b; font-weight: bold;")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.first_label, self.second_label = QLabel(), QLabel()
        self.form.addRow(self.first_label, self.first)
        self.form.addRow(self.second_label, self.second)
        self.form.addRow("", self.meter)
        self.form.addRow("", self.hint)
        self.form.addRow(self.warning)
        for e in (self.first, self.second):
            e.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.first_label.setText(QCoreApplication.translate("Identity", "Passphrase:"))
        self.second_label.setText(QCoreApplication.translate("Identity", "Repeat:"))
        self.warning.setText(
            QCoreApplication.translate(
                "Identity",
                "Remember this passphrase. It protects your signing key and cannot be "
                "recovered or reset by anyone: if it is lost, you need a new key and the "
                "bureau must register it again.",
            )
        )
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update(self) -> None:
        a, b = self.first.text(), self.second.text()
        score = strength(a)
        self.meter.setValue(score)
        text = QCoreApplication.translate("Identity", "Strength: {label}").format(label=strength_label(score))
        if b and a != b:
            text += "  " + QCoreApplication.translate("Identity", "(the two entries differ)")
        self.hint.setText(text)
        self.changed.emit()

    def passphrase(self) -> str:
        a = self.first.text()
        return a if len(a) >= MIN_LENGTH and a == self.second.text() else ""

    def set_passphrase(self, text: str) -> None:
        self.first.setText(text)
        self.second.setText(text)
