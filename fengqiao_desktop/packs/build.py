"""The bureau's side: choose what a pack carries from the central database, write it, record it.

``plan_pack`` is pure reading (what would go in: roster, forms, assignments,
findings to re-check) and is what the bureau page shows before it writes;
``build_pack`` reserves the bureau's next sequence number, writes and verifies
the pack, and records it with its assignments in one central transaction — a
pack that fails to write leaves no record and uses up no number.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from fengqiao_desktop.bundle.minisign import SecretKey
from fengqiao_desktop.errors import PackError
from fengqiao_desktop.formengine.loader import FormRegistry
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.merge import followup, models, review, trust
from fengqiao_desktop.merge.db import Central
from fengqiao_desktop.merge.forms_registry import list_forms, load_form
from fengqiao_desktop.merge.results import station_results
from fengqiao_desktop.packs.verifier import VerifiedPack
from fengqiao_desktop.packs.writer import PackContent, write_pack

ST = models.table_of(models.Station)
FI = models.table_of(models.Finding)
TP = models.table_of(models.TaskPack)
PA = models.table_of(models.PackAssignment)
OPEN_FINDING = (None, "open")


@dataclass(frozen=True)
class PackRequest:
    """What the bureau asks for: whose pack, which counties' roster, which stations, by when."""

    inspector_key_id: str
    counties: Sequence[str] = ()
    stations: Sequence[str] = ()
    due_date: date | None = None
    note: str = ""


@dataclass(frozen=True)
class PackRecord:
    """A pack the bureau made (a row of ``task_packs``)."""

    pack_id: str
    sequence: int
    inspector_key_id: str
    created_at: str
    path: str
    n_stations: int
    n_forms: int
    n_assignments: int
    n_findings: int
    n_returned: int


def _county(code: str) -> str:
    code = code.strip()
    return code.ljust(12, "0") if len(code) == 6 and code.isdigit() else code


def _ancestors(codes: set[str], parents: dict[str, str | None]) -> set[str]:
    out = set(codes)
    for code in codes:
        p = parents.get(code)
        while p and p not in out:
            out.add(p)
            p = parents.get(p)
    return out


def registered_forms(conn: Connection) -> list[FormDef]:
    """Every form the bureau registered (its own sheets and the shipped ones)."""
    forms = [load_form(conn, e.sha256) for e in list_forms(conn)]
    return [f for f in forms if f is not None]


def default_forms(reg: FormRegistry, level: str) -> list[FormDef]:
    """The forms a visit at this level starts with: the five-haves gate and the level's rubric."""
    out = [f for f in reg.for_level(level) if f.kind.value == "gate"][:1]
    rubric = reg.default_rubric_for(level)
    return out + ([rubric] if rubric is not None else [])


def unfinished_stations(conn: Connection, counties: Sequence[str], level: str, *, year: int | None = None) -> list[str]:
    """Stations of ``level`` in ``counties`` (all when empty) whose current rubric result this
    year is not 示范型达标 (pass), e.g. "all towns of 城关区 not yet demonstration-grade"."""
    prefixes = tuple(_county(c)[:6] for c in counties)
    codes = [
        c
        for (c,) in conn.execute(select(ST.c.code).where(ST.c.level == level).order_by(ST.c.code))
        if not prefixes or c.startswith(prefixes)
    ]
    passed = {
        r.station_code for r in station_results(conn, year=year) if r.form_kind == "rubric" and r.verdict == "pass"
    }
    return [c for c in codes if c not in passed]


