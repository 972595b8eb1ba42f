"""Asked when photos are attached: a caption (prefilled with the item's title) and, for a photo
whose EXIF date is well before the visit, the question whether it really shows this visit.

The age rule is the core's (``domain.photos.is_older_than_visit``); this module only words it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from fengqiao_desktop.domain.photos import days_before_visit, is_older_than_visit, position_text
from fengqiao_desktop.ui import i18n
from fengqiao_desktop.ui.editor.photo_strip import PhotoRow


def taken_on(row: PhotoRow) -> dt.date | None:
    """The capture day of a photo row (``taken_at`` is "YYYY-MM-DD HH:MM", empty without EXIF)."""
    try:
        return dt.date.fromisoformat(row.taken_at[:10]) if row.taken_at else None
    except ValueError:
        return None


def age_note(row: PhotoRow, visit_date: dt.date | None, max_age_days: int) -> str:
    """ "Taken 62 days before the visit" for a photo the rule questions, else ""."""
    day = taken_on(row)
    if not is_older_than_visit(day, visit_date, max_age_days):
        return ""
    return QCoreApplication.translate("Photos", "Taken {days} days before the visit").format(
        days=days_before_visit(day, visit_date)
    )


def info_text(row: PhotoRow, visit_date: dt.date | None, max_age_days: int) -> str:
    """The gallery's line under a photo: when and where it was taken, its fingerprint, and any
    age question."""
    parts = []
    if row.taken_at:
        parts.append(QCoreApplication.translate("Photos", "Taken {time}").format(time=row.taken_at))
    else:
        parts.append(QCoreApplication.translate("Photos", "No capture time in the file"))
    if row.sha256:
        parts.append(QCoreApplication.translate("Photos", "Fingerprint {hash}…").format(hash=row.sha256[:12]))
    position = position_text(row.latitude, row.longitude, i18n.current_language())
    if position:
        parts.append(QCoreApplication.translate("Photos", "Location {position}").format(position=position))
    note = age_note(row, visit_date, max_age_days)
    if note:
        parts.append("⚠ " + note)
    return "  ·  ".join(parts)


class CaptionDialog(QDialog):
    """One caption for the photos just attached (to one item); Skip keeps them without one."""

    caption_chosen = Signal(list, str)  # photo ids, caption

    def __init__(
        self,
        photos: list[PhotoRow],
        default_caption: str,
        visit_date: dt.date | None,
        max_age_days: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("photoCaption")
        self.photos = list(photos)
        self.setWindowTitle(QCoreApplication.translate("Photos", "Photo caption"))
        prompt = QLabel(
            QCoreApplication.translate("Photos", "Caption for {n} new photo(s) (printed on the score sheet):").format(
                n=len(photos)
            )
        )
        prompt.setWordWrap(True)
        self.edit = QLineEdit(default_caption)
        self.edit.selectAll()
        lay = QVBoxLayout(self)
        lay.addWidget(prompt)
        lay.addWidget(self.edit)
        self.old = [p for p in self.photos if age_note(p, visit_date, max_age_days)]
        self.warning: QLabel | None = None
        if self.old:
            lines = [
                QCoreApplication.translate(
                    "Photos", "Photo {i}: taken {day}, {days} days before the visit ({visit})"
                ).format(
                    i=self.photos.index(p) + 1,
                    day=taken_on(p).isoformat(),
                    days=days_before_visit(taken_on(p), visit_date),
                    visit=visit_date.isoformat(),
                )
                for p in self.old
            ]
            self.warning = QLabel(
                QCoreApplication.translate(
                    "Photos", "These photos are older than the visit. Do they show the station as it is today?"
                )
                + "\n"
                + "\n".join(lines)
            )
            self.warning.setObjectName("photoAgeWarning")
            self.warning.setWordWrap(True)
            self.warning.setStyleSheet("color: #b71c1c;")
            lay.addWidget(self.warning)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(
            QCoreApplication.translate("Photos", "Save caption"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        ok.setDefault(True)
        buttons.addButton(QCoreApplication.translate("Photos", "Skip"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accept(self) -> None:
        text = " ".join(self.edit.text().split())
        if text:
            self.caption_chosen.emit([p.id for p in self.photos], text)
        super().accept()
