"""The first-run wizard's bureau key box: the bureau's own signing key, made off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout

from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.identity import passphrase as pp
from fengqiao_desktop.ui.labels import wrapped


class BureauKeyBox(QGroupBox):
    """At the bureau: the bureau's own signing key, which signs the task packs sent to inspectors.

    Part of the stations page, shown when "this computer is at the bureau" is ticked;
    made off the GUI thread like the inspector's key, when the wizard finishes. It may
    be left for later (the Task packs page makes it); a key made before is shown, not
    replaced.
    """

    changed = Signal()

    def __init__(self):
        super().__init__()
        self.setObjectName("bureau_key_box")
        self.fingerprint = ""
        self.task: tasks.TaskHandle | None = None
        lay = QVBoxLayout(self)
        self.intro = wrapped(QLabel())
        lay.addWidget(self.intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("bureau_name")
        self.unit = QLineEdit()
        self.unit.setObjectName("bureau_unit")
        self.name_label, self.unit_label = QLabel(), QLabel()
        form.addRow(self.name_label, self.name)
        form.addRow(self.unit_label, self.unit)
        lay.addLayout(form)
        self.entry = pp.NewPassphraseWidget()
        lay.addWidget(self.entry)
        self.skip = QCheckBox()
        self.skip.setObjectName("skip_bureau_key")
        lay.addWidget(self.skip)
        self.result = wrapped(QLabel())
        self.result.setObjectName("bureau_key_result")
        lay.addWidget(self.result)
        self.entry.changed.connect(self.changed)
        self.name.textChanged.connect(self.changed)
        self.skip.toggled.connect(self._skip_toggled)

    def prepare(self, unit: str) -> None:
        """On entering the page: show a key made before, or offer the profile's unit as the name."""
        from fengqiao_desktop.packs.identity import BureauKeyStore

        ks = BureauKeyStore()
        if ks.exists():
            self.fingerprint = ks.fingerprint()
            self._show_made()
        elif not self.name.text():
            self.name.setText(unit)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Bureau signing key"))
        self.intro.setText(
            QCoreApplication.translate(
                "FirstRun",
                "Task packs the bureau sends to inspectors are signed with the bureau's own key. "
                "Choose its passphrase (at least 8 characters); keep it with the bureau, not with one person.",
            )
        )
        self.name_label.setText(QCoreApplication.translate("FirstRun", "Bureau name:"))
        self.unit_label.setText(QCoreApplication.translate("FirstRun", "Parent body:"))
        self.skip.setText(QCoreApplication.translate("FirstRun", "Later, on the Task packs page"))
        self.entry.retranslate()
        if self.fingerprint:
            self._show_made()

    def _skip_toggled(self, on: bool) -> None:
        for w in (self.entry, self.name, self.unit):
            w.setEnabled(not on and not self.fingerprint)
        self.changed.emit()

    def _show_made(self) -> None:
        for w in (self.entry, self.name, self.unit, self.skip):
            w.setEnabled(False)
        self.result.setText(
            QCoreApplication.translate(
                "FirstRun", "The bureau key exists. Fingerprint for inspectors to compare: {fingerprint}"
            ).format(fingerprint=self.fingerprint)
        )

    def busy(self) -> bool:
        return self.task is not None and not self.task.done

    def ready(self) -> bool:
        """Nothing more to ask: made, left for later, or a name and a passphrase to make it with."""
        return (
            self.skip.isChecked()
            or bool(self.fingerprint)
            or (bool(self.name.text().strip()) and bool(self.entry.passphrase()))
        )

    def needs_making(self) -> bool:
        return not self.skip.isChecked() and not self.fingerprint

    def make(self, on_done) -> None:
        """Make the key off the GUI thread; ``on_done()`` runs once it exists."""
        from fengqiao_desktop.services import packs

        name, unit, passphrase, kdf = (
            self.name.text().strip(),
            self.unit.text().strip(),
            self.entry.passphrase(),
            pp.KDF,
        )
        self.result.setText(QCoreApplication.translate("FirstRun", "Creating the key…"))

        def created(ident) -> None:
            self.fingerprint = ident.fingerprint
            self._show_made()
            self.changed.emit()
            on_done()

        def failed(exc: BaseException) -> None:
            self.result.clear()
            self.changed.emit()
            show_error(self, exc)

        self.task = tasks.start(
            "create bureau key",
            lambda _p, _c: packs.init_bureau_identity(name, unit, passphrase, kdf=kdf),
            on_done=created,
            on_error=failed,
        )
        self.changed.emit()
