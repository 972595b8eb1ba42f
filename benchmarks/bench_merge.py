"""Merge speed: bundles of completed rubric inspections into SQLite (and PostgreSQL when
FENGQIAO_TEST_PG_URL is set), against plain DBAPI ``executemany`` of the same rows.

Full run: 1,000 bundles carrying 10,000 completed rubric inspections, no photos,
made by the real bundle writer and signed; the import verifies each bundle,
checks the signer, recomputes every score from the answers and the registered
form (ahead of the database work, in a worker process when a core is free: the
note says how many), plans and applies it, each bundle all or nothing (a
SAVEPOINT) in batches of bundles (one transaction each; docs/merge.md, "Batches").

Baseline: the same inspection and revision rows (already made, records already
serialised) inserted into a fresh central database with the driver's own
``executemany``, one transaction per bundle (the same durability: an atomic
commit per bundle, SQLite WAL with synchronous=FULL). The note also gives the
all-in-one-transaction floor. Aim on SQLite: at most 3x the per-bundle baseline.

The merge and the baselines are each the median of three runs (one in ``--quick``).

With photos: bundles carrying JPEG-sized blobs; MB/s against hashing the same
files and inserting them with ``executemany`` (one transaction per bundle). The note
adds the same baseline with each bundle file also copied and flushed, as every import
keeps its archived copy: on PostgreSQL a photo is then written twice (its row and the
archive), which the plain baseline does not do.

Run alone: ``python -m benchmarks.bench_merge [--quick]``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import yaml

from benchmarks.pgdb import drop_pg_database
from fengqiao_desktop import config
from fengqiao_desktop.bundle.minisign import SecretKey
from fengqiao_desktop.bundle.writer import write_bundle
from fengqiao_desktop.formengine.loader import parse_form
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.formengine.scoring import Answer, score
from fengqiao_desktop.merge import forms_registry, pipeline
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.merge.records import content_sha256
from fengqiao_desktop.services import central as svc

NAME, UNIT = "张三", "城关区退役军人事务局"
RUNS = 3  # the merge and its baseline, each the median of this many runs (the machines are noisy)
STATIONS = ["620102001001", "620102001002", "620102001003", "620102017001", "620102017002"]


def bench_form():
    """A rubric of the reference shape: 9 sections, 30 graded items, 100 points, pass 90."""
    sections, left = [], 100.0
    per = [20, 15, 10, 10, 10, 8, 12, 8, 7]
    n = 0
    for s, pts in enumerate(per):
        items = []
        k = 3 if s != 0 else 5
        for i in range(k):
            n += 1
            mx = pts / k
            items.append(
                {
                    "id": f"i{n}",
                    "title": {"zh": f"项目{n}", "en": f"Item {n}"},
                    "type": "graded",
                    "max": round(mx * 2) / 2 if i < k - 1 else None,
                    "step": 0.5,
                }
            )
        used = sum(it["max"] for it in items[:-1])
        items[-1]["max"] = pts - used
        sections.append({"id": chr(65 + s), "title": {"zh": f"第{s + 1}部分", "en": f"Part {s + 1}"}, "items": items})
        left -= pts
    doc = {
        "id": "bench-rubric",
        "version": "1",
        "title": {"zh": "示范型（基准）", "en": "Bench"},
        "kind": "rubric",
        "levels": ["village", "town"],
        "pass_mark": 90,
        "max_points": 100,
        "sections": sections,
    }
    return parse_form(yaml.safe_dump(doc, allow_unicode=True), "bench.yaml")


def rubric_form():
    """The shipped village rubric (the real thing), else a rubric of the same shape."""
    from fengqiao_desktop.formengine.loader import shipped_registry

    try:
        form = shipped_registry().default_rubric_for("village")
    except Exception:  # noqa: BLE001 - no shipped forms in this build
        form = None
    if form is None:
        return bench_form()
    # the bureau refuses a completed record without its required photos; these records carry
    # none (photos are measured on their own below), so the benchmark registers the rubric
    # without its photo requirements — same items, points and scoring
    data = form.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    for sec in data["sections"]:
        for item in sec["items"]:
            item.pop("min_photos", None)
    return FormDef.model_validate(data)


def _answer(it, n: int):
    t = it.type.value
    if t in ("graded", "deduction"):
        return max(0.0, it.max - it.effective_step * (n % 3))
    if t == "yes_no":
        return True
    if t == "choice":
        return max(it.choices, key=lambda c: c.points).value
    if t == "number":
        return it.min_value if it.min_value is not None else 1
    return "符合"


def _record(form, sk, n: int, photos: list[dict]) -> dict:
    answers = {
        it.id: {"value": _answer(it, n + j), "note": "", "na": False} for j, it in enumerate(form.items.values())
    }
    res = score(form, {k: Answer.from_json(v) for k, v in answers.items()})
    t = "2026-05-01T08:00:00Z"
    return {
        "format": "fengqiao.inspection",
        "format_version": 1,
        "id": str(uuid.uuid4()),
        "revision": 1,
        "visit_id": f"v{n}",
        "station_code": STATIONS[n % len(STATIONS)],
        "form": {"id": form.id, "version": form.version, "sha256": form.sha256},
        "inspector": {"name": NAME, "unit": UNIT, "key_id": sk.key_id},
        "status": "completed",
        "created_at": t,
        "updated_at": t,
        "completed_at": t,
        "answers": answers,
        "photos": photos,
        "findings": [],
        "audit": [{"action": "completed", "revision": 1}],
        "score": {
            "total": res.total,
            "max": res.max,
            "verdict": res.verdict.value,
            "sections": [{"id": s.id, "earned": s.earned, "max": s.max} for s in res.sections],
        },
    }


def make_bundles(
    out: Path, form, sk, n_bundles: int, per_bundle: int, photo_bytes: int = 0, photos_per_bundle: int = 0
) -> tuple[list[Path], list[list[dict]], int]:
    out.mkdir(parents=True, exist_ok=True)
    paths, records_all, prev, total_photo = [], [], None, 0
    from fengqiao_desktop.bundle.verifier import verify_bundle

    for b in range(n_bundles):
        photos: dict[str, bytes] = {}
        entries = []
        for k in range(photos_per_bundle):
            body = b"\xff\xd8" + os.urandom(photo_bytes) + b"\xff\xd9"
            sha = hashlib.sha256(body).hexdigest()
            photos[sha] = body
            total_photo += len(body)
            entries.append(
                {
                    "sha256": sha,
                    "original_sha256": sha,
                    "item_id": next(iter(form.items)),
                    "caption": f"p{k}",
                    "captured_at": "2026-05-01T08:00:00Z",
                }
            )
        recs = []
        for i in range(per_bundle):
            mine = entries[i::per_bundle] if entries else []
            recs.append(_record(form, sk, b * per_bundle + i, mine))
        path = write_bundle(
            out,
            records=recs,
            read_photo=photos.__getitem__,
            inspector={"name": NAME, "unit": UNIT, "phone": ""},
            device_id="bench-1",
            sequence=b + 1,
            previous_manifest_sha256=prev,
            secret_key=sk,
        )
        prev = verify_bundle(path, public_keys={sk.key_id: sk.public}).manifest_sha256
        paths.append(path)
        records_all.append(recs)
        shutil.rmtree(out / "ph", ignore_errors=True)  # the bundles hold them now
    return paths, records_all, total_photo


def _fresh_central(url: str, form, sk):
    c = open_central(url, register_shipped_forms=False)
    with c.write() as conn:
        forms_registry.register_forms(conn, [form])
    svc.load_demo(url=c)
    svc.trust_add(sk.public, name=NAME, unit=UNIT, url=c)
    return c


def _baseline(
    url: str,
    form,
    sk,
    records_all: list[list[dict]],
    photos: list[list[Path]] | None = None,
    single_tx: bool = False,
    copies: tuple[list[Path], Path] | None = None,
) -> float:
    """Plain driver executemany of the same inspection + revision rows (and photo blobs);
    ``copies`` (bundle files, folder): each bundle file also copied and flushed there first, as
    an import keeps its archived copy."""
    c = _fresh_central(url, form, sk)
    pg = not c.is_sqlite
    ph = "%s" if pg else "?"
    ins_sql = (
        f"INSERT INTO inspections (id, station_code, form_sha256, form_id, form_kind, visit_id, "
        f"status, completed_at, winner_revision, winner_sha256, total, verdict) VALUES "
        f"({', '.join([ph] * 12)})"
    )
    rev_sql = (
        f"INSERT INTO inspection_revisions (inspection_id, revision, content_sha256, record, "
        f"station_code, form_sha256, visit_id, status, completed_at, audit_chain, total, max_points, "
        f"own_verdict, verdict) VALUES ({', '.join([ph] * 14)})"
    )
    blob_sql = f"INSERT INTO photo_blobs (sha256, size, data) VALUES ({ph}, {ph}, {ph})"
    batches = []
    for recs in records_all:  # rows made before the clock starts: only the inserts are timed
        ins, rev = [], []
        for r in recs:
            sha, text = content_sha256(r)
            s = r["score"]
            ins.append(
                (
                    r["id"],
                    r["station_code"],
                    form.sha256,
                    form.id,
                    "rubric",
                    r["visit_id"],
                    "completed",
                    r["completed_at"],
                    1,
                    sha,
                    s["total"],
                    s["verdict"],
                )
            )
            rev.append(
                (
                    r["id"],
                    1,
                    sha,
                    text,
                    r["station_code"],
                    form.sha256,
                    r["visit_id"],
                    "completed",
                    r["completed_at"],
                    "",
                    s["total"],
                    s["max"],
                    s["verdict"],
                    s["verdict"],
                )
            )
        batches.append((ins, rev))
    raw = c.engine.raw_connection()
    try:
        dbapi = raw.driver_connection
        if not pg:
            dbapi.isolation_level = None
        cur = dbapi.cursor()
        t0 = time.perf_counter()
        if single_tx and not pg:
            cur.execute("BEGIN")
        for i, (ins, rev) in enumerate(batches):
            if not single_tx and not pg:
                cur.execute("BEGIN")
            cur.executemany(ins_sql, ins)
            cur.executemany(rev_sql, rev)
            if copies:
                src, folder = copies
                dest = folder / src[i].name
                with open(src[i], "rb") as fin, open(dest, "wb") as fout:
                    shutil.copyfileobj(fin, fout, 1 << 20)
                    fout.flush()
                    os.fsync(fout.fileno())
            if photos:
                rows = []
                for p in photos[i]:
                    data = p.read_bytes()
                    rows.append((hashlib.sha256(data).hexdigest(), len(data), data))
                cur.executemany(blob_sql, rows)
            if not single_tx:
                cur.execute("COMMIT") if not pg else dbapi.commit()
        if single_tx:
            cur.execute("COMMIT") if not pg else dbapi.commit()
        return time.perf_counter() - t0
    finally:
        raw.close()
        c.dispose()


def _seconds(times: list[float]) -> str:
    return "/".join(f"{t:.2f}" for t in times)


def _count_statements(engine):
    """A function giving how many statements ``engine`` has run since (an executemany counts once)."""
    from sqlalchemy import event

    n = [0]

    @event.listens_for(engine, "before_cursor_execute")
    def _count(*_args):
        n[0] += 1

    return lambda: n[0]


def _workers(url: str, n_bundles: int) -> str:
    n = pipeline.worker_count(url, n_bundles)
    return f"{n} worker process{'es' if n > 1 else ''}" if n else "prepared in-process"


def _urls(work: Path) -> list[tuple[str, object]]:
    """(label, url factory) for each database to measure."""

    def sqlite():
        return f"sqlite:///{work / uuid.uuid4().hex[:10] / 'central.sqlite3'}", None

    out = [("SQLite", sqlite)]
    pg = os.environ.get("FENGQIAO_TEST_PG_URL")
    if pg:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        def postgres():
            name = f"fq_bench_{uuid.uuid4().hex[:10]}"
            admin = create_engine(pg, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            admin.dispose()
            return make_url(pg).set(database=name).render_as_string(hide_password=False), name

        out.append(("PostgreSQL", postgres))
    return out


def _drop(name: str | None) -> None:
    if name:
        drop_pg_database(os.environ["FENGQIAO_TEST_PG_URL"], name)


def run(quick: bool = False) -> list[dict]:
    n_bundles, per = (40, 10) if quick else (1000, 10)
    runs = 1 if quick else RUNS
    p_bundles, p_per, p_size = (4, 4, 256 * 1024) if quick else (20, 10, 1024 * 1024)
    work = Path(tempfile.mkdtemp(prefix="fq-bench-merge-"))
    config.set_data_dir(work / "data")
    rows: list[dict] = []
    try:
        form = rubric_form()
        sk = SecretKey.generate()
        paths, records_all, _ = make_bundles(work / "bundles", form, sk, n_bundles, per)
        n_insp = n_bundles * per
        from fengqiao_desktop.bundle.verifier import verify_bundle

        t0 = time.perf_counter()
        for p in paths:  # the verifier alone: part of every import, owned by the bundle package
            verify_bundle(p, public_keys={sk.key_id: sk.public})
        t_verify = time.perf_counter() - t0
        for label, factory in _urls(work):
            merges, bases, floors = [], [], []
            for _run in range(runs):  # each into a fresh database, the baseline run alongside
                url, name = factory()
                c = _fresh_central(url, form, sk)
                statements = _count_statements(c.engine)
                t0 = time.perf_counter()
                outs = svc.import_bundles(paths, url=c)
                merges.append(time.perf_counter() - t0)
                assert all(o.status == "imported" for o in outs), [o.line("en") for o in outs if not o.ok][:3]
                per_bundle = statements() / n_bundles
                t0 = time.perf_counter()
                again = svc.import_bundles(paths, url=c)
                t_again = time.perf_counter() - t0
                assert all(o.status == "already_imported" for o in again)
                c.dispose()
                _drop(name)
                url, name = factory()
                bases.append(_baseline(url, form, sk, records_all))
                _drop(name)
                url, name = factory()
                floors.append(_baseline(url, form, sk, records_all, single_tx=True))
                _drop(name)
            t_merge, t_base, t_floor = statistics.median(merges), statistics.median(bases), statistics.median(floors)
            rows.append(
                {
                    "name": f"merge {n_bundles} bundles / {n_insp} rubric inspections ({label})",
                    "value": n_insp / t_merge,
                    "unit": "inspections/s",
                    "baseline": n_insp / t_base,
                    "ratio": t_merge / t_base,
                    "note": f"median of {runs}: merge {t_merge:.2f}s (runs {_seconds(merges)}; verifying alone "
                    f"{t_verify:.2f}s; {_workers(url, len(paths))}; {per_bundle:.0f} statements/bundle) vs "
                    f"executemany {t_base:.2f}s (runs {_seconds(bases)}; 1 tx/bundle); 1-tx floor {t_floor:.2f}s; "
                    f"re-import (all already) {t_again:.2f}s",
                }
            )

        # with photos
        ppaths, precords, total = make_bundles(
            work / "pbundles", form, sk, p_bundles, p_per, photo_bytes=p_size, photos_per_bundle=p_per
        )
        blobs_dir = work / "blobs"
        photo_files: list[list[Path]] = []
        for p in ppaths:  # the same blobs as files, for the baseline
            vb = verify_bundle(p, public_keys={sk.key_id: sk.public})
            files = []
            for name_ in sorted(vb.photos):
                f = blobs_dir / name_.split("/")[-1]
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_bytes(vb.read_member(name_))
                files.append(f)
            photo_files.append(files)
        mb = total / 1e6
        for label, factory in _urls(work):
            merges, bases, kept = [], [], []
            for run_ in range(runs):
                url, name = factory()
                c = _fresh_central(url, form, sk)
                t0 = time.perf_counter()
                outs = svc.import_bundles(ppaths, url=c)
                merges.append(time.perf_counter() - t0)
                assert all(o.status == "imported" for o in outs)
                c.dispose()
                _drop(name)
                url, name = factory()
                bases.append(_baseline(url, form, sk, precords, photos=photo_files))
                _drop(name)
                url, name = factory()
                folder = work / f"copies-{label}-{run_}"
                folder.mkdir()
                kept.append(_baseline(url, form, sk, precords, photos=photo_files, copies=(ppaths, folder)))
                shutil.rmtree(folder)
                _drop(name)
            t_merge, t_base, t_kept = statistics.median(merges), statistics.median(bases), statistics.median(kept)
            rows.append(
                {
                    "name": f"merge with photos, {p_bundles * p_per} photos of {p_size // 1024} KiB ({label})",
                    "value": mb / t_merge,
                    "unit": "MB/s",
                    "baseline": mb / t_base,
                    "ratio": t_merge / t_base,
                    "note": f"{mb:.0f} MB; median of {runs}: merge {t_merge:.2f}s (runs {_seconds(merges)}; "
                    f"{_workers(url, len(ppaths))}) vs hash+executemany {t_base:.2f}s (runs {_seconds(bases)}); "
                    f"with each bundle file also copied and flushed, as the archive keeps it: {t_kept:.2f}s "
                    f"(runs {_seconds(kept)}; merge / that = {t_merge / t_kept:.2f})",
                }
            )
    finally:
        config.set_data_dir(None)
        shutil.rmtree(work, ignore_errors=True)
    return rows


def main() -> None:
    from benchmarks.__main__ import format_table

    print(format_table(run(quick="--quick" in sys.argv)))


if __name__ == "__main__":
    main()
