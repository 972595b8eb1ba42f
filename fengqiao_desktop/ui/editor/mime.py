"""Turn dropped or pasted data into plain file paths for the photo service.

The photo service takes paths only, so an image pasted from the clipboard is
first written to a temporary PNG (lossless: the service makes the JPEG).
"""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage


def has_photo_data(mime: QMimeData | None) -> bool:
    if mime is None:
        return False
    if mime.hasImage():
        return True
    return mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())


def paths_from_mime(mime: QMimeData | None) -> list[str]:
    """Local file paths named by the data, or a temporary PNG of an image in it."""
    if mime is None:
        return []
    if mime.hasUrls():
        paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if paths:
            return paths
    if mime.hasImage():
        img = mime.imageData()
        if isinstance(img, QImage) and not img.isNull():
            folder = Path(tempfile.gettempdir()) / "fengqiao-paste"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"pasted-{uuid.uuid4().hex[:12]}.png"
            if img.save(str(target), "PNG"):
                return [str(target)]
    return []
