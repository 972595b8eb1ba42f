"""The per-station summary gives exactly the reference roll-up (the rule over the raw tables).

Random central databases (seeded, so a failure repeats) with what makes the rule
subtle: several years, times on the CST year boundary, ties in completion time,
drafts, returned reviews (of the winning revision and of an older one), findings
carried across visits and years with every status, deadlines either side of the
as-of dates. Both statements run on SQLite and PostgreSQL; every year from before
the data to after it, several as-of dates. Then the merge's own entry points
(a review decision, a 销号 and its reversal) change the data and the summary must
follow.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import insert, select, update

from fengqiao_desktop.coverage import rollup
from fengqiao_desktop.merge import followup, models, review
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.merge.summary import refresh_summary

YEARS = range(2023, 2029)
AS_OF = [date(2025, 6, 30), date(2026, 1, 1), date(2026, 6, 30), date(2026, 12, 31), date(2028, 3, 1)]
TIMES = [
    "2024-11-03T02:00:00.000000Z",
    "2025-03-01T02:00:00.000000Z",
    "2025-12-31T15:59:59.999999Z",  # 2025 in CST (23:59:59)
    "2025-12-31T16:00:00.000000Z",  # 2026-01-01 00:00 CST
    "2026-04-01T02:00:00.000000Z",
    "2026-04-01T02:00:00.000000Z",
    "2026-09-09T09:00:00.000000Z",
    "2026-12-31T17:00:00.000000Z",  # 2027 in CST
    "2027-05-05T05:00:00.000000Z",
]
DEADLINES = [None, "2025-01-31", "2025-12-31", "2026-01-01", "2026-06-29", "2026-06-30", "2026-12-31", "2027-06-01"]

INS = models.table_of(models.Inspection)
FIND = models.table_of(models.Finding)
REVIEW = models.table_of(models.InspectionReview)
ST = models.table_of(models.Station)


def _stations() -> list[tuple[str, str, str | None]]:
    city = "620100000000"
    out = [(city, "city", None)]
    for c in (2, 3):
        county = f"6201{c:02d}000000"
        out.append((county, "county", city))
        for t in (1, 2):
            town = county[:6] + f"{t:03d}000"
            out.append((town, "town", county))
            out += [(town[:9] + f"{v:03d}", "village", town) for v in (1, 2, 3)]
    out.append(("620100101000", "town", city))  # a town directly under the city
    out.append(("620100101001", "village", "620100101000"))
    out.append(("620299001001", "village", "620299001000"))  # parents not in the roster
    return out


def populate(conn, seed: int) -> list[dict]:
    rnd = random.Random(seed)
    stations = _stations()
    conn.execute(
        insert(ST),
        [
            {
                "code": c,
                "name": f"站{c}",
                "level": lv,
                "parent_code": p,
                "address": "",
                "contact": "",
                "phone": "",
                "is_demo": False,
            }
            for c, lv, p in stations
        ],
    )
    rows, findings, reviews = [], [], []
    for n in range(160):
        code = rnd.choice(stations)[0]
        kind = rnd.choice(["gate", "rubric", "rubric"])
        done = None if rnd.random() < 0.08 else rnd.choice(TIMES)
        sha = f"{n:064d}"
        rows.append(
            {
                "id": f"i{rnd.randint(0, 99999):05d}-{n:03d}",
                "station_code": code,
                "form_sha256": "0" * 64,
                "form_id": kind,
                "form_kind": kind,
                "visit_id": None,
                "status": "completed" if done else "draft",
                "completed_at": done,
                "winner_revision": 1,
                "winner_sha256": sha,
                "total": None if kind == "gate" else round(rnd.uniform(60, 100), 1),
                "verdict": rnd.choice(["pass", "fail", "veto", None] if kind == "rubric" else ["pass", "fail"]),
            }
        )
        for fid in rnd.sample(["f1", "f2", "f3"], rnd.randint(0, 2)):
            findings.append(
                {
                    "inspection_id": rows[-1]["id"],
                    "finding_id": fid,
                    "station_code": code,
                    "description": "",
                    "measures": "",
                    "responsible": "",
                    "deadline": rnd.choice(DEADLINES),
                    "status": rnd.choice([None, "open", "open", "rectified", "verified"]),
                }
            )
        if rnd.random() < 0.2:
            reviews.append(
                {
                    "inspection_id": rows[-1]["id"],
                    "state": rnd.choice(["returned", "returned", "approved"]),
                    "revision_sha256": sha if rnd.random() < 0.8 else "f" * 64,
                    "comment": "改",
                    "reviewed_by": "科员",
                    "reviewed_at": datetime(2026, 7, 1, tzinfo=timezone.utc),
                }
            )
    conn.execute(insert(INS), rows)
    conn.execute(
        insert(models.table_of(models.InspectionRevision)),
        [
            {
                "inspection_id": r["id"],
                "revision": 1,
                "content_sha256": r["winner_sha256"],
                "key_id": None,
                "record": '{"inspector": {"name": "检查员"}}',
                "station_code": r["station_code"],
                "form_sha256": "0" * 64,
                "visit_id": None,
                "status": r["status"],
                "completed_at": r["completed_at"],
                "audit_chain": "",
                "total": r["total"],
                "max_points": 100.0,
                "own_verdict": r["verdict"],
                "verdict": r["verdict"],
            }
            for r in rows
        ],
    )
    if findings:
        conn.execute(insert(FIND), findings)
    if reviews:
        conn.execute(insert(REVIEW), reviews)
    return rows


def assert_same_as_reference(conn) -> None:
    for year in YEARS:
        for as_of in AS_OF:
            assert sorted(rollup.group_rows(conn, year, as_of), key=repr) == sorted(
                rollup.group_rows(conn, year, as_of, reference=True), key=repr
            ), (year, as_of)
            assert rollup.station_rows(conn, year, as_of) == rollup.station_rows(conn, year, as_of, reference=True), (
                year,
                as_of,
            )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_summary_gives_the_reference_roll_up(coverage_url_empty, seed):
    url, _tmp = coverage_url_empty
    c = open_central(url, register_shipped_forms=False)
    try:
        with c.write() as conn:
            rows = populate(conn, seed)
            refresh_summary(conn, None)
        with c.read() as conn:
            assert_same_as_reference(conn)
            # an area's stations (what the page loads when an area is opened) are those rows of the area
            every = rollup.station_rows(conn, 2026, date(2026, 6, 30))
            for area in {r.area for r in every}:
                assert rollup.station_rows(conn, 2026, date(2026, 6, 30), area=area) == [
                    r for r in every if r.area == area
                ]
            # the dataset is not trivial: something counts in every column
            g = rollup.group_rows(conn, 2026, date(2026, 6, 30))
            assert all(
                sum(getattr(r, k) for r in g) > 0
                for k in ("inspected", "five_haves", "demonstration", "vetoed", "open", "overdue", "verified")
            )

        rnd = random.Random(seed)
        done = [r for r in rows if r["completed_at"]]
        with c.write() as conn:
            # the bureau returns some inspections and approves others
            for r in rnd.sample(done, 8):
                review.set_review(
                    conn, r["id"], rnd.choice([review.RETURNED, review.APPROVED]), by="科员", comment="请补拍照片"
                )
            # closes findings (销号) and takes one back
            found = conn.execute(
                select(FIND.c.inspection_id, FIND.c.finding_id).order_by(FIND.c.inspection_id, FIND.c.finding_id)
            ).all()
            picked = rnd.sample(found, 6)
            for iid, fid in picked:
                followup.close_finding(conn, iid, fid, by="科长")
            followup.reopen_finding(conn, *picked[0])
        with c.read() as conn:
            assert_same_as_reference(conn)

        # a partial refresh recomputes exactly the stations it is given
        moved = rnd.sample(done, 5)
        with c.write() as conn:
            for r in moved:
                conn.execute(update(INS).where(INS.c.id == r["id"]).values(completed_at="2026-08-08T08:00:00.000000Z"))
            refresh_summary(conn, {r["station_code"] for r in moved})
        with c.read() as conn:
            assert_same_as_reference(conn)
    finally:
        c.dispose()


def test_migration_fills_the_summary_for_data_already_imported(tmp_path, monkeypatch):
    """A central database at c0005 with inspections: after the upgrade the roll-up is the reference's."""
    from alembic import command
    from alembic.config import Config

    from fengqiao_desktop import config
    from fengqiao_desktop.merge.db import (
        MIGRATIONS_DIR,
        create_central_engine,
        migration_connection,
    )

    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(tmp_path / "data"))
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    engine = create_central_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with migration_connection(engine) as conn:  # a database as the previous release left it
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "c0005")
        with engine.begin() as conn:
            populate(conn, 4)
    finally:
        engine.dispose()
    c = open_central(url, register_shipped_forms=False)
    try:
        with c.read() as conn:
            assert conn.execute(select(models.table_of(models.StationSummary))).first() is not None
            assert_same_as_reference(conn)
    finally:
        c.dispose()
        config.set_data_dir(None)
