"""What the Bureau pages share: the context, relabelling on a language switch, lazy reloads.

A page loads its data the first time it is shown and again whenever
``context.data_changed`` fires while it is visible (otherwise on its next show),
so building the window never opens the central database.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from fengqiao_desktop.ui.bureau.context import BureauContext


class BureauPage(QWidget):
    def __init__(self, context: BureauContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._stale = True
        context.data_changed.connect(self._on_data_changed)

    def title(self) -> str:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every label again in the current language."""

    def reload(self) -> None:
        """Load the page's data from the central database (off the UI thread)."""
        self._stale = False

    def _on_data_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the tab's title is its holder's (ui.bureau.LazyPage)
        super().changeEvent(event)
