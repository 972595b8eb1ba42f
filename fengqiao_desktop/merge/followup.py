"""Rectification follow-up at the bureau: 回头看 verdicts from later visits, and 销号.

A finding is raised in one inspection's record. A later visit — possibly by
another inspector, sent there by a task pack — re-checks it and says in *its own*
record (``rechecks``) whether it was rectified. The bureau then closes it (销号).

What counts for a finding (``findings.status``, read by coverage, packs and the
review page) is, in this order:

1. ``verified`` when the bureau closed it (``finding_closures``);
2. ``verified`` when its own record says so (the inspector closed it at a visit);
3. the verdict of the latest re-check (by the re-check's completion time):
   ``rectified`` (已整改/待销号) or ``open`` (still not rectified);
4. the status its own record gives (``record_status``).

Re-checks are derived from the winning records like findings (``refresh`` is
called by ``merge/apply.refresh_inspections``), so the state stays a function of
the revisions held, whatever order bundles arrive in. Closures are people's
decisions and are kept.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.summary import refresh_summary

FIND = models.table_of(models.Finding)
RECHECK = models.table_of(models.FindingRecheck)
CLOSURE = models.table_of(models.FindingClosure)
INS = models.table_of(models.Inspection)
ST = models.table_of(models.Station)
REV = models.table_of(models.InspectionRevision)

RECTIFIED, VERIFIED = "rectified", "verified"


def recheck_rows(by_inspection_id: str, station: str, completed_at: str | None, rechecks: Sequence[dict]) -> list[dict]:
    """Rows of ``finding_rechecks`` from one winning record's ``rechecks`` (validated shape)."""
    out, seen = [], set()
    for r in rechecks:
        if not isinstance(r, dict):
            continue
        key = (str(r.get("inspection_id")), str(r.get("finding_id")))
        if key in seen or key[0] == by_inspection_id:
            continue
        seen.add(key)
        out.append(
            {
                "target_inspection_id": key[0],
                "finding_id": key[1],
                "by_inspection_id": by_inspection_id,
                "station_code": station,
                "verdict": str(r.get("verdict")),
                "note": str(r.get("note") or ""),
                "photo_sha256": r.get("photo_sha256"),
                "checked_at": completed_at,
            }
        )
    return out


def replace_rechecks(conn: Connection, by_ids: Sequence[str], rows: Sequence[dict]) -> set[str]:
    """Replace the re-checks given by ``by_ids``; returns the inspections whose findings they concern."""
    touched = {r["target_inspection_id"] for r in rows}
    if by_ids:
        touched |= set(
            conn.execute(
                select(RECHECK.c.target_inspection_id).where(RECHECK.c.by_inspection_id.in_(list(by_ids)))
            ).scalars()
        )
        conn.execute(delete(RECHECK).where(RECHECK.c.by_inspection_id.in_(list(by_ids))))
    if rows:
        conn.execute(insert(RECHECK), list(rows))
    return touched


def refresh(conn: Connection, inspection_ids: Iterable[str]) -> set[str]:
    """Recompute ``findings.status`` of these inspections' findings (the rule in the module doc);
    return the stations whose findings changed (their coverage summary is the caller's to refresh)."""
    ids = sorted(set(inspection_ids))
    if not ids:
        return set()
    findings = conn.execute(
        select(FIND.c.inspection_id, FIND.c.finding_id, FIND.c.status, FIND.c.record_status, FIND.c.station_code).where(
            FIND.c.inspection_id.in_(ids)
        )
    ).all()
    if not findings:
        return set()
    closed = {
        (r.inspection_id, r.finding_id)
        for r in conn.execute(
            select(CLOSURE.c.inspection_id, CLOSURE.c.finding_id).where(CLOSURE.c.inspection_id.in_(ids))
        )
    }
    latest: dict[tuple[str, str], str] = {}
    for r in conn.execute(
        select(RECHECK.c.target_inspection_id, RECHECK.c.finding_id, RECHECK.c.verdict)
        .where(RECHECK.c.target_inspection_id.in_(ids))
        .order_by(RECHECK.c.checked_at, RECHECK.c.by_inspection_id)
    ):
        latest[(r.target_inspection_id, r.finding_id)] = r.verdict  # the last one wins
    changes, stations = [], set()
    for f in findings:
        key = (f.inspection_id, f.finding_id)
        if key in closed or f.record_status == VERIFIED:
            status = VERIFIED
        else:
            status = latest.get(key, f.record_status)
        if status != f.status:
            changes.append({"_i": f.inspection_id, "_f": f.finding_id, "status": status})
            stations.add(f.station_code)
    if changes:
        conn.execute(
            update(FIND)
            .where(and_(FIND.c.inspection_id == bindparam("_i"), FIND.c.finding_id == bindparam("_f")))
            .values(status=bindparam("status")),
            changes,
        )
    return stations


