"""How the editor runs background work (photo ingest, PDF): one small interface.

The app's task helper (``fengqiao_desktop.ui.tasks``) is used when it is there;
otherwise a plain thread-pool runner. Tests pass ``SyncRunner`` so results
arrive before the call returns. Work functions take plain arguments and
return plain data; callbacks always run on the GUI thread.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskRunner(Protocol):
    def submit(self, title: str, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None]) -> None: ...


class SyncRunner:
    """Runs the work at once, on the calling thread (tests, scripts)."""

    def submit(self, title, fn, on_done, on_error) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - handed to the caller's error path
            on_error(exc)
            return
        on_done(result)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn, relay: _Relay):
        super().__init__()
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # noqa: BLE001 - reported on the GUI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.failed.emit(exc)
            return
        self.relay.done.emit(result)


class PoolRunner:
    """Background work on the global thread pool; results come back through queued signals."""

    def __init__(self):
        self._relays: set[_Relay] = set()

    def submit(self, title, fn, on_done, on_error) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def finish(cb, value):
            self._relays.discard(relay)
            relay.deleteLater()
            cb(value)

        relay.done.connect(lambda r: finish(on_done, r))
        relay.failed.connect(lambda e: finish(on_error, e))
        QThreadPool.globalInstance().start(_Job(fn, relay))


class _AppTasksRunner:
    """Adapter to the app's task helper, when it offers ``run(title, fn, on_done, on_error)``."""

    def __init__(self, helper):
        self.helper = helper

    def submit(self, title, fn, on_done, on_error) -> None:
        self.helper(title, fn, on_done, on_error)


def default_runner() -> TaskRunner:
    try:
        from fengqiao_desktop.ui import tasks  # the app's helper, when present
    except ImportError:
        return PoolRunner()
    for name in ("run_task", "submit"):
        fn = getattr(tasks, name, None)
        if callable(fn):
            return _AppTasksRunner(fn)
    return PoolRunner()
