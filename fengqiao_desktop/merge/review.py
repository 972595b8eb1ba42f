"""The bureau's review of imported inspections: received (待审核) -> approved (已审核) / returned (退回).

A review is about the content reviewed: it records the winning revision's sha256.
When a newer revision of the inspection wins later (the inspector corrected it),
the inspection is received again, with the earlier review still in the log.

Coverage rule (docs/coverage.md): a returned inspection counts for nothing until
a corrected revision arrives; received and approved inspections count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from fengqiao_desktop.domain.time import CST
from fengqiao_desktop.errors import MergeError
from fengqiao_desktop.merge import models

RECEIVED, APPROVED, RETURNED = "received", "approved", "returned"
STATES = (RECEIVED, APPROVED, RETURNED)
STATE_LABELS = {RECEIVED: ("待审核", "received"), APPROVED: ("已审核", "approved"), RETURNED: ("退回", "returned")}

INS = models.table_of(models.Inspection)
REV = models.table_of(models.InspectionRevision)
REVIEW = models.table_of(models.InspectionReview)
ST = models.table_of(models.Station)


def state_label(state: str, lang: str = "zh") -> str:
    zh, en = STATE_LABELS.get(state, (state, state))
    return en if lang == "en" else zh


@dataclass(frozen=True)
class ReviewRow:
    inspection_id: str
    station_code: str
    station_name: str
    county: str  # the county-level unit's name ('' when none is in the roster)
    form_id: str
    form_kind: str
    completed_at: str | None
    total: float | None
    verdict: str | None
    inspector: str
    state: str
    comment: str
    reviewed_by: str | None
    reviewed_at: datetime | None

    def as_json(self) -> dict:
        d = dict(self.__dict__)
        d["reviewed_at"] = self.reviewed_at.isoformat() if self.reviewed_at else None
        return d


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _county_names(conn: Connection) -> dict[str, str]:
    """Each station's county-level unit (or city), by walking up its parents."""
    rows = {r.code: r for r in conn.execute(select(ST.c.code, ST.c.name, ST.c.level, ST.c.parent_code))}
    out: dict[str, str] = {}
    for code in rows:
        r, hops = rows.get(code), 0
        while r is not None and r.level not in ("county", "city") and hops < 4:
            r, hops = rows.get(r.parent_code or ""), hops + 1
        out[code] = r.name if r is not None else ""
    return out


