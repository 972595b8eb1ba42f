"""Findings (整改事项) of an inspection: proposals for items below full marks, and their edits.

Adding, changing or deleting a finding is an edit of the inspection and needs a
draft; only the *status* of a finding (open → rectified → verified) may change on
a locked inspection, because it is checked at a later visit (回头看). Status
changes are written to the audit trail.

Findings follow their item across form versions (``formengine.lineage``): a finding
raised on an item of an older version is listed under the item as it is now (number
and title), and a re-check visit scored on a newer version closes it (销号) when the
item carrying it on earns full marks there.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from fengqiao_desktop.domain import FindingCategory, FindingStatus, FormKind, Severity
from fengqiao_desktop.domain.findings import PRINTED_FIELDS, printed_gaps
from fengqiao_desktop.errors import FormError, InspectionError
from fengqiao_desktop.formengine.lineage import Lineage
from fengqiao_desktop.formengine.loader import _version_key
from fengqiao_desktop.formengine.schema import FormDef, Item
from fengqiao_desktop.formengine.scoring import Answer, item_points
from fengqiao_desktop.formengine.visit import linked_in_visit
from fengqiao_desktop.services import inspection_rows as R
from fengqiao_desktop.services.rows import FindingView, ProposedFinding
from fengqiao_desktop.storage.models import Finding, Inspection, Station, utcnow

if TYPE_CHECKING:
    from fengqiao_desktop.services.store import LocalStore

_EDITABLE = ("item_id", "category", "severity", "description", "measures", "responsible", "deadline")


def finding_label(description: str, item: Item | None, lang: str) -> str:
    """A finding as a person finds it in the list: its item's number and its text."""
    text = (description or "").strip() or ("（无描述）" if lang == "zh" else "(no text)")
    if len(text) > 40:
        text = text[:39] + "…"
    if item is None:
        return f"“{text}”" if lang == "zh" else f'"{text}"'
    return f"{item.no} “{text}”" if lang == "zh" else f'{item.no} "{text}"'


def gaps_text(gaps: list[str], lang: str) -> str:
    names = {k: (zh if lang == "zh" else en) for k, zh, en in PRINTED_FIELDS}
    return ("、" if lang == "zh" else ", ").join(names[k] for k in gaps)


def unprintable_error(missing: list[tuple[str, str, str, list[str]]], *, completing: bool) -> InspectionError:
    """The refusal for findings lacking 责任人 / 整改时限 / 整改措施.

    ``missing`` is ``(finding_id, label_zh, label_en, gaps)`` per finding; the error keeps
    ``unprintable`` = ``[(finding_id, gaps)]`` so the editor can point at each finding.
    """
    zh = "；".join(f"{lz} 缺少{gaps_text(g, 'zh')}" for _i, lz, _le, g in missing)
    en = "; ".join(f"{le} lacks {gaps_text(g, 'en')}" for _i, _lz, le, g in missing)
    if completing:
        err = InspectionError(
            f"整改事项要打印在评分表上，须填写责任人、整改时限和整改措施：{zh}",
            message_en="Findings are printed on the score sheet and need a responsible "
            f"person, a deadline and measures: {en}",
        )
    else:
        err = InspectionError(
            f"整改事项须填写责任人、整改时限和整改措施后才能保存：{zh}",
            message_en=f"A finding needs a responsible person, a deadline and measures before it is saved: {en}",
        )
    err.unprintable = [(i, g) for i, _lz, _le, g in missing]  # type: ignore[attr-defined]
    return err


def unprintable_findings(store: LocalStore, s, row: Inspection) -> list[tuple[str, str, str, list[str]]]:
    """The findings of ``row`` that the sheet would print with an empty 责任人 / 时限 / 措施."""
    form = store.form_by_sha256(s, row.form_sha256)
    out = []
    for f in s.scalars(select(Finding).where(Finding.inspection_id == row.id).order_by(Finding.created_at, Finding.id)):
        gaps = printed_gaps(f)
        if gaps:
            item = form.items.get(f.item_id or "")
            out.append((f.id, finding_label(f.description, item, "zh"), finding_label(f.description, item, "en"), gaps))
    return out


def default_measures(item: Item | None) -> str:
    """The measures a generated finding is offered (the inspector may rewrite them)."""
    if item is None:
        return "限期整改到位"
    return f"对照“{item.title.zh}”的评分标准限期整改到位"


