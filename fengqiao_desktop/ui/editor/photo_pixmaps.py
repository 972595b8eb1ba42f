"""Pixmaps of stored photos, read through the photo store as bytes (a sealed store has no
usable files), with the small thumbnails kept in memory so the strip and gallery redraw at once.

A photo that cannot be read (missing, damaged, sealed under another key) gives a null
pixmap for a thumbnail; ``photo`` raises its PhotoError so the gallery can say why.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from fengqiao_desktop.errors import KnownError, PhotoError

THUMB_CACHE = 512  # scaled thumbnails of a few kilobytes each


def pixmap_from(data: bytes) -> QPixmap:
    pm = QPixmap()
    pm.loadFromData(data)
    return pm


class PhotoPixmaps:
    """``read(sha256) -> bytes`` turned into pixmaps; scaled thumbnails cached (least recently used)."""

    def __init__(self, read: Callable[[str], bytes], cache_size: int = THUMB_CACHE):
        self._read = read
        self._cache: OrderedDict[tuple[str, int], QPixmap] = OrderedDict()
        self._cache_size = cache_size

    def photo(self, sha256: str) -> QPixmap:
        """The full stored photo; PhotoError when it cannot be read or decoded."""
        pm = pixmap_from(self._read(sha256))
        if pm.isNull():
            raise PhotoError(
                f"照片文件已损坏，无法显示（{sha256[:12]}…）",
                message_en=f"The photo file is damaged and cannot be shown ({sha256[:12]}…)",
            )
        return pm

    def thumbnail(self, sha256: str, edge: int) -> QPixmap:
        """The photo scaled to fit ``edge`` pixels; a null pixmap when it cannot be read."""
        key = (sha256, edge)
        pm = self._cache.get(key)
        if pm is not None:
            self._cache.move_to_end(key)
            return pm
        try:
            pm = self.photo(sha256)
        except KnownError:
            return QPixmap()  # not cached: a photo restored or unlocked later shows up
        pm = pm.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self._cache[key] = pm
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return pm
