"""Errors in front of a person: known errors in plain words, bugs in a crash dialog with the log path.

A ``KnownError`` (bad file, locked database, wrong passphrase) is something
the user can act on: it is shown as a warning with its own message. Any other
exception is a bug: it is logged with its traceback and shown as a crash
dialog that names the log file, never as a raw traceback on screen (the
traceback is behind "Show Details…" for whoever the user sends it to).
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from fengqiao_desktop.errors import KnownError, RosterError

log = logging.getLogger(__name__)

_log_path: Path | None = None
_showing = False  # an exception inside the dialog must not open another dialog


def _exec(box: QMessageBox) -> None:
    box.exec()


# How a built dialog is presented; tests swap it to collect the dialogs instead.
presenter = _exec


def set_log_path(path: Path | None) -> None:
    global _log_path
    _log_path = path


def log_path() -> Path | None:
    return _log_path


def _lang() -> str:
    from fengqiao_desktop.ui import i18n

    return i18n.current_language()


def known_error_box(parent: QWidget | None, exc: KnownError) -> QMessageBox:
    """The warning shown for a known error (not yet executed: tests inspect it)."""
    lang = _lang()
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "Cannot continue"),
        exc.user_message(lang),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    rows = getattr(exc, "rows", None)
    if isinstance(exc, RosterError) and rows:
        lines = [r.text(lang) if hasattr(r, "text") else _row_text(r) for r in rows]
        box.setInformativeText(
            QCoreApplication.translate("Errors", "{count} rows have problems; nothing was imported.").format(
                count=len(rows)
            )
        )
        box.setDetailedText("\n".join(lines))
    elif getattr(exc, "detail", ""):  # the member or field at fault: for the details, not the message
        box.setDetailedText(str(exc.detail))
    return box


def _row_text(row) -> str:
    number, column, reason = row
    return QCoreApplication.translate("Errors", "row {row}, column {column}: {reason}").format(
        row=number, column=column, reason=reason
    )


def crash_box(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """The dialog shown for a bug: what happened in plain words and where the log is."""
    where = str(_log_path) if _log_path else QCoreApplication.translate("Errors", "(no log file)")
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Errors", "Unexpected error"),
        QCoreApplication.translate("Errors", "Something went wrong inside the program. Your saved work is safe."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate("Errors", "Please send the log file to your support contact:\n{path}").format(
            path=where
        )
    )
    text = getattr(exc, "__traceback_text__", None) or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    box.setDetailedText(text)
    return box


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show any exception the right way; bugs are logged with their traceback first."""
    global _showing
    if not isinstance(exc, KnownError):
        # imported on use: the database layer (SQLAlchemy) stays off the start-up path
        from fengqiao_desktop.storage.db import known_storage_error

        exc = known_storage_error(exc) or exc  # a full disk or a damaged database is no bug
    if isinstance(exc, KnownError):
        log.info("known error shown to the user: %s", exc.message)
        box = known_error_box(parent, exc)
    else:
        text = getattr(exc, "__traceback_text__", None)
        if text:
            log.error("unexpected error in a background task:\n%s", text)
        else:
            log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        box = crash_box(parent, exc)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        presenter(box)
    finally:
        _showing = False


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if exc is not None and exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    if QApplication.instance() is None:  # the app has quit: no dialog can be shown, only logged
        log.error("uncaught exception after the application quit", exc_info=(exc_type, exc, tb))
        return
    try:
        show_error(QApplication.activeWindow(), exc)
    except Exception:  # noqa: BLE001 - last resort: never loop inside the hook
        log.exception("the crash dialog itself failed")


def install_excepthook() -> None:
    """Route uncaught exceptions (including those in Qt slots) to :func:`show_error`."""
    sys.excepthook = _excepthook
