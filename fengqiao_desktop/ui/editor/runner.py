"""How the editor runs background work (photo ingest, PDF): one small interface.

The work goes through the app's task helper (``fengqiao_desktop.ui.tasks``),
so it shows up in its running list and is stopped on quit. Tests may pass
``SyncRunner`` (the app's synchronous runner) so results arrive before the call returns. Work functions take
plain arguments and return plain data; callbacks always run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from fengqiao_desktop.ui import tasks


class TaskRunner(Protocol):
    def submit(
        self,
        title: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None: ...


class _AppTasksRunner:
    """Hands the work to ``ui.tasks`` (whichever runner the app or a test installed)."""

    def submit(self, title, fn, on_done, on_error) -> None:
        tasks.run_task(title, fn, on_done, on_error)


def default_runner() -> TaskRunner:
    return _AppTasksRunner()


class SyncRunner(_AppTasksRunner):
    """The work at once, on the calling thread (tests, scripts): the app's own synchronous
    runner (``ui.tasks.SyncRunner``) behind the editor's interface — one synchronous runner."""

    def __init__(self) -> None:
        self._tasks = tasks.SyncRunner()

    def submit(self, title, fn, on_done, on_error) -> None:
        self._tasks.start(title, lambda _progress, _cancelled: fn(), on_done=on_done, on_error=on_error)
