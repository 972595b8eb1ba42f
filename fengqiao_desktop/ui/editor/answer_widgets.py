"""Answer widgets, one per item type, all driven by the keyboard.

Every widget has the same small surface so an item row does not care which
type it holds: ``value()`` / ``set_value()`` in the scoring engine's terms
(bool, points, choice value, number, text or ``None`` for unanswered), the
``edited`` signal (emitted only for user edits, never for ``set_value``), and
``advance_requested`` (Enter: go to the next item).

Keys shared by all of them: F or Ctrl+Enter gives full marks where that means
something, Enter moves on. Yes/no also takes Y/N and 1/0; spin boxes take the
digits of the score; a choice takes 1..9 for its options.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from fengqiao_desktop.domain import ItemType
from fengqiao_desktop.formengine.schema import Item

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _is_full_marks_key(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() in _ENTER and mods & Qt.KeyboardModifier.ControlModifier:
        return True
    return event.key() == Qt.Key.Key_F and mods == Qt.KeyboardModifier.NoModifier


def _number(text: str) -> float | None:
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def _is_plain_enter(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() in _ENTER and mods == Qt.KeyboardModifier.NoModifier


class YesNoAnswer(QWidget):
    """Two toggle buttons (是 / 否); the widget itself holds the focus and takes Y/N, 1/0."""

    edited = Signal(object)
    advance_requested = Signal()

    def __init__(self, item: Item, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("answer")
        self.yes = QPushButton(QCoreApplication.translate("Editor", "Yes"))
        self.no = QPushButton(QCoreApplication.translate("Editor", "No"))
        self.yes.setToolTip(QCoreApplication.translate("Editor", "Y or 1"))
        self.no.setToolTip(QCoreApplication.translate("Editor", "N or 0"))
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # so both can be off (unanswered)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(4)
        for b in (self.yes, self.no):
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the widget, not the buttons
            b.setMinimumWidth(52)
            lay.addWidget(b)
        # A chosen answer must be obvious at a glance: green yes, red no; a frame shows focus.
        self.setStyleSheet(
            "YesNoAnswer { border: 2px solid transparent; border-radius: 4px; }"
            "YesNoAnswer:focus { border-color: #1976d2; }"
            "QPushButton#yes:checked { background: #2e7d32; color: white; font-weight: bold; }"
            "QPushButton#no:checked { background: #c62828; color: white; font-weight: bold; }"
        )
        self.yes.setObjectName("yes")
        self.no.setObjectName("no")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.yes.clicked.connect(lambda: self._choose(True))
        self.no.clicked.connect(lambda: self._choose(False))
        self._value: bool | None = None

    def value(self) -> bool | None:
        return self._value

    def set_value(self, value) -> None:
        self._value = value if isinstance(value, bool) else None
        self.yes.setChecked(self._value is True)
        self.no.setChecked(self._value is False)

    def _choose(self, value: bool | None) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        changed = value != self._value
        self.set_value(value)
        if changed:
            self.edited.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if _is_full_marks_key(event) or key in (Qt.Key.Key_Y, Qt.Key.Key_1):
            self._choose(True)
        elif key in (Qt.Key.Key_N, Qt.Key.Key_0):
            self._choose(False)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose(None)
        elif key == Qt.Key.Key_Space:
            self._choose(not self._value if self._value is not None else True)
        elif _is_plain_enter(event):
            self.advance_requested.emit()
        else:
            super().keyPressEvent(event)


class PointsAnswer(QDoubleSpinBox):
    """Points 0..max in the item's step; the value below 0 shows as "—" (unanswered).

    Typing replaces the whole value (it is selected on focus), so "3.5" scores 3.5.
    Values off the step are snapped to the nearest step on Enter and when the field is
    left. The widget snaps them itself rather than leaving it to Qt's ``fixup`` call:
    PySide6 before 6.9 (the aarch64 old-glibc build has 6.8) drops what a Python
    ``fixup`` returns, and Qt then falls back to the previous value.
    """

    edited = Signal(object)
    advance_requested = Signal()

    def __init__(self, item: Item, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setObjectName("answer")
        self._step = item.effective_step
        decimals = 0 if self._step >= 1 and float(self._step).is_integer() else (1 if self._step >= 0.1 else 2)
        self.setDecimals(max(decimals, 1 if not float(item.max).is_integer() else decimals))
        self.setRange(-self._step, item.max)  # the minimum is the "unanswered" marker
        self.setSingleStep(self._step)
        self.setSpecialValueText("—")
        self.setSuffix(QCoreApplication.translate("Editor", " pts"))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(96)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.setToolTip(
            QCoreApplication.translate("Editor", "0 to {max} in steps of {step}; F = full marks").format(
                max=f"{item.max:g}", step=f"{self._step:g}"
            )
        )
        self._quiet = False
        self.setValue(-self._step)
        self.valueChanged.connect(self._on_changed)

    # -- value ------------------------------------------------------------
    def value_or_none(self) -> float | None:
        v = super().value()
        return None if v < 0 else round(v, 4)

    def value(self):  # noqa: D401 - keeps the shared surface
        return self.value_or_none()

    def set_value(self, value) -> None:
        self._quiet = True
        try:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                self.setValue(float(value))
            else:
                self.setValue(-self._step)
        finally:
            self._quiet = False

    def _on_changed(self, _v: float) -> None:
        if not self._quiet:
            self.edited.emit(self.value_or_none())

    # -- text <-> value -----------------------------------------------------
    def validate(self, text: str, pos: int):  # noqa: D102 - Qt override
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Acceptable and text.strip() != self.specialValueText():
            num = self.valueFromText(text)
            q = num / self._step
            if num >= 0 and not math.isclose(q, round(q), abs_tol=1e-9):
                return (QValidator.State.Intermediate, text, pos)
        return result

    def fixup(self, text: str) -> str:  # noqa: D102 - Qt override
        core = text
        for s in (self.suffix(), self.prefix()):
            if s:
                core = core.replace(s, "")
        num = _number(core)
        return text if num is None else self.textFromValue(self._snapped(num))

    def _snapped(self, num: float) -> float:
        return min(max(round(num / self._step) * self._step, 0.0), self.item.max)

    def _snap_typed(self) -> None:
        """Typed points off the step become the nearest step now."""
        num = _number(self.cleanText())
        if num is not None and num >= 0:
            snapped = self._snapped(num)
            if not math.isclose(num, snapped, abs_tol=1e-9):
                self.setValue(snapped)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._snap_typed()
        super().focusOutEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if _is_full_marks_key(event):
            self.setValue(self.item.max)
            self.selectAll()
            return
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.lineEdit().hasSelectedText()
            and len(self.lineEdit().selectedText()) == len(self.lineEdit().text())
        ):
            self.setValue(-self._step)  # clearing the whole field means "not scored yet"
            self.selectAll()
            return
        if _is_plain_enter(event):
            self._snap_typed()
            self.interpretText()
            self.advance_requested.emit()
            return
        super().keyPressEvent(event)


class ChoiceAnswer(QComboBox):
    """A combo of the item's choices; 1..9 pick an option, F the best one."""

    edited = Signal(object)
    advance_requested = Signal()

    def __init__(self, item: Item, lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setObjectName("answer")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setPlaceholderText(QCoreApplication.translate("Editor", "— choose —"))
        for i, c in enumerate(item.choices, start=1):
            self.addItem(f"{i}. {c.label.get(lang)} ({c.points:g})", c.value)
        self.setCurrentIndex(-1)
        self._quiet = False
        self.currentIndexChanged.connect(self._on_changed)

    def value(self) -> str | None:
        return self.currentData() if self.currentIndex() >= 0 else None

    def set_value(self, value) -> None:
        self._quiet = True
        try:
            self.setCurrentIndex(self.findData(value) if value is not None else -1)
        finally:
            self._quiet = False

    def _on_changed(self, _i: int) -> None:
        if not self._quiet:
            self.edited.emit(self.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        if _is_full_marks_key(event):
            best = max(range(len(self.item.choices)), key=lambda i: self.item.choices[i].points)
            self.setCurrentIndex(best)
        elif text.isdigit() and 1 <= int(text) <= self.count():
            self.setCurrentIndex(int(text) - 1)
        elif _is_plain_enter(event):
            self.advance_requested.emit()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setCurrentIndex(-1)
        else:
            super().keyPressEvent(event)


class NumberAnswer(PointsAnswer):
    """A plain number (no points), between the item's min_value and max_value."""

    def __init__(self, item: Item, parent: QWidget | None = None):
        QDoubleSpinBox.__init__(self, parent)
        self.item = item
        self.setObjectName("answer")
        self._step = 1.0
        lo = item.min_value if item.min_value is not None else 0.0
        hi = item.max_value if item.max_value is not None else 1e9
        self._lo = lo
        self.setDecimals(0 if float(lo).is_integer() and float(hi).is_integer() else 2)
        self.setRange(lo - 1, hi)
        self.setSpecialValueText("—")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(96)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._quiet = False
        self.setValue(lo - 1)
        self.valueChanged.connect(self._on_changed)

    def value_or_none(self) -> float | None:
        v = QDoubleSpinBox.value(self)
        if v < self._lo:
            return None
        return int(v) if float(v).is_integer() else v

    def set_value(self, value) -> None:
        self._quiet = True
        try:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            self.setValue(float(value) if ok else self._lo - 1)
        finally:
            self._quiet = False

    def validate(self, text: str, pos: int):  # noqa: D102 - no step rule for numbers
        return QDoubleSpinBox.validate(self, text, pos)

    def fixup(self, text: str) -> str:  # noqa: D102
        return QDoubleSpinBox.fixup(self, text)

    def _snap_typed(self) -> None:
        """Numbers have no step: what was typed stands."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if _is_plain_enter(event):
            self.interpretText()
            self.advance_requested.emit()
            return
        QDoubleSpinBox.keyPressEvent(self, event)


class TextAnswer(QLineEdit):
    """Free text; saved as it is typed, Enter moves on."""

    edited = Signal(object)
    advance_requested = Signal()

    def __init__(self, item: Item, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.setObjectName("answer")
        self.setMinimumWidth(200)
        self.textEdited.connect(lambda t: self.edited.emit(t or None))

    def value(self) -> str | None:
        return self.text() or None

    def set_value(self, value) -> None:
        self.setText(value if isinstance(value, str) else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if _is_plain_enter(event):
            self.advance_requested.emit()
            return
        super().keyPressEvent(event)


def make_answer_widget(item: Item, lang: str = "zh", parent: QWidget | None = None) -> QWidget:
    """The answer widget for an item's type."""
    t = item.type
    if t is ItemType.YES_NO:
        return YesNoAnswer(item, parent)
    if t in (ItemType.GRADED, ItemType.DEDUCTION):
        return PointsAnswer(item, parent)
    if t is ItemType.CHOICE:
        return ChoiceAnswer(item, lang, parent)
    if t is ItemType.NUMBER:
        return NumberAnswer(item, parent)
    return TextAnswer(item, parent)
