"""A signature pad: the station head and the inspector sign on the laptop's screen.

Strokes come from a mouse, a pen (tablet events) or a finger (touch events); each
press-move-release is one stroke. ``strokes()`` gives them as the record keeps them
(``domain.signatures.normalise``: integer points in a 0..1000 box, aspect kept).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.domain.signatures import MAX_POINTS, SignatureInput, Strokes, normalise

_INK = QColor("#0d2a6b")


class SignaturePad(QWidget):
    """A white box to sign in, with a baseline; ``changed`` after every stroke and ``clear()``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setMinimumSize(240, 96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(QCoreApplication.translate("Editor", "Signature pad"))
        self._strokes: list[list[QPointF]] = []
        self._points = 0
        self._drawing = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(320, 120)

    # -- strokes ----------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._strokes = []
        self._points = 0
        self._drawing = False
        self.update()
        self.changed.emit()

    def strokes(self) -> Strokes:
        """The strokes in the 0..1000 box of the record."""
        return normalise([[(p.x(), p.y()) for p in s] for s in self._strokes], self.width(), self.height())

    def _full(self) -> bool:
        return self._points >= MAX_POINTS  # the record's limit

    def _begin(self, pos: QPointF) -> None:
        if self._full():
            return
        self._strokes.append([pos])
        self._points += 1
        self._drawing = True
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._drawing and self._strokes and not self._full():
            self._strokes[-1].append(pos)
            self._points += 1
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    # -- input: mouse, pen, touch -----------------------------------------------------
    def mousePressEvent(self, e) -> None:  # noqa: N802 - Qt API
        if e.button() == Qt.MouseButton.LeftButton:
            self._begin(e.position())

    def mouseMoveEvent(self, e) -> None:  # noqa: N802 - Qt API
        if e.buttons() & Qt.MouseButton.LeftButton:
            self._extend(e.position())

    def mouseReleaseEvent(self, e) -> None:  # noqa: N802 - Qt API
        if e.button() == Qt.MouseButton.LeftButton:
            self._end()

    def tabletEvent(self, e) -> None:  # noqa: N802 - Qt API
        kind = e.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(e.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(e.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end()
        e.accept()  # no synthesized mouse events: the pen's stroke is drawn once

    def event(self, e) -> bool:
        kind = e.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            points = e.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._extend(pos)
                    self._end()
            e.accept()
            return True
        return super().event(e)

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, _e) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        p.setPen(QPen(QColor("#9e9e9e"), 1))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))
        base = int(self.height() * 0.78)
        p.setPen(QPen(QColor("#bdbdbd"), 1, Qt.PenStyle.DashLine))
        p.drawLine(12, base, self.width() - 12, base)
        pen = QPen(_INK, 2.2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                p.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for pt in stroke[1:]:
                path.lineTo(pt)
            p.drawPath(path)
        p.end()


class SignerBox(QGroupBox):
    """One signer: the role as title, the name (prefilled, editable), the pad and Clear."""

    def __init__(self, role: str, title: str, name: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.role = role
        self.setObjectName(f"signer_{role}")
        self.name = QLineEdit(name)
        self.name.setObjectName("signerName")
        self.name.setPlaceholderText(QCoreApplication.translate("Editor", "Name of the signer"))
        self.pad = SignaturePad()
        self.clear_btn = QPushButton(QCoreApplication.translate("Editor", "Clear"))
        self.clear_btn.setObjectName("clearSignature")
        self.clear_btn.clicked.connect(self.pad.clear)
        self.pad.changed.connect(self._update)
        row = QHBoxLayout()
        row.addWidget(QLabel(QCoreApplication.translate("Editor", "Name")))
        row.addWidget(self.name, 1)
        row.addWidget(self.clear_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.pad, 1)
        self._update()

    def _update(self) -> None:
        self.clear_btn.setEnabled(not self.pad.is_empty())

    def signature(self) -> SignatureInput | None:
        """What was signed, or None for an empty pad (signing is optional)."""
        if self.pad.is_empty():
            return None
        return SignatureInput(self.role, self.name.text().strip(), self.pad.strokes())
