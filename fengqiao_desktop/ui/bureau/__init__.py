"""The Bureau workspace: bundle import, trust store, coverage, conflicts.

``install(window, context)`` adds the pages to the main window's Bureau
workspace; each page is constructed with the shared ``BureauContext``.
"""

from __future__ import annotations


def install(window, context) -> list:
    """Add every Bureau page to ``window``; returns the pages in tab order."""
    from fengqiao_desktop.ui.bureau.conflicts.page import ConflictsPage
    from fengqiao_desktop.ui.bureau.imports.page import ImportPage
    from fengqiao_desktop.ui.bureau.trust.page import TrustPage

    pages: list = [ImportPage(context), TrustPage(context), ConflictsPage(context)]
    pages.insert(2, __import__("fengqiao_desktop.ui.bureau.coverage", fromlist=["CoveragePage"]).CoveragePage(context))
    for page in pages:
        window.add_bureau_page(page, page.title())
    return pages
