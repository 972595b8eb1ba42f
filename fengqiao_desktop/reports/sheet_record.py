"""An inspection record (the bundle record shape, docs/bundle-format.md §5) -> ``SheetData``.

Both databases can give an inspection in that one shape: the laptop writes it
into bundles and the central database keeps every imported revision as such a
record. Building the sheet from it means a sheet printed on the laptop and one
reprinted at the bureau show the same thing and carry the same proof.
Scores are recomputed with the form engine, never taken from the record.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from fengqiao_desktop.domain import FormKind
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer
from fengqiao_desktop.formengine.visit import VisitForm, evaluate_visit
from fengqiao_desktop.reports.sheet_data import (
    SheetCompanion,
    SheetData,
    SheetFinding,
    SheetInspection,
    SheetInspector,
    SheetPhoto,
    SheetStation,
)

PhotoLoader = Callable[[dict], SheetPhoto | None]


def answers_of(record: Mapping[str, Any]) -> dict[str, Answer]:
    return {k: Answer.from_json(v) for k, v in (record.get("answers") or {}).items()}


def visit_form(record: Mapping[str, Any], form: FormDef) -> VisitForm:
    """One record as a form of its visit, for the visit rule."""
    counts = Counter(p.get("item_id") for p in record.get("photos") or [] if p.get("item_id"))
    return VisitForm(key=str(record["id"]), form=form, answers=answers_of(record),
                     photo_counts=dict(counts), completed=bool(record.get("completed_at")))


def visit_date(record: Mapping[str, Any]) -> str | None:
    """The visit's day: when it was completed, else when it was started."""
    for key in ("completed_at", "created_at"):
        value = record.get(key)
        if value:
            return str(value)[:10]
    return None


def _inspection(record: Mapping[str, Any]) -> SheetInspection:
    return SheetInspection(str(record["id"]), int(record["revision"]), visit_date(record),
                           str(record.get("status") or "completed"))


def _photos(record: Mapping[str, Any], form_id: str | None, load_photo: PhotoLoader | None) -> list[SheetPhoto]:
    out: list[SheetPhoto] = []
    for p in record.get("photos") or []:
        photo = load_photo(p) if load_photo else None
        photo = photo or SheetPhoto(caption=str(p.get("caption") or ""), item_id=p.get("item_id"))
        out.append(dataclasses.replace(photo, form_id=form_id))
    return out


def _findings(record: Mapping[str, Any], form_id: str | None) -> list[SheetFinding]:
    return [SheetFinding.from_dict(f, form_id) for f in record.get("findings") or [] if isinstance(f, dict)]


def sheet_from_record(
    record: Mapping[str, Any],
    form: FormDef,
    station: SheetStation,
    content_hash: str,
    *,
    load_photo: PhotoLoader | None = None,
    companion: tuple[Mapping[str, Any], FormDef] | None = None,
    lang: str = "zh",
) -> SheetData:
    """Assemble the sheet of a visit from its records, scored by the visit rule.

    ``record`` is the sheet's own inspection: the rubric of a visit that has one,
    else the five-haves check. ``companion`` is the visit's five-haves record when
    ``record`` is a rubric: its answers, findings and photos are printed on the same
    sheet, and its state decides the rubric's verdict (pending, vetoed).
    """
    members = [visit_form(record, form)]
    if companion is not None and form.kind is FormKind.RUBRIC:
        members.append(visit_form(companion[0], companion[1]))
    visit = evaluate_visit(members)
    key = str(record["id"])
    result = visit[key]
    comp: SheetCompanion | None = None
    findings = _findings(record, None)
    photos = _photos(record, None, load_photo)
    if companion is not None and visit.gate_key is not None and visit.gate_key != key:
        c_record, c_form = companion
        comp = SheetCompanion(c_form, visit.answers[visit.gate_key], visit[visit.gate_key],
                              state=visit.gate, inspection=_inspection(c_record))
        findings += _findings(c_record, c_form.id)
        photos += _photos(c_record, c_form.id, load_photo)
    inspector = record.get("inspector") or {}
    return SheetData(
        station=station,
        inspection=_inspection(record),
        inspector=SheetInspector(str(inspector.get("name") or ""), str(inspector.get("unit") or "")),
        form=form,
        answers=visit.answers[key],
        result=result,
        content_hash=content_hash,
        companion=comp,
        findings=findings,
        photos=photos,
        lang=lang,
        gate_state=visit.gate if visit.gate_key == key else None,
    )
