"""What every Bureau page shares: the central database URL and a "data changed" signal.

Pages open the central database through ``fengqiao_desktop.services.central``
with ``url=context.url`` (always off the UI thread, via ``ui.tasks``) and
reload themselves when ``data_changed`` fires — after an import, a trust
change or a conflict resolution made on any page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from fengqiao_desktop import config


class BureauContext(QObject):
    data_changed = Signal()

    def __init__(self, url: str | None = None, parent: QObject | None = None, *,
                 user_name: Callable[[], str] | None = None):
        super().__init__(parent)
        self.url = config.central_url(url)
        # who is at this computer (the profile's name), offered as the reviewer
        self.user_name: Callable[[], str] = user_name or (lambda: "")
        # the bureau's age identities once unlocked with its passphrase: asked once per session
        self.age_identities: list | None = None

    def notify_changed(self) -> None:
        self.data_changed.emit()
