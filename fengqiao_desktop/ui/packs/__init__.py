"""Task packs in the window: File → Import task pack… and 我的任务 on the laptop; the bureau's pack page.

``install(window)`` adds the laptop side to the main window (called by
``ui.app.wire``); the bureau page is one of the Bureau workspace's pages.
"""

from __future__ import annotations

from fengqiao_desktop.ui.packs.import_pack import install_import_action
from fengqiao_desktop.ui.packs.my_tasks import install_my_tasks


def install(window) -> None:
    install_my_tasks(window)
    install_import_action(window)
