"""The Bureau workspace: bundle import, trust store, coverage, conflicts.

``install(window, context)`` adds the pages to the main window's Bureau
workspace; each page is constructed with the shared ``BureauContext``.
"""

from __future__ import annotations


def install(window, context) -> list:
    """Add every Bureau page to ``window``; returns the pages in tab order."""
    pages: list = []
    for page in pages:
        window.add_bureau_page(page, page.title())
    return pages
