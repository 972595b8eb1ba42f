"""Save as PDF from the inspection editor: the score sheet written off the UI thread to a file
the inspector chooses, then offered to open; "Open PDF" rewrites it first when the inspection
changed since (what it is printed from: revision, status, score, findings, photos)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from fengqiao_desktop.errors import KnownError


class SheetPdf(QObject):
    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.last_path: str | None = None
        self._state: tuple | None = None  # what the last PDF was written from
        self._open_when_written = False

    def default_name(self) -> str:
        """``<station>-评分表-<visit date>.pdf`` in the user's documents folder."""
        extra = self.editor.view.extra or {}
        station = extra.get("station_name") or self.editor.view.title
        day = extra.get("visit_date")
        label = QCoreApplication.translate("Editor", "score-sheet")
        stem = f"{station}-{label}"
        if day:
            stem += f"-{day}"
        if self.editor.view.revision > 1:
            stem += "-" + QCoreApplication.translate("Editor", "revision {n}").format(n=self.editor.view.revision)
        stem = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in stem)
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder or Path.home()) / f"{stem}.pdf")

    def save(self, target: str | None = None) -> None:
        """Print score sheet…: choose a PDF file, render off the UI thread, offer to open it."""
        if not target:
            target, _ = QFileDialog.getSaveFileName(
                self.editor,
                QCoreApplication.translate("Editor", "Save score sheet"),
                self.default_name(),
                QCoreApplication.translate("Editor", "PDF files (*.pdf)"),
            )
        if not target:
            return
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        try:
            job = self.editor.backend.sheet_job(target)
        except KnownError as exc:
            QMessageBox.warning(
                self.editor, QCoreApplication.translate("Editor", "Score sheet"), exc.user_message(self.editor.lang)
            )
            return
        if job is None:
            QMessageBox.information(
                self.editor,
                QCoreApplication.translate("Editor", "Score sheet"),
                QCoreApplication.translate("Editor", "The score sheet is not available in this version."),
            )
            return
        self.editor.pdf_btn.setEnabled(False)
        self._state = self._state_now()
        self.editor._say(QCoreApplication.translate("Editor", "Writing the score sheet…"))
        self.editor.runner.submit(
            QCoreApplication.translate("Editor", "Writing the score sheet"), job, self._done, self._failed
        )

    def _done(self, path: str) -> None:
        self.editor.pdf_btn.setEnabled(True)
        self.last_path = path
        self.editor.open_pdf_btn.setEnabled(True)
        self.editor._say(QCoreApplication.translate("Editor", "Score sheet saved: {path}").format(path=path))
        self.editor.pdf_saved.emit(path)
        if self._open_when_written:  # 打开 PDF asked for the current revision's sheet
            self._open_when_written = False
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Editor", "Score sheet"),
            QCoreApplication.translate("Editor", "The score sheet was saved to {path}. Open it now?").format(path=path),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            self.editor,
        )
        box.setObjectName("pdf_saved")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.button(QMessageBox.StandardButton.Open).clicked.connect(self.open)
        box.open()  # not modal to the app: background work and autosave go on

    def _failed(self, exc: BaseException) -> None:
        self.editor.pdf_btn.setEnabled(True)
        self._open_when_written = False
        if isinstance(exc, KnownError):
            QMessageBox.warning(
                self.editor, QCoreApplication.translate("Editor", "Score sheet"), exc.user_message(self.editor.lang)
            )
            return
        raise exc

    def _state_now(self) -> tuple:
        """What the score sheet is printed from: revision, status, score, findings, photos."""
        return (
            self.editor.view.revision,
            self.editor.view.status.value,
            repr(self.editor.backend.score().to_json()),
            repr(self.editor.backend.findings()),
            repr(self.editor.backend.photos()),
        )

    def open(self) -> None:
        """Open the sheet of the inspection as it is now: rewritten first if it changed since."""
        if not self.last_path:
            return
        if self._state == self._state_now():
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.last_path))
            return
        target = str(Path(self.last_path).parent / Path(self.default_name()).name)
        self._open_when_written = True
        self.save(target)
