"""Roster import speed: 50,000 stations from a generated CSV, against plain sqlite3 executemany.

The baseline inserts the same rows, already parsed, into a table of the same
shape with the standard library's ``sqlite3`` in one transaction: the floor for
"get these rows into SQLite". The importer does more — decodes and validates the
file, checks every parent, looks up what exists — so the ratio says what that
costs (aim: at most 3x). A second import of the same file (all unchanged) and a
parse-only figure are reported too.

Run alone: ``python -m benchmarks.bench_roster [--quick]``.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from fengqiao_desktop.roster.parse import parse_roster

HEADER = "代码,名称,层级,上级代码,地址,联系人,电话,服务退役军人数"
_BASELINE_DDL = """
CREATE TABLE stations (
    id INTEGER PRIMARY KEY,
    code VARCHAR(12) NOT NULL UNIQUE,
    name VARCHAR(200) NOT NULL,
    level VARCHAR(16) NOT NULL,
    parent_code VARCHAR(12) REFERENCES stations (code),
    address VARCHAR(300) NOT NULL DEFAULT '',
    contact VARCHAR(100) NOT NULL DEFAULT '',
    phone VARCHAR(50) NOT NULL DEFAULT '',
    veterans_served INTEGER,
    is_demo BOOLEAN NOT NULL DEFAULT 0
)
"""


def generate_csv(path: Path, n: int) -> int:
    """Write a valid roster of about ``n`` stations (city, counties, towns, villages)."""
    lines = [HEADER, "620100000000,兰州市退役军人服务中心,市,,兰州市城关区,王建国,0931-00000000,60000"]
    count = 1
    county = 0
    while count < n:
        county += 1
        cc = f"6201{county:02d}" if county < 100 else None
        if cc is None:
            break
        lines.append(f"{cc}000000,第{county}区退役军人服务中心,区（县）,620100000000,兰州市,李海燕,0931-00000001,9000")
        count += 1
        for t in range(1, 400):
            if count >= n:
                break
            town = f"{cc}{t:03d}000"
            lines.append(
                f"{town},第{t}街道退役军人服务站,街道（乡镇）,{cc}000000,兰州市某路{t}号,张卫东,0931-0000{t:04d},500"
            )
            count += 1
            for v in range(1, 40):
                if count >= n:
                    break
                lines.append(
                    f"{cc}{t:03d}{v:03d},第{v}社区退役军人服务站,社区（村）,{town},某社区{v}号,刘红梅,0931-0000{v:04d},{v * 3}"
                )
                count += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return count


def _baseline(db: Path, rows) -> float:
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute(_BASELINE_DDL)
    con.commit()
    data = [
        (r.code, r.name, r.level.value, r.parent_code, r.address, r.contact, r.phone, r.veterans_served, r.is_demo)
        for r in rows
    ]
    t0 = time.perf_counter()
    with con:
        con.executemany(
            "INSERT INTO stations (code, name, level, parent_code, address, contact, phone,"
            " veterans_served, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            data,
        )
    dt = time.perf_counter() - t0
    con.close()
    return dt


def _plain_csv_import(db: Path, csv_path: Path) -> float:
    """Read the CSV with the csv module and executemany it, no validation at all."""
    import csv

    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute(_BASELINE_DDL)
    con.commit()
    t0 = time.perf_counter()
    with csv_path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        data = [(r[0], r[1], r[2], r[3] or None, r[4], r[5], r[6], int(r[7]) if r[7] else None, 0) for r in reader]
    with con:
        con.executemany(
            "INSERT INTO stations (code, name, level, parent_code, address, contact, phone,"
            " veterans_served, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            data,
        )
    dt = time.perf_counter() - t0
    con.close()
    return dt


def _app_engine(db: Path):
    """(engine, table): the app's database made the way the app makes it (pragmas,
    migrations) — or, where storage is not available, the baseline's table shape."""
    from sqlalchemy import MetaData, Table, create_engine, event

    from fengqiao_desktop.errors import StorageError
    from fengqiao_desktop.roster.importer import stations_table
    from fengqiao_desktop.services.store import open_engine

    try:
        return open_engine(f"sqlite:///{db}"), stations_table(), "app database"
    except (StorageError, ImportError, AttributeError):
        pass
    engine = create_engine(f"sqlite:///{db}")

    @event.listens_for(engine, "connect")
    def _pragmas(conn, _rec):
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")

    with engine.begin() as conn:
        conn.exec_driver_sql(_BASELINE_DDL)
    return engine, Table("stations", MetaData(), autoload_with=engine), "baseline table shape"


def run(quick: bool = False) -> list[dict]:
    from fengqiao_desktop.roster.importer import import_roster

    n = 5_000 if quick else 50_000
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        csv_path = tmpd / "roster.csv"
        n = generate_csv(csv_path, n)

        t0 = time.perf_counter()
        rows = parse_roster(csv_path)
        t_parse = time.perf_counter() - t0

        t_base = _baseline(tmpd / "baseline.sqlite3", rows)
        t_plain = _plain_csv_import(tmpd / "plain.sqlite3", csv_path)

        engine, table, where = _app_engine(tmpd / "app.sqlite3")
        t0 = time.perf_counter()
        first = import_roster(engine, csv_path, table=table)
        t_import = time.perf_counter() - t0
        assert first.added == n, first
        t0 = time.perf_counter()
        again = import_roster(engine, csv_path, table=table)
        t_again = time.perf_counter() - t0
        assert again.unchanged == n, again
        engine.dispose()

    base_rate = n / t_base
    return [
        {
            "name": f"roster import {n:,} stations (CSV)",
            "value": n / t_import,
            "unit": "rows/s",
            "baseline": base_rate,
            "ratio": t_import / t_base,
            "note": f"ratio = import / sqlite3 executemany time (aim <= 3); {where}",
        },
        {
            "name": "plain csv.reader + executemany (no checks)",
            "value": n / t_plain,
            "unit": "rows/s",
            "baseline": base_rate,
            "ratio": t_plain / t_base,
            "note": "what an unchecked import costs",
        },
        {
            "name": "roster re-import, all unchanged",
            "value": n / t_again,
            "unit": "rows/s",
            "baseline": base_rate,
            "ratio": t_again / t_base,
            "note": "read, compare, write nothing",
        },
        {
            "name": "roster parse + validate only",
            "value": n / t_parse,
            "unit": "rows/s",
            "baseline": base_rate,
            "ratio": t_parse / t_base,
            "note": "no database",
        },
    ]


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks.__main__ import format_table

    print(format_table(run(quick="--quick" in sys.argv)))
