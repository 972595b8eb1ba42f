"""Badges: where a station stands, in one word and one colour.

The stations service decides the badge (from the latest inspections); the UI
only labels and colours it. Values are plain strings so rows stay plain data.
"""

from __future__ import annotations

from enum import Enum
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap


class Badge(str, Enum):
    NOT_INSPECTED = "not_inspected"
    DRAFT = "draft"
    FIVE_HAVES_PASS = "five_haves_pass"
    DEMONSTRATION_PASS = "demonstration_pass"
    FAILED = "failed"

    @classmethod
    def parse(cls, value) -> Badge:
        """Accept a Badge, its value, or common spellings from the service; unknown -> not inspected."""
        if isinstance(value, Badge):
            return value
        text = str(getattr(value, "value", value) or "").strip().lower()
        aliases = {
            "": cls.NOT_INSPECTED,
            "none": cls.NOT_INSPECTED,
            "uninspected": cls.NOT_INSPECTED,
            "five_haves": cls.FIVE_HAVES_PASS,
            "gate_pass": cls.FIVE_HAVES_PASS,
            "demonstration": cls.DEMONSTRATION_PASS,
            "rubric_pass": cls.DEMONSTRATION_PASS,
            "fail": cls.FAILED,
            "veto": cls.FAILED,
        }
        if text in aliases:
            return aliases[text]
        try:
            return cls(text)
        except ValueError:
            return cls.NOT_INSPECTED

    def label(self) -> str:
        return QCoreApplication.translate("Badge", _LABELS[self])

    def color(self) -> QColor:
        return QColor(_COLORS[self])


# English source strings; the Chinese (未检查 / 草稿 / 五有达标 / 示范型达标 / 未达标) is in the .ts.
_LABELS = {
    Badge.NOT_INSPECTED: QT_TRANSLATE_NOOP("Badge", "Not inspected"),
    Badge.DRAFT: QT_TRANSLATE_NOOP("Badge", "Draft"),
    Badge.FIVE_HAVES_PASS: QT_TRANSLATE_NOOP("Badge", "Five-haves met"),
    Badge.DEMONSTRATION_PASS: QT_TRANSLATE_NOOP("Badge", "Demonstration grade met"),
    Badge.FAILED: QT_TRANSLATE_NOOP("Badge", "Failed"),
}

_COLORS = {
    Badge.NOT_INSPECTED: "#9e9e9e",
    Badge.DRAFT: "#f9a825",
    Badge.FIVE_HAVES_PASS: "#1e88e5",
    Badge.DEMONSTRATION_PASS: "#2e7d32",
    Badge.FAILED: "#c62828",
}


@cache
def badge_icon(badge: Badge) -> QIcon:
    """A small filled circle in the badge's colour (one pixmap per badge, shared by all rows)."""
    pix = QPixmap(12, 12)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(badge.color())
    p.drawEllipse(1, 1, 10, 10)
    p.end()
    return QIcon(pix)
