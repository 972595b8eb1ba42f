"""An inspection record (the bundle record shape, docs/bundle-format.md §5) -> ``SheetData``.

Both databases can give an inspection in that one shape: the laptop writes it
into bundles and the central database keeps every imported revision as such a
record. Building the sheet from it means a sheet printed on the laptop and one
reprinted at the bureau show the same thing and carry the same proof.
Scores are recomputed with the form engine, never taken from the record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from fengqiao_desktop.domain import FormKind
from fengqiao_desktop.domain.photos import days_before_visit, is_older_than_visit
from fengqiao_desktop.domain.signatures import check_strokes
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
    SheetRecheck,
    SheetSignature,
    SheetStation,
)

PhotoLoader = Callable[[dict], SheetPhoto | None]


def answers_of(record: Mapping[str, Any]) -> dict[str, Answer]:
    return {k: Answer.from_json(v) for k, v in (record.get("answers") or {}).items()}


def visit_form(record: Mapping[str, Any], form: FormDef) -> VisitForm:
    """One record as a form of its visit, for the visit rule."""
    counts = Counter(p.get("item_id") for p in record.get("photos") or [] if p.get("item_id"))
    return VisitForm(
        key=str(record["id"]),
        form=form,
        answers=answers_of(record),
        photo_counts=dict(counts),
        completed=bool(record.get("completed_at")),
    )


def visit_date(record: Mapping[str, Any]) -> str | None:
    """The visit's day: when it was completed, else when it was started."""
    for key in ("completed_at", "created_at"):
        value = record.get(key)
        if value:
            return str(value)[:10]
    return None


def _inspection(record: Mapping[str, Any]) -> SheetInspection:
    return SheetInspection(
        str(record["id"]), int(record["revision"]), visit_date(record), str(record.get("status") or "completed")
    )


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _photos(
    record: Mapping[str, Any], form_id: str | None, load_photo: PhotoLoader | None, max_age_days: int
) -> list[SheetPhoto]:
    visit = _day(record.get("visit_date")) or _day(visit_date(record))
    out: list[SheetPhoto] = []
    for p in record.get("photos") or []:
        photo = load_photo(p) if load_photo else None
        photo = photo or SheetPhoto(caption=str(p.get("caption") or ""), item_id=p.get("item_id"))
        taken = _day(p.get("captured_at"))
        questioned = is_older_than_visit(taken, visit, max_age_days)
        lat, lon = _number(p.get("latitude")), _number(p.get("longitude"))
        out.append(
            dataclasses.replace(
                photo,
                form_id=form_id,
                taken_on=taken,
                days_before_visit=days_before_visit(taken, visit) if questioned else None,
                latitude=lat if lon is not None else None,
                longitude=lon if lat is not None else None,
            )
        )
    return out


def _signatures(record: Mapping[str, Any]) -> list[SheetSignature]:
    out = []
    for g in record.get("signatures") or []:
        if not isinstance(g, dict):
            continue
        try:
            strokes = check_strokes(g.get("strokes"))
        except ValueError:
            continue
        out.append(SheetSignature(str(g.get("role") or ""), str(g.get("name") or ""), strokes, g.get("signed_at")))
    return out


def _rechecks(record: Mapping[str, Any]) -> list[SheetRecheck]:
    return [
        SheetRecheck(
            str(r.get("description") or r.get("finding_id") or ""),
            str(r.get("verdict") or ""),
            str(r.get("note") or ""),
        )
        for r in record.get("rechecks") or []
        if isinstance(r, dict)
    ]


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
    photo_max_age_days: int = 30,
) -> SheetData:
    """Assemble the sheet of a visit from its records, scored by the visit rule.

    ``record`` is the sheet's own inspection: the rubric of a visit that has one,
    else the five-haves check. ``companion`` is the visit's five-haves record when
    ``record`` is a rubric: its answers, findings and photos are printed on the same
    sheet, and its state decides the rubric's verdict (pending, vetoed). The signatures
    printed are the record's own, a role it lacks taken from the companion's (the station
    head may have signed when the check was completed). ``photo_max_age_days`` is the
    setting of the age rule (``domain.photos``) that marks a photo as taken before the visit.
    """
    members = [visit_form(record, form)]
    if companion is not None and form.kind is FormKind.RUBRIC:
        members.append(visit_form(companion[0], companion[1]))
    visit = evaluate_visit(members)
    key = str(record["id"])
    result = visit[key]
    comp: SheetCompanion | None = None
    findings = _findings(record, None)
    photos = _photos(record, None, load_photo, photo_max_age_days)
    signatures = _signatures(record)
    rechecks = _rechecks(record)
    if companion is not None and visit.gate_key is not None and visit.gate_key != key:
        c_record, c_form = companion
        comp = SheetCompanion(
            c_form,
            visit.answers[visit.gate_key],
            visit[visit.gate_key],
            state=visit.gate,
            inspection=_inspection(c_record),
        )
        findings += _findings(c_record, c_form.id)
        photos += _photos(c_record, c_form.id, load_photo, photo_max_age_days)
        have = {g.role for g in signatures}
        signatures += [g for g in _signatures(c_record) if g.role not in have]
        rechecks += _rechecks(c_record)
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
        signatures=sorted(signatures, key=lambda g: g.role),
        rechecks=rechecks,
    )
