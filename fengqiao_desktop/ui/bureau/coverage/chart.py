"""A bar chart of one level, painted with QPainter: rates per county against the target line.

QtCharts is not part of PySide6-Essentials, and a few bars and a line need no
more than QPainter.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

FIVE = QColor("#7FA7D6")
DEMO = QColor("#2E6B3A")
TARGET = QColor("#C0392B")


class LevelChart(QWidget):
    """Five-haves and demonstration-grade rates per county for one level; the target as a dashed line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = ""
        self.rows: list[tuple[str, float, float]] = []  # (county, five-haves %, demonstration %)
        self.target = 0.0
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(360, 220)

    def set_data(self, heading: str, rows: list[tuple[str, float, float]], target: float) -> None:
        self.heading, self.rows, self.target = heading, rows, target
        self.update()

    def _layout(self, fm: QFontMetrics) -> tuple[float, float, float, bool, float]:
        """(plot left, plot top, slot per county, labels slanted?, room under the plot for them)."""
        lh = fm.height()
        left, top = fm.horizontalAdvance("100%") + 10, lh + 10 + lh  # room for the legend line
        slot = (self.width() - 8 - left) / max(1, len(self.rows))
        widest = max((fm.horizontalAdvance(r[0]) for r in self.rows), default=0)
        # names that do not fit under their bars are written at 45°, in room taken from the plot
        slanted = widest > slot - 4
        room = lh if not slanted else min(widest * 0.72 + lh, (self.height() - top) * 0.5)
        if slanted and self.rows:
            # the first name runs down-left from its bar: move the plot right so it is not cut off
            first = min(fm.horizontalAdvance(self.rows[0][0]), (room - lh) / 0.71) * 0.71
            need = first + lh * 0.71 - lh / 3 - slot / 2 + 4  # text width plus its slanted height
            if need > left:
                left = need
                slot = (self.width() - 8 - left) / len(self.rows)
        return left, top, slot, slanted, room

    def labels(self) -> list[str]:
        """The county names as drawn under the bars (elided only when even a slant cannot fit them)."""
        fm = QFontMetrics(self.font())
        _l, _t, slot, slanted, room = self._layout(fm)
        most = (room - fm.height()) / 0.71 if slanted else slot
        return [fm.elidedText(r[0], Qt.TextElideMode.ElideRight, int(max(10.0, most))) for r in self.rows]

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = QFontMetrics(self.font())
        lh = fm.height()
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(6, 4, self.width() - 12, lh), Qt.AlignmentFlag.AlignLeft, self.heading)
        left, top, slot, slanted, room = self._layout(fm)
        right = self.width() - 8
        bottom = self.height() - room - 8
        plot = QRectF(left, top, max(10, right - left), max(10, bottom - top))
        self._legend(p, fm, 6, lh + 6)
        grid = QPen(QColor("#DDDDDD"))
        for v in (0, 20, 40, 60, 80, 100):
            y = plot.bottom() - plot.height() * v / 100
            p.setPen(grid)
            p.drawLine(plot.left(), y, plot.right(), y)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y - lh / 2, left - 4, lh), Qt.AlignmentFlag.AlignRight, f"{v}%")
        if not self.rows:
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, QCoreApplication.translate("Coverage", "No stations"))
        else:
            bar = min(28.0, slot * 0.35)
            labels = self.labels() if slanted else []  # once per paint, not once per bar
            for i, (name, five, demo) in enumerate(self.rows):
                cx = plot.left() + slot * (i + 0.5)
                for dx, v, color in ((-bar, five, FIVE), (0.0, demo, DEMO)):
                    h = plot.height() * max(0.0, min(100.0, v)) / 100
                    p.fillRect(QRectF(cx + dx, plot.bottom() - h, bar - 1, h), color)
                p.setPen(self.palette().text().color())
                if not slanted:
                    p.drawText(QRectF(cx - slot / 2, plot.bottom() + 2, slot, lh), Qt.AlignmentFlag.AlignHCenter, name)
                    continue
                length = max(10.0, (room - lh) / 0.71)
                label = labels[i]
                p.save()
                p.translate(cx + lh / 3, plot.bottom() + 4)
                p.rotate(-45)
                p.drawText(
                    QRectF(-length, -lh, length, lh), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
                )
                p.restore()
        y = plot.bottom() - plot.height() * self.target / 100
        pen = QPen(TARGET, 1.5, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(plot.left(), y, plot.right(), y)
        p.end()

    def _legend(self, p: QPainter, fm: QFontMetrics, x: float, y: float) -> None:
        items = [
            (FIVE, QCoreApplication.translate("Coverage", "Five-haves %")),
            (DEMO, QCoreApplication.translate("Coverage", "Demonstration %")),
            (TARGET, QCoreApplication.translate("Coverage", "Target %1%").replace("%1", f"{self.target:g}")),
        ]
        for i, (color, text) in enumerate(items):
            if i < 2:
                p.fillRect(QRectF(x, y + 3, 10, 10), color)
            else:
                p.setPen(QPen(color, 1.5, Qt.PenStyle.DashLine))
                p.drawLine(x, y + 8, x + 10, y + 8)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(x + 14, y, fm.horizontalAdvance(text) + 4, fm.height()), text)
            x += 14 + fm.horizontalAdvance(text) + 14
