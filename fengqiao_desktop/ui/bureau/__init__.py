"""The Bureau workspace: central roster, trust store, bundle import, review, coverage, conflicts.

``install(window, context)`` adds the pages to the main window's Bureau
workspace; each page is constructed with the shared ``BureauContext``. A page is
built (and the merge and report code it needs is imported) the first time its
tab is shown, so an inspector's laptop starts without loading the bureau's code.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

# (module, class, translation context, title) in tab order; the titles are the pages' own.
PAGES = (
    ("fengqiao_desktop.ui.bureau.roster.page", "RosterPage", "BureauRoster", "Central roster"),
    ("fengqiao_desktop.ui.bureau.trust.page", "TrustPage", "BureauTrust", "Trusted inspector keys"),
    ("fengqiao_desktop.ui.bureau.imports.page", "ImportPage", "BureauImport", "Import bundles"),
    ("fengqiao_desktop.ui.bureau.review.page", "ReviewPage", "BureauReview", "Review"),
    ("fengqiao_desktop.ui.bureau.coverage", "CoveragePage", "Coverage", "Coverage"),
    ("fengqiao_desktop.ui.bureau.conflicts.page", "ConflictsPage", "BureauConflicts", "Conflicts"),
    ("fengqiao_desktop.ui.bureau.forms.page", "FormsPage", "FormImport", "Forms"),
    ("fengqiao_desktop.ui.packs.bureau_page", "PackPage", "BureauPacks", "Task packs"),
)


class LazyPage(QWidget):
    """Holds a Bureau tab's place and builds the real page when the tab is first shown."""

    def __init__(self, module: str, cls: str, tr_context: str, title: str, context, parent: QWidget | None = None):
        super().__init__(parent)
        self._spec = (module, cls)
        self._tr = (tr_context, title)
        self.context = context
        self._page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def title(self) -> str:
        return QCoreApplication.translate(*self._tr)

    def page(self) -> QWidget:
        """The real page, built now if it was not yet."""
        if self._page is None:
            module, cls = self._spec
            self._page = getattr(importlib.import_module(module), cls)(self.context)
            self.layout().addWidget(self._page)
            self._page.show()
        return self._page

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.page()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            tabs = self.parentWidget()
            while tabs is not None and not isinstance(tabs, QTabWidget):
                tabs = tabs.parentWidget()
            if tabs is not None and (i := tabs.indexOf(self)) >= 0:
                tabs.setTabText(i, self.title())
        super().changeEvent(event)


def install(window, context) -> list[LazyPage]:
    """Add every Bureau page to ``window``; returns their tab holders in tab order."""
    holders = [LazyPage(module, cls, tr, title, context) for module, cls, tr, title in PAGES]
    for holder in holders:
        window.add_bureau_page(holder, holder.title())
    return holders
