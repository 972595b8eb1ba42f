"""Local storage speed: autosave per edit, photo ingest, station search at 50,000 stations.

- **autosave**: ``InspectionService.set_answer`` (validate, write, commit with
  ``synchronous=FULL``, rescore) per edit, median, against a plain ``sqlite3``
  ``INSERT OR REPLACE`` + commit into a same-shaped table with the same pragmas
  in the same process (aim < 10 ms).
- **autosave, encrypted**: the same ``set_answer`` per edit on a store encrypted with
  SQLCipher (raw key from the vault), against the plain store, edits alternating
  between the two in the same process (aim <= 1.5x).
- **photo ingest**: a 12-megapixel JPEG (4000×3000, EXIF orientation 6) through
  ``PhotoStore.ingest`` (orient, scale to 2560 px, JPEG, thumbnail, hashes,
  fsync'd files), median, against Pillow's plain ``open`` + ``thumbnail`` of the
  same file (aim < 300 ms).
- **search**: ``StationService.search`` per keystroke of ``dgxl`` at 50,000
  stations, against one plain ``sqlite3`` ``LIKE`` query on the name column.

Run alone: ``python -m benchmarks.bench_storage [--quick]``.
"""

from __future__ import annotations

import io
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

from fengqiao_desktop.domain import Level
from fengqiao_desktop.roster.model import StationRow

TOWN = "620102017000"


def _row(name, value, unit, baseline, note) -> dict:
    return {
        "name": name,
        "value": round(value, 3),
        "unit": unit,
        "baseline": round(baseline, 3),
        "ratio": round(value / baseline, 2) if baseline else None,
        "note": note,
    }


