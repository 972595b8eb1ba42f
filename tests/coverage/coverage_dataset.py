"""A constructed central database with known coverage numbers (year 2026, as of 2026-06-30).

Written straight into the central tables of a database opened with
``merge.db.open_central`` (the shape the merge module leaves behind: one row per
inspection with its winning revision's recomputed verdict, the winning revision,
its findings, and the coverage summary derived from them). The expected figures are worked out by hand in EXPECTED.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import insert

from fengqiao_desktop.merge import models
from fengqiao_desktop.merge.db import Central
from fengqiao_desktop.merge.summary import refresh_summary

YEAR = 2026
AS_OF = date(2026, 6, 30)

CITY, A, B, C = "620100000000", "620102000000", "620103000000", "620104000000"
T1, T2, T3, D = "620102001000", "620102002000", "620104001000", "620100101000"
V1, V2, V3, V4, V5, DV = (
    "620102001001",
    "620102001002",
    "620102001003",
    "620102001004",
    "620102002001",
    "620100101001",
)

STATIONS = [
    (CITY, "兰州市退役军人服务中心", "city", None),
    (A, "城关区退役军人服务中心", "county", CITY),
    (B, "七里河区退役军人服务中心", "county", CITY),
    (C, "西固区退役军人服务中心", "county", CITY),
    (T1, "东岗西路街道退役军人服务站", "town", A),
    (T2, "酒泉路街道退役军人服务站", "town", A),
    (T3, "陈坪街道退役军人服务站", "town", C),
    (D, "示例直辖镇退役军人服务站", "town", CITY),  # a town directly under the city
    (V1, "东岗村退役军人服务站", "village", T1),
    (V2, "雁滩社区退役军人服务站", "village", T1),
    (V3, "五里铺社区退役军人服务站", "village", T1),
    (V4, "拱星墩社区退役军人服务站", "village", T1),  # never inspected
    (V5, "酒泉路社区退役军人服务站", "village", T2),
    (DV, "示例直辖村退役军人服务站", "village", D),
]

# (id, station, kind, completed_at UTC, total, verdict, findings)
INSPECTIONS = [
    ("i01", CITY, "gate", "2026-03-01T02:00:00.000000Z", None, "pass", []),
    ("i02", CITY, "rubric", "2026-03-01T03:00:00.000000Z", 95.0, "pass", []),
    ("i03", A, "gate", "2026-03-02T02:00:00.000000Z", None, "pass", []),
    ("i04", A, "rubric", "2026-03-02T03:00:00.000000Z", 93.5, "pass", []),
    ("i05", T1, "gate", "2026-04-01T02:00:00.000000Z", None, "pass", []),
    ("i06", T1, "rubric", "2026-04-01T03:00:00.000000Z", 92.0, "pass", []),
    ("i07", V1, "gate", "2026-04-02T02:00:00.000000Z", None, "pass", []),
    ("i08", V1, "rubric", "2026-04-02T03:00:00.000000Z", 90.0, "pass", []),
    ("i09", V2, "gate", "2026-04-03T02:00:00.000000Z", None, "pass", []),
    (
        "i10",
        V2,
        "rubric",
        "2026-04-03T03:00:00.000000Z",
        85.0,
        "fail",
        [("f1", "open", "2026-03-01"), ("f2", "open", "2026-12-01"), ("f3", "verified", "2026-05-01")],
    ),
    ("i11", V3, "gate", "2026-04-04T02:00:00.000000Z", None, "fail", []),
    ("i12", V3, "rubric", "2026-04-04T03:00:00.000000Z", 96.0, "veto", []),
    # T2: inspected only in 2025 (outside the period)
    ("i13", T2, "gate", "2025-06-01T02:00:00.000000Z", None, "pass", []),
    ("i14", T2, "rubric", "2025-06-01T03:00:00.000000Z", 94.0, "pass", []),
    # V5: passed in March, failed in October: the later result is current; its finding
    # fx was open in March and verified in October (follow-up across visits)
    ("i15", V5, "gate", "2026-03-05T02:00:00.000000Z", None, "pass", []),
    ("i16", V5, "rubric", "2026-03-05T03:00:00.000000Z", 91.0, "pass", [("fx", "open", "2026-04-01")]),
    ("i17", V5, "rubric", "2026-10-05T03:00:00.000000Z", 70.0, "fail", [("fx", "verified", "2026-04-01")]),
    ("i18", B, "gate", "2026-05-01T02:00:00.000000Z", None, "pass", []),
    ("i19", B, "rubric", "2026-05-01T03:00:00.000000Z", 80.0, "fail", []),
    # a finding from last year still open: carried over, overdue
    ("i20", B, "rubric", "2025-05-01T03:00:00.000000Z", 75.0, "fail", [("f9", "open", "2025-12-01")]),
    ("i21", T3, "gate", "2026-05-02T02:00:00.000000Z", None, "pass", []),
    # 2026-12-31T17:00Z is 2027-01-01 01:00 in China Standard Time: outside 2026
    ("i22", T3, "rubric", "2026-12-31T17:00:00.000000Z", 99.0, "pass", []),
    ("i23", D, "gate", "2026-05-03T02:00:00.000000Z", None, "pass", []),
    ("i24", D, "rubric", "2026-05-03T03:00:00.000000Z", 98.0, "pass", []),
    ("i25", DV, "gate", "2026-05-04T02:00:00.000000Z", None, "fail", []),
]

# name -> (stations, inspected, five_haves, demonstration, vetoed, target, gap, open, overdue, verified)
EXPECTED = {
    "total": (14, 11, 9, 5, 1, 12, 7, 3, 2, 2),
    A: (8, 6, 5, 3, 1, 6, 3, 2, 1, 2),
    B: (1, 1, 1, 0, 0, 1, 1, 1, 1, 0),
    C: (2, 1, 1, 0, 0, 2, 2, 0, 0, 0),
    CITY: (3, 3, 2, 2, 0, 3, 1, 0, 0, 0),
    T1: (5, 4, 3, 2, 1, 4, 2, 2, 1, 1),
    T2: (2, 1, 1, 0, 0, 2, 2, 0, 0, 1),
}


def _jpeg() -> bytes:
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 110, 60)).save(buf, "JPEG")
    return buf.getvalue()


def populate(central: Central) -> None:
    import hashlib

    photo = _jpeg()
    photo_sha = hashlib.sha256(photo).hexdigest()
    st = models.table_of(models.Station)
    ins = models.table_of(models.Inspection)
    rev = models.table_of(models.InspectionRevision)
    fnd = models.table_of(models.Finding)
    with central.write() as conn:
        conn.execute(
            insert(st),
            [
                {
                    "code": c,
                    "name": n,
                    "level": lv,
                    "parent_code": p,
                    "address": "",
                    "contact": "",
                    "phone": "",
                    "is_demo": True,
                }
                for c, n, lv, p in STATIONS
            ],
        )
        conn.execute(
            insert(models.table_of(models.PhotoBlob)), {"sha256": photo_sha, "size": len(photo), "data": photo}
        )
        for iid, code, kind, at, total, verdict, findings in INSPECTIONS:
            sha = (iid * 32)[:64]
            conn.execute(
                insert(ins),
                {
                    "id": iid,
                    "station_code": code,
                    "form_sha256": "0" * 64,
                    "form_id": "five-haves" if kind == "gate" else "demonstration",
                    "form_kind": kind,
                    "visit_id": None,
                    "status": "completed",
                    "completed_at": at,
                    "winner_revision": 1,
                    "winner_sha256": sha,
                    "total": total,
                    "verdict": verdict,
                },
            )
            record = {"photos": [{"sha256": photo_sha, "item_id": "jigou", "caption": "门牌"}]}
            conn.execute(
                insert(rev),
                {
                    "inspection_id": iid,
                    "revision": 1,
                    "content_sha256": sha,
                    "record": json.dumps(record),
                    "station_code": code,
                    "form_sha256": "0" * 64,
                    "visit_id": None,
                    "status": "completed",
                    "completed_at": at,
                    "audit_chain": "",
                    "total": total,
                    "max_points": 100.0,
                    "own_verdict": verdict,
                    "verdict": verdict,
                },
            )
            for fid, status, deadline in findings:
                conn.execute(
                    insert(fnd),
                    {
                        "inspection_id": iid,
                        "finding_id": fid,
                        "station_code": code,
                        "item_id": None,
                        "category": "hardware",
                        "severity": "deduction",
                        "description": f"问题 {fid}",
                        "measures": "",
                        "responsible": "",
                        "deadline": deadline,
                        "status": status,
                    },
                )
        refresh_summary(conn, None)  # the merge keeps it current; written straight here, so filled here


def make_sqlite(folder) -> str:
    """The dataset in a fresh SQLite central database under ``folder``; returns its URL."""
    from fengqiao_desktop.merge.db import open_central

    url = f"sqlite:///{folder / 'central' / 'central.sqlite3'}"
    c = open_central(url, register_shipped_forms=False)
    try:
        populate(c)
    finally:
        c.dispose()
    return url