def _enum(cls, value):
    if isinstance(value, cls):
        return value
    try:
        return cls.parse(str(value))
    except ValueError:
        known = "、".join(f"{m.value}（{m.zh}）" for m in cls)
        raise InspectionError(
            f"无效的取值 {value!r}，可选：{known}",
            message_en=f"Invalid value {value!r}; use one of " + ", ".join(m.value for m in cls),
        ) from None


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InspectionError(
            f"整改期限 {value!r} 不是有效日期（格式 YYYY-MM-DD）",
            message_en=f"Deadline {value!r} is not a date (YYYY-MM-DD)",
        ) from None


def auto_description(item: Item, note: str, points: float, max_points: float) -> str:
    """The text a finding generated from an item's score starts with."""
    note = note.strip()
    return f"{item.title.zh}：{note}" if note else f"{item.title.zh}（得分 {points:g}/{max_points:g}）"


def reevaluate_findings(store: LocalStore, s, row: Inspection, form: FormDef, item_id: str, old: Answer) -> None:
    """After an answer changed: the open findings generated from the item follow its new score.

    A finding whose item now earns full marks (and fails no veto) is closed (销号), with an
    entry in the audit trail; otherwise a description that was the generated one is rewritten
    for the new score (a description the inspector wrote is left alone).
    """
    findings = list(
        s.scalars(
            select(Finding).where(
                Finding.inspection_id == row.id,
                Finding.item_id == item_id,
                Finding.status != FindingStatus.VERIFIED.value,
            )
        )
    )
    if not findings:
        return
    item = form.items[item_id]
    sc = R.score_row(store, s, row).items.get(item_id)
    answers = R.answers_of(s, row.id)
    note = answers[item_id].note if item_id in answers else ""
    now = utcnow()
    for f in findings:
        if sc is not None and sc.answered and not sc.na and sc.points >= sc.max and not sc.veto_failed:
            R.add_audit(
                s,
                row,
                "finding_resolved",
                finding=f.id,
                item=item_id,
                no=item.no,
                before=f.status,
                after=FindingStatus.VERIFIED.value,
            )
            f.status = FindingStatus.VERIFIED.value
            f.closed_at = now
            f.updated_at = now
        elif sc is not None and f.description == auto_description(item, old.note, item_points(item, old)[0], item.max):
            f.description = auto_description(item, note, sc.points, sc.max)
            f.updated_at = now


def _lineage_upto(store: LocalStore, form: FormDef) -> Lineage | None:
    """The versions of ``form``'s id installed or pinned, up to ``form``'s own (None: no chain)."""
    mine = _version_key(form.version)
    versions = {f.version: f for f in store.forms.versions(form.id) if _version_key(f.version) <= mine}
    versions[form.version] = form
    try:
        return Lineage(list(versions.values()))
    except FormError:  # versions that do not chain: follow items by id within one version only
        return None


def carried_on(store: LocalStore, old: FormDef, item_id: str, new: FormDef) -> list[str]:
    """The item(s) of ``new`` that carry on ``item_id`` of ``old`` (same form, older or equal version).

    Renamed or moved: the one item; split: its parts; removed: none.
    """
    if old.id != new.id or _version_key(old.version) > _version_key(new.version):
        return []
    if old.version == new.version:
        return [item_id] if item_id in new.items else []
    lineage = _lineage_upto(store, new)
    if lineage is None or old.version not in {f.version for f in lineage.versions}:
        return []
    try:
        return lineage.current(old.version, item_id)
    except FormError:  # the item is not in the pinned version (an edited finding) - nothing to follow
        return []


def recheck_earlier_findings(store: LocalStore, s, row: Inspection, form: FormDef, item_id: str) -> None:
    """回头看: the open findings of earlier visits to this station that ``item_id`` carries on
    are closed (销号) when every item carrying them on earns full marks in this visit.

    The finding's own inspection gets the audit entry (its status may change when locked),
    naming the re-check visit and the item as it is now.
    """
    q = (
        select(Finding, Inspection)
        .join(Inspection, Inspection.id == Finding.inspection_id)
        .where(
            Inspection.station_code == row.station_code,
            Inspection.id != row.id,
            Inspection.form_id == form.id,
            Inspection.visit_date <= row.visit_date,
            Finding.item_id.is_not(None),
            Finding.status != FindingStatus.VERIFIED.value,
        )
    )
    result = None
    now = utcnow()
    for f, ins in s.execute(q).all():
        old_form = store.form_by_sha256(s, ins.form_sha256)
        now_items = carried_on(store, old_form, f.item_id, form)
        if item_id not in now_items:
            continue
        result = result or R.score_row(store, s, row)  # scored only when a finding is concerned
        scores = [result.items.get(i) for i in now_items]
        if all(
            sc is not None and sc.answered and not sc.na and sc.points >= sc.max and not sc.veto_failed for sc in scores
        ):
            R.add_audit(
                s,
                ins,
                "finding_resolved",
                finding=f.id,
                item=f.item_id,
                no=old_form.items[f.item_id].no if f.item_id in old_form.items else f.item_id,
                rechecked_in=row.id,
                now=[form.items[i].no for i in now_items],
                before=f.status,
                after=FindingStatus.VERIFIED.value,
            )
            f.status = FindingStatus.VERIFIED.value
            f.closed_at = now
            f.updated_at = now


