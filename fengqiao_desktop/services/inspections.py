"""Inspection use cases: create, autosave answers, score, complete, reopen with a reason, list.

Every public method opens its own session and commits before returning, so each
answer the inspector gives is durable the moment ``set_answer`` returns (WAL,
``synchronous=FULL``). Results are plain dataclasses (``services.rows``).

Life cycle: ``draft`` → ``complete()`` → ``completed`` (locked; a snapshot of the
revision is kept) → export → ``exported``. Editing a completed or exported
inspection needs ``reopen(id, reason)``: the revision number grows by one, the
reason goes to the audit trail, and the inspection is a ``draft`` again — so a
draft with ``revision > 1`` is an inspection being corrected after completion.
"""

from __future__ import annotations

import builtins
import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fengqiao_desktop.domain import FormKind, InspectionStatus, Level, Verdict
from fengqiao_desktop.domain.signatures import SignatureInput
from fengqiao_desktop.errors import InspectionError
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import (
    Answer,
    AnswerValueError,
    ScoreResult,
    validate_answer,
)
from fengqiao_desktop.services import inspection_rows as R
from fengqiao_desktop.services.findings import (
    FindingsMixin,
    recheck_earlier_findings,
    reevaluate_findings,
    unprintable_error,
    unprintable_findings,
)
from fengqiao_desktop.services.rechecks import RechecksMixin
from fengqiao_desktop.services.records import build_record, store_signatures
from fengqiao_desktop.services.rows import InspectionSummary, InspectionView
from fengqiao_desktop.storage import meta
from fengqiao_desktop.storage.models import (
    AnswerRow,
    Inspection,
    Photo,
    RevisionSnapshot,
    Station,
    utcnow,
)
from fengqiao_desktop.storage.photostore import IngestedPhoto

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore

_UNSET: Any = object()


def _today() -> dt.date:
    return dt.date.today()  # the visit's local calendar day