# -- the bureau's side: what awaits 销号, and closing -----------------------------------------------


@dataclass(frozen=True)
class FollowupRow:
    """A finding with its latest re-check, as the review page lists it."""

    inspection_id: str
    finding_id: str
    station_code: str
    station_name: str
    description: str
    deadline: str | None
    status: str  # open / rectified / verified
    recheck_verdict: str | None
    recheck_note: str
    recheck_photo_sha256: str | None
    rechecked_by: str  # the re-checking inspector's name
    rechecked_at: str | None
    closed_by: str | None
    closed_at: datetime | None


def list_followups(conn: Connection, *, status: str | None = RECTIFIED) -> list[FollowupRow]:
    """Findings in ``status`` (default: rectified, i.e. awaiting 销号; None: every re-checked or closed one)."""
    names = {r.code: r.name for r in conn.execute(select(ST.c.code, ST.c.name))}
    closures = {(r.inspection_id, r.finding_id): r for r in conn.execute(select(CLOSURE))}
    rechecks: dict[tuple[str, str], Any] = {}
    for r in conn.execute(select(RECHECK).order_by(RECHECK.c.checked_at, RECHECK.c.by_inspection_id)):
        rechecks[(r.target_inspection_id, r.finding_id)] = r
    q = select(FIND)
    if status is not None:
        q = q.where(FIND.c.status == status)
    by_names = inspector_names(conn, {r.by_inspection_id for r in rechecks.values()})
    out = []
    for f in conn.execute(q.order_by(FIND.c.station_code, FIND.c.inspection_id, FIND.c.finding_id)):
        key = (f.inspection_id, f.finding_id)
        rc, cl = rechecks.get(key), closures.get(key)
        if status is None and rc is None and cl is None:
            continue
        out.append(
            FollowupRow(
                f.inspection_id,
                f.finding_id,
                f.station_code,
                names.get(f.station_code, ""),
                f.description or "",
                f.deadline,
                f.status or "open",
                rc.verdict if rc else None,
                rc.note if rc else "",
                rc.photo_sha256 if rc else None,
                by_names.get(rc.by_inspection_id, "") if rc else "",
                rc.checked_at if rc else None,
                cl.closed_by if cl else None,
                cl.closed_at if cl else None,
            )
        )
    return out


def inspector_names(conn: Connection, inspection_ids: set[str]) -> dict[str, str]:
    """The inspector's name in each inspection's winning record."""
    if not inspection_ids:
        return {}
    out = {}
    q = (
        select(INS.c.id, REV.c.record)
        .join(REV, (REV.c.inspection_id == INS.c.id) & (REV.c.content_sha256 == INS.c.winner_sha256))
        .where(INS.c.id.in_(sorted(inspection_ids)))
    )
    for iid, text in conn.execute(q):
        out[iid] = str((json.loads(text).get("inspector") or {}).get("name", ""))
    return out


def close_finding(conn: Connection, inspection_id: str, finding_id: str, *, by: str, note: str = "") -> None:
    """The bureau's 销号 of a finding (any state: a rectification seen by other means counts too)."""
    by = by.strip()
    if not by:
        raise MergeError("请填写销号人", message_en="say who closes the finding")
    exists = conn.execute(
        select(FIND.c.finding_id).where(FIND.c.inspection_id == inspection_id, FIND.c.finding_id == finding_id)
    ).first()
    if exists is None:
        raise MergeError(
            f"中心库中没有这个整改问题（检查 {inspection_id}，问题 {finding_id}）",
            message_en=f"the central database has no such finding (inspection {inspection_id}, finding {finding_id})",
        )
    conn.execute(delete(CLOSURE).where(CLOSURE.c.inspection_id == inspection_id, CLOSURE.c.finding_id == finding_id))
    conn.execute(
        insert(CLOSURE).values(
            inspection_id=inspection_id,
            finding_id=finding_id,
            closed_by=by[:100],
            closed_at=datetime.now(timezone.utc),
            note=note.strip(),
        )
    )
    refresh_summary(conn, refresh(conn, [inspection_id]))


def reopen_finding(conn: Connection, inspection_id: str, finding_id: str) -> None:
    """Take a 销号 back (a mistake): the finding counts as its records say again."""
    conn.execute(delete(CLOSURE).where(CLOSURE.c.inspection_id == inspection_id, CLOSURE.c.finding_id == finding_id))
    refresh_summary(conn, refresh(conn, [inspection_id]))