class FindingsMixin:
    store: LocalStore

    def propose_findings(self, inspection_id: str) -> list[ProposedFinding]:
        """A finding for each answered item below full marks that has none yet (not stored)."""
        with self.store.session() as s:
            row = R.load_inspection(s, inspection_id)
            form = self.store.form_by_sha256(s, row.form_sha256)
            result = R.score_row(self.store, s, row)
            answers = R.answers_of(s, row.id)
            have = set(s.scalars(select(Finding.item_id).where(Finding.inspection_id == row.id)))
            # a five-haves item not met vetoes the rubric of the visit
            gate = form.kind is FormKind.GATE
            # items answered in the visit's five-haves check get their finding there
            linked = linked_in_visit(form, [r.form_id for r in R.visit_rows(s, row)])
            responsible, deadline = self._defaults(s, row)
            out = []
            for sec in form.sections:
                for item in sec.items:
                    sc = result.items[item.id]
                    if not item.scored or not sc.answered or sc.na or item.id in have or item.id in linked:
                        continue
                    if sc.points >= sc.max and not sc.veto_failed:
                        continue
                    desc = auto_description(item, answers[item.id].note, sc.points, sc.max)
                    out.append(
                        ProposedFinding(
                            item_id=item.id,
                            item_title=item.title.zh,
                            category=item.category or FindingCategory.DEMONSTRATION,
                            severity=Severity.VETO if sc.veto_failed or gate else Severity.DEDUCTION,
                            description=desc,
                            points=sc.points,
                            max=sc.max,
                            responsible=responsible or "站点负责人",
                            deadline=deadline,
                            measures=default_measures(item),
                        )
                    )
            return out

    def finding_defaults(self, inspection_id: str) -> tuple[str, dt.date]:
        """What a new finding is offered: the station's contact person (from the roster) as
        responsible, and the visit date plus ``Settings.finding_deadline_days`` as deadline."""
        with self.store.session() as s:
            return self._defaults(s, R.load_inspection(s, inspection_id))

    def signer_names(self, inspection_id: str) -> tuple[str, str]:
        """The names a signature is offered: the station head (the roster's contact person,
        as for findings) and the inspection's inspector."""
        with self.store.session() as s:
            row = R.load_inspection(s, inspection_id)
            return self._defaults(s, row)[0], row.inspector_name or ""

    def _defaults(self, s, row: Inspection) -> tuple[str, dt.date]:
        station = s.get(Station, row.station_code)
        contact = (station.contact or "").strip() if station is not None else ""
        return contact, row.visit_date + dt.timedelta(days=self.store.settings.finding_deadline_days)

    def findings(self, inspection_id: str) -> list[FindingView]:
        with self.store.session() as s:
            row = R.load_inspection(s, inspection_id)
            form = self.store.form_by_sha256(s, row.form_sha256)
            return R.findings_of(s, row.id, {i.id: i.title.zh for i in form.items.values()})

    def add_finding(
        self,
        inspection_id: str,
        *,
        category: Any,
        severity: Any,
        description: str,
        item_id: str | None = None,
        measures: str = "",
        responsible: str = "",
        deadline: Any = None,
        status: Any = FindingStatus.OPEN,
    ) -> FindingView:
        with self.store.session(write=True) as s:
            row = R.load_inspection(s, inspection_id)
            R.require_draft(row)
            self._check_item(s, row, item_id)
            now = utcnow()
            f = Finding(
                id=str(uuid.uuid4()),
                inspection_id=row.id,
                item_id=item_id or None,
                category=_enum(FindingCategory, category).value,
                severity=_enum(Severity, severity).value,
                description=description or "",
                measures=measures or "",
                responsible=responsible or "",
                deadline=_date(deadline),
                status=_enum(FindingStatus, status).value,
                created_at=now,
                updated_at=now,
            )
            self._require_printed(s, row, f)
            s.add(f)
            row.updated_at = now
            self.store.note_saved(s, row)
            s.flush()
            return R.finding_view(f)

    def update_finding(self, finding_id: str, **changes: Any) -> FindingView:
        """Change fields of a finding (``status`` alone is allowed on a locked inspection)."""
        unknown = set(changes) - set(_EDITABLE) - {"status"}
        if unknown:
            raise TypeError(f"unknown finding fields: {sorted(unknown)}")
        with self.store.session(write=True) as s:
            f = self._finding(s, finding_id)
            row = R.load_inspection(s, f.inspection_id)
            content = {k: v for k, v in changes.items() if k != "status"}
            if content:
                R.require_draft(row)
            if "item_id" in content:
                self._check_item(s, row, content["item_id"])
                f.item_id = content["item_id"] or None
            if "category" in content:
                f.category = _enum(FindingCategory, content["category"]).value
            if "severity" in content:
                f.severity = _enum(Severity, content["severity"]).value
            for k in ("description", "measures", "responsible"):
                if k in content:
                    setattr(f, k, content[k] or "")
            if "deadline" in content:
                f.deadline = _date(content["deadline"])
            if content:
                self._require_printed(s, row, f)
            now = utcnow()
            if "status" in changes:
                new = _enum(FindingStatus, changes["status"]).value
                if new != f.status:
                    R.add_audit(s, row, "finding_status", finding=f.id, before=f.status, after=new)
                    f.status = new
                    f.closed_at = now if new == FindingStatus.VERIFIED.value else None
            f.updated_at = now
            self.store.note_saved(s, row)
            s.flush()
            return R.finding_view(f)

    def delete_finding(self, finding_id: str) -> None:
        with self.store.session(write=True) as s:
            f = self._finding(s, finding_id)
            row = R.load_inspection(s, f.inspection_id)
            R.require_draft(row)
            self.store.note_saved(s, row)
            s.delete(f)

    def open_findings_for_station(self, station_code: str, exclude_inspection: str | None = None) -> list[FindingView]:
        """Findings of this station not yet verified (销号), oldest visit first."""
        with self.store.session() as s:
            q = (
                select(Finding, Inspection)
                .join(Inspection, Inspection.id == Finding.inspection_id)
                .where(Inspection.station_code == station_code, Finding.status != FindingStatus.VERIFIED.value)
                .order_by(Inspection.visit_date, Finding.created_at, Finding.id)
            )
            if exclude_inspection:
                q = q.where(Inspection.id != exclude_inspection)
            out = []
            for f, ins in s.execute(q):
                form = self.store.form_by_sha256(s, ins.form_sha256)
                title, no = self._item_now(form, f.item_id)
                out.append(
                    R.finding_view(
                        f, item_title=title, item_no=no, visit_date=ins.visit_date, station_code=station_code
                    )
                )
            return out

    def _item_now(self, form: FormDef, item_id: str | None) -> tuple[str, str]:
        """(title, number) of a finding's item as it is in the latest installed version of its form.

        Renamed or moved since: the new number and title; split: its parts, joined; removed
        (or no chain of versions): the item as the finding's own version has it.
        """
        item = form.items.get(item_id or "")
        if item is None:
            return "", ""
        latest = self.store.forms.versions(form.id)[-1:] or [form]
        ids = carried_on(self.store, form, item.id, latest[0])
        if not ids:
            return item.title.zh, item.no
        now = [latest[0].items[i] for i in ids]
        return "、".join(i.title.zh for i in now), "、".join(i.no for i in now)

    # -- helpers --------------------------------------------------------
    def _require_printed(self, s, row: Inspection, f: Finding) -> None:
        gaps = printed_gaps(f)
        if gaps:
            item = self.store.form_by_sha256(s, row.form_sha256).items.get(f.item_id or "")
            raise unprintable_error(
                [(f.id, finding_label(f.description, item, "zh"), finding_label(f.description, item, "en"), gaps)],
                completing=False,
            )

    def _finding(self, s, finding_id: str) -> Finding:
        f = s.get(Finding, finding_id)
        if f is None:
            raise InspectionError(f"找不到整改事项 {finding_id}", message_en=f"No finding with id {finding_id}")
        return f

    def _check_item(self, s, row: Inspection, item_id: str | None) -> None:
        if item_id and item_id not in self.store.form_by_sha256(s, row.form_sha256).items:
            raise InspectionError(
                f"表单 {row.form_id} 中没有检查项 {item_id}", message_en=f"Form {row.form_id} has no item {item_id}"
            )