class InspectionService(FindingsMixin, RechecksMixin):
    def __init__(self, store: LocalStore):
        self.store = store

    # -- create ---------------------------------------------------------
    def create(
        self,
        station_code: str,
        form_id: str,
        inspector: str | None = None,
        *,
        version: str | None = None,
        visit_date: dt.date | None = None,
    ) -> str:
        """Start a draft inspection; returns its id (a UUID).

        A second form started at the same station on the same day joins that
        day's visit (the five-haves and the rubric of one visit share ``visit_id``).
        """
        with self.store.session(write=True) as s:
            return self._create(s, station_code, form_id, inspector, version, visit_date).id

    def _create(
        self,
        s: Session,
        station_code: str,
        form_id: str,
        inspector: str | None,
        version: str | None,
        visit_date: dt.date | None,
    ) -> Inspection:
        station = s.get(Station, station_code)
        if station is None:
            raise InspectionError(
                f"站点代码 {station_code} 不在站点名册中；请先导入名册",
                message_en=f"Station {station_code} is not in the roster; import it first",
            )
        form = self.store.forms.get(form_id, version)
        if Level(station.level) not in form.levels:
            levels = "、".join(lv.zh for lv in form.levels)
            raise InspectionError(
                f"表单 {form.id}（{form.title.zh}）适用于{levels}，不适用于{station.name}（{Level(station.level).zh}）",
                message_en=f"Form {form.id} is for {', '.join(lv.en for lv in form.levels)}, "
                f"not for {station.name} ({Level(station.level).en})",
            )
        sha = self.store.register_form(s, form)
        day = visit_date or _today()
        visit = s.scalar(
            select(Inspection.visit_id)
            .where(Inspection.station_code == station_code, Inspection.visit_date == day)
            .order_by(Inspection.created_at)
            .limit(1)
        )
        if inspector is None:
            inspector = meta.get_profile(s).name or _signing_profile_name(self.store)
        now = utcnow()
        row = Inspection(
            id=str(uuid.uuid4()),
            station_code=station_code,
            form_sha256=sha,
            form_id=form.id,
            form_version=form.version,
            visit_id=visit or str(uuid.uuid4()),
            visit_date=day,
            inspector_name=inspector or "",
            status=InspectionStatus.DRAFT.value,
            revision=1,
            created_at=now,
            updated_at=now,
        )
        s.add(row)
        s.flush()
        R.cache_score(row, R.score_row(self.store, s, row))
        R.add_audit(s, row, "created", form=form.id, version=form.version, sha256=sha)
        self.store.note_saved(s, row)
        return row

    # -- answers --------------------------------------------------------
    def set_answer(
        self, inspection_id: str, item_id: str, value: Any = _UNSET, *, note: str | None = None, na: bool | None = None
    ) -> ScoreResult:
        """Save one answer in its own committed transaction; returns the new score.

        Parts not given keep their stored value (``note=`` alone edits the note).
        ``value=None`` clears the value. Raises InspectionError for a locked
        inspection, an item the form lacks, or a value that does not fit the item.
        """
        with self.store.session(write=True) as s:
            row = R.load_inspection(s, inspection_id)
            result = self._set_answer(s, row, item_id, value, note, na)
            assert result is not None  # rescored
            return result

    def _set_answer(
        self,
        s: Session,
        row: Inspection,
        item_id: str,
        value: Any,
        note: str | None,
        na: bool | None,
        *,
        rescore: bool = True,
    ) -> ScoreResult | None:
        R.require_draft(row)
        form = self.store.form_by_sha256(s, row.form_sha256)
        item = form.items.get(item_id)
        if item is None:
            raise InspectionError(
                f"表单 {form.id} 中没有检查项 {item_id}", message_en=f"Form {form.id} has no item {item_id}"
            )
        if item.source is not None and self._source_in_visit(s, row, item.source[0]):
            raise InspectionError(
                f"检查项 {item.no}（{item.title.zh}）取自同次“五有”检查，请在五有检查中作答",
                message_en=f"Item {item.no} ({item.title.en}) takes its answer from this visit's "
                "five-haves check; answer it there",
            )
        stored = s.get(AnswerRow, (row.id, item_id))
        old = (
            Answer(value=_loads(stored.value), note=stored.note or "", na=bool(stored.na))
            if stored is not None
            else Answer()
        )
        answer = Answer(
            value=old.value if value is _UNSET else value,
            note=old.note if note is None else str(note),
            na=old.na if na is None else bool(na),
        )
        try:
            validate_answer(item, answer)
        except AnswerValueError as exc:
            raise InspectionError(
                f"检查项 {item.no}（{item.title.zh}）的答案无效：{_zh_reason(exc.reason)}",
                message_en=f"Invalid answer for item {item.no} ({item.title.en}): {exc.reason}",
            ) from None
        now = utcnow()
        if stored is None:
            s.add(
                AnswerRow(
                    inspection_id=row.id,
                    item_id=item_id,
                    value=R.dumps(answer.value),
                    note=answer.note,
                    na=answer.na,
                    updated_at=now,
                )
            )
        else:
            stored.value, stored.note, stored.na, stored.updated_at = (
                R.dumps(answer.value),
                answer.note,
                answer.na,
                now,
            )
        row.updated_at = now
        self.store.note_saved(s, row)
        if row.revision > 1 and answer != old:
            R.audit_answer_change(s, row, item, old, answer)
        s.flush()
        if answer != old:
            reevaluate_findings(self.store, s, row, form, item_id, old)
            recheck_earlier_findings(self.store, s, row, form, item_id)
        if not rescore:
            return None
        if form.kind is FormKind.GATE:  # a check's answer moves the rubric of its visit too
            return R.refresh_visit(self.store, s, row)[row.id]
        result = R.score_row(self.store, s, row)
        R.cache_score(row, result)
        return result

    def _source_in_visit(self, s: Session, row: Inspection, form_id: str) -> bool:
        return any(r.id != row.id and r.form_id == form_id for r in R.visit_rows(s, row))

    def set_answers(self, inspection_id: str, answers: Mapping[str, Answer]) -> ScoreResult:
        """Save several answers in one transaction (all or none); returns the new score."""
        with self.store.session(write=True) as s:
            row = R.load_inspection(s, inspection_id)
            return self._set_many(s, row, answers)

    def _set_many(self, s: Session, row: Inspection, answers: Mapping[str, Answer]) -> ScoreResult:
        for item_id, a in answers.items():
            self._set_answer(s, row, item_id, a.value, a.note, a.na, rescore=False)
        return R.refresh_visit(self.store, s, row)[row.id]

    # -- reading --------------------------------------------------------
    def get(self, inspection_id: str) -> InspectionView:
        with self.store.session() as s:
            row = R.load_inspection(s, inspection_id)
            form = self.store.form_by_sha256(s, row.form_sha256)
            station = s.get(Station, row.station_code)
            assert station is not None  # a foreign key
            titles = {i.id: i.title.zh for i in form.items.values()}
            visit = R.evaluate_visit_of(self.store, s, row)
            return InspectionView(
                id=row.id,
                station_code=row.station_code,
                station_name=station.name,
                station_level=Level(station.level),
                form=form,
                form_sha256=row.form_sha256,
                visit_id=row.visit_id,
                visit_date=row.visit_date,
                inspector=row.inspector_name,
                status=InspectionStatus(row.status),
                revision=row.revision,
                created_at=row.created_at,
                updated_at=row.updated_at,
                completed_at=row.completed_at,
                answers=visit.answers[row.id],
                photos=R.photos_of(s, row.id),
                findings=R.findings_of(s, row.id, titles),
                score=visit[row.id],
                audit=R.audit_of(s, row.id),
                exported_revision=row.exported_revision,
                bundle_id=row.bundle_id,
            )

    def score(self, inspection_id: str) -> ScoreResult:
        with self.store.session() as s:
            return R.score_row(self.store, s, R.load_inspection(s, inspection_id))

    def form_of(self, inspection_id: str) -> FormDef:
        with self.store.session() as s:
            return self.store.form_by_sha256(s, R.load_inspection(s, inspection_id).form_sha256)

    def list(self, station_code: str | None = None) -> builtins.list[InspectionSummary]:
        """Summary rows, newest first (``station_code`` limits them to one station)."""
        with self.store.session() as s:
            q = (
                select(Inspection, Station.name)
                .join(Station, Station.code == Inspection.station_code)
                .order_by(Inspection.updated_at.desc(), Inspection.id)
            )
            if station_code:
                q = q.where(Inspection.station_code == station_code)
            out = []
            for row, name in s.execute(q):
                form = self.store.form_by_sha256(s, row.form_sha256)
                out.append(
                    InspectionSummary(
                        id=row.id,
                        station_code=row.station_code,
                        station_name=name,
                        form_id=row.form_id,
                        form_title=form.title.zh,
                        form_kind=form.kind,
                        form_version=row.form_version,
                        status=InspectionStatus(row.status),
                        revision=row.revision,
                        total=row.total,
                        max=row.max_points,
                        verdict=_cached_verdict(row.verdict, form.kind),
                        visit_id=row.visit_id,
                        visit_date=row.visit_date,
                        inspector=row.inspector_name,
                        created_at=row.created_at,
                        updated_at=row.updated_at,
                        completed_at=row.completed_at,
                    )
                )
            return out

    def audit(self, inspection_id: str):
        with self.store.session() as s:
            R.load_inspection(s, inspection_id)
            return R.audit_of(s, inspection_id)

    def snapshots(self, inspection_id: str) -> builtins.list[tuple[int, dt.datetime, dict]]:
        """Every completed revision: ``(revision, completed_at, snapshot)``, oldest first."""
        import json

        with self.store.session() as s:
            q = (
                select(RevisionSnapshot)
                .where(RevisionSnapshot.inspection_id == inspection_id)
                .order_by(RevisionSnapshot.revision)
            )
            return [(r.revision, r.completed_at, json.loads(r.snapshot)) for r in s.scalars(q)]

    # -- life cycle -----------------------------------------------------
    def complete(self, inspection_id: str, signatures: Sequence[SignatureInput] = ()) -> ScoreResult:
        """Lock a draft after checking required answers, evidence and findings; keeps a revision
        snapshot. ``signatures`` drawn on screen (optional) are stored with the revision and go
        into its record."""
        with self.store.session(write=True) as s:
            return self._complete(s, R.load_inspection(s, inspection_id), signatures)

    def _complete(self, s: Session, row: Inspection, signatures: Sequence[SignatureInput] = ()) -> ScoreResult:
        R.require_draft(row)
        form = self.store.form_by_sha256(s, row.form_sha256)
        result = R.score_row(self.store, s, row)
        if not result.complete:
            raise incomplete_error(form, result)
        unprintable = unprintable_findings(self.store, s, row)
        if unprintable:
            raise unprintable_error(unprintable, completing=True)
        now = utcnow()
        row.status = InspectionStatus.COMPLETED.value
        row.completed_at = now
        row.updated_at = now
        R.cache_score(row, result)
        R.add_audit(s, row, "completed", total=result.total, verdict=result.verdict.value)
        store_signatures(s, row, signatures, now)
        self.store.note_saved(s, row)
        s.flush()
        s.add(
            RevisionSnapshot(
                inspection_id=row.id,
                revision=row.revision,
                completed_at=now,
                snapshot=R.dumps(build_record(self.store, s, row)),
            )
        )
        R.refresh_visit(self.store, s, row)
        return result

    def reopen(self, inspection_id: str, reason: str) -> int:
        """Make a completed/exported inspection editable again; returns the new revision."""
        reason = (reason or "").strip()
        if not reason:
            raise InspectionError(
                "修改已完成的检查必须说明理由", message_en="A reason is required to edit a completed inspection"
            )
        with self.store.session(write=True) as s:
            row = R.load_inspection(s, inspection_id)
            if row.status == InspectionStatus.DRAFT.value:
                raise InspectionError(
                    "该检查仍是草稿，可直接修改，无需重新打开",
                    message_en="This inspection is a draft; edit it directly",
                )
            revision = reopen_row(s, row, reason)
            self.store.note_saved(s, row)
            return revision

    def mark_exported(self, inspection_ids: Iterable[str], bundle_id: str) -> None:
        """Record that these completed inspections went into ``bundle_id`` (the export calls this)."""
        with self.store.session(write=True) as s:
            for iid in inspection_ids:
                row = R.load_inspection(s, iid)
                if row.status == InspectionStatus.DRAFT.value:
                    raise InspectionError(
                        f"检查 {iid} 尚未完成，不能导出",
                        message_en=f"Inspection {iid} is not completed; it cannot be exported",
                    )
                row.status = InspectionStatus.EXPORTED.value
                row.bundle_id = bundle_id
                row.exported_revision = row.revision
                R.add_audit(s, row, "exported", bundle=bundle_id)
                self.store.note_saved(s, row)

    def delete(self, inspection_id: str) -> None:
        """Delete a draft that was never completed (photos no longer used are removed too)."""
        with self.store.session(write=True) as s:
            row = R.load_inspection(s, inspection_id)
            if row.status != InspectionStatus.DRAFT.value or row.revision > 1:
                raise InspectionError(
                    "只能删除从未完成过的草稿；已完成的检查会保留全部版本",
                    message_en="Only a draft that was never completed can be deleted",
                )
            shas = {
                x
                for p in s.scalars(select(Photo).where(Photo.inspection_id == row.id))
                for x in (p.sha256, p.thumbnail_sha256)
            }
            self.store.note_saved(s, row)
            s.execute(delete(Inspection).where(Inspection.id == row.id))
            still = set(s.scalars(select(Photo.sha256).where(Photo.sha256.in_(shas))))
            still |= set(s.scalars(select(Photo.thumbnail_sha256).where(Photo.thumbnail_sha256.in_(shas))))
        for sha in shas - still:  # after the commit: a crash leaves an orphan file, never a lost photo
            self.store.photo_store.remove(sha)

    # -- paper entry (CLI) ---------------------------------------------
    def create_with_answers(
        self,
        station_code: str,
        form_id: str,
        answers: Mapping[str, Answer],
        *,
        photos: Sequence[tuple[str | None, IngestedPhoto]] = (),
        complete: bool = False,
        inspector: str | None = None,
    ) -> str:
        """Create, answer, attach photos and optionally complete, in ONE transaction."""
        from fengqiao_desktop.services.photos import attach_row

        with self.store.session(write=True) as s:
            row = self._create(s, station_code, form_id, inspector, None, None)
            for item_id, ing in photos:
                attach_row(self.store, s, row, ing, item_id, "")
            self._set_many(s, row, answers)
            if complete:
                self._complete(s, row)
            return row.id


