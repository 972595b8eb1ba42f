"""The background-task helper: results, progress and errors on the GUI thread; cancel; the sync runner."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from fengqiao_desktop.errors import RosterError
from fengqiao_desktop.ui import tasks


def test_pool_runner_delivers_the_result_and_progress_on_the_gui_thread(qtbot):
    runner = tasks.PoolRunner()
    seen = {}
    progress = []
    gui = QThread.currentThread()

    def work(report, cancelled):
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        for i in range(1, 4):
            report(i, 3, f"step {i}")
            time.sleep(0.06)
        return 42

    def done(value):
        seen["value"] = value
        seen["on_gui"] = QThread.currentThread() is gui

    handle = runner.start("work", work, on_done=done, on_progress=lambda d, t, text: progress.append((d, t, text)))
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert seen == {"worker": True, "value": 42, "on_gui": True}
    assert progress and progress[-1] == (3, 3, "step 3")


def test_cancel_stops_a_task_that_checks(qtbot):
    runner = tasks.PoolRunner()
    started = threading.Event()
    outcome = []

    def work(report, cancelled):
        started.set()
        while not cancelled():
            time.sleep(0.01)
        raise tasks.TaskCancelled()

    handle = runner.start(
        "long", work, on_done=lambda v: outcome.append("done"), on_cancelled=lambda: outcome.append("cancelled")
    )
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert outcome == ["cancelled"]


def test_errors_reach_the_error_callback(qtbot):
    runner = tasks.PoolRunner()
    errors = []

    def work(report, cancelled):
        raise RosterError("第 3 行代码不是 12 位数字")

    handle = runner.start("bad", work, on_error=errors.append)
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert isinstance(errors[0], RosterError)


def test_sync_runner_finishes_before_start_returns(sync_tasks):
    values = []
    handle = tasks.start("now", lambda p, c: "ok", on_done=values.append)
    assert handle.done and values == ["ok"]
    assert isinstance(tasks.runner(), tasks.SyncRunner)


def test_run_task_short_form(sync_tasks):
    got = []
    tasks.run_task("short", lambda: 7, got.append, got.append)
    assert got == [7]


def test_unhandled_bug_in_a_task_becomes_a_crash_dialog(sync_tasks, dialogs):
    def work(report, cancelled):
        raise ZeroDivisionError("boom")

    tasks.start("buggy", work)
    assert len(dialogs) == 1
    assert "boom" in dialogs[0].detailedText()


def test_progress_dialog_task_with_sync_runner(qtbot, sync_tasks):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    got = []
    handle = tasks.start_with_dialog(parent, "import", lambda p, c: (p(1, 2, "half"), "x")[1], on_done=got.append)
    assert handle.done and got == ["x"]


@pytest.fixture(autouse=True)
def _drain_pool():
    yield
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(5000)


def test_progress_dialog_is_gone_before_the_error_box_and_stays_gone(qtbot, dialogs):
    """A roster with a bad row: the finished progress dialog must not sit over the error box."""
    from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

    from fengqiao_desktop.ui import errors
    from fengqiao_desktop.ui.errors import show_error

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen = []

    def visible_progress() -> int:
        return sum(1 for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())

    def present(box):
        seen.append(("at error box", visible_progress()))
        qtbot.wait(600)  # the user reads the box: a nested event loop, as exec() runs one
        seen.append(("after reading", visible_progress()))
        dialogs.append(box)

    errors.presenter = present

    def work(report, cancelled):
        report(1, 3, "row 1")
        time.sleep(0.5)  # long enough for the progress dialog to appear
        raise RosterError("第 3 行：站点编码不是 12 位数字。", message_en="Row 3: the code is not 12 digits.")

    handle = tasks.start_with_dialog(parent, "import", work, on_error=lambda exc: show_error(parent, exc))
    qtbot.waitUntil(lambda: handle.done and len(dialogs) == 1, timeout=5000)
    assert seen == [("at error box", 0), ("after reading", 0)]
