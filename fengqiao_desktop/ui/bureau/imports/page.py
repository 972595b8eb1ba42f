"""Import page (导入数据包): drop bundle files or folders, import them off the UI thread, see what happened.

Each bundle gets one row: imported (with counts), already imported, or refused /
quarantined with the reason in plain words. Encrypted bundles need the bureau
key's passphrase: it is asked once per session, and the identity it opens (off
the UI thread) is kept in the context until the app closes. Refused bundles are copied to the
quarantine folder with a text report; the page opens either. Sequence gaps
(a laptop's bundle that has not arrived yet) are shown as warnings under the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.services import central as svc
from fengqiao_desktop.services.central import ImportOutcome
from fengqiao_desktop.ui import tasks
from fengqiao_desktop.ui.bureau.context import BureauContext
from fengqiao_desktop.ui.bureau.formatting import is_english
from fengqiao_desktop.ui.bureau.imports.results import history_model, results_model, warnings_of
from fengqiao_desktop.ui.bureau.page_base import BureauPage
from fengqiao_desktop.ui.bureau.rows_model import selected_row
from fengqiao_desktop.ui.errors import show_error


def _open_local(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# Replaced in tests: opening a folder would start the desktop's file manager.
open_path: Callable[[Path], None] = _open_local


def _ask_passphrase(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("BureauImport", "Bureau key passphrase"),
        QCoreApplication.translate(
            "BureauImport",
            "Encrypted bundles are opened with the bureau key's passphrase (asked once until the app closes):",
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


# Replaced in tests: a modal dialog.
ask_passphrase: Callable[[QWidget], str | None] = _ask_passphrase


def _opened(unlock: Callable[[], list] | None) -> list | None:
    """The identities for ``reverify_bundle`` (a wrong passphrase: none, and it says so)."""
    if unlock is None:
        return None
    try:
        return unlock()
    except KnownError:
        return None


class ImportPage(BureauPage):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.setObjectName("bureau_import_page")
        self.setAcceptDrops(True)
        self.outcomes: list[ImportOutcome] = []
        self.handle: tasks.TaskHandle | None = None

        self.drop_hint = QLabel()
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setMinimumHeight(70)
        self.drop_hint.setStyleSheet(
            "QLabel { border: 2px dashed #8a9bb0; border-radius: 8px; color: #3c4a5c;"
            " font-size: 12pt; padding: 10px; background: #f6f8fb; }"
        )
        self.files_button = QPushButton()
        self.folder_button = QPushButton()
        self.report_button = QPushButton()
        self.quarantine_button = QPushButton()
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.report_button.clicked.connect(self.open_selected_report)
        self.quarantine_button.clicked.connect(self.open_quarantine_folder)
        self.report_button.setEnabled(False)
        # refuse plaintext (v1) bundles: a setting of this bureau PC, on once it has an age key
        self.require_encryption = QCheckBox()
        self.require_encryption.setObjectName("require_encryption")
        self.require_encryption.setChecked(svc.bureau_keystore().require_encryption())
        self.require_encryption.toggled.connect(self._set_require_encryption)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.model = results_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.open_selected_report())
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a4b00; background: #fff4d6; padding: 6px; border-radius: 4px;")
        self.warnings.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.require_encryption)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.quarantine_button)
        # every import ever made, from the central database
        self.history_label = QLabel()
        self.history_label.setStyleSheet("font-weight: bold;")
        self.history = history_model(self)
        self.history_table = QTableView()
        self.history_table.setModel(self.history)
        self.history_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_table.verticalHeader().hide()
        self.history_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        self.history_table.selectionModel().selectionChanged.connect(self._update_history_buttons)
        self.reverify_button = QPushButton()
        self.history_report_button = QPushButton()
        self.show_file_button = QPushButton()
        self.reverify_button.clicked.connect(self.reverify_selected)
        self.history_report_button.clicked.connect(self.open_history_report)
        self.show_file_button.clicked.connect(self.show_history_file)
        self.reverify_result = QLabel()
        self.reverify_result.setWordWrap(True)
        self.reverify_result.hide()
        hbar = QHBoxLayout()
        hbar.addWidget(self.history_label)
        hbar.addStretch(1)
        hbar.addWidget(self.reverify_button)
        hbar.addWidget(self.history_report_button)
        hbar.addWidget(self.show_file_button)

        session = QWidget()
        sl = QVBoxLayout(session)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.summary)
        sl.addWidget(self.table, 1)
        sl.addWidget(self.warnings)
        past = QWidget()
        pl = QVBoxLayout(past)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addLayout(hbar)
        pl.addWidget(self.reverify_result)
        pl.addWidget(self.history_table, 1)
        split = QSplitter()
        split.setOrientation(Qt.Orientation.Vertical)
        split.addWidget(session)
        split.addWidget(past)
        split.setSizes([260, 340])
        lay = QVBoxLayout(self)
        lay.addWidget(self.drop_hint)
        lay.addLayout(buttons)
        lay.addWidget(split, 1)
        self.retranslate()
        self._update_history_buttons()

    def title(self) -> str:
        return QCoreApplication.translate("BureauImport", "Import bundles")

    def retranslate(self) -> None:
        self.drop_hint.setText(
            QCoreApplication.translate("BureauImport", "Drop .fqbundle files or a folder of them here")
        )
        self.files_button.setText(QCoreApplication.translate("BureauImport", "Choose bundles…"))
        self.folder_button.setText(QCoreApplication.translate("BureauImport", "Choose a folder…"))
        self.report_button.setText(QCoreApplication.translate("BureauImport", "Open refusal report"))
        self.quarantine_button.setText(QCoreApplication.translate("BureauImport", "Open quarantine folder"))
        self.require_encryption.setText(QCoreApplication.translate("BureauImport", "Refuse unencrypted bundles"))
        self.history_label.setText(QCoreApplication.translate("BureauImport", "Every import so far"))
        self.reverify_button.setText(QCoreApplication.translate("BureauImport", "Verify again"))
        self.history_report_button.setText(QCoreApplication.translate("BureauImport", "Open report"))
        self.show_file_button.setText(QCoreApplication.translate("BureauImport", "Show the kept file"))
        self.history.headers_changed()
        self.model.headers_changed()
        self._show_summary()

    def reload(self) -> None:
        """Load the import history (the upper table shows this session's last import)."""
        self._stale = False
        url = self.context.central
        tasks.run_task(
            QCoreApplication.translate("BureauImport", "Loading the import history"),
            lambda: svc.import_history(url=url),
            self._show_history,
            lambda e: show_error(self, e),
        )

    def _show_history(self, records: list) -> None:
        self.history.set_rows(records)
        self.history_table.resizeColumnsToContents()
        for col, least, most in ((1, 300, 340), (3, 200, 520), (6, 120, 300)):
            width = self.history_table.columnWidth(col)
            self.history_table.setColumnWidth(col, max(least, min(most, width)))
        self._update_history_buttons()

    def selected_record(self):
        return selected_row(self.history_table, self.history)

    def _update_history_buttons(self, *_a) -> None:
        r = self.selected_record()
        self.reverify_button.setEnabled(r is not None and r.archived is not None)
        self.history_report_button.setEnabled(r is not None and r.report is not None)
        self.show_file_button.setEnabled(r is not None and (r.archived or r.quarantined) is not None)

    def reverify_selected(self) -> None:
        r = self.selected_record()
        if r is None or r.archived is None:
            return
        url, path = self.context.central, r.archived
        unlock = self._unlocker(lambda: svc.any_encrypted([path]))

        def done(result: tuple[bool, str, str]) -> None:
            ok, zh, en = result
            self.reverify_result.setStyleSheet("color: %s; font-weight: bold;" % ("#1d6b2a" if ok else "#a61b1b"))
            text = QCoreApplication.translate("BureauImport", "{file}: {result}").format(
                file=r.file_name, result=en if is_english() else zh
            )
            self.reverify_result.setText(text)
            self.reverify_result.show()

        tasks.run_task(
            QCoreApplication.translate("BureauImport", "Verifying again"),
            lambda: svc.reverify_bundle(path, url=url, identities=_opened(unlock)),
            done,
            lambda e: show_error(self, e),
        )

    def open_history_report(self) -> None:
        r = self.selected_record()
        if r is not None and r.report is not None:
            open_path(r.report if r.report.exists() else r.report.parent)

    def show_history_file(self) -> None:
        r = self.selected_record()
        kept = (r.archived or r.quarantined) if r is not None else None
        if kept is not None:
            open_path(kept.parent)

    # -- choosing and dropping ---------------------------------------------
    def choose_files(self) -> None:
        files, _f = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("BureauImport", "Choose bundles"),
            "",
            QCoreApplication.translate("BureauImport", "Bundles (*.fqbundle);;All files (*)"),
        )
        if files:
            self.import_paths(files)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("BureauImport", "Choose a folder of bundles")
        )
        if folder:
            self.import_paths([folder])

    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- importing ---------------------------------------------------------
    def import_paths(self, paths: Sequence[str | Path]) -> tasks.TaskHandle | None:
        """Import bundle files and folders in the background; the table fills when it ends."""
        if self.handle is not None and not self.handle.done:
            return None  # one import at a time
        url = self.context.central
        todo = [str(p) for p in paths]
        unlock = self._unlocker(lambda: svc.any_encrypted(todo))

        def work(progress, cancelled):
            def named(done: int, total: int, path: str) -> None:
                progress(
                    done,
                    total,
                    QCoreApplication.translate("BureauImport", "Importing {name} ({done} of {total})").format(
                        name=Path(path).name, done=done + 1, total=total
                    )
                    if path
                    else "",
                )

            return svc.import_bundles(todo, url=url, progress=named, cancelled=cancelled, unlock=unlock)

        self.summary.setText(QCoreApplication.translate("BureauImport", "Importing…"))
        self.handle = tasks.start_with_dialog(
            self,
            QCoreApplication.translate("BureauImport", "Importing bundles"),
            work,
            on_done=self._show_outcomes,
            on_error=self._failed,
            on_cancelled=self._cancelled,
        )
        return self.handle

    def _set_require_encryption(self, on: bool) -> None:
        try:
            svc.bureau_keystore().set_require_encryption(on)
        except OSError as exc:
            show_error(self, exc)

    def _unlocker(self, encrypted: Callable[[], bool]) -> Callable[[], list] | None:
        """What opens encrypted bundles: the identities kept this session, or the passphrase asked
        now (only when ``encrypted()``) and the identity opened with it in the worker; the
        identity is kept once it opened."""
        if self.context.age_identities is not None:
            kept = self.context.age_identities
            return lambda: kept
        if not encrypted():
            return None
        passphrase = ask_passphrase(self)
        if passphrase is None:
            return None  # the encrypted bundles are refused, saying the passphrase is needed
        context = self.context

        def unlock() -> list:
            identities = svc.unlock_bureau(passphrase)  # scrypt: seconds, in the worker
            context.age_identities = identities  # a plain list, read later on the UI thread
            return identities

        return unlock

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText("")
        show_error(self, exc)

    def _cancelled(self) -> None:
        result = self.handle.result if self.handle is not None else None
        self._show_outcomes(result or [], cancelled=True)

    def _show_outcomes(self, outcomes: list[ImportOutcome], cancelled: bool = False) -> None:
        self.outcomes = list(outcomes)
        self._was_cancelled = cancelled
        self.model.set_rows(self.outcomes)
        self.table.resizeColumnsToContents()
        for col, most in ((0, 260), (2, 520)):
            if self.table.columnWidth(col) > most:
                self.table.setColumnWidth(col, most)
        self.table.resizeRowsToContents()
        self._show_summary()
        self._update_buttons()
        # the pages reload on the session's bundle_imported (BureauContext)

    def _show_summary(self) -> None:
        if not self.outcomes and not getattr(self, "_was_cancelled", False):
            self.summary.setText("")
            self.warnings.hide()
            return
        n = {
            s: sum(o.status == s for o in self.outcomes)
            for s in ("imported", "already_imported", "refused", "quarantined")
        }
        text = QCoreApplication.translate(
            "BureauImport",
            "{files} file(s): {imported} imported, {already} already imported, "
            "{refused} refused, {quarantined} quarantined",
        ).format(
            files=len(self.outcomes),
            imported=n["imported"],
            already=n["already_imported"],
            refused=n["refused"],
            quarantined=n["quarantined"],
        )
        if getattr(self, "_was_cancelled", False):
            text += QCoreApplication.translate("BureauImport", " — stopped early; the rest were not imported")
        self.summary.setText(text)
        self.summary.setStyleSheet(
            "font-weight: bold; color: %s;" % ("#a61b1b" if n["refused"] or n["quarantined"] else "#1d6b2a")
        )
        warnings = list(dict.fromkeys(w for o in self.outcomes for w in warnings_of(o)))
        if warnings:
            self.warnings.setText(
                QCoreApplication.translate("BureauImport", "Warnings:") + "\n" + "\n".join("• " + w for w in warnings)
            )
            self.warnings.show()
        else:
            self.warnings.hide()

    def warning_texts(self) -> list[str]:
        return list(dict.fromkeys(w for o in self.outcomes for w in warnings_of(o)))

    # -- quarantine ----------------------------------------------------------
    def selected_outcome(self) -> ImportOutcome | None:
        return selected_row(self.table, self.model)

    def report_path(self, outcome: ImportOutcome) -> Path | None:
        """The text report beside a quarantined copy, or None for a bundle that was not refused."""
        if not outcome.quarantined:
            return None
        return Path(outcome.quarantined).with_suffix(".txt")

    def _update_buttons(self, *_a) -> None:
        o = self.selected_outcome()
        self.report_button.setEnabled(o is not None and self.report_path(o) is not None)

    def open_selected_report(self) -> None:
        o = self.selected_outcome()
        path = self.report_path(o) if o is not None else None
        if path is not None:
            open_path(path if path.exists() else path.parent)

    def open_quarantine_folder(self) -> None:
        folder = svc.quarantine_dir(url=self.context.central)
        folder.mkdir(parents=True, exist_ok=True)
        open_path(folder)