def reopen_row(s: Session, row: Inspection, reason: str, **detail) -> int:
    """Make a locked inspection a draft of its next revision, with the reason in the audit trail."""
    before = row.status
    row.revision += 1
    row.status = InspectionStatus.DRAFT.value
    row.completed_at = None
    row.updated_at = utcnow()
    R.add_audit(s, row, "reopened", reason, previous_status=before, previous_revision=row.revision - 1, **detail)
    return row.revision


def _cached_verdict(value: str | None, kind: FormKind) -> Verdict | None:
    """The stored verdict; a rubric's is stored empty while pending (R.cache_score)."""
    if value:
        return Verdict(value)
    return Verdict.PENDING if kind is FormKind.RUBRIC else None


def incomplete_error(form: FormDef, result: ScoreResult) -> InspectionError:
    """What still blocks completion, each item named by its number on the sheet (A1, B2 ...)."""

    def label(i: str, lang: str) -> str:
        item = form.items.get(i)
        if item is None:
            return i
        return f"{item.no}（{item.title.zh}）" if lang == "zh" else f"{item.no} ({item.title.en})"

    zh, en = [], []
    if result.missing_answers:
        zh.append("未作答：" + "、".join(label(i, "zh") for i in result.missing_answers))
        en.append("missing answers: " + ", ".join(label(i, "en") for i in result.missing_answers))
    if result.missing_evidence:
        zh.append(
            "缺少佐证照片："
            + "、".join(f"{label(i, 'zh')} 需 {n} 张，现有 {h} 张" for i, h, n in result.missing_evidence)
        )
        en.append(
            "missing evidence: "
            + ", ".join(f"{label(i, 'en')} needs {n} photo(s), has {h}" for i, h, n in result.missing_evidence)
        )
    err = InspectionError(
        "检查尚不能完成。" + "；".join(zh), message_en="The inspection cannot be completed yet: " + "; ".join(en)
    )
    err.missing_answers = list(result.missing_answers)  # type: ignore[attr-defined]
    err.missing_evidence = list(result.missing_evidence)  # type: ignore[attr-defined]
    return err