def _store(root: Path, passphrase: str | None = None):
    """A store with three stations; with ``passphrase``, encrypted (a vault made first)."""
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.storage.stations import StationRepo

    if passphrase is not None:
        from fengqiao_desktop.services.encryption import encrypt_data_dir

        root.mkdir(parents=True, exist_ok=True)
        encrypt_data_dir(root, passphrase)
    store = LocalStore.open(root, passphrase=passphrase)
    with store.session(write=True) as s:
        StationRepo.upsert_many(
            s,
            [
                StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
                StationRow("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
                StationRow(TOWN, "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
            ],
        )
    return store


class _Editor:
    """One inspection being filled in, an edit at a time (the editor's autosave call)."""

    def __init__(self, store):
        self.store = store
        self.form = store.forms.default_rubric_for("town")
        self.iid = store.inspections.create(TOWN, self.form.id)
        self.graded = [i for i in self.form.items.values() if i.type.value == "graded"]

    def edit(self, n: int) -> float:
        item = self.graded[n % len(self.graded)]
        value = item.max if n % 2 else item.max - item.effective_step
        t0 = time.perf_counter()
        self.store.inspections.set_answer(self.iid, item.id, value)
        return time.perf_counter() - t0


def bench_autosave(root: Path, edits: int) -> dict:
    store = _store(root / "autosave")
    editor = _Editor(store)
    form, iid, graded = editor.form, editor.iid, editor.graded
    times = [editor.edit(n) for n in range(edits)]
    store.close()

    con = sqlite3.connect(root / "baseline.sqlite3", isolation_level=None)
    for p in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        con.execute(f"PRAGMA {p}")
    con.execute(
        "CREATE TABLE answers (inspection_id TEXT, item_id TEXT, value TEXT, note TEXT, "
        "na BOOLEAN, updated_at DATETIME, PRIMARY KEY (inspection_id, item_id))"
    )
    base = []
    for n in range(edits):
        t0 = time.perf_counter()
        con.execute("BEGIN")
        con.execute(
            "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, '', 0, CURRENT_TIMESTAMP)",
            (iid, graded[n % len(graded)].id, str(n % 5)),
        )
        con.execute("COMMIT")
        base.append(time.perf_counter() - t0)
    con.close()
    return _row(
        "autosave per edit (median)",
        statistics.median(times) * 1000,
        "ms",
        statistics.median(base) * 1000,
        f"{edits} set_answer calls on a {len(form.items)}-item rubric, synchronous=FULL; "
        "baseline: sqlite3 INSERT OR REPLACE + COMMIT, same pragmas",
    )


def bench_autosave_encrypted(root: Path, edits: int) -> dict:
    plain = _store(root / "autosave-plain")
    encrypted = _store(root / "autosave-encrypted", passphrase="benchmark passphrase")
    try:
        editors = (_Editor(plain), _Editor(encrypted))
        times: tuple[list[float], list[float]] = ([], [])
        for n in range(edits):  # alternating, so both see the same disk and machine load
            for which in (0, 1) if n % 2 else (1, 0):
                times[which].append(editors[which].edit(n))
    finally:
        plain.close()
        encrypted.close()
    return _row(
        "autosave per edit, SQLCipher (median)",
        statistics.median(times[1]) * 1000,
        "ms",
        statistics.median(times[0]) * 1000,
        f"{edits} set_answer calls on a store encrypted with SQLCipher (raw 256-bit key, no per-connection "
        "KDF); baseline: the same calls on a plain store, alternating, same process (aim <= 1.5x)",
    )


def make_12mp_jpeg(path: Path) -> None:
    """A camera-like 4000×3000 JPEG (gradient plus noise) with EXIF orientation 6 and a capture time."""
    w, h = 4000, 3000
    base = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    noise = Image.effect_noise((w, h), 40).convert("RGB")
    img = Image.blend(base, noise, 0.35)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[306] = "2026:05:01 09:30:00"
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=92, exif=exif)
    path.write_bytes(buf.getvalue())


def bench_ingest(root: Path, runs: int) -> dict:
    from fengqiao_desktop.storage.photostore import PhotoStore

    src = root / "camera.jpg"
    make_12mp_jpeg(src)
    times = []
    for n in range(runs):
        store = PhotoStore(root / f"photos{n}")  # a fresh folder: every run writes its files
        t0 = time.perf_counter()
        store.ingest(src)
        times.append(time.perf_counter() - t0)
    base = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with Image.open(src) as img:
            img.thumbnail((320, 320))
        base.append(time.perf_counter() - t0)
    size_mb = src.stat().st_size / 1e6
    return _row(
        "photo ingest 12 MP JPEG (median)",
        statistics.median(times) * 1000,
        "ms",
        statistics.median(base) * 1000,
        f"4000x3000, {size_mb:.1f} MB, EXIF orientation 6 -> 2560 px JPEG q88 + 320 px thumbnail, "
        "hashes, fsync; baseline: Pillow open + thumbnail(320)",
    )


def bench_search(root: Path, stations: int) -> dict:
    from fengqiao_desktop.roster.importer import upsert_rows

    store = _store(root / "search")
    rows = []
    i = 0
    while len(rows) < stations:
        t = i // 100
        county = f"6201{(t // 300) + 3:02d}"
        town = f"{county}{t % 300:03d}000"
        if i % 100 == 0:
            rows.append(StationRow(town, f"测试{t}街道退役军人服务站", Level.TOWN, None))
        else:
            rows.append(StationRow(f"{town[:9]}{i % 100:03d}", f"第{i}社区退役军人服务站", Level.VILLAGE, town))
        i += 1
    upsert_rows(store.engine, rows)
    t0 = time.perf_counter()
    store.stations.warm_up()
    warm = time.perf_counter() - t0
    times = []
    for _ in range(5):
        for prefix in ("d", "dg", "dgx", "dgxl", "东岗", "620102017"):
            t0 = time.perf_counter()
            store.stations.search(prefix)
            times.append(time.perf_counter() - t0)
    store.close()
    con = sqlite3.connect(root / "search" / "inspections.sqlite3")
    base = []
    for _ in range(5):
        for prefix in ("d", "dg", "dgx", "dgxl", "东岗", "620102017"):
            t0 = time.perf_counter()
            con.execute(
                "SELECT code, name, level, parent_code FROM stations WHERE name LIKE ? LIMIT 200", (f"%{prefix}%",)
            ).fetchall()
            base.append(time.perf_counter() - t0)
    con.close()
    return _row(
        "station search per keystroke (median)",
        statistics.median(times) * 1000,
        "ms",
        statistics.median(base) * 1000,
        f"{len(rows) + 3} stations, pinyin/name/code match, ranked, badges; pinyin keys for all "
        f"computed once in {warm:.1f} s; baseline: sqlite3 name LIKE",
    )


def run(quick: bool = False) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        return [
            bench_autosave(root, 40 if quick else 300),
            bench_autosave_encrypted(root, 40 if quick else 300),
            bench_ingest(root, 2 if quick else 7),
            bench_search(root, 5_000 if quick else 50_000),
        ]


def _print(rows: list[dict]) -> None:
    print(f"{'benchmark':42} {'value':>10} {'baseline':>10} {'ratio':>7}  note")
    for r in rows:
        print(
            f"{r['name']:42} {r['value']:>8.2f}{r['unit']:>2} {r['baseline']:>8.2f}{r['unit']:>2} "
            f"{r['ratio'] if r['ratio'] is not None else '-':>7}  {r['note']}"
        )


if __name__ == "__main__":
    _print(run(quick="--quick" in sys.argv))
