"""What every Bureau page shares: the central database session and a "data changed" signal.

Pages call ``fengqiao_desktop.services.central`` (and the coverage and pack
services) with ``url=context.central`` — always off the UI thread, via
``ui.tasks`` — so the database is opened and migrated once, by the first call,
and stays open while the pages live. They reload themselves when
``data_changed`` fires — after an import, a trust change or a conflict
resolution made on any page. ``context.url`` is the database's address.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from fengqiao_desktop import config
from fengqiao_desktop.services.central_session import CentralSession
from fengqiao_desktop.ui.events import QtEvents


class BureauContext(QObject):
    data_changed = Signal()

    def __init__(
        self, url: str | None = None, parent: QObject | None = None, *, user_name: Callable[[], str] | None = None
    ):
        super().__init__(parent)
        self.url = config.central_url(url)
        self.central = CentralSession(self.url)
        self.destroyed.connect(self.central.close)
        # an import through the session (any page) makes every page reload
        self.events = QtEvents(self)
        self.events.attach(self.central.events)
        self.events.bundle_imported.connect(lambda imported, _refused: imported and self.notify_changed())
        # who is at this computer (the profile's name), offered as the reviewer
        self.user_name: Callable[[], str] = user_name or (lambda: "")
        # the bureau's age identities once unlocked with its passphrase: asked once per session
        self.age_identities: list | None = None

    def notify_changed(self) -> None:
        self.data_changed.emit()