def _loads(text: str | None):
    import json

    return json.loads(text) if text else None


_REASONS_ZH = {
    "this item cannot be marked not applicable": "该项不允许标记为“不适用”",
    "expected true or false": "应为“是”或“否”（true/false）",
    "expected a number of points": "应为得分（数字）",
    "expected a number": "应为数字",
    "expected text": "应为文字",
}


def _zh_reason(reason: str) -> str:
    if reason in _REASONS_ZH:
        return _REASONS_ZH[reason]
    for en, zh in (
        ("points must lie between 0 and ", "得分应在 0 到 "),
        ("points must move in steps of ", "得分的最小单位是 "),
        ("expected one of ", "应为以下之一："),
        ("must be at least ", "不能小于 "),
        ("must be at most ", "不能大于 "),
    ):
        if reason.startswith(en):
            return zh + reason[len(en) :] + (" 之间" if en.startswith("points must lie") else "")
    return reason


# -- module-level helpers for the UI's service adapter -----------------------


def _signing_profile_name(store) -> str:
    """The name in the signing key's profile (``fengqiao keys init``), or "" if there is none."""
    from fengqiao_desktop.bundle.keys import KeyStore
    from fengqiao_desktop.errors import KnownError

    ks = KeyStore(store.data_dir / "keys")
    try:
        return ks.profile().name if ks.exists() else ""
    except (KnownError, OSError, ValueError):
        return ""
