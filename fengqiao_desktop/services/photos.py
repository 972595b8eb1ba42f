"""Photo notes: ingest image files (worker-thread safe) and link them to inspections and items.

``ingest(path)`` only touches files and returns plain data, so the UI runs it on a
worker thread; ``attach(inspection_id, ingested, ...)`` then records it in one short
transaction. ``add_photo`` does both. Editing photos of a locked inspection needs
``reopen`` first, like any other edit.
"""

from __future__ import annotations

import os
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fengqiao_desktop.errors import InspectionError, PhotoError
from fengqiao_desktop.services import inspection_rows as R
from fengqiao_desktop.services.rows import PhotoView
from fengqiao_desktop.storage.models import FindingRecheck, Inspection, Photo, utcnow
from fengqiao_desktop.storage.photostore import IngestedPhoto

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore


def attach_row(
    store: LocalStore, s: Session, row: Inspection, ingested: IngestedPhoto, item_id: str | None, caption: str
) -> Photo:
    R.require_draft(row)
    if item_id:
        form = store.form_by_sha256(s, row.form_sha256)
        if item_id not in form.items:
            raise InspectionError(
                f"表单 {form.id} 中没有检查项 {item_id}", message_en=f"Form {form.id} has no item {item_id}"
            )
    if not store.photo_store.exists(ingested.sha256):
        raise PhotoError(
            "照片文件已不在照片文件夹中，请重新添加",
            message_en="The photo file is no longer in the photo folder; add it again",
        )
    p = Photo(
        id=str(uuid.uuid4()),
        inspection_id=row.id,
        item_id=item_id or None,
        sha256=ingested.sha256,
        original_sha256=ingested.original_sha256,
        original_name=ingested.original_name,
        caption=caption or "",
        captured_at=ingested.captured_at,
        added_at=utcnow(),
        width=ingested.width,
        height=ingested.height,
        size=ingested.size,
        thumbnail_sha256=ingested.thumbnail_sha256,
        latitude=ingested.latitude,
        longitude=ingested.longitude,
    )
    s.add(p)
    row.updated_at = p.added_at
    store.note_photos(s, row)
    s.flush()
    return p


class PhotoService:
    def __init__(self, store: LocalStore):
        self.store = store

    def ingest(self, path: str | os.PathLike) -> IngestedPhoto:
        st = self.store.settings
        return self.store.photo_store.ingest(
            path, long_edge=st.photo_long_edge, quality=st.photo_jpeg_quality, thumb_edge=st.thumbnail_edge
        )

    def attach(
        self, inspection_id: str, ingested: IngestedPhoto, item_id: str | None = None, caption: str = ""
    ) -> PhotoView:
        with self.store.session(write=True) as s:
            row = R.load_inspection(s, inspection_id)
            return R.photo_view(attach_row(self.store, s, row, ingested, item_id, caption))

    def add_photo(
        self, inspection_id: str, path: str | os.PathLike, item_id: str | None = None, caption: str = ""
    ) -> PhotoView:
        """Ingest and attach; a refused file leaves nothing behind."""
        with self.store.session() as s:  # fail early, before the (slow) ingest
            R.require_draft(R.load_inspection(s, inspection_id))
        ingested = self.ingest(path)
        try:
            return self.attach(inspection_id, ingested, item_id, caption)
        except BaseException:
            self.discard(ingested)
            raise

    def discard(self, ingested: IngestedPhoto) -> None:
        """Remove the files an ingest wrote when they end up unused."""
        with self.store.session() as s:
            for sha in ingested.new_files:
                used = s.scalar(
                    select(func.count())
                    .select_from(Photo)
                    .where((Photo.sha256 == sha) | (Photo.thumbnail_sha256 == sha))
                )
                if not used:
                    self.store.photo_store.remove(sha)

    def list(self, inspection_id: str) -> list[PhotoView]:
        with self.store.session() as s:
            return R.photos_of(s, inspection_id)

    def set_caption(self, photo_id: str, caption: str) -> PhotoView:
        with self.store.session(write=True) as s:
            p = self._photo(s, photo_id)
            p.caption = caption or ""
            self.store.note_photos(s, R.load_inspection(s, p.inspection_id))
            return R.photo_view(p)

    def link_item(self, photo_id: str, item_id: str | None) -> PhotoView:
        """Link the photo to a checklist item (``None``: a general photo of the visit)."""
        with self.store.session(write=True) as s:
            p = self._photo(s, photo_id)
            row = R.load_inspection(s, p.inspection_id)
            if item_id and item_id not in self.store.form_by_sha256(s, row.form_sha256).items:
                raise InspectionError(
                    f"表单 {row.form_id} 中没有检查项 {item_id}", message_en=f"Form {row.form_id} has no item {item_id}"
                )
            p.item_id = item_id or None
            self.store.note_photos(s, row)
            return R.photo_view(p)

    def remove_photo(self, photo_id: str) -> None:
        with self.store.session(write=True) as s:
            p = self._photo(s, photo_id)
            if s.scalar(select(func.count()).select_from(FindingRecheck).where(FindingRecheck.photo_id == p.id)):
                raise InspectionError(
                    "这张照片是回头看“已整改”的证据，不能删除；请先修改该问题的回头看结论。",
                    message_en="This photo is the evidence of a finding re-checked as "
                    "rectified; change that re-check first.",
                )
            shas = {p.sha256, p.thumbnail_sha256}
            self.store.note_photos(s, R.load_inspection(s, p.inspection_id))
            s.delete(p)
            s.flush()
            used = set(s.scalars(select(Photo.sha256).where(Photo.sha256.in_(shas))))
            used |= set(s.scalars(select(Photo.thumbnail_sha256).where(Photo.thumbnail_sha256.in_(shas))))
        for sha in shas - used:  # only after the commit
            self.store.photo_store.remove(sha)

    def photo_counts(self, inspection_id: str) -> dict[str, int]:
        with self.store.session() as s:
            return R.photo_counts(s, inspection_id)

    def _photo(self, s: Session, photo_id: str) -> Photo:
        p = s.get(Photo, photo_id)
        if p is None:
            raise InspectionError(f"找不到照片 {photo_id}", message_en=f"No photo with id {photo_id}")
        R.require_draft(R.load_inspection(s, p.inspection_id))
        return p
