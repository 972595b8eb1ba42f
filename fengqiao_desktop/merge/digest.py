"""A digest of the central content: equal digests mean equal content.

The canonical dump holds the stations, registered forms, inspections with their
winners, every revision (by content sha256, with the recomputed scores), photos
by hash, findings and conflicts, re-checks and closures (销号). It leaves out what differs between two
databases with the same content: import times, logs, which bundle brought a
revision first, the trust store, row ids. Rows are sorted in Python (never by
the database's collation), and the dump is RFC 8785 JSON, so SQLite and
PostgreSQL give the same digest for the same content.
"""

from __future__ import annotations

import hashlib
import json

import rfc8785
from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.merge import models

_ST = models.table_of(models.Station)
_FORMS = models.table_of(models.RegisteredForm)
_INS = models.table_of(models.Inspection)
_REV = models.table_of(models.InspectionRevision)
_PH = models.table_of(models.PhotoBlob)
_FIND = models.table_of(models.Finding)
_CONF = models.table_of(models.Conflict)
_RECHECK = models.table_of(models.FindingRecheck)
_CLOSE = models.table_of(models.FindingClosure)


def _rows(conn: Connection, *cols) -> list[list]:
    return sorted(
        ([_plain(v) for v in row] for row in conn.execute(select(*cols))),
        key=lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True),
    )


def _plain(v):
    if isinstance(v, bool) or v is None or isinstance(v, (int, str)):
        return v
    if isinstance(v, float):
        return int(v) if v.is_integer() else v  # 90.0 and 90 are the same score
    return str(v)


def dump(conn: Connection) -> dict:
    """The canonical content of the central database, as plain JSON-able data."""
    return {
        "stations": _rows(
            conn,
            _ST.c.code,
            _ST.c.name,
            _ST.c.level,
            _ST.c.parent_code,
            _ST.c.address,
            _ST.c.contact,
            _ST.c.phone,
            _ST.c.veterans_served,
            _ST.c.is_demo,
        ),
        "forms": _rows(conn, _FORMS.c.sha256, _FORMS.c.form_id, _FORMS.c.version, _FORMS.c.kind),
        "inspections": _rows(
            conn,
            _INS.c.id,
            _INS.c.station_code,
            _INS.c.form_sha256,
            _INS.c.visit_id,
            _INS.c.status,
            _INS.c.completed_at,
            _INS.c.winner_revision,
            _INS.c.winner_sha256,
            _INS.c.total,
            _INS.c.verdict,
        ),
        "revisions": _rows(
            conn,
            _REV.c.inspection_id,
            _REV.c.revision,
            _REV.c.content_sha256,
            _REV.c.total,
            _REV.c.own_verdict,
            _REV.c.verdict,
            _REV.c.completed_at,
        ),
        "photos": _rows(conn, _PH.c.sha256, _PH.c.size),
        "findings": _rows(
            conn,
            _FIND.c.inspection_id,
            _FIND.c.finding_id,
            _FIND.c.station_code,
            _FIND.c.item_id,
            _FIND.c.category,
            _FIND.c.severity,
            _FIND.c.description,
            _FIND.c.measures,
            _FIND.c.responsible,
            _FIND.c.deadline,
            _FIND.c.status,
        ),
        "conflicts": _rows(
            conn,
            _CONF.c.inspection_id,
            _CONF.c.revisions,
            _CONF.c.auto_winner_sha256,
            _CONF.c.winner_sha256,
            _CONF.c.status,
            _CONF.c.resolved_by,
            _CONF.c.reason,
        ),
        "rechecks": _rows(
            conn,
            _RECHECK.c.target_inspection_id,
            _RECHECK.c.finding_id,
            _RECHECK.c.by_inspection_id,
            _RECHECK.c.verdict,
            _RECHECK.c.note,
            _RECHECK.c.photo_sha256,
        ),
        "closures": _rows(conn, _CLOSE.c.inspection_id, _CLOSE.c.finding_id, _CLOSE.c.closed_by, _CLOSE.c.note),
    }


def digest(conn: Connection) -> str:
    return hashlib.sha256(rfc8785.dumps(dump(conn))).hexdigest()
