"""欢迎使用: the wizard shown once, at the first start of an installation.

Pages: language (switches the interface at once), the inspector's profile,
the signing key (passphrase twice, strength hint, no-recovery warning; may be
skipped — export then waits for a key; "encrypt this computer's data", ticked
by default, encrypts the data folder with the same passphrase when the wizard
finishes), and what to start with (the demo
roster, a roster file, or nothing) — at the bureau, with the bureau's own
signing key for task packs. The profile is saved when its page is
left, the key is made off the GUI thread when the key page is left, and the
"set up" flag (``Settings.first_run_done``) is written when the wizard
finishes; the chosen data is then loaded by the main window's own jobs.
Whether the wizard is due, and showing it, is ``ui.firstrun.start``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fengqiao_desktop import config
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.ui import i18n, tasks
from fengqiao_desktop.ui.errors import show_error
from fengqiao_desktop.ui.firstrun.bureau_key import BureauKeyBox
from fengqiao_desktop.ui.firstrun.start import mark_done
from fengqiao_desktop.ui.identity import passphrase as pp
from fengqiao_desktop.ui.labels import wrapped
from fengqiao_desktop.ui.screen_fit import scrollable

DEMO, ROSTER, NOTHING = "demo", "roster", "nothing"


class LanguagePage(QWizardPage):
    def __init__(self):
        super().__init__()
        lay = QVBoxLayout(self)
        self.intro = wrapped(QLabel())
        lay.addWidget(self.intro)
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for code, label in (("zh", "中文（简体）"), ("en", "English")):
            # each language named in itself, so anyone can find theirs
            rb = QRadioButton(label)
            rb.setObjectName(f"lang_{code}")
            rb.setChecked(code == i18n.current_language())
            rb.toggled.connect(lambda on, c=code: on and self.switch(c))
            self.group.addButton(rb)
            self.radios[code] = rb
            lay.addWidget(rb)
        lay.addStretch(1)

    def switch(self, lang: str) -> None:
        if lang == i18n.current_language():
            return
        window = self.wizard().parent() if self.wizard() is not None else None
        if hasattr(window, "set_language"):
            window.set_language(lang)  # also ticks the View → Language menu
        else:
            i18n.install(lang)  # every widget gets a LanguageChange event and relabels itself
            i18n.save_language(lang)
        if self.wizard() is not None:
            self.wizard().retranslate()  # now, not when the posted LanguageChange arrives

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Welcome to Fengqiao Desktop"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "A few steps set up this computer for inspections. Choose the interface language."
            )
        )
        self.intro.setText(
            QCoreApplication.translate("FirstRun", "The language can be changed later under View → Language.")
        )


class ProfilePage(QWizardPage):
    def __init__(self, store):
        super().__init__()
        self.store = store
        view = idn.identity(store)
        self.name = QLineEdit(view.name)
        self.name.setObjectName("name")
        self.unit = QLineEdit(view.unit)
        self.unit.setObjectName("unit")
        self.phone = QLineEdit(view.phone)
        self.phone.setObjectName("phone")
        self.form = QFormLayout(self)
        self.labels = [QLabel(), QLabel(), QLabel()]
        for lab, edit in zip(self.labels, (self.name, self.unit, self.phone), strict=True):
            self.form.addRow(lab, edit)
        self.note = wrapped(QLabel())
        self.form.addRow(self.note)
        self.registerField("name*", self.name)
        self.registerField("unit*", self.unit)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Inspector"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "Who inspects with this computer. Name and unit appear on score sheets and bundles."
            )
        )
        for lab, text in zip(
            self.labels,
            (
                QCoreApplication.translate("FirstRun", "Name:"),
                QCoreApplication.translate("FirstRun", "Unit:"),
                QCoreApplication.translate("FirstRun", "Phone (optional):"),
            ),
            strict=True,
        ):
            lab.setText(text)
        self.unit.setPlaceholderText(
            QCoreApplication.translate("FirstRun", "e.g. Chengguan District Veterans Affairs Bureau")
        )
        self.note.setText(
            QCoreApplication.translate(
                "FirstRun", "You can change these later under File → Inspector and signing key…."
            )
        )

    def validatePage(self) -> bool:
        try:
            idn.save_profile(self.store, self.name.text(), self.unit.text(), self.phone.text())
        except Exception as exc:  # noqa: BLE001 - known errors in words
            show_error(self, exc)
            return False
        return True


class KeyPage(QWizardPage):
    def __init__(self, store):
        super().__init__()
        self.store = store
        self.created_key_id = ""
        self._task: tasks.TaskHandle | None = None
        self._in_validate = False
        lay = QVBoxLayout(self)
        self.intro = wrapped(QLabel())
        lay.addWidget(self.intro)
        self.entry = pp.NewPassphraseWidget()
        lay.addWidget(self.entry)
        self.skip = QCheckBox()
        self.skip.setObjectName("skip_key")
        lay.addWidget(self.skip)
        self.skip_note = wrapped(QLabel())
        self.skip_note.setObjectName("skip_note")
        lay.addWidget(self.skip_note)
        self.encrypt = QCheckBox()
        self.encrypt.setObjectName("encrypt_data")
        self.encrypt.setChecked(not getattr(store, "encrypted", False))  # recommended: on for a new install
        self.encrypt.setVisible(not getattr(store, "encrypted", False))
        lay.addWidget(self.encrypt)
        self.encrypt_note = wrapped(QLabel())
        self.encrypt_note.setObjectName("encrypt_note")
        lay.addWidget(self.encrypt_note)
        self.encrypt_passphrase = ""  # kept until the wizard finishes, when the data folder is encrypted
        self.busy = QLabel()
        lay.addWidget(self.busy)
        lay.addStretch(1)
        self.entry.changed.connect(self.completeChanged)
        self.skip.toggled.connect(self._skip_toggled)
        self._skip_toggled(False)

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Signing key"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "Bundles you export are signed with your own key, so the bureau knows they come from you."
            )
        )
        self.intro.setText(
            QCoreApplication.translate(
                "FirstRun", "Choose a passphrase of at least 8 characters. It is asked each time you export."
            )
        )
        self.skip.setText(QCoreApplication.translate("FirstRun", "Skip for now"))
        self.skip_note.setText(
            QCoreApplication.translate(
                "FirstRun",
                "Without a key you can inspect and print score sheets, but you cannot export "
                "bundles. Create the key later under File → Inspector and signing key….",
            )
        )
        self.encrypt.setText(
            QCoreApplication.translate("FirstRun", "Encrypt this computer's data with this passphrase (recommended)")
        )
        self.encrypt_note.setText(
            QCoreApplication.translate(
                "FirstRun",
                "The inspections and photos on this computer are then unreadable without the passphrase, "
                "which is asked at every start. It can also be done later under File.",
            )
        )
        self.entry.retranslate()

    def _skip_toggled(self, on: bool) -> None:
        self.entry.setEnabled(not on)
        self.skip_note.setVisible(on)
        self.encrypt.setEnabled(not on)  # without a key there is no passphrase to encrypt with
        self.encrypt_note.setVisible(self.encrypt.isVisibleTo(self) and not on)
        self.completeChanged.emit()

    def wants_encryption(self) -> str:
        """The passphrase to encrypt the data folder with when the wizard finishes, or ""."""
        if self.skip.isChecked() or not self.encrypt.isChecked() or not self.encrypt.isVisibleTo(self):
            return ""
        return self.encrypt_passphrase

    def isComplete(self) -> bool:
        if self._task is not None and not self._task.done:
            return False
        return self.skip.isChecked() or bool(self.created_key_id) or bool(self.entry.passphrase())

    def validatePage(self) -> bool:
        if self.skip.isChecked() or self.created_key_id:
            return True
        if idn.keystore(self.store).exists():  # made before (e.g. Back, then Next again)
            self.created_key_id = idn.keystore(self.store).key_id
            return True
        field = self.wizard().field
        name, unit = str(field("name")), str(field("unit"))
        phone = self.wizard().profile_page.phone.text()
        passphrase, kdf = self.entry.passphrase(), pp.KDF
        self.encrypt_passphrase = passphrase
        self.busy.setText(QCoreApplication.translate("FirstRun", "Creating the key…"))
        self._in_validate = True
        try:
            self._task = tasks.start(
                "create key",
                lambda _p, _c: idn.create_key(self.store, name, unit, phone, passphrase, kdf=kdf),
                on_done=self._created,
                on_error=self._failed,
            )
        finally:
            self._in_validate = False
        self.completeChanged.emit()
        return bool(self.created_key_id)

    def _created(self, pk) -> None:
        self.created_key_id = pk.key_id
        self.busy.setText(QCoreApplication.translate("FirstRun", "Key {key_id} created.").format(key_id=pk.key_id))
        self.completeChanged.emit()
        if not self._in_validate:  # a background run: move on now that the key exists
            self.wizard().next()

    def _failed(self, exc: BaseException) -> None:
        self.busy.clear()
        self.completeChanged.emit()
        show_error(self, exc)


class DataPage(QWizardPage):
    def __init__(self):
        super().__init__()
        # the bureau's key box makes the page tall: it scrolls rather than crushing its fields
        self.inner = QWidget()
        lay = QVBoxLayout(self.inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.area = scrollable(self.inner)
        outer.addWidget(self.area)
        self.group = QButtonGroup(self)
        self.demo = QRadioButton()
        self.demo.setObjectName("data_demo")
        self.roster = QRadioButton()
        self.roster.setObjectName("data_roster")
        self.nothing = QRadioButton()
        self.nothing.setObjectName("data_nothing")
        self.demo.setChecked(True)
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("roster_path")
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        row.addSpacing(24)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        for rb in (self.demo, self.roster):
            self.group.addButton(rb)
            lay.addWidget(rb)
        lay.addLayout(row)
        self.group.addButton(self.nothing)
        lay.addWidget(self.nothing)
        lay.addSpacing(12)
        # at the bureau the same roster also goes into the central database bundles are checked against
        self.bureau = QCheckBox()
        self.bureau.setObjectName("data_bureau")
        lay.addWidget(self.bureau)
        self.bureau_key = BureauKeyBox()
        self.bureau_key.changed.connect(self.completeChanged)
        lay.addWidget(self.bureau_key)
        lay.addStretch(1)
        self._finishing = False
        for w in (self.demo, self.roster, self.nothing, self.bureau):
            w.toggled.connect(self._update)
        self.path.textChanged.connect(self._update)
        self._update()

    def retranslate(self) -> None:
        self.setTitle(QCoreApplication.translate("FirstRun", "Stations"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FirstRun", "Which stations to start with. A roster can also be imported later under File."
            )
        )
        self.demo.setText(
            QCoreApplication.translate("FirstRun", "Demonstration roster (兰州市, for trying the program out)")
        )
        self.roster.setText(
            QCoreApplication.translate("FirstRun", "Import a roster file (CSV or XLSX) from the bureau:")
        )
        self.nothing.setText(QCoreApplication.translate("FirstRun", "Nothing for now"))
        self.bureau.setText(
            QCoreApplication.translate(
                "FirstRun",
                "This computer is at the bureau: also set up the central database with this roster "
                "and open the Bureau workspace",
            )
        )
        self.browse.setText(QCoreApplication.translate("FirstRun", "Choose file…"))
        self.bureau_key.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.bureau_key.prepare(str(self.wizard().field("unit")))

    def choice(self) -> str:
        return DEMO if self.demo.isChecked() else ROSTER if self.roster.isChecked() else NOTHING

    def _update(self) -> None:
        self.path.setEnabled(self.roster.isChecked())
        self.browse.setEnabled(self.roster.isChecked())
        self.bureau.setEnabled(not self.nothing.isChecked())
        shown = self.at_bureau()
        if shown != self.bureau_key.isVisibleTo(self.inner):
            self.bureau_key.setVisible(shown)
            self._grow()
        self.completeChanged.emit()

    def _grow(self) -> None:
        """Make the wizard as large as the page now wants, within the screen (the rest scrolls)."""
        wiz = self.wizard()
        if wiz is None or not wiz.isVisible():
            return
        screen = (wiz.screen() or QApplication.primaryScreen()).availableGeometry()
        hint = self.inner.sizeHint()
        view = self.area.viewport().size()
        width = wiz.width() + max(0, hint.width() - view.width())
        height = wiz.height() + max(0, hint.height() - view.height())
        wiz.resize(min(width, screen.width() - 40), min(height, screen.height() - 60))

    def at_bureau(self) -> bool:
        return self.bureau.isChecked() and not self.nothing.isChecked()

    def isComplete(self) -> bool:
        if self.bureau_key.busy():
            return False
        if self.at_bureau() and not self.bureau_key.ready():
            return False
        return self.choice() != ROSTER or bool(self.path.text().strip())

    def validatePage(self) -> bool:
        if not self.at_bureau() or not self.bureau_key.needs_making():
            return True
        self._finishing = True
        try:
            self.bureau_key.make(self._made)
        finally:
            self._finishing = False
        return not self.bureau_key.needs_making()

    def _made(self) -> None:
        if not self._finishing:  # a background run: finish now that the key exists
            self.wizard().accept()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("FirstRun", "Roster file"),
            "",
            QCoreApplication.translate("FirstRun", "Rosters (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.path.setText(path)


class FirstRunWizard(QWizard):
    """The wizard; after ``accepted``, ``data_choice``/``roster_path`` say what to load."""

    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("first_run_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.language_page = LanguagePage()
        self.profile_page = ProfilePage(store)
        self.key_page = KeyPage(store)
        self.data_page = DataPage()
        self.pages = [self.language_page, self.profile_page, self.key_page, self.data_page]
        for p in self.pages:
            self.addPage(p)
        self.setMinimumSize(680, 520)
        self.retranslate()

    @property
    def data_choice(self) -> str:
        return self.data_page.choice()

    @property
    def at_bureau(self) -> bool:
        return self.data_page.at_bureau()

    @property
    def roster_path(self) -> str:
        return self.data_page.path.text().strip()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("FirstRun", "Set up Fengqiao Desktop"))
        for which, text in (
            (QWizard.WizardButton.NextButton, QCoreApplication.translate("FirstRun", "Next >")),
            (QWizard.WizardButton.BackButton, QCoreApplication.translate("FirstRun", "< Back")),
            (QWizard.WizardButton.FinishButton, QCoreApplication.translate("FirstRun", "Finish")),
            (QWizard.WizardButton.CancelButton, QCoreApplication.translate("FirstRun", "Cancel")),
        ):
            self.setButtonText(which, text)
        for p in self.pages:
            p.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        mark_done()
        if self.store is not None:
            self.store.settings.first_run_done = True
        super().accept()


def apply_choice(window, wizard: FirstRunWizard):
    """Encrypt the data folder if asked (then reopen the store), and load what the last page asked
    for, through the main window's own background jobs."""
    secret = wizard.key_page.wants_encryption()
    if secret:
        from fengqiao_desktop.ui.identity.datalock import encrypt_data

        encrypt_data(window, secret, then=lambda: load_choice(window, wizard))
        return None
    return load_choice(window, wizard)


def load_choice(window, wizard: FirstRunWizard):
    """The roster the last page asked for (and the bureau's database when at the bureau)."""
    if wizard.at_bureau:
        setup_bureau(window, wizard.data_choice, wizard.roster_path)
    if wizard.data_choice == DEMO:
        return window.load_demo()
    if wizard.data_choice == ROSTER:
        return window.import_roster(wizard.roster_path)
    return None


def setup_bureau(window, choice: str, roster_path: str = "") -> None:
    """Create the central database with the chosen roster (off the GUI thread), then open the Bureau."""
    from fengqiao_desktop.services import central as svc
    from fengqiao_desktop.ui.main_window import BUREAU

    context = getattr(window, "bureau_context", None)  # made by ui.app with the --central URL
    url = context.url if context is not None else config.central_url(None)

    def work():
        return svc.load_demo(url=url) if choice == DEMO else svc.roster_import(roster_path, url=url)

    def done(_result) -> None:
        if context is not None:
            context.notify_changed()
        window.set_workspace(BUREAU)

    tasks.run_task(
        QCoreApplication.translate("FirstRun", "Setting up the central database"),
        work,
        done,
        lambda exc: show_error(window, exc),
    )
