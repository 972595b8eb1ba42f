"""Print preview and Print of the score sheet from the inspection editor.

The sheet is rendered by reportlab to a temporary PDF off the UI thread (the
same document "Save as PDF" writes), then shown in Qt's print preview or sent
to the printer chosen in Qt's print dialog; the temporary file is removed after.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox

from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.ui import printing


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


class SheetPrint(QObject):
    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.preview_dialog = None  # the last preview shown (tests look at it)

    def preview(self) -> None:
        self._render(self._show_preview)

    def print_sheet(self) -> None:
        self._render(self._print)

    def _render(self, then: Callable[[str], None]) -> None:
        fd, path = tempfile.mkstemp(prefix="fengqiao-sheet-", suffix=".pdf")
        os.close(fd)
        try:
            job = self.editor.backend.sheet_job(path)
        except KnownError as exc:
            _remove(path)
            self._warn(exc)
            return
        if job is None:
            _remove(path)
            return
        self.editor.message.emit(QCoreApplication.translate("Editor", "Writing the score sheet…"))

        def failed(exc: BaseException) -> None:
            _remove(path)
            if isinstance(exc, KnownError):
                self._warn(exc)
                return
            raise exc

        self.editor.runner.submit(QCoreApplication.translate("Editor", "Writing the score sheet"), job, then, failed)

    def _show_preview(self, path: str) -> None:
        try:
            dialog = printing.preview_dialog(self.editor, path)
        except KnownError as exc:
            _remove(path)
            self._warn(exc)
            return
        dialog.setObjectName("sheet_preview")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: _remove(path))
        self.preview_dialog = dialog
        dialog.open()

    def _print(self, path: str) -> None:
        try:
            if printing.print_with_dialog(self.editor, path):
                self.editor.message.emit(
                    QCoreApplication.translate("Editor", "The score sheet was sent to the printer.")
                )
        except KnownError as exc:
            self._warn(exc)
        finally:
            _remove(path)

    def _warn(self, exc: KnownError) -> None:
        QMessageBox.warning(
            self.editor, QCoreApplication.translate("Editor", "Score sheet"), exc.user_message(self.editor.lang)
        )
