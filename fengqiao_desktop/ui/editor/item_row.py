"""One checklist item as a row: title, guidance (评分标准), answer, N/A, note, veto badge, photos.

The row knows nothing of storage: it emits ``answer_changed(item_id)`` and the
editor reads ``answer()`` and saves it. Only the answer widget is in the Tab
chain; the note and the N/A box take the focus by click or by shortcut
(Ctrl+N, Ctrl+D) so that Tab walks from answer to answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain import ItemType
from fengqiao_desktop.formengine.schema import Item
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.ui.editor.answer_widgets import make_answer_widget
from fengqiao_desktop.ui.editor.mime import has_photo_data, paths_from_mime
from fengqiao_desktop.ui.editor.photo_pixmaps import PhotoPixmaps
from fengqiao_desktop.ui.editor.photo_strip import PhotoRow, PhotoStrip

_ROW_QSS = """
ItemRow { border-bottom: 1px solid #e3e3e3; background: palette(base); }
ItemRow[current="true"] { background: #fff8e1; border-left: 4px solid #f9a825; }
ItemRow[dropping="true"] { background: #e3f2fd; }
QLabel#veto { background: #c62828; color: white; border-radius: 3px; padding: 1px 6px; font-weight: bold; }
QLabel#guidance { color: #555; }
QLabel#points { color: #1565c0; }
QLabel#linked { color: #1b5e20; background: #e8f5e9; border-radius: 3px; padding: 3px 6px; }
"""


class _NoteField(QLineEdit):
    """The note: Enter or Escape returns the focus to the row's answer widget."""

    done = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.done.emit()
            return
        super().keyPressEvent(event)


class ItemRow(QFrame):
    """An item of the form, rendered from its definition."""

    answer_changed = Signal(str)  # item id
    focus_entered = Signal(str)  # item id: the row became the current one
    advance_requested = Signal(str)
    files_dropped = Signal(str, list)  # item id, paths
    add_photo_requested = Signal(str)
    photo_clicked = Signal(str, str)  # item id, photo id
    source_requested = Signal(str)  # item id: open the inspection that answers this linked item

    def __init__(self, item: Item, number: str, lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"row_{item.id}")
        self.setStyleSheet(_ROW_QSS)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAcceptDrops(True)
        self.setProperty("current", False)

        title = QLabel(f"<b>{number}</b>&nbsp; {_esc(item.title.get(lang))}")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(title, 1)
        if item.scored:
            pts = QLabel(QCoreApplication.translate("Editor", "{max} pts").format(max=f"{item.max:g}"))
            pts.setObjectName("points")
            head.addWidget(pts)
        if item.type is ItemType.DEDUCTION:
            head.addWidget(QLabel(QCoreApplication.translate("Editor", "(deduction)")))
        self.veto_badge: QLabel | None = None
        if item.veto:
            self.veto_badge = QLabel(QCoreApplication.translate("Editor", "Veto"))
            self.veto_badge.setObjectName("veto")
            if item.veto_reason:
                self.veto_badge.setToolTip(item.veto_reason)
            head.addWidget(self.veto_badge)

        guidance_text = item.guidance_en if (lang == "en" and item.guidance_en) else item.guidance
        if item.evidence:
            guidance_text = (guidance_text + "\n" if guidance_text else "") + QCoreApplication.translate(
                "Editor", "Evidence: {what}"
            ).format(what=item.evidence)
        self.guidance = QLabel(guidance_text)
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        f = self.guidance.font()
        f.setPointSizeF(max(f.pointSizeF() * 0.88, 7.0))
        self.guidance.setFont(f)
        self.guidance.setVisible(bool(guidance_text))

        self.answer_widget = make_answer_widget(item, lang)
        self.answer_widget.edited.connect(lambda _v: self.answer_changed.emit(self.item.id))
        self.answer_widget.advance_requested.connect(lambda: self.advance_requested.emit(self.item.id))
        for w in answer_focus_widgets(self.answer_widget):
            w.installEventFilter(self)

        self.na_box: QCheckBox | None = None
        if item.na_allowed:
            self.na_box = QCheckBox(QCoreApplication.translate("Editor", "N/A"))
            self.na_box.setToolTip(QCoreApplication.translate("Editor", "Not applicable (Ctrl+D)"))
            self.na_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            self.na_box.toggled.connect(self._na_toggled)

        self.note = _NoteField()
        self.note.setPlaceholderText(QCoreApplication.translate("Editor", "Note (Ctrl+N)"))
        self.note.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.note.textEdited.connect(lambda _t: self.answer_changed.emit(self.item.id))
        self.note.done.connect(self.focus_answer)
        self.note.installEventFilter(self)

        self.strip = PhotoStrip(item.min_photos)
        self.strip.add_requested.connect(lambda: self.add_photo_requested.emit(self.item.id))
        self.strip.photo_clicked.connect(lambda pid: self.photo_clicked.emit(self.item.id, pid))

        right = QHBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.answer_widget)
        if self.na_box:
            right.addWidget(self.na_box)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.addLayout(head, 0, 0)
        grid.addLayout(right, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.guidance, 1, 0, 1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 2)
        bottom.addWidget(self.strip, 3)
        grid.addLayout(bottom, 2, 0, 1, 2)
        # a linked item (A1 <- five-haves/jigou) shows the check's answer instead of its own
        self.linked = QLabel()
        self.linked.setObjectName("linked")
        self.linked.setWordWrap(True)
        self.source_btn = QPushButton(QCoreApplication.translate("Editor", "Answer in the five-haves check"))
        self.source_btn.setObjectName("answer_in_check")
        self.source_btn.clicked.connect(lambda: self.source_requested.emit(self.item.id))
        self.source_btn.installEventFilter(self)
        linked_row = QHBoxLayout()
        linked_row.addWidget(self.linked, 1)
        linked_row.addWidget(self.source_btn, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(linked_row, 3, 0, 1, 2)
        self.linked.hide()
        self.source_btn.hide()
        self.is_linked = False
        grid.setColumnStretch(0, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 10, 6)
        outer.addLayout(grid)

    # -- answer ------------------------------------------------------------
    def answer(self) -> Answer:
        na = bool(self.na_box and self.na_box.isChecked())
        return Answer(value=None if na else self.answer_widget.value(), note=self.note.text(), na=na)

    def set_answer(self, ans: Answer | None) -> None:
        ans = ans or Answer()
        self.answer_widget.set_value(ans.value)
        if self.na_box:
            self.na_box.blockSignals(True)
            self.na_box.setChecked(ans.na)
            self.na_box.blockSignals(False)
            self.answer_widget.setEnabled(not ans.na)
        if self.note.text() != ans.note:
            self.note.setText(ans.note)

    def set_linked(self, text: str | None) -> None:
        """Show the answer given elsewhere in the visit, read-only (``None``: answered here)."""
        self.is_linked = text is not None
        for w in (self.answer_widget, self.note, self.strip, self.na_box):
            if w is not None:
                w.setVisible(not self.is_linked)
        self.linked.setVisible(self.is_linked)
        self.source_btn.setVisible(self.is_linked)
        self.linked.setText(text or "")

    def _na_toggled(self, on: bool) -> None:
        self.answer_widget.setEnabled(not on)
        self.answer_changed.emit(self.item.id)
        if not on:
            self.focus_answer()

    def toggle_na(self) -> None:
        if self.na_box:
            self.na_box.toggle()

    # -- focus -------------------------------------------------------------
    def focus_answer(self) -> None:
        if self.is_linked:
            self.source_btn.setFocus(Qt.FocusReason.TabFocusReason)
            return
        target = self.answer_widget if self.answer_widget.isEnabled() else (self.na_box or self.note)
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_note(self) -> None:
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_current(self, on: bool) -> None:
        if self.property("current") != on:
            self.setProperty("current", on)
            self.style().unpolish(self)
            self.style().polish(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusIn:
            self.focus_entered.emit(self.item.id)
        return False

    def mousePressEvent(self, event) -> None:  # noqa: N802 - clicking a row selects it
        self.focus_answer()
        super().mousePressEvent(event)

    # -- photos ------------------------------------------------------------
    def set_photos(self, photos: list[PhotoRow], pixmaps: PhotoPixmaps) -> None:
        self.strip.set_photos(photos, pixmaps)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.isEnabled() and has_photo_data(event.mimeData()):
            event.acceptProposedAction()
            self._set_dropping(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if has_photo_data(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._set_dropping(False)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._set_dropping(False)
        paths = paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(self.item.id, paths)
        else:
            event.ignore()

    def _set_dropping(self, on: bool) -> None:
        self.setProperty("dropping", on)
        self.style().unpolish(self)
        self.style().polish(self)


def answer_focus_widgets(widget: QWidget) -> list[QWidget]:
    """The widget and, for spin boxes and editable combos, the line edit inside it."""
    inner = widget.lineEdit() if hasattr(widget, "lineEdit") and not isinstance(widget, QLineEdit) else None
    return [widget] + ([inner] if inner is not None else [])


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
