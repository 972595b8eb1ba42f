"""Score sheets from the laptop's local database.

A completed inspection prints the record kept for its revision (the record an
export signs); a draft prints its record as it stands, so an inspector can
print a sheet on site before locking it. A visit prints one sheet: printing its
five-haves check or its rubric gives the rubric's sheet with the check on it. Either way the record is handed to
``reports.sheet_record``, so the laptop's sheet and the bureau's reprint are
built by the same code from the same shape.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import select

from fengqiao_desktop.domain import FormKind
from fengqiao_desktop.errors import PhotoError, ReportError
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.reports.sheet_data import SheetData, SheetPhoto, SheetStation
from fengqiao_desktop.reports.sheet_record import sheet_from_record
from fengqiao_desktop.services.records import current_record
from fengqiao_desktop.services.sheet import RevisionHashes, content_hash
from fengqiao_desktop.storage.models import Inspection, RevisionSnapshot, Station

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore


def _unknown(inspection_id: str) -> ReportError:
    return ReportError(
        f"本机数据库中没有检查 {inspection_id}。请确认检查编号。",
        message_en=f"The local database has no inspection {inspection_id}. Check the id.",
    )


def _visit_rows(store, s, row: Inspection) -> tuple[Inspection, Inspection | None]:
    """The inspection a visit's sheet is of (its rubric, else ``row``) and the visit's five-haves check.

    Printing either form of a visit gives the same sheet; a rubric done alone and a
    five-haves check done alone each print themselves.
    """
    kind = store.form_by_sha256(s, row.form_sha256).kind
    rubric = row if kind is FormKind.RUBRIC else None
    gate = row if kind is FormKind.GATE else None
    if row.visit_id:
        for other in s.scalars(
            select(Inspection)
            .where(Inspection.visit_id == row.visit_id, Inspection.id != row.id)
            .order_by(Inspection.created_at, Inspection.id)
        ):
            other_kind = store.form_by_sha256(s, other.form_sha256).kind
            if other_kind is FormKind.RUBRIC and rubric is None:
                rubric = other
            elif other_kind is FormKind.GATE and gate is None:
                gate = other
    if rubric is None:
        return row, None
    return rubric, gate


class LocalSheetSource:
    """Sheets and proofs from a local store the caller opened (and closes)."""

    def __init__(self, store: LocalStore):
        self.store = store

    def _record(self, store, s, row: Inspection) -> tuple[dict, FormDef]:
        # a completed revision prints its kept record (a later export does not change its
        # sheet); a draft prints what is stored now
        return current_record(store, s, row), store.form_by_sha256(s, row.form_sha256)

    def sheet_data(self, inspection_id: str, lang: str) -> SheetData:
        store = self.store
        with store.session() as s:
            row = s.get(Inspection, inspection_id)
            if row is None:
                raise _unknown(inspection_id)
            main, gate = _visit_rows(store, s, row)
            record, form = self._record(store, s, main)
            companion = self._record(store, s, gate) if gate is not None else None
            st = s.get(Station, row.station_code)
            station = (
                SheetStation(st.code, st.name, st.level, st.address or "")
                if st is not None
                else SheetStation(row.station_code, row.station_code, "", "")
            )
        photo_store = store.photo_store

        def load_photo(p: dict) -> SheetPhoto | None:
            sha = p.get("sha256")
            try:
                data = photo_store.read(sha) if sha else None
            except PhotoError:
                data = None  # printed as "photo cannot be read"
            return SheetPhoto(caption=str(p.get("caption") or ""), item_id=p.get("item_id"), data=data)

        return sheet_from_record(
            record,
            form,
            station,
            content_hash(record),
            load_photo=load_photo,
            companion=companion,
            lang=lang,
            photo_max_age_days=store.settings.photo_max_age_days,
        )

    def revision_hashes(self, inspection_id: str) -> RevisionHashes | None:
        store = self.store
        with store.session() as s:
            row = s.get(Inspection, inspection_id)
            if row is None:
                return None
            hashes: dict[int, list[str]] = {}
            for snap_row in s.scalars(select(RevisionSnapshot).where(RevisionSnapshot.inspection_id == inspection_id)):
                rec = json.loads(snap_row.snapshot)
                hashes.setdefault(snap_row.revision, []).append(content_hash(rec))
            current, _form = self._record(store, s, row)
            current_hash = content_hash(current)
            hashes.setdefault(row.revision, [])
            if current_hash not in hashes[row.revision]:
                hashes[row.revision].append(current_hash)
            st = s.get(Station, row.station_code)
            return RevisionHashes(row.revision, current_hash, hashes, st.name if st else "")
