"""One record shape: revision snapshots become inspection records; the audit trail names who.

Release 0.1 kept a snapshot of each completed revision in a shape of its own and
turned it into the bundle record at export. From 0.2 the snapshot *is* the
record (services/records.py). This migration rewrites every stored snapshot into
the record that 0.1's export would have produced for it (the inspector's unit
and key are written by the export that signs it), so exporting an old revision
again gives the same bytes, and its sheet the same content hash.

``audit.actor`` (who did it) is added; entries of 0.1 keep it NULL, which keeps
their shape in records unchanged.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# frozen copies of 0.1's constants: a migration must not change when the app does
RECORD_FORMAT = "fengqiao.inspection"
RECORD_FORMAT_VERSION = 1


def _photo_member(sha: str) -> str:
    return f"photos/{sha}.jpg"


def _iso(text) -> str | None:
    """0.1 stored naive UTC times; its records wrote them ISO with a Z."""
    if text is None:
        return None
    return dt.datetime.fromisoformat(str(text)).isoformat() + "Z"


def _audit(conn, iid: str, rev: int) -> list[dict]:
    out: list[dict] = []
    q = sa.text("SELECT revision, at, action, reason FROM audit WHERE inspection_id = :i "
                "AND revision <= :r ORDER BY id")
    for r, at, action, reason in conn.execute(q, {"i": iid, "r": rev}):
        out.append({"revision": r, "at": _iso(at), "action": action, "reason": reason or ""})
        if r == rev and action == "completed":
            break
    return out


def record_from_0_1(snap: dict, audit: list[dict]) -> dict:
    """The record 0.1's export built from one of its snapshots (unit and key filled at export)."""
    completed = snap.get("completed_at")
    photos = [{
        "sha256": p["sha256"], "original_sha256": p.get("original_sha256"), "item_id": p.get("item"),
        "caption": p.get("caption") or "", "captured_at": p.get("captured_at"),
        "member": _photo_member(p["sha256"]), "size": int(p["size"]),
        "id": p.get("id"), "width": p.get("width"), "height": p.get("height"),
    } for p in snap.get("photos", [])]
    findings = [{
        "id": f["id"], "item_id": f.get("item"), "category": f.get("category"),
        "severity": f.get("severity"), "description": f.get("description") or "",
        "measures": f.get("measures") or "", "responsible": f.get("responsible") or "",
        "deadline": f.get("deadline"), "status": f.get("status"),
        "created_at": f.get("created_at"), "updated_at": f.get("updated_at"),
        "closed_at": f.get("closed_at"),
    } for f in snap.get("findings", [])]
    return {
        "format": RECORD_FORMAT, "format_version": RECORD_FORMAT_VERSION,
        "id": snap["id"], "revision": snap["revision"], "visit_id": snap.get("visit_id"),
        "visit_date": snap.get("visit_date"), "station_code": snap["station"],
        "form": snap["form"],
        "inspector": {"name": snap.get("inspector") or "", "unit": "", "key_id": ""},
        "status": "completed",
        "created_at": snap.get("created_at"), "updated_at": completed, "completed_at": completed,
        "answers": snap.get("answers", {}), "photos": photos, "findings": findings,
        "score": snap.get("score"), "audit": audit,
    }


def upgrade() -> None:
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actor", sa.Text(), nullable=True))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT inspection_id, revision, snapshot FROM revisions")).all()
    for iid, rev, text in rows:
        snap = json.loads(text)
        if snap.get("format") == RECORD_FORMAT:
            continue  # already a record
        record = record_from_0_1(snap, _audit(conn, iid, rev))
        conn.execute(sa.text("UPDATE revisions SET snapshot = :s WHERE inspection_id = :i "
                             "AND revision = :r"),
                     {"s": json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                      "i": iid, "r": rev})


def downgrade() -> None:
    # the snapshots stay records (they hold everything 0.1's snapshots held); only the column goes
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_column("actor")
