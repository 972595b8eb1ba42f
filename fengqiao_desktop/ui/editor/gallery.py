"""The photo gallery of an inspection: thumbnails, a larger preview, caption, item link, removal.

The list is a thin model over ``PhotoRow``s; edits are handed to the editor
through signals, which saves them through the service and refreshes the rows.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.ui.editor.photo_caption import info_text
from fengqiao_desktop.ui.editor.photo_pixmaps import PhotoPixmaps
from fengqiao_desktop.ui.editor.photo_strip import PhotoRow
from fengqiao_desktop.ui.i18n import current_language

_THUMB = 96


class PhotoListModel(QAbstractListModel):
    """Photos as an icon list; the thumbnail pixmaps are cached per photo id."""

    def __init__(self, item_labels: dict[str, str], pixmaps: PhotoPixmaps, parent=None):
        super().__init__(parent)
        self.pixmaps = pixmaps
        self._rows: list[PhotoRow] = []
        self._icons: dict[str, QIcon] = {}
        self.item_labels = item_labels

    def set_rows(self, rows: list[PhotoRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        keep = {r.id for r in rows}
        self._icons = {k: v for k, v in self._icons.items() if k in keep}
        self.endResetModel()

    def rows(self) -> list[PhotoRow]:
        return list(self._rows)

    def row_at(self, row: int) -> PhotoRow:
        return self._rows[row]

    def index_of(self, photo_id: str) -> QModelIndex:
        for i, r in enumerate(self._rows):
            if r.id == photo_id:
                return self.index(i, 0)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | None = None) -> int:  # noqa: N802 - Qt API
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = self.item_labels.get(r.item_id or "", "")
            return f"{label}\n{r.caption}" if r.caption else label
        if role == Qt.ItemDataRole.ToolTipRole:
            return r.caption or self.item_labels.get(r.item_id or "", "")
        if role == Qt.ItemDataRole.DecorationRole:
            icon = self._icons.get(r.id)
            if icon is None:
                pm = self.pixmaps.thumbnail(r.thumb_sha256 or r.stored_sha256, _THUMB)
                icon = QIcon(pm) if not pm.isNull() else QIcon()
                self._icons[r.id] = icon
            return icon
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


class GalleryDialog(QDialog):
    """All photos of the inspection; the selected one large, with its caption and item."""

    caption_changed = Signal(str, str)  # photo id, caption
    visit: tuple = (None, 30)  # (visit date, max photo age in days): set by the photo controller
    item_changed = Signal(str, object)  # photo id, item id or None
    remove_requested = Signal(str)  # photo id (already confirmed by the user)

    def __init__(
        self,
        photos: list[PhotoRow],
        item_labels: dict[str, str],
        pixmaps: PhotoPixmaps,
        read_only: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Editor", "Photos"))
        self.model = PhotoListModel(item_labels, pixmaps, self)
        self.model.set_rows(photos)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(_THUMB, _THUMB))
        self.list.setGridSize(QSize(_THUMB + 40, _THUMB + 48))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(_THUMB * 2 + 100)
        self.list.selectionModel().currentChanged.connect(self._show_current)

        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 360)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setStyleSheet("background: #222; color: #ddd;")
        self.caption = QLineEdit()
        self.caption.setPlaceholderText(QCoreApplication.translate("Editor", "Caption"))
        self.caption.editingFinished.connect(self._caption_done)
        self.item = QComboBox()
        self.item.addItem(QCoreApplication.translate("Editor", "(whole inspection)"), None)
        for item_id, label in item_labels.items():
            self.item.addItem(label, item_id)
        self.item.activated.connect(self._item_done)
        self.remove = QPushButton(QCoreApplication.translate("Editor", "Remove photo…"))
        self.remove.clicked.connect(self._remove)
        self.info = QLabel()
        self.info.setStyleSheet("color: #666;")
        self.info.setWordWrap(True)  # capture time, fingerprint, position and the age note: may not fit one line
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for w in (self.caption, self.item, self.remove):
            w.setEnabled(not read_only)

        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Editor", "Caption"), self.caption)
        form.addRow(QCoreApplication.translate("Editor", "Item"), self.item)
        right = QVBoxLayout()
        right.addWidget(self.preview, 1)
        right.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.info, 1)
        row.addWidget(self.remove)
        right.addLayout(row)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(body)
        lay.addWidget(buttons)
        self.resize(980, 620)
        self._current_pixmap = QPixmap()
        if photos:
            self.select(photos[0].id)
        else:
            self._show_current(QModelIndex())

    # -- public ------------------------------------------------------------
    def select(self, photo_id: str) -> None:
        ix = self.model.index_of(photo_id)
        if ix.isValid():
            self.list.setCurrentIndex(ix)

    def set_photos(self, photos: list[PhotoRow]) -> None:
        current = self.current_id()
        self.model.set_rows(photos)
        if current and self.model.index_of(current).isValid():
            self.select(current)
        elif photos:
            self.select(photos[0].id)
        else:
            self._show_current(QModelIndex())

    def current_id(self) -> str | None:
        ix = self.list.currentIndex()
        return self.model.row_at(ix.row()).id if ix.isValid() else None

    # -- internals -----------------------------------------------------------
    def _show_current(self, ix: QModelIndex, _prev: QModelIndex | None = None) -> None:
        if not ix.isValid():
            self._current_pixmap = QPixmap()
            self.preview.setPixmap(QPixmap())
            self.preview.setText(QCoreApplication.translate("Editor", "No photos yet"))
            self.caption.clear()
            self.info.clear()
            return
        r = self.model.row_at(ix.row())
        try:
            self._current_pixmap = self.model.pixmaps.photo(r.stored_sha256)
        except KnownError as exc:
            self._current_pixmap = QPixmap()
            self.preview.setPixmap(QPixmap())
            self.preview.setText(exc.user_message(current_language()))
        self._fit_preview()
        self.caption.setText(r.caption)
        self.item.setCurrentIndex(max(self.item.findData(r.item_id), 0))
        self.info.setText(info_text(r, *self.visit))

    def _fit_preview(self) -> None:
        if self._current_pixmap.isNull():
            return
        self.preview.setPixmap(
            self._current_pixmap.scaled(
                self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_preview()

    def _caption_done(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        row = self.model.row_at(self.list.currentIndex().row())
        text = self.caption.text().strip()
        if text != row.caption:
            self.caption_changed.emit(pid, text)

    def _item_done(self, _i: int) -> None:
        pid = self.current_id()
        if pid is not None:
            self.item_changed.emit(pid, self.item.currentData())

    def _remove(self) -> None:
        pid = self.current_id()
        if pid is None:
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("Editor", "Remove photo"),
            QCoreApplication.translate("Editor", "Remove this photo from the inspection? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_requested.emit(pid)
