"""回头看 in the editor: the bureau's findings to re-check at this station, and the bureau's return note.

The findings come from the task pack (``RechecksMixin.rechecks``); for each the
inspector says "rectified" — with a photo of the rectified state and a note, in
a small dialog — or "still open". The verdict belongs to this visit's record.
The photo is processed on a worker thread (the editor's runner), like every photo.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.ui.editor.backend import IngestFailure
from fengqiao_desktop.ui.editor.photo_controller import IMAGE_FILTER


def _t(text: str) -> str:
    return QCoreApplication.translate("Recheck", text)


def verdict_text(verdict: str | None) -> str:
    return {"rectified": _t("Rectified"), "open": _t("Still open"), None: _t("Not re-checked yet")}[verdict]


def returned_label(note) -> QLabel | None:
    """The bureau's comment on an inspection it returned, while the correction is a draft."""
    if note is None:
        return None
    head = _t("Returned by the bureau ({who}, {when}):").format(who=note.returned_by or "—", when=note.returned_at[:10])
    tail = _t("Correct it and complete it again; it goes back with your next export.")
    label = QLabel(f"<b>{escape(head)}</b> {escape(note.comment)}<br>{escape(tail)}")
    label.setObjectName("returned_note")
    label.setWordWrap(True)
    label.setStyleSheet("background: #ffebee; color: #b71c1c; border: 1px solid #e57373; padding: 6px 10px;")
    return label


class RecheckDialog(QDialog):
    """Rectified: a note and a photo of the rectified state."""

    def __init__(self, item, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recheckDialog")
        self.setWindowTitle(_t("Re-check: rectified"))
        self.path: str | None = None
        what = QLabel(escape(item.description))
        what.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(_t("What did you check on site?"))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.photo_btn = QPushButton(_t("Choose photo…"))
        self.photo_btn.clicked.connect(self.choose)
        self.photo_label = QLabel(_t("No photo chosen"))
        self.photo_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note.textChanged.connect(self._check)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"<b>{escape(_t('Finding'))}</b>"))
        lay.addWidget(what)
        lay.addWidget(QLabel(_t("Note (required)")))
        lay.addWidget(self.note)
        row = QHBoxLayout()
        row.addWidget(self.photo_btn)
        row.addWidget(self.photo_label, 1)
        lay.addLayout(row)
        lay.addWidget(self.buttons)
        self._check()

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, _t("Photo of the rectified state"), "", _t("Images ({patterns})").format(patterns=IMAGE_FILTER)
        )
        if path:
            self.set_photo(path)

    def set_photo(self, path: str) -> None:
        self.path = path
        self.photo_label.setText(path.replace("\\", "/").rsplit("/", 1)[-1])
        self._check()

    def _check(self) -> None:
        ok = bool(self.note.toPlainText().strip()) and self.path is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def text(self) -> str:
        return self.note.toPlainText().strip()


class RecheckPanel(QFrame):
    """The list of findings to re-check, with a verdict and buttons per finding."""

    changed = Signal()  # a verdict was stored (the record changed)

    def __init__(self, editor, items: list):
        super().__init__()
        self.editor = editor
        self.setObjectName("recheck_panel")
        self.setStyleSheet("#recheck_panel { background: #e3f2fd; border: 1px solid #64b5f6; }")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 6, 10, 6)
        self.dialog: RecheckDialog | None = None
        self.locked = False
        self.show_items(items)

    def show_items(self, items: list) -> None:
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.items = list(items)
        head = QLabel("<b>" + escape(_t("Re-check: findings the bureau sent ({n})").format(n=len(items))) + "</b>")
        head.setWordWrap(True)
        self.grid.addWidget(head, 0, 0, 1, 4)
        self.buttons: dict[tuple[str, str], tuple[QPushButton, QPushButton]] = {}
        self.texts: dict[tuple[str, str], tuple[QLabel, QLabel]] = {}  # (what, verdict) per finding
        for i, it in enumerate(self.items, start=1):
            parts = [it.description]
            if it.deadline:
                parts.append(_t("deadline {date}").format(date=it.deadline))
            if it.found_by:
                parts.append(_t("found by {name}").format(name=it.found_by))
            what = QLabel("• " + escape(" · ".join(parts)))
            what.setWordWrap(True)
            state = QLabel(
                _t("{verdict}: {note}").format(verdict=verdict_text(it.verdict), note=it.note)
                if it.note
                else verdict_text(it.verdict)
            )
            state.setObjectName(f"recheck_state_{it.finding_id}")
            state.setWordWrap(True)
            state.setStyleSheet(
                "color: #2e7d32;"
                if it.verdict == "rectified"
                else "color: #c62828;"
                if it.verdict == "open"
                else "color: #616161;"
            )
            fixed = QPushButton(_t("Rectified…"))
            still = QPushButton(_t("Still open"))
            fixed.clicked.connect(lambda _c=False, it=it: self.ask_rectified(it))
            still.clicked.connect(lambda _c=False, it=it: self.still_open(it))
            self.buttons[(it.inspection_id, it.finding_id)] = (fixed, still)
            self.texts[(it.inspection_id, it.finding_id)] = (what, state)
            self.grid.addWidget(what, i, 0)
            self.grid.addWidget(state, i, 1)
            self.grid.addWidget(fixed, i, 2)
            self.grid.addWidget(still, i, 3)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.set_locked(self.locked)

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        for fixed, still in self.buttons.values():
            fixed.setEnabled(not locked)
            still.setEnabled(not locked)

    def ask_rectified(self, item) -> RecheckDialog:
        dlg = RecheckDialog(item, self)
        dlg.accepted.connect(lambda: self._rectified(item, dlg.text(), dlg.path))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _rectified(self, item, note: str, path: str | None) -> None:
        if path is None:
            return
        job = self.editor.backend.ingest_job([path])

        def done(results: list) -> None:
            [r] = results
            if isinstance(r, IngestFailure):
                self._warn(r.message)
                return
            self._store(item, "rectified", note, r)

        self.editor.runner.submit(_t("Processing photos"), job, done, self._failed)

    def still_open(self, item) -> None:
        self._store(item, "open", "", None)

    def _store(self, item, verdict: str, note: str, ingested) -> None:
        try:
            self.editor.backend.recheck(item, verdict, note, ingested)
        except KnownError as exc:
            self._warn(exc.user_message())
            return
        self.show_items(self.editor.backend.rechecks())
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KnownError):
            self._warn(exc.user_message())
            return
        raise exc

    def _warn(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, _t("Re-check"), text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("recheckRefused")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
