"""Coverage roll-up speed: 50,000 stations and 200,000 inspections, on SQLite and PostgreSQL.

The roll-up (``coverage.rollup.group_rows``: one row per station from the summary
the merge keeps, ``merge/summary.py``, the hierarchy walk and the GROUP BY, in one
SQL statement) is timed against baselines run in the same process on the same
tables: a plain ``COUNT(*) ... GROUP BY`` of the period's inspections per station
level (one join, no window functions), and the reference statement over the raw
tables (current result per station and form kind with ROW_NUMBER(), findings'
latest state) that the roll-up ran before the summary. The summary's upkeep is
timed too: filling it for every station, and refreshing one station. The full report
(roll-up, one row per station for drill-down and the workbook, tree assembly) is
timed too, and the Coverage page's first paint (a new page shown until its figures
are painted; baseline: the same report computed without a window).

Data: 1 city, 100 counties, 20 towns per county, 24 villages per town (50,101
stations); four inspections per station (five-haves and rubric, this year and
last), with a 1-in-5 finding. Loaded with executemany (SQLite) or COPY
(PostgreSQL); the databases are deleted afterwards. PostgreSQL runs when
FENGQIAO_TEST_PG_URL is set. Quick mode: 10 counties (5,011 stations).

Run alone: ``python -m benchmarks.bench_coverage [--quick]``.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from fengqiao_desktop import config
from fengqiao_desktop.coverage import rollup
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.merge.results import year_bounds
from fengqiao_desktop.merge.summary import refresh_summary

YEAR = 2026
AS_OF = date(2026, 6, 30)
BASELINE_SQL = """
SELECT s.level, COUNT(*) FROM stations s JOIN inspections i ON i.station_code = s.code
WHERE i.completed_at >= :start AND i.completed_at < :end GROUP BY s.level
"""


def make_rows(counties: int):
    rnd = random.Random(7)
    stations, inspections, findings = [], [], []
    city = "620100000000"
    stations.append((city, "示例市退役军人服务中心", "city", None))
    for c in range(counties):
        county = f"62{c // 50 + 1:02d}{c % 50 + 1:02d}000000"
        stations.append((county, f"县{c}退役军人服务中心", "county", city))
        for t in range(20):
            town = county[:6] + f"{t + 1:03d}000"
            stations.append((town, f"镇{c}-{t}退役军人服务站", "town", county))
            for v in range(24):
                stations.append((town[:9] + f"{v + 1:03d}", f"村{c}-{t}-{v}退役军人服务站", "village", town))
    n = 0
    for code, _name, _lv, _p in stations:
        for year in (YEAR - 1, YEAR):
            month, day = rnd.randint(1, 12), rnd.randint(1, 28)
            at = f"{year}-{month:02d}-{day:02d}T02:00:00.000000Z"
            gate_pass = rnd.random() < 0.85
            score = round(rnd.uniform(60, 100), 1)
            for kind, total, verdict in (
                ("gate", None, "pass" if gate_pass else "fail"),
                ("rubric", score, "veto" if not gate_pass else ("pass" if score >= 90 else "fail")),
            ):
                n += 1
                iid = f"{n:036d}"
                inspections.append(
                    (iid, code, "0" * 64, kind, kind, None, "completed", at, 1, "0" * 64, total, verdict)
                )
                if kind == "rubric" and rnd.random() < 0.2:
                    status = rnd.choice(["open", "rectified", "verified"])
                    findings.append((iid, "f1", code, status, f"{year}-{rnd.randint(1, 12):02d}-15"))
    return stations, inspections, findings


def load_sqlite(central, stations, inspections, findings) -> None:
    raw = central.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN")
        cur.executemany(
            "INSERT INTO stations (code, name, level, parent_code, address, contact, phone, is_demo)"
            " VALUES (?, ?, ?, ?, '', '', '', 0)",
            stations,
        )
        cur.executemany(
            "INSERT INTO inspections (id, station_code, form_sha256, form_id, form_kind, visit_id,"
            " status, completed_at, winner_revision, winner_sha256, total, verdict)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            inspections,
        )
        cur.executemany(
            "INSERT INTO findings (inspection_id, finding_id, station_code, status, deadline,"
            " description, measures, responsible) VALUES (?, ?, ?, ?, ?, '', '', '')",
            findings,
        )
        cur.execute("COMMIT")
        cur.execute("ANALYZE")
    finally:
        raw.close()


def load_pg(central, stations, inspections, findings) -> None:
    raw = central.engine.raw_connection()
    try:
        cur = raw.cursor()
        with cur.copy(
            "COPY stations (code, name, level, parent_code, address, contact, phone, is_demo) FROM STDIN"
        ) as cp:
            for r in stations:
                cp.write_row((*r, "", "", "", False))
        with cur.copy(
            "COPY inspections (id, station_code, form_sha256, form_id, form_kind, visit_id, status,"
            " completed_at, winner_revision, winner_sha256, total, verdict) FROM STDIN"
        ) as cp:
            for r in inspections:
                cp.write_row(r)
        with cur.copy(
            "COPY findings (inspection_id, finding_id, station_code, status, deadline, description,"
            " measures, responsible) FROM STDIN"
        ) as cp:
            for r in findings:
                cp.write_row((*r, "", "", ""))
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def _time(fn, repeat: int) -> float:
    fn()  # warm the cache and the statement
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def measure(label: str, url: str, loader, data, repeat: int) -> list[dict]:
    from fengqiao_desktop.services import coverage

    central = open_central(url, register_shipped_forms=False)
    try:
        t0 = time.perf_counter()
        loader(central, *data)
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        with central.write() as conn:  # loaded around the merge: the summary is filled as the migration does
            refresh_summary(conn, None)
        fill_s = time.perf_counter() - t0
        start, end = year_bounds(YEAR)

        def roll():
            with central.read() as conn:
                return rollup.group_rows(conn, YEAR, AS_OF)

        def reference():
            with central.read() as conn:
                return rollup.group_rows(conn, YEAR, AS_OF, reference=True)

        def one_station():  # what an import of one station's bundle adds
            with central.write() as conn:
                refresh_summary(conn, [data[0][-1][0]])

        def base():
            with central.read() as conn:
                return conn.execute(text(BASELINE_SQL), {"start": start, "end": end}).all()

        def full():
            return coverage.coverage_report(year=YEAR, url=central, as_of=AS_OF)

        groups = roll()
        assert sum(g.stations for g in groups) == len(data[0])
        assert sorted(groups, key=repr) == sorted(reference(), key=repr)
        t_roll, t_base, t_ref = _time(roll, repeat), _time(base, repeat), _time(reference, repeat)
        t_full = _time(full, max(1, repeat // 2))
        t_one = _time(one_station, repeat)
        page_rows = measure_page(label, url, repeat=3)
    finally:
        central.dispose()
    n_st, n_in = len(data[0]), len(data[1])
    note = f"{n_st:,} stations, {n_in:,} inspections, {len(data[2]):,} findings; loaded in {load_s:.1f} s"
    return [
        {
            "name": f"coverage roll-up ({label})",
            "value": round(t_roll, 4),
            "unit": "s",
            "baseline": round(t_base, 4),
            "ratio": round(t_roll / t_base, 2) if t_base else None,
            "note": f"baseline: COUNT/GROUP BY level of the period's inspections; {note}; aim < 0.3 s",
        },
        {
            "name": f"coverage roll-up, summary vs raw tables ({label})",
            "value": round(t_roll, 4),
            "unit": "s",
            "baseline": round(t_ref, 4),
            "ratio": round(t_roll / t_ref, 3) if t_ref else None,
            "note": "baseline: the reference statement over the raw tables (the roll-up before the summary)",
        },
        {
            "name": f"coverage summary upkeep ({label})",
            "value": round(t_one, 4),
            "unit": "s",
            "baseline": round(fill_s, 4),
            "ratio": None,
            "note": "value: refresh one station (as an import does); baseline: fill every station (the migration)",
        },
        {
            "name": f"coverage report with station rows ({label})",
            "value": round(t_full, 4),
            "unit": "s",
            "baseline": round(t_base, 4),
            "ratio": round(t_full / t_base, 2) if t_base else None,
            "note": "roll-up + one row per station + tree (what the page and the XLSX load)",
        },
        *page_rows,
    ]


def measure_page(label: str, url: str, repeat: int) -> list[dict]:
    """The Coverage page's first paint: from showing a new page (on a new central session, as when
    the bureau first opens it) to its county rows and charts painted, the figures computed on
    the app's thread pool. Baseline: the same report computed in-process, no window (a new
    session too). Median of ``repeat`` pages, each after one baseline run (interleaved)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from fengqiao_desktop.services import coverage
    from fengqiao_desktop.services.central_session import CentralSession
    from fengqiao_desktop.ui import tasks
    from fengqiao_desktop.ui.bureau.context import BureauContext
    from fengqiao_desktop.ui.bureau.coverage import CoveragePage

    app = QApplication.instance() or QApplication([])
    paints, bases, counties = [], [], 0
    for _ in range(repeat):
        session = CentralSession(url)
        t0 = time.perf_counter()
        coverage.coverage_report(year=YEAR, url=session, include_stations=False)
        bases.append(time.perf_counter() - t0)
        session.close()

        context = BureauContext(url)
        page = CoveragePage(context)
        page.year.blockSignals(True)
        page.year.setValue(YEAR)
        page.year.blockSignals(False)
        page.resize(1300, 800)
        t0 = time.perf_counter()
        page.show()  # the first show loads the page
        deadline = t0 + 60
        while page.report is None and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
        if page.report is None:
            raise RuntimeError("the coverage page did not load in time")
        page.repaint()
        paints.append(time.perf_counter() - t0)
        counties = page.model.rowCount()
        page.close()
        tasks.runner().shutdown()
        context.central.close()
        page.deleteLater()
        context.deleteLater()
        app.processEvents()
    paint, base = statistics.median(paints), statistics.median(bases)
    return [
        {
            "name": f"coverage page first paint ({label})",
            "value": round(paint, 4),
            "unit": "s",
            "baseline": round(base, 4),
            "ratio": round(paint / base, 2) if base else None,
            "note": f"new page shown -> {counties} top rows and charts painted, median of {repeat}; "
            "baseline: the same report without a window; aim < 0.5 s",
        }
    ]


def _pg_database():
    pg = os.environ.get("FENGQIAO_TEST_PG_URL")
    if not pg:
        return None, None, None
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    name = f"fq_bench_cov_{uuid.uuid4().hex[:8]}"
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(pg).set(database=name).render_as_string(hide_password=False), name, admin


def run(quick: bool = False) -> list[dict]:
    counties, repeat = (10, 3) if quick else (100, 5)
    data = make_rows(counties)
    work = Path(tempfile.mkdtemp(prefix="fq-bench-cov-"))
    old = os.environ.get(config.ENV_DATA_DIR)
    config.set_data_dir(work / "data")
    results = []
    try:
        results += measure("SQLite", f"sqlite:///{work / 'central.sqlite3'}", load_sqlite, data, repeat)
        url, name, admin = _pg_database()
        if url:
            try:
                results += measure("PostgreSQL", url, load_pg, data, repeat)
            finally:
                with admin.connect() as c:
                    c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    finally:
        config.set_data_dir(old)
        shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> None:
    from benchmarks.__main__ import format_table

    print(format_table(run(quick="--quick" in sys.argv)))


if __name__ == "__main__":
    main()
