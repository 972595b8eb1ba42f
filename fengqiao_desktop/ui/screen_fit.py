"""Windows that fit the inspector's laptop: sized from the screen's available geometry.

Inspectors carry 1366×768 laptops and 1920×1080 ones scaled to 150 % (1280×720
logical pixels, less the task bar). The main window opens at a preferred size
clipped to the available area, remembers its geometry per screen (a window
moved to a projector does not come back off-screen on the laptop), and any
dialog can be clipped the same way. Tall, fixed content goes in a scroll area
(``scrollable``) so no page demands more height than a laptop has.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QScrollArea, QWidget

from fengqiao_desktop.config import Settings

log = logging.getLogger(__name__)

PREFERRED = QSize(1280, 820)
_SETTINGS_KEY = "window_geometry"


def screen_of(widget: QWidget) -> QScreen:
    return widget.screen() or QGuiApplication.primaryScreen()


def screen_key(screen: QScreen) -> str:
    """The screen as the user knows it: its name, logical size and scaling."""
    g = screen.geometry()
    return f"{screen.name()} {g.width()}x{g.height()}@{screen.devicePixelRatio():g}"


# Room for the window manager's title bar and borders before the window is shown
# (afterwards the real frame is measured).
_FRAME_ALLOWANCE = QSize(8, 36)


def fitted_rect(available: QRect, preferred: QSize = PREFERRED, frame: QSize = _FRAME_ALLOWANCE) -> QRect:
    """Where a window goes: its top-left is the *frame's* position (what ``move`` takes), its size
    the client size (what ``resize`` takes) -- ``preferred`` clipped so that the window with its
    frame fits ``available`` (less a small margin), centred in it."""
    margin = 0 if available.height() < 600 else 4
    w = min(preferred.width(), available.width() - 2 * margin - frame.width())
    h = min(preferred.height(), available.height() - 2 * margin - frame.height())
    w, h = max(w, 1), max(h, 1)
    outer = QRect(0, 0, w + frame.width(), h + frame.height())
    outer.moveCenter(available.center())
    return QRect(outer.topLeft(), QSize(w, h))


def fit_into(widget: QWidget, preferred: QSize | None = None) -> None:
    """Resize ``widget`` (a window or dialog) so that it fits its screen's available area."""
    available = screen_of(widget).availableGeometry()
    want = preferred or widget.size()
    frame = _FRAME_ALLOWANCE
    if widget.isVisible():
        fg, g = widget.frameGeometry(), widget.geometry()
        frame = QSize(fg.width() - g.width(), fg.height() - g.height())
    r = fitted_rect(available, want, frame)
    widget.resize(r.size())
    if widget.isWindow() and widget.parentWidget() is None:
        widget.move(r.topLeft())


def clip_minimum(widget: QWidget) -> None:
    """Never ask for more than the screen has: lower an explicit minimum size to the available area."""
    available = screen_of(widget).availableGeometry()
    m = widget.minimumSize()
    if m.width() > available.width() or m.height() > available.height():
        widget.setMinimumSize(min(m.width(), available.width()), min(m.height(), available.height()))


def restore_window(window: QWidget) -> None:
    """Place the main window: the geometry saved for this screen, else the preferred size fitted."""
    screen = screen_of(window)
    saved = Settings.load().extra.get(_SETTINGS_KEY, {}).get(screen_key(screen))
    if saved:
        try:
            if window.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
                available = screen.availableGeometry()
                if available.contains(window.frameGeometry().center()):
                    fit_into(window, window.size())  # the screen may have shrunk meanwhile
                    return
        except (ValueError, UnicodeError):
            log.info("saved window geometry ignored", exc_info=True)
    fit_into(window, PREFERRED)


def save_window(window: QWidget) -> None:
    """Remember the main window's geometry for the screen it is on."""
    settings = Settings.load()
    per_screen = dict(settings.extra.get(_SETTINGS_KEY, {}))
    per_screen[screen_key(screen_of(window))] = bytes(window.saveGeometry().toBase64()).decode("ascii")
    settings.extra[_SETTINGS_KEY] = per_screen
    try:
        settings.save()
    except OSError:
        log.warning("could not save the window geometry")


def scrollable(widget: QWidget) -> QScrollArea:
    """``widget`` inside a frameless vertical scroll area: its height no longer bounds the window's."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    need = max(widget.minimumWidth(), widget.minimumSizeHint().width())
    area.setMinimumWidth(need + area.verticalScrollBar().sizeHint().width() + 2 * area.frameWidth())
    return area


class _DialogGuard(QObject):
    """Every dialog, when shown, is clipped to its screen's available area (none opens off-screen)."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and isinstance(obj, QDialog) and obj.isWindow():
            clip_minimum(obj)
            available = screen_of(obj).availableGeometry()
            if obj.width() > available.width() or obj.height() > available.height():
                fit_into(obj)
            frame = obj.frameGeometry()
            if not available.contains(frame):
                frame.moveLeft(max(available.left(), min(frame.left(), available.right() - frame.width())))
                frame.moveTop(max(available.top(), min(frame.top(), available.bottom() - frame.height())))
                obj.move(frame.topLeft())
        return False


_guard: _DialogGuard | None = None


def guard_dialogs() -> None:
    """Install the dialog guard on the application (once)."""
    global _guard
    app = QApplication.instance()
    if _guard is None and app is not None:
        _guard = _DialogGuard(app)
        app.installEventFilter(_guard)