def list_reviews(
    conn: Connection,
    *,
    state: str | None = None,
    county: str | None = None,
    inspector: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[ReviewRow]:
    """Every imported inspection with its review state, newest first; filters combine.

    ``county`` and ``inspector`` match a part of the name; dates are the completion
    day in China Standard Time, inclusive.
    """
    if state is not None and state not in STATES:
        raise MergeError(
            f"未知的审核状态：{state}（可选 received、approved、returned）",
            message_en=f"unknown review state: {state} (choose received, approved or returned)",
        )
    counties = _county_names(conn)
    names = {r.code: r.name for r in conn.execute(select(ST.c.code, ST.c.name))}
    reviews = {r.inspection_id: r for r in conn.execute(select(REVIEW))}
    q = select(
        INS.c.id,
        INS.c.station_code,
        INS.c.form_id,
        INS.c.form_kind,
        INS.c.completed_at,
        INS.c.total,
        INS.c.verdict,
        INS.c.winner_sha256,
        REV.c.record,
    ).join(REV, (REV.c.inspection_id == INS.c.id) & (REV.c.content_sha256 == INS.c.winner_sha256))
    out = []
    for r in conn.execute(q):
        rv = reviews.get(r.id)
        if rv is not None and rv.revision_sha256 != r.winner_sha256:
            rv = None  # a review of an older revision: this one is received again
        insp = json.loads(r.record).get("inspector") or {}
        who = str(insp.get("name", ""))
        row = ReviewRow(
            inspection_id=r.id,
            station_code=r.station_code,
            station_name=names.get(r.station_code, ""),
            county=counties.get(r.station_code, ""),
            form_id=r.form_id,
            form_kind=r.form_kind,
            completed_at=r.completed_at,
            total=r.total,
            verdict=r.verdict,
            inspector=who,
            state=rv.state if rv is not None else RECEIVED,
            comment=rv.comment if rv is not None else "",
            reviewed_by=rv.reviewed_by if rv is not None else None,
            reviewed_at=_utc(rv.reviewed_at) if rv is not None else None,
        )
        if state and row.state != state:
            continue
        if county and county not in row.county:
            continue
        if inspector and inspector not in row.inspector:
            continue
        if date_from or date_to:
            if not row.completed_at:
                continue
            day = datetime.fromisoformat(row.completed_at.replace("Z", "+00:00")).astimezone(CST).date()
            if (date_from and day < date_from) or (date_to and day > date_to):
                continue
        out.append(row)
    return sorted(out, key=lambda x: (x.completed_at or "", x.inspection_id), reverse=True)


def get_review(conn: Connection, inspection_id: str) -> ReviewRow:
    for row in list_reviews(conn):
        if row.inspection_id == inspection_id:
            return row
    raise MergeError(
        f"中心库中没有检查 {inspection_id}：请核对编号（可用 central review list 查看）",
        message_en=f"there is no inspection {inspection_id} in the central database: "
        "check the id (central review list shows them)",
    )


def set_review(conn: Connection, inspection_id: str, state: str, *, by: str, comment: str = "") -> ReviewRow:
    """Approve or return the inspection's current winning revision; returns the new row."""
    comment, by = comment.strip(), by.strip()
    if state not in (APPROVED, RETURNED):
        raise MergeError(
            f"只能审核通过或退回，不能设为 {state}", message_en=f"a review approves or returns, it cannot set {state}"
        )
    if state == RETURNED and not comment:
        raise MergeError(
            "退回必须写明意见，告诉检查员要改什么",
            message_en="a return needs a comment telling the inspector what to correct",
        )
    if not by:
        raise MergeError("请填写审核人", message_en="say who reviews")
    winner = conn.execute(select(INS.c.winner_sha256).where(INS.c.id == inspection_id)).scalar()
    if winner is None:
        get_review(conn, inspection_id)  # raises the clear "no such inspection"
    conn.execute(delete(REVIEW).where(REVIEW.c.inspection_id == inspection_id))
    conn.execute(
        insert(REVIEW).values(
            inspection_id=inspection_id,
            revision_sha256=winner,
            state=state,
            comment=comment,
            reviewed_by=by[:100],
            reviewed_at=datetime.now(timezone.utc),
        )
    )
    # imported here: merge/summary.py reads RETURNED_SQL from this module
    from fengqiao_desktop.merge.summary import refresh_summary

    refresh_summary(conn, conn.execute(select(INS.c.station_code).where(INS.c.id == inspection_id)).scalars())
    return get_review(conn, inspection_id)


def returned_ids():
    """The ids of inspections whose current winning revision was returned (a subquery)."""
    win = INS.alias("ri")
    return (
        select(REVIEW.c.inspection_id)
        .join(win, (win.c.id == REVIEW.c.inspection_id) & (win.c.winner_sha256 == REVIEW.c.revision_sha256))
        .where(REVIEW.c.state == RETURNED)
    )


# the same, as SQL text for the coverage roll-up: the inspections whose current winning revision was returned
# (read from the reviews, which are few, rather than joined from every inspection: SQLite would scan those)
RETURNED_SQL = (
    "SELECT r.inspection_id FROM inspection_reviews r WHERE r.state = 'returned' AND EXISTS ("
    "SELECT 1 FROM inspections ri WHERE ri.id = r.inspection_id AND ri.winner_sha256 = r.revision_sha256)"
)


def returned_for(conn: Connection, inspector_key_id: str) -> list[dict]:
    """The inspections of ``inspector_key_id`` whose current winning revision was returned, as a
    task pack's ``returned.json`` lists them (docs/pack-format.md §4.4): signed by that key, so
    they go back to the laptop that made them."""
    q = (
        select(REVIEW, INS.c.station_code, INS.c.winner_revision)
        .join(INS, (INS.c.id == REVIEW.c.inspection_id) & (INS.c.winner_sha256 == REVIEW.c.revision_sha256))
        .join(REV, (REV.c.inspection_id == INS.c.id) & (REV.c.content_sha256 == INS.c.winner_sha256))
        .where(REVIEW.c.state == RETURNED, REV.c.key_id == inspector_key_id)
        .order_by(REVIEW.c.inspection_id)
    )
    out = []
    for r in conn.execute(q):
        at = _utc(r.reviewed_at) or datetime.now(timezone.utc)
        out.append(
            {
                "inspection_id": r.inspection_id,
                "revision": int(r.winner_revision),
                "station_code": r.station_code,
                "comment": r.comment or "",
                "returned_by": r.reviewed_by or "",
                "returned_at": at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            }
        )
    return out
