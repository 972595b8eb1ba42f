"""A note at the top of the editor: findings still open from earlier visits of the same station.

The inspector checks these on site (回头看), so they are shown before the first
item; the list comes from the backend's ``EditorContent.extra["earlier_findings"]``.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

MAX_SHOWN = 8


def earlier_findings_label(findings) -> QLabel | None:
    """A label listing the open findings (``FindingView``-like rows), or None when there are none."""
    findings = list(findings or [])
    if not findings:
        return None
    head = QCoreApplication.translate("Editor", "Open findings from earlier visits ({n}) — check them on site:").format(
        n=len(findings)
    )
    lines = []
    for f in findings[:MAX_SHOWN]:
        when = f.visit_date.isoformat() if getattr(f, "visit_date", None) else ""
        what = getattr(f, "item_title", "") or ""
        deadline = (
            QCoreApplication.translate("Editor", "deadline {date}").format(date=f.deadline.isoformat())
            if getattr(f, "deadline", None)
            else ""
        )
        parts = [p for p in (when, what, f.description, deadline) if p]
        lines.append("• " + escape(" · ".join(parts)))
    if len(findings) > MAX_SHOWN:
        lines.append(
            escape(
                QCoreApplication.translate("Editor", "… and {n} more (see the station page)").format(
                    n=len(findings) - MAX_SHOWN
                )
            )
        )
    label = QLabel(f"<b>{escape(head)}</b><br>" + "<br>".join(lines))
    label.setObjectName("earlier_findings")
    label.setWordWrap(True)
    label.setStyleSheet("background: #fff3e0; color: #5d4037; border: 1px solid #ffb74d; padding: 6px 10px;")
    return label
