"""The main window remembers its geometry per screen, and never comes back larger than the screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from fengqiao_desktop.config import Settings
from fengqiao_desktop.ui import screen_fit
from fengqiao_desktop.ui.main_window import MainWindow


def test_fitted_rect_clips_to_the_available_area():
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 less a task bar
    frame = QSize(8, 36)  # borders and title bar
    r = screen_fit.fitted_rect(laptop, QSize(1280, 820), frame)
    assert laptop.contains(QRect(r.topLeft(), r.size() + frame))
    assert r.width() == 1280 and r.height() < 728
    scaled = QRect(0, 0, 1280, 680)  # 1920×1080 at 150 %, less a task bar
    r = screen_fit.fitted_rect(scaled, QSize(1280, 820), frame)
    assert scaled.contains(QRect(r.topLeft(), r.size() + frame))


def test_geometry_is_remembered_for_the_screen(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    available = w.screen().availableGeometry()
    w.resize(available.width() // 2, available.height() // 2)
    w.move(available.left() + 20, available.top() + 30)
    size = w.size()
    w.close()  # closeEvent saves
    saved = Settings.load().extra["window_geometry"]
    assert screen_fit.screen_key(w.screen()) in saved

    again = MainWindow()
    qtbot.addWidget(again)
    again.show()  # as the app does: the layout's minimum applies to a shown window
    assert again.size() == size
    again.close()

    # a geometry saved when the screen was bigger comes back clipped to it
    too_big = MainWindow()
    qtbot.addWidget(too_big)
    too_big.resize(available.width() * 2, available.height() * 2)
    screen_fit.save_window(too_big)
    clipped = MainWindow()
    qtbot.addWidget(clipped)
    assert clipped.width() <= available.width() and clipped.height() <= available.height()
