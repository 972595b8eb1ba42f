"""Task-pack UI fixtures: a real central SQLite database with the demo roster, a real main window."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "merge"))

from merge_helpers import GATE, RUBRIC  # noqa: E402

from fengqiao_desktop import config  # noqa: E402
from fengqiao_desktop.merge import forms_registry  # noqa: E402
from fengqiao_desktop.services import central as svc  # noqa: E402


@pytest.fixture
def central_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'central' / 'central.sqlite3'}"
    c = svc.open_central(url)
    try:
        with c.write() as conn:
            forms_registry.register_forms(conn, [GATE, RUBRIC])
        svc.load_demo(url=c)
    finally:
        c.dispose()
    return url


@pytest.fixture
def window(qtbot, tmp_path, sync_tasks, dialogs, central_url):
    """The app's main window, wired as ``fengqiao-desktop`` wires it, on a fresh laptop with the demo roster."""
    from PySide6.QtWidgets import QApplication

    from fengqiao_desktop.ui.app import open_data, register_cjk_font, wire
    from fengqiao_desktop.ui.main_window import MainWindow

    register_cjk_font(QApplication.instance())  # as the app does, before the window is built
    config.set_data_dir(tmp_path / "data")
    w = MainWindow()
    qtbot.addWidget(w)
    wire(w, SimpleNamespace(central=central_url))
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    open_data(w, demo=True)
    qtbot.waitUntil(lambda: w.store is not None and w.browser.model.rowCount() > 0, timeout=10000)
    yield w
    for ed in list(getattr(w, "_editors", {}).values()):
        ed.close()
