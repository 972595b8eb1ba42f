"""A clear placeholder for the Bureau workspace until its pages are plugged in.

The bureau pages (bundle import, trust store, coverage, conflicts) are added
with ``MainWindow.add_bureau_page(widget, title)``; the first one replaces this.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class BureauPlaceholder(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("bureau_placeholder")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setStyleSheet("color: #555; font-size: 12pt;")
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(self.heading)
        lay.addWidget(self.body)
        lay.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(QCoreApplication.translate("BureauPlaceholder", "Bureau workspace"))
        self.body.setText(
            QCoreApplication.translate(
                "BureauPlaceholder",
                "Importing inspectors' bundles, the trust store of inspector keys, "
                "coverage against the year's targets and conflicts will appear here. "
                "Until then, use the command line: fengqiao bundle / merge / coverage.",
            )
        )
