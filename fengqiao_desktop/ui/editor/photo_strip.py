"""The photo strip under an item: thumbnails, the count against the item's minimum, an add button.

The strip holds plain rows (``PhotoRow``) handed to it by the editor; it never
reads the database. Dropping files or images on it is handled by the item row
that contains it (see ``drop.py``), so one path serves both.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from fengqiao_desktop.ui.editor.photo_pixmaps import PhotoPixmaps

THUMB = 56


@dataclass(frozen=True)
class PhotoRow:
    """One photo note as the UI sees it (plain data, safe to pass between threads)."""

    id: str
    item_id: str | None
    caption: str
    stored_sha256: str  # the stored JPEG (read through the photo store)
    thumb_sha256: str  # its thumbnail (may equal stored_sha256)
    sha256: str = ""  # the original file's, shown as its fingerprint
    taken_at: str = ""
    latitude: float | None = None  # EXIF GPS position, WGS 84 degrees
    longitude: float | None = None


class PhotoStrip(QWidget):
    """Thumbnails of one item's photos; ``add_requested`` / ``photo_clicked`` for the editor."""

    add_requested = Signal()
    photo_clicked = Signal(str)  # photo id

    def __init__(self, min_photos: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.min_photos = min_photos
        self._lay = QHBoxLayout(self)
        self._lay.setContentsMargins(0, 0, 0, 0)
        self._lay.setSpacing(4)
        self.count_label = QLabel()
        self.count_label.setObjectName("photoCount")
        self.add_button = QToolButton()
        self.add_button.setText(QCoreApplication.translate("Editor", "+ Photo"))
        self.add_button.setToolTip(
            QCoreApplication.translate("Editor", "Add photos (or drop files here, or paste with Ctrl+V)")
        )
        self.add_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.add_button.clicked.connect(self.add_requested)
        self._thumbs: list[QToolButton] = []
        self._lay.addWidget(self.count_label)
        self._lay.addStretch(1)
        self._lay.addWidget(self.add_button)
        self._show_count(0)

    def set_photos(self, photos: list[PhotoRow], pixmaps: PhotoPixmaps) -> None:
        for b in self._thumbs:
            self._lay.removeWidget(b)
            b.deleteLater()
        self._thumbs = []
        for i, p in enumerate(photos):
            b = QToolButton()
            b.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            b.setIconSize(QSize(THUMB, THUMB))
            pm = pixmaps.thumbnail(p.thumb_sha256 or p.stored_sha256, THUMB)
            if not pm.isNull():
                b.setIcon(QIcon(pm))
            b.setToolTip(p.caption or QCoreApplication.translate("Editor", "(no caption)"))
            b.setAutoRaise(True)
            b.clicked.connect(lambda _=False, pid=p.id: self.photo_clicked.emit(pid))
            self._lay.insertWidget(1 + i, b)
            self._thumbs.append(b)
        self._show_count(len(photos))

    def thumbnail_count(self) -> int:
        return len(self._thumbs)

    def _show_count(self, n: int) -> None:
        if self.min_photos:
            text = QCoreApplication.translate("Editor", "Photos {n}/{min}").format(n=n, min=self.min_photos)
            short = n < self.min_photos
        else:
            text = QCoreApplication.translate("Editor", "Photos {n}").format(n=n)
            short = False
        self.count_label.setText(text)
        self.count_label.setProperty("short", short)
        self.count_label.setStyleSheet("color: #c62828; font-weight: bold;" if short else "color: #555;")
