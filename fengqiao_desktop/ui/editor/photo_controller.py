"""Photo notes in the editor: the file dialog, drops, paste, the gallery, removal.

Every way of adding a photo ends in ``add_files(item_id, paths)``: the paths go
to the photo service on a worker (EXIF orientation, scaling, JPEG, thumbnail),
the plain results come back on the GUI thread and are linked to the item. A
file the service refuses is named in one message; nothing else changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.ui.editor.backend import EditorBackend, IngestFailure
from fengqiao_desktop.ui.editor.gallery import GalleryDialog
from fengqiao_desktop.ui.editor.mime import paths_from_mime
from fengqiao_desktop.ui.editor.photo_caption import CaptionDialog
from fengqiao_desktop.ui.editor.photo_pixmaps import PhotoPixmaps
from fengqiao_desktop.ui.editor.photo_strip import PhotoRow
from fengqiao_desktop.ui.editor.runner import TaskRunner

IMAGE_FILTER = "*.jpg *.jpeg *.png *.heic *.tif *.tiff *.bmp *.webp"


class PhotoController(QObject):
    photos_changed = Signal(list)  # list[PhotoRow]
    ingest_finished = Signal(int, list)  # number attached, list of failure messages
    message = Signal(str)

    def __init__(self, backend: EditorBackend, runner: TaskRunner, parent_widget: QWidget, item_labels: dict[str, str]):
        super().__init__(parent_widget)
        self.backend = backend
        self.runner = runner
        self.parent_widget = parent_widget
        self.item_labels = item_labels
        self._photos: list[PhotoRow] = []
        self.pixmaps = PhotoPixmaps(backend.read_photo)
        self.gallery: GalleryDialog | None = None
        self.read_only = False
        self.busy = 0
        self.caption_dialog: CaptionDialog | None = None

    # -- state ---------------------------------------------------------------
    def photos(self) -> list[PhotoRow]:
        return list(self._photos)

    def refresh(self) -> None:
        self._photos = self.backend.photos()
        self.photos_changed.emit(self._photos)
        if self.gallery is not None:
            self.gallery.set_photos(self._photos)

    # -- adding ----------------------------------------------------------------
    def choose_files(self, item_id: str | None) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent_widget,
            QCoreApplication.translate("Editor", "Add photos"),
            "",
            QCoreApplication.translate("Editor", "Images ({patterns});;All files (*)").format(patterns=IMAGE_FILTER),
        )
        if paths:
            self.add_files(item_id, paths)

    def paste(self, item_id: str | None) -> bool:
        paths = paths_from_mime(QApplication.clipboard().mimeData())
        if paths:
            self.add_files(item_id, paths)
        return bool(paths)

    def add_files(self, item_id: str | None, paths: list[str]) -> None:
        """The one path every way of adding photos takes."""
        if self.read_only or not paths:
            return
        self.busy += 1
        job = self.backend.ingest_job(list(paths))
        self.runner.submit(
            QCoreApplication.translate("Editor", "Processing photos"),
            job,
            lambda results: self._ingested(item_id, results),
            self._ingest_crashed,
        )

    def _ingested(self, item_id: str | None, results: list) -> None:
        self.busy -= 1
        before = {p.id for p in self._photos}
        failures = [r for r in results if isinstance(r, IngestFailure)]
        attached = 0
        for r in results:
            if isinstance(r, IngestFailure):
                continue
            try:
                self.backend.attach(item_id, r)
                attached += 1
            except KnownError as exc:
                failures.append(IngestFailure("", exc.user_message()))
        if attached:
            self.refresh()
            self._ask_caption(item_id, [p for p in self._photos if p.id not in before])
        messages = [f"{_name(f.path)}：{f.message}" if f.path else f.message for f in failures]
        if messages:
            self._warn(
                QCoreApplication.translate("Editor", "Not added"),
                QCoreApplication.translate("Editor", "These files were not added:") + "\n\n" + "\n".join(messages),
            )
        elif attached:
            self.message.emit(QCoreApplication.translate("Editor", "{n} photo(s) added").format(n=attached))
        self.ingest_finished.emit(attached, messages)

    def _ingest_crashed(self, exc: BaseException) -> None:
        self.busy -= 1
        if isinstance(exc, KnownError):
            self._warn(QCoreApplication.translate("Editor", "Not added"), exc.user_message())
            self.ingest_finished.emit(0, [exc.user_message()])
            return
        self.ingest_finished.emit(0, [str(exc)])
        raise exc  # a bug: the app's crash handler shows it with the log path

    # -- caption and age, asked on attaching --------------------------------------
    def visit_date(self):
        view = getattr(self.parent_widget, "view", None)
        return ((getattr(view, "extra", None) or {}).get("visit_date")) if view is not None else None

    def max_age_days(self) -> int:
        from fengqiao_desktop.config import Settings

        return Settings.load().photo_max_age_days

    def _ask_caption(self, item_id: str | None, new: list[PhotoRow]) -> CaptionDialog | None:
        if not new:
            return None
        label = self.item_labels.get(item_id or "", "")
        default = label.split(" ", 1)[-1] if label else ""  # the item's title, without its number
        dlg = CaptionDialog(new, default, self.visit_date(), self.max_age_days(), self.parent_widget)
        dlg.caption_chosen.connect(self._captions)
        dlg.destroyed.connect(lambda *_a: setattr(self, "caption_dialog", None))
        self.caption_dialog = dlg
        dlg.open()
        return dlg

    def _captions(self, photo_ids: list, caption: str) -> None:
        def save() -> None:
            for pid in photo_ids:
                self.backend.set_caption(pid, caption)

        self._guarded(save)

    # -- gallery ---------------------------------------------------------------
    def open_gallery(self, photo_id: str | None = None) -> GalleryDialog:
        if self.gallery is None:
            self.gallery = GalleryDialog(
                self._photos, self.item_labels, self.pixmaps, self.read_only, self.parent_widget
            )
            self.gallery.visit = (self.visit_date(), self.max_age_days())
            self.gallery._show_current(self.gallery.list.currentIndex())
            self.gallery.caption_changed.connect(self._caption)
            self.gallery.item_changed.connect(self._relink)
            self.gallery.remove_requested.connect(self._remove)
            self.gallery.finished.connect(self._gallery_closed)
        if photo_id:
            self.gallery.select(photo_id)
        self.gallery.show()
        self.gallery.raise_()
        return self.gallery

    def _gallery_closed(self, _r: int) -> None:
        if self.gallery is not None:
            self.gallery.deleteLater()
            self.gallery = None

    def _caption(self, photo_id: str, caption: str) -> None:
        self._guarded(lambda: self.backend.set_caption(photo_id, caption))

    def _relink(self, photo_id: str, item_id) -> None:
        self._guarded(lambda: self.backend.set_photo_item(photo_id, item_id))

    def _remove(self, photo_id: str) -> None:
        self._guarded(lambda: self.backend.remove_photo(photo_id))

    def _guarded(self, fn) -> None:
        try:
            fn()
        except KnownError as exc:
            self._warn(QCoreApplication.translate("Editor", "Photo"), exc.user_message())
        self.refresh()

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setObjectName("photoRefused")
        box.open()  # not modal-blocking: tests and the worker flow carry on


def _name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