def plan_pack(conn: Connection, req: PackRequest) -> PackContent:
    """What a pack for ``req`` would carry (reads only). Refusals are PackError.

    Besides what the bureau chose, every pack carries the inspector's inspections that
    the bureau returned at review (退回) and not yet received corrected.
    """
    entry = trust.get_key(conn, req.inspector_key_id)
    if entry is None or entry.state() != "valid":
        raise PackError(
            f"检查人员密钥 {req.inspector_key_id} 不在信任库中或已失效；请先在“信任的检查员密钥”中添加该检查人员",
            message_en=f"inspector key {req.inspector_key_id} is not trusted or no longer valid; add the "
            "inspector under Trusted inspector keys first",
            kind="inspector",
        )
    rows = {r.code: r for r in conn.execute(select(ST))}
    parents = {c: r.parent_code for c, r in rows.items()}
    counties = sorted({_county(c) for c in req.counties})
    for c in counties:
        if c not in rows:
            raise PackError(
                f"中心名册中没有区县 {c}", message_en=f"county {c} is not in the central roster", kind="roster"
            )
    for c in req.stations:
        if c not in rows:
            raise PackError(
                f"中心名册中没有站点 {c}；请先导入名册",
                message_en=f"station {c} is not in the central roster; import the roster first",
                kind="roster",
            )
    if counties:
        prefixes = tuple(c[:6] for c in counties)
        chosen = {c for c in rows if c.startswith(prefixes)}
    else:
        chosen = set(rows)
    chosen = _ancestors(chosen | set(req.stations), parents)
    stations = [
        {
            "code": r.code,
            "name": r.name,
            "level": r.level,
            "parent_code": r.parent_code,
            "address": r.address or "",
            "contact": r.contact or "",
            "phone": r.phone or "",
            "veterans_served": r.veterans_served,
            "is_demo": bool(r.is_demo),
        }
        for c, r in sorted(rows.items())
        if c in chosen
    ]

    all_forms = registered_forms(conn)
    reg = FormRegistry(all_forms)
    forms = {f.sha256: f.canonical_bytes() for f in all_forms}
    assignments = []
    for code in dict.fromkeys(req.stations):
        picked = default_forms(reg, rows[code].level)
        if not picked:
            raise PackError(
                f"没有适用于站点 {code} 级别的表单",
                message_en=f"no form applies to station {code}'s level",
                kind="forms",
            )
        assignments.append(
            {
                "id": str(uuid.uuid4()),
                "station_code": code,
                "inspector_key_id": req.inspector_key_id,
                "due_date": req.due_date.isoformat() if req.due_date else None,
                "note": req.note,
                "forms": [{"sha256": f.sha256, "id": f.id, "version": f.version} for f in picked],
            }
        )

    findings = []
    if req.stations:
        q = select(FI).where(FI.c.station_code.in_(list(req.stations)))
        rows_f = [
            r
            for r in conn.execute(q.order_by(FI.c.station_code, FI.c.inspection_id, FI.c.finding_id))
            if r.status in OPEN_FINDING
        ]
        found_by = followup.inspector_names(conn, {r.inspection_id for r in rows_f})
        for r in rows_f:
            findings.append(
                {
                    "inspection_id": r.inspection_id,
                    "finding_id": r.finding_id,
                    "station_code": r.station_code,
                    "item_id": r.item_id,
                    "category": r.category,
                    "severity": r.severity,
                    "description": r.description or "",
                    "measures": r.measures or "",
                    "responsible": r.responsible or "",
                    "deadline": r.deadline,
                    "status": r.status,
                    "inspector_name": found_by.get(r.inspection_id, ""),
                }
            )
    return PackContent(
        inspector_key_id=req.inspector_key_id,
        stations=stations,
        counties=counties,
        forms=forms,
        assignments=assignments,
        findings=findings,
        returned=review.returned_for(conn, req.inspector_key_id),
    )


def next_sequence(conn: Connection, bureau_id: str) -> int:
    return int(conn.execute(select(func.max(TP.c.sequence)).where(TP.c.bureau_id == bureau_id)).scalar() or 0) + 1


def build_pack(
    central: Central,
    req: PackRequest,
    out_dir: str | Path,
    *,
    secret_key: SecretKey,
    bureau_id: str,
    bureau_name: str,
    bureau_unit: str,
    age_recipients: Sequence[str] = (),
) -> VerifiedPack:
    """Write the pack for ``req`` into ``out_dir`` and record it; returns it verified."""
    with central.write() as conn:
        content = plan_pack(conn, req)
        seq = next_sequence(conn, bureau_id)
        vp = write_pack(
            out_dir,
            content,
            secret_key=secret_key,
            bureau_id=bureau_id,
            bureau_name=bureau_name,
            bureau_unit=bureau_unit,
            sequence=seq,
            age_recipients=age_recipients,
        )
        assert vp.path is not None
        counts = vp.manifest["counts"]
        conn.execute(
            insert(TP).values(
                pack_id=vp.pack_id,
                bureau_id=bureau_id,
                sequence=seq,
                key_id=secret_key.key_id,
                inspector_key_id=req.inspector_key_id,
                manifest_sha256=vp.manifest_sha256,
                file_name=vp.path.name,
                path=str(vp.path.resolve()),
                created_at=vp.manifest["created_at"],
                n_stations=counts["stations"],
                n_forms=counts["forms"],
                n_assignments=counts["assignments"],
                n_findings=counts["findings"],
                n_returned=counts["returned"],
            )
        )
        for a in content.assignments:
            conn.execute(
                insert(PA).values(
                    id=a["id"],
                    pack_id=vp.pack_id,
                    station_code=a["station_code"],
                    inspector_key_id=a["inspector_key_id"],
                    forms=json.dumps(a["forms"]),
                    due_date=date.fromisoformat(a["due_date"]) if a["due_date"] else None,
                    note=a["note"],
                )
            )
    return vp


def list_packs(conn: Connection) -> list[PackRecord]:
    """Every pack made, newest first."""
    rows = conn.execute(select(TP).order_by(TP.c.created_at.desc(), TP.c.sequence.desc()))
    return [
        PackRecord(
            r.pack_id,
            r.sequence,
            r.inspector_key_id,
            r.created_at,
            r.path,
            r.n_stations,
            r.n_forms,
            r.n_assignments,
            r.n_findings,
            r.n_returned,
        )
        for r in rows
    ]
