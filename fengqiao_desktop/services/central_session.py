"""The bureau's central database as one session for as long as its pages live.

Kept apart from ``services.central`` so that making one (when the window is
built) loads none of the merge code: that loads on the session's first use.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from fengqiao_desktop import config
from fengqiao_desktop.events import EventHub

if TYPE_CHECKING:
    from fengqiao_desktop.merge.db import Central


class CentralSession:
    """The bureau's central database for as long as its pages live: opened (and migrated) once,
    on first use — on whatever thread uses it first, so never on the GUI thread by itself —
    then shared by every call given it as ``url=``. ``close()`` releases it."""

    def __init__(self, url: str | None = None):
        self.url = config.central_url(url)
        self._central: Central | None = None
        self._lock = threading.Lock()
        self.opened = 0  # how many times the database was opened (once, unless closed and used again)
        self.events = EventHub()  # BUNDLE_IMPORTED after an import through this session

    def central(self) -> Central:
        with self._lock:
            if self._central is None:
                from fengqiao_desktop.merge.db import open_central

                self._central = open_central(self.url)
                self.opened += 1
            return self._central

    def close(self) -> None:
        with self._lock:
            if self._central is not None:
                self._central.dispose()
                self._central = None
