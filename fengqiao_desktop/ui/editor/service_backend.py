"""The editor's backend over the real local services (``LocalStore``).

Every call is one committed service transaction, so what the editor shows is
on disk the moment the call returns. Photo ingest and PDF rendering are handed
out as plain callables that touch only files (no session, no widgets), so the
editor runs them off the UI thread; linking their results to the inspection
happens back on the GUI thread in short transactions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from fengqiao_desktop.domain import FormKind
from fengqiao_desktop.domain.signatures import SignatureInput
from fengqiao_desktop.errors import KnownError, ReportError
from fengqiao_desktop.formengine.scoring import Answer, ScoreResult
from fengqiao_desktop.formengine.visit import GateState, gate_state, linked_in_visit
from fengqiao_desktop.services.rechecks import returned_note
from fengqiao_desktop.ui.editor.backend import (
    EditorContent,
    IngestFailure,
    LinkedAnswer,
    VisitInfo,
    VisitMember,
)
from fengqiao_desktop.ui.editor.findings import FindingRow
from fengqiao_desktop.ui.editor.lifecycle import AuditRow
from fengqiao_desktop.ui.editor.photo_strip import PhotoRow
from fengqiao_desktop.ui.editor.words import audit_change, audit_label


def _local(t: dt.datetime | None) -> str:
    """Stored times are naive UTC; show them in the laptop's local time."""
    if t is None:
        return ""
    return t.replace(tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _photo_row(p) -> PhotoRow:
    return PhotoRow(
        p.id,
        p.item_id,
        p.caption,
        p.sha256,
        p.thumbnail_sha256 or p.sha256,
        getattr(p, "original_sha256", "") or p.sha256,
        p.captured_at.strftime("%Y-%m-%d %H:%M") if p.captured_at else "",
        p.latitude,
        p.longitude,
    )


def _finding_row(f) -> FindingRow:
    return FindingRow(
        f.id,
        f.item_id,
        f.category,
        f.severity,
        f.description,
        f.responsible,
        f.deadline.isoformat() if f.deadline else "",
        f.measures,
        f.status,
    )


class ServiceBackend:
    """``EditorBackend`` over ``store.inspections`` / ``store.photos``."""

    def __init__(self, store, inspection_id: str):
        self.store = store
        self.inspection_id = inspection_id

    @property
    def _ins(self):
        return self.store.inspections

    # -- answers -------------------------------------------------------------------
    def load(self) -> EditorContent:
        v = self._ins.get(self.inspection_id)
        # open findings of earlier visits (this visit's own findings are not "earlier")
        this_visit = {x.id for x in self._ins.list(v.station_code) if x.visit_id == v.visit_id}
        earlier = [
            f
            for f in self._ins.open_findings_for_station(v.station_code, self.inspection_id)
            if f.inspection_id not in this_visit
        ]
        title = f"{v.station_name} · {v.visit_date.isoformat()}"
        return EditorContent(
            v.id,
            v.form,
            title,
            v.status,
            v.revision,
            dict(v.answers),
            [_photo_row(p) for p in v.photos],
            v.score,
            extra={
                "station_code": v.station_code,
                "station_name": v.station_name,
                "visit_date": v.visit_date,
                "visit_id": v.visit_id,
                "earlier_findings": earlier,
                "rechecks": self._ins.rechecks(self.inspection_id),
                "returned": returned_note(self.store, self.inspection_id),
            },
        )

    # -- 回头看 of the bureau's findings --------------------------------------------
    def rechecks(self) -> list:
        return self._ins.rechecks(self.inspection_id)

    def recheck(self, item, verdict: str, note: str, ingested: Any | None) -> None:
        """Store the verdict; ``ingested`` (a processed photo) is attached first, captioned."""
        photo_id = None
        if ingested is not None:
            try:
                photo_id = self.store.photos.attach(
                    self.inspection_id, ingested, None, f"回头看：{item.description}"[:200]
                ).id
            except BaseException:
                self.store.photos.discard(ingested)
                raise
        self._ins.set_recheck(
            self.inspection_id, item.inspection_id, item.finding_id, verdict, note=note, photo_id=photo_id
        )

    def set_answer(self, item_id: str, answer: Answer) -> ScoreResult:
        return self._ins.set_answer(self.inspection_id, item_id, answer.value, note=answer.note, na=answer.na)

    def score(self) -> ScoreResult:
        return self._ins.score(self.inspection_id)

    def visit(self) -> VisitInfo:
        """The other inspections of this visit and the answers this form takes from them."""
        from fengqiao_desktop.ui import i18n

        lang = "en" if i18n.current_language().startswith("en") else "zh"
        me = self._ins.get(self.inspection_id)
        others = [x for x in self._ins.list(me.station_code) if x.visit_id == me.visit_id and x.id != me.id]
        views = {x.form_id: self._ins.get(x.id) for x in others}
        linked: dict[str, LinkedAnswer] = {}
        for item_id in sorted(linked_in_visit(me.form, list(views))):
            src_form, src_item = me.form.items[item_id].source or ("", "")
            src = views[src_form]
            src_def = src.form.items.get(src_item)
            linked[item_id] = LinkedAnswer(
                item_id,
                src.id,
                src_item,
                src_def.no if src_def else src_item,
                src.answers.get(src_item),
                src.photo_counts().get(src_item, 0),
            )
        members = [VisitMember(v.id, v.form.title.get(lang), v.form.kind, v.status, v.score) for v in views.values()]
        gate = next((v for v in [me, *views.values()] if v.form.kind is FormKind.GATE), None)
        state = GateState.ABSENT if gate is None else gate_state(gate.score, gate.form, gate.answers, gate.locked)
        return VisitInfo(linked, members, state)

    def complete(self, signatures: Sequence[SignatureInput] = ()) -> ScoreResult:
        return self._ins.complete(self.inspection_id, signatures)

    def signer_names(self) -> tuple[str, str]:
        return self._ins.signer_names(self.inspection_id)

    def reopen(self, reason: str) -> None:
        self._ins.reopen(self.inspection_id, reason)

    def audit(self) -> list[AuditRow]:
        form = self._ins.form_of(self.inspection_id)
        return [
            AuditRow(
                a.revision,
                _local(a.at),
                audit_label(a.action),
                a.reason or "",
                a.by,
                audit_change(form, a.action, a.detail),
            )
            for a in self._ins.audit(self.inspection_id)
        ]

    # -- photos --------------------------------------------------------------------
    def photos(self) -> list[PhotoRow]:
        return [_photo_row(p) for p in self.store.photos.list(self.inspection_id)]

    def read_photo(self, sha256: str) -> bytes:
        return self.store.photo_store.read(sha256)

    def ingest_job(self, paths: list[str]) -> Callable[[], list[Any]]:
        # plain values only: the job runs on a worker thread (the photo store holds no session)
        photo_store = self.store.photo_store
        st = self.store.settings
        long_edge, quality, thumb = st.photo_long_edge, st.photo_jpeg_quality, st.thumbnail_edge

        def job() -> list[Any]:
            out: list[Any] = []
            for p in paths:
                try:
                    out.append(photo_store.ingest(p, long_edge=long_edge, quality=quality, thumb_edge=thumb))
                except KnownError as exc:
                    out.append(IngestFailure(p, exc.user_message()))
            return out

        return job

    def attach(self, item_id: str | None, ingested: Any) -> None:
        try:
            self.store.photos.attach(self.inspection_id, ingested, item_id)
        except BaseException:
            self.store.photos.discard(ingested)
            raise

    def set_caption(self, photo_id: str, caption: str) -> None:
        self.store.photos.set_caption(photo_id, caption)

    def set_photo_item(self, photo_id: str, item_id: str | None) -> None:
        self.store.photos.link_item(photo_id, item_id)

    def remove_photo(self, photo_id: str) -> None:
        self.store.photos.remove_photo(photo_id)

    # -- findings ------------------------------------------------------------------
    def findings(self) -> list[FindingRow]:
        return [_finding_row(f) for f in self._ins.findings(self.inspection_id)]

    def propose_findings(self) -> list[FindingRow]:
        made = []
        for p in self._ins.propose_findings(self.inspection_id):
            f = self._ins.add_finding(
                self.inspection_id,
                category=p.category,
                severity=p.severity,
                description=p.description,
                item_id=p.item_id,
                responsible=p.responsible,
                deadline=p.deadline,
                measures=p.measures,
            )
            made.append(_finding_row(f))
        return made

    def finding_defaults(self) -> tuple[str, str]:
        responsible, deadline = self._ins.finding_defaults(self.inspection_id)
        return responsible, deadline.isoformat()

    def save_finding(self, row: FindingRow) -> None:
        fields = dict(
            item_id=row.item_id,
            category=row.category,
            severity=row.severity,
            description=row.description,
            measures=row.measures,
            responsible=row.responsible,
            deadline=row.deadline or None,
        )
        if row.id is None:
            self._ins.add_finding(self.inspection_id, status=row.status, **fields)
        else:
            self._ins.update_finding(row.id, status=row.status, **fields)

    def delete_finding(self, finding_id: str) -> None:
        self._ins.delete_finding(finding_id)

    # -- score sheet ---------------------------------------------------------------
    def sheet_job(self, target: str) -> Callable[[], str] | None:
        from fengqiao_desktop.reports.sheet import render_sheet
        from fengqiao_desktop.ui import i18n

        # the database read is short and stays on the GUI thread; the render is the slow part
        lang = "en" if i18n.current_language().startswith("en") else "zh"
        data = self.store.sheets.sheet_data(self.inspection_id, lang)

        def job() -> str:
            try:
                render_sheet(data, target)
            except OSError as exc:  # a read-only folder, a file open in a PDF viewer...
                raise ReportError(
                    f"无法写入评分表 {target}：{exc.strerror or exc}。请换一个文件夹或文件名。",
                    message_en=f"Cannot write the score sheet {target}: {exc.strerror or exc}. "
                    "Choose another folder or name.",
                ) from None
            return target

        return job
