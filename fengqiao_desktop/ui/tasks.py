"""The one background-task helper of the app: work off the GUI thread, with progress and cancel.

Services know nothing of Qt: a task function receives two plain callables,
``progress(done, total, text)`` and ``cancelled() -> bool``, and returns plain
data. The helper runs it on a ``QThreadPool`` and delivers progress, the
result or the exception back on the GUI thread through queued signals.

Tests (and scripts) swap the runner for :class:`SyncRunner`, which runs the
task at once on the calling thread, so GUI tests are deterministic::

    with use_runner(SyncRunner()):
        window.import_roster(path)

``run_task(title, fn, on_done, on_error)`` is the short form for work that
needs neither progress nor cancel (``fn`` takes no arguments).
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
TaskFn = Callable[[ProgressFn, CancelledFn], Any]

# Progress is forwarded at most this often: a 50,000-row import calling
# progress() per row must not flood the GUI thread's event queue.
_PROGRESS_INTERVAL_S = 0.05


class TaskCancelled(Exception):
    """Raised by a task function that stopped because ``cancelled()`` became true."""


class TaskHandle(QObject):
    """One running task: its signals arrive on the GUI thread; ``cancel()`` asks it to stop."""

    progressed = Signal(int, int, str)  # done, total, text
    succeeded = Signal(object)  # the task function's return value
    failed = Signal(object)  # the exception
    was_cancelled = Signal()
    finished = Signal()  # after any of the three outcomes

    # Emitted from the worker thread; connected to slots of this object (which
    # lives on the GUI thread), so Qt queues them across threads.
    _w_progress = Signal(int, int, str)
    _w_done = Signal(object)
    _w_failed = Signal(object)

    def __init__(self, title: str, parent: QObject | None = None):
        super().__init__(parent)
        self.title = title
        self._cancel = threading.Event()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._w_progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._w_done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._w_failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    # -- the worker side (any thread) ---------------------------------------
    def _execute(self, fn: TaskFn, *, direct: bool) -> None:
        last = [0.0]

        def progress(done: int, total: int, text: str = "") -> None:
            now = time.monotonic()
            if done < total and now - last[0] < _PROGRESS_INTERVAL_S:
                return
            last[0] = now
            if direct:
                self._on_progress(int(done), int(total), str(text))
            else:
                _deliver(self._w_progress.emit, int(done), int(total), str(text))

        try:
            result = fn(progress, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - every outcome goes to the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            if direct:
                self._on_failed(exc)
            else:
                _deliver(self._w_failed.emit, exc)
            return
        if direct:
            self._on_done(result)
        else:
            _deliver(self._w_done.emit, result)

    # -- the GUI side --------------------------------------------------------
    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self.done:
            self.progressed.emit(done, total, text)

    @Slot(object)
    def _on_done(self, result: Any) -> None:
        self.done = True
        self.result = result
        if self._cancel.is_set():
            self.was_cancelled.emit()
        else:
            self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.done = True
        if isinstance(exc, TaskCancelled) or (self._cancel.is_set() and not _is_bug(exc)):
            self.was_cancelled.emit()
        else:
            self.error = exc
            self.failed.emit(exc)
        self.finished.emit()


def _deliver(emit, *args) -> None:
    """Send a worker's outcome to the GUI thread -- unless the app has quit meanwhile.

    A task still running when the app quits (the store opening while the window is
    closed at once) may outlive the wait at shutdown; its handle is gone then, and
    there is nobody left to tell: the outcome is logged, not turned into a crash.
    """
    try:
        emit(*args)
    except RuntimeError:
        log.info("a background task finished after the app quit; its outcome is dropped")


def _is_bug(exc: BaseException) -> bool:
    from fengqiao_desktop.errors import KnownError

    return not isinstance(exc, KnownError)


class Runner(Protocol):
    def start(
        self,
        title: str,
        fn: TaskFn,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: ProgressFn | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> TaskHandle: ...


def _wire(handle: TaskHandle, on_done, on_error, on_progress, on_cancelled) -> None:
    if on_done is not None:
        handle.succeeded.connect(on_done)
    if on_error is not None:
        handle.failed.connect(on_error)
    else:
        handle.failed.connect(_report_unhandled)
    if on_progress is not None:
        handle.progressed.connect(on_progress)
    if on_cancelled is not None:
        handle.was_cancelled.connect(on_cancelled)


def _report_unhandled(exc: BaseException) -> None:
    from fengqiao_desktop.ui.errors import show_error

    show_error(None, exc)


class _Job(QRunnable):
    def __init__(self, handle: TaskHandle, fn: TaskFn):
        super().__init__()
        self.handle = handle
        self.fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        self.handle._execute(self.fn, direct=False)


class PoolRunner:
    """Runs tasks on a thread pool; the app's default."""

    def __init__(self, pool: QThreadPool | None = None):
        self.pool = pool or QThreadPool.globalInstance()
        self._live: set[TaskHandle] = set()  # keeps handles alive until they finish

    def start(self, title, fn, *, on_done=None, on_error=None, on_progress=None, on_cancelled=None) -> TaskHandle:
        handle = TaskHandle(title)
        _wire(handle, on_done, on_error, on_progress, on_cancelled)
        self._live.add(handle)
        handle.finished.connect(lambda: self._live.discard(handle))
        log.debug("task started: %s", title)
        self.pool.start(_Job(handle, fn))
        return handle

    def running(self) -> list[TaskHandle]:
        return [h for h in self._live if not h.done]

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Ask every task to stop and wait for the pool (used when the app quits)."""
        for h in list(self._live):
            h.cancel()
        return self.pool.waitForDone(timeout_ms)


class SyncRunner:
    """Runs each task at once on the calling thread: results are there when ``start`` returns."""

    def start(self, title, fn, *, on_done=None, on_error=None, on_progress=None, on_cancelled=None) -> TaskHandle:
        handle = TaskHandle(title)
        _wire(handle, on_done, on_error, on_progress, on_cancelled)
        handle._execute(fn, direct=True)
        return handle

    def running(self) -> list[TaskHandle]:
        return []

    def shutdown(self, timeout_ms: int = 0) -> bool:
        return True


_runner: Runner | None = None


def runner() -> Runner:
    """The runner in use (a thread-pool runner unless a test swapped it)."""
    global _runner
    if _runner is None:
        _runner = PoolRunner()
    return _runner


def set_runner(new: Runner | None) -> None:
    global _runner
    _runner = new


@contextmanager
def use_runner(new: Runner) -> Iterator[Runner]:
    global _runner
    old = _runner
    _runner = new
    try:
        yield new
    finally:
        _runner = old


def start(title: str, fn: TaskFn, **callbacks) -> TaskHandle:
    """Run ``fn(progress, cancelled)`` in the background with the current runner."""
    return runner().start(title, fn, **callbacks)


def run_task(
    title: str, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
) -> TaskHandle:
    """Short form: ``fn()`` takes no arguments (no progress, no cancel)."""
    return runner().start(title, lambda _p, _c: fn(), on_done=on_done, on_error=on_error)


def start_with_dialog(parent: QWidget | None, title: str, fn: TaskFn, **callbacks) -> TaskHandle:
    """Run a task with a progress dialog that has a Cancel button.

    The dialog is window-modal so the user cannot start the same job twice,
    but the event loop keeps running: the window repaints and stays responsive.
    The dialog is closed *before* the result, error or cancel callback runs, so
    a message box shown by that callback is never covered by (or blocked
    behind) a finished progress dialog.
    """
    dialog = QProgressDialog(title, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick jobs never flash a dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)

    def on_progress(done: int, total: int, text: str) -> None:
        if total > 0:
            # QProgressDialog takes int ranges; scale so huge totals still fit.
            dialog.setMaximum(1000)
            dialog.setValue(min(1000, int(done * 1000 / total)))
        if text:
            dialog.setLabelText(text)

    user_progress = callbacks.pop("on_progress", None)

    def both(done: int, total: int, text: str) -> None:
        on_progress(done, total, text)
        if user_progress is not None:
            user_progress(done, total, text)

    closed = [False]

    def close_dialog() -> None:
        if closed[0]:
            return
        closed[0] = True
        # reset() also stops the timer that would show the dialog after its minimum
        # duration -- otherwise it pops up over an error box opened in the meantime.
        dialog.blockSignals(True)
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    def closing_first(callback):
        def run(*args) -> None:
            close_dialog()
            if callback is not None:
                callback(*args)

        return run

    callbacks["on_done"] = closing_first(callbacks.get("on_done"))
    callbacks["on_error"] = closing_first(callbacks.get("on_error") or _report_unhandled)
    callbacks["on_cancelled"] = closing_first(callbacks.get("on_cancelled"))
    handle = runner().start(title, fn, on_progress=both, **callbacks)
    if handle.done:  # the synchronous runner already finished
        close_dialog()
        return handle
    dialog.canceled.connect(handle.cancel)
    dialog.canceled.connect(lambda: dialog.setLabelText(QCoreApplication.translate("Tasks", "Stopping…")))
    handle.finished.connect(close_dialog)
    handle.dialog = dialog  # type: ignore[attr-defined]
    return handle
