"""Side-by-side data for a conflict: the competing revisions of one inspection, item by item.

Plain data for the Bureau's Conflicts page: for each item of the registered form,
every competing revision's answer, note and points (recomputed with the
registered form, as the import does), and whether they differ; plus each
revision's inspector, times, total and verdict.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.formengine.scoring import Answer, score
from fengqiao_desktop.merge import conflicts as _conflicts
from fengqiao_desktop.merge import forms_registry, models


@dataclass(frozen=True)
class RevisionSide:
    sha256: str
    revision: int
    inspector: str
    completed_at: str | None
    updated_at: str | None
    total: float | None
    max: float | None
    verdict: str | None
    is_winner: bool
    audit_len: int


@dataclass(frozen=True)
class Cell:
    value: object  # the raw answer value (None when unanswered)
    na: bool
    note: str
    points: float | None
    photos: int


@dataclass(frozen=True)
class ItemRow:
    section_zh: str
    section_en: str
    item_id: str
    title_zh: str
    title_en: str
    item_type: str
    max: float
    choices: dict  # value -> (zh label, en label), for choice items
    cells: tuple[Cell, ...]

    @property
    def differs(self) -> bool:
        return len({(c.value, c.na, c.note, c.points, c.photos) for c in self.cells}) > 1


@dataclass(frozen=True)
class Comparison:
    inspection_id: str
    station_code: str
    station_name: str
    form_title_zh: str
    form_title_en: str
    status: str
    revisions: tuple[RevisionSide, ...]
    rows: tuple[ItemRow, ...]


def _cell(item, rec: dict, points: dict) -> Cell:
    a = (rec.get("answers") or {}).get(item.id)
    photos = sum(1 for p in rec.get("photos") or [] if p.get("item_id") == item.id)
    if a is None:
        return Cell(None, False, "", points.get(item.id), photos)
    return Cell(a.get("value"), bool(a.get("na")), a.get("note") or "", points.get(item.id), photos)


def compare(conn: Connection, inspection_id: str) -> Comparison:
    view = next((c for c in _conflicts.list_conflicts(conn) if c.inspection_id == inspection_id), None)
    if view is None:
        raise MergeError(f"检查 {inspection_id} 没有冲突", message_en=f"inspection {inspection_id} has no conflict")
    stations = models.table_of(models.Station)
    name = conn.execute(select(stations.c.name).where(stations.c.code == view.station_code)).scalar() or ""
    form_sha = view.revisions[0].record["form"]["sha256"]
    form = forms_registry.load_form(conn, form_sha)
    sides, item_points = [], []
    for r in view.revisions:
        rec = r.record
        pts: dict[str, float] = {}
        maximum = None
        if form is not None:
            counts: dict[str, int] = {}
            for p in rec.get("photos") or []:
                if p.get("item_id"):
                    counts[p["item_id"]] = counts.get(p["item_id"], 0) + 1
            res = score(form, {k: Answer.from_json(v) for k, v in (rec.get("answers") or {}).items()}, counts)
            pts = {k: s.points for k, s in res.items.items()}
            maximum = res.max
        item_points.append(pts)
        sides.append(
            RevisionSide(
                r.sha256,
                r.revision,
                r.inspector,
                r.completed_at,
                rec.get("updated_at"),
                r.total,
                maximum,
                r.verdict,
                r.sha256 == view.winner_sha256,
                len(rec.get("audit") or []),
            )
        )
    rows = []
    if form is not None:
        for s in form.sections:
            for it in s.items:
                rows.append(
                    ItemRow(
                        s.title.zh,
                        s.title.en,
                        it.id,
                        it.title.zh,
                        it.title.en,
                        it.type.value,
                        it.max,
                        {c.value: (c.label.zh, c.label.en) for c in it.choices},
                        tuple(_cell(it, r.record, pts) for r, pts in zip(view.revisions, item_points, strict=True)),
                    )
                )
    return Comparison(
        view.inspection_id,
        view.station_code,
        name,
        form.title.zh if form else form_sha[:12],
        form.title.en if form else form_sha[:12],
        view.status,
        tuple(sides),
        tuple(rows),
    )
