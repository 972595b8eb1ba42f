"""Imports in batches: many bundles in one transaction, each still all or nothing; bundles
prepared in a worker process give the same central state as bundles imported one by one."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time

import pytest
from merge_helpers import GATE, RUBRIC, VILLAGE, VILLAGE2, make_photo, photo_entry
from sqlalchemy import func, select

from fengqiao_desktop.merge import batch, forms_registry, importer, models, pipeline
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.services import central as svc

UNKNOWN_STATION = "620102999999"


def _bundles(bureau, n: int, *, bad: int | None = None):
    """n bundles of one laptop (two inspections each, a photo on every third); bundle ``bad``
    names a station the roster lacks."""
    dev = bureau.device()
    paths = []
    for k in range(n):
        photos, entries = {}, []
        if k % 3 == 0:
            sha, p = make_photo(bureau.tmp / "ph", f"batch-{k}")
            photos[sha], entries = p, [photo_entry(sha, p)]
        station = UNKNOWN_STATION if k == bad else VILLAGE
        records = [dev.record(RUBRIC, station=station, photos=entries), dev.record(RUBRIC, station=VILLAGE2)]
        paths.append(dev.export(bureau.tmp / "usb", records, photos))
    return dev, paths


def _photo_bundles(bureau, n: int, tag: str, *, size: int):
    """n bundles of one laptop, each one inspection with one photo of ``size`` bytes."""
    dev = bureau.device()
    paths = []
    for k in range(n):
        sha, p = make_photo(bureau.tmp / "ph", f"{tag}-{k}", size=size)
        paths.append(dev.export(bureau.tmp / "usb", [dev.record(RUBRIC, photos=[photo_entry(sha, p)])], {sha: p}))
    return dev, paths


def _fresh_like(bureau, dev, name: str):
    c = open_central(
        f"sqlite:///{bureau.tmp / name / 'central.sqlite3'}" if bureau.central.is_sqlite else _other_pg(bureau, name)
    )
    with c.write() as conn:
        forms_registry.register_forms(conn, [GATE, RUBRIC])
    svc.load_demo(url=c)
    svc.trust_add(dev.sk.public, name=dev.name, unit=dev.unit, url=c)
    return c


def _assert_state_of_one_by_one(bureau, dev, paths, name: str) -> None:
    """The central state equals that of ``paths`` imported one at a time into a fresh database."""
    one_by_one = _fresh_like(bureau, dev, name)
    try:
        for p in paths:
            assert svc.import_bundles([p], url=one_by_one)[0].status == "imported"
        assert svc.digest(url=one_by_one) == bureau.digest()
    finally:
        one_by_one.dispose()


def _other_pg(bureau, name: str) -> str:
    import os
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    db = f"fq_batch_{name}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(os.environ["FENGQIAO_TEST_PG_URL"], isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{db}"'))
    admin.dispose()
    bureau.extra_pg = [*getattr(bureau, "extra_pg", []), db]
    return make_url(os.environ["FENGQIAO_TEST_PG_URL"]).set(database=db).render_as_string(hide_password=False)


@pytest.fixture
def drop_extra(bureau):
    yield
    import os

    from merge_helpers import drop_pg_database

    for db in getattr(bureau, "extra_pg", []):
        drop_pg_database(os.environ["FENGQIAO_TEST_PG_URL"], db)


@pytest.mark.parametrize("workers", [0, 1])
def test_a_refused_bundle_in_a_batch_leaves_nothing_and_the_others_stand(bureau, drop_extra, monkeypatch, workers):
    monkeypatch.setattr(batch, "MAX_BUNDLES", 4)  # several batches, the refused one inside one
    monkeypatch.setattr(pipeline, "MIN_BUNDLES", 2)
    monkeypatch.setattr(pipeline, "WAIT_FOR_WORKERS", True)
    dev, paths = _bundles(bureau, 9, bad=5)
    outs = importer.import_bundles(bureau.central, paths, workers=workers)
    assert [o.status for o in outs] == ["imported"] * 5 + ["refused"] + ["imported"] * 3
    assert "不在中心名册" in outs[5].reason and outs[5].quarantined
    assert all(o.archived and (bureau.central.archive_dir / f"{o.bundle_id}.fqbundle").exists() for o in outs if o.ok)
    t = models.InspectionRevision.__table__
    with bureau.central.read() as conn:
        assert conn.execute(select(func.count()).select_from(t)).scalar_one() == 16  # 8 bundles of two
    # the same central state as the good bundles imported one at a time
    _assert_state_of_one_by_one(bureau, dev, [p for k, p in enumerate(paths) if k != 5], "one-by-one")
    assert not list((bureau.central.files_dir / "incoming").glob("*.partial"))


def test_bundles_prepared_by_a_worker_give_the_state_of_one_by_one_imports(bureau, drop_extra, monkeypatch, caplog):
    monkeypatch.setattr(pipeline, "WAIT_FOR_WORKERS", True)
    monkeypatch.setattr(pipeline, "IMPORTER_HELPS", False)  # every bundle after the first to the worker
    dev, paths = _bundles(bureau, 14)
    order = [*paths[7:], *paths[:7], paths[3]]  # out of order (gaps while importing), one twice
    with caplog.at_level(logging.INFO, logger=pipeline.__name__):
        outs = importer.import_bundles(bureau.central, order, workers=1)
    assert "14 of 15 bundles prepared ahead of the database work" in caplog.text  # all but the first
    assert [o.status for o in outs] == ["imported"] * 14 + ["already_imported"]
    assert not any(o.warnings for o in outs)  # the gap closed within the run
    _assert_state_of_one_by_one(bureau, dev, paths, "serial")
    again = importer.import_bundles(bureau.central, paths, workers=1)  # the same bytes: known at once
    assert {o.status for o in again} == {"already_imported"}


def test_bundles_prepared_by_the_importer_while_the_worker_is_busy_give_the_same_state(
    bureau, drop_extra, monkeypatch, caplog
):
    """The importer prepares bundles further on itself whenever the next one is not ready from the
    worker (here bundles of large photos, which the importer applies faster than the worker can
    prepare them): whoever prepared what, the result is that of one-by-one imports, and a cancel
    leaves nothing staged behind."""
    monkeypatch.setattr(pipeline, "MIN_BUNDLES", 2)
    monkeypatch.setattr(pipeline, "WAIT_FOR_WORKERS", True)
    dev, paths = _photo_bundles(bureau, 14, "large", size=3_000_000)
    stop = {"now": False}

    def progress(done, total, name):
        stop["now"] = done == 9

    with caplog.at_level(logging.INFO, logger=pipeline.__name__):
        first = importer.import_bundles(
            bureau.central, paths, workers=1, progress=progress, cancelled=lambda: stop["now"]
        )
    assert [o.status for o in first] == ["imported"] * 9 + ["cancelled"]
    assert re.search(r"\(([1-9][0-9]*) more by the importer while it waited\)", caplog.text), caplog.text
    assert not list((bureau.central.files_dir / "incoming").glob("*.partial"))
    outs = importer.import_bundles(bureau.central, paths, workers=1)
    assert [o.status for o in outs] == ["already_imported"] * 9 + ["imported"] * 5
    _assert_state_of_one_by_one(bureau, dev, paths, "helped")
    assert not list((bureau.central.files_dir / "incoming").glob("*.partial"))


def test_bundles_full_of_photos_are_staged_ahead_only_up_to_the_byte_bound(bureau, drop_extra, monkeypatch):
    """Workers look many bundles ahead, but bundles full of photos fill incoming/ only up to
    AHEAD_BYTES beyond the bundle being applied (the next one always)."""
    monkeypatch.setattr(pipeline, "MIN_BUNDLES", 2)
    monkeypatch.setattr(pipeline, "WAIT_FOR_WORKERS", True)
    dev, paths = _photo_bundles(bureau, 12, "ahead", size=1_000_000)
    size = max(p.stat().st_size for p in paths)
    monkeypatch.setattr(pipeline, "AHEAD_BYTES", int(2.5 * size))  # two bundles ahead, not three
    incoming = bureau.central.files_dir / "incoming"
    staged: list[int] = []

    def progress(done, total, name):
        time.sleep(0.05)  # a slow importer: the worker gets as far ahead as it may
        staged.append(sum(f.stat().st_size for f in incoming.glob("*.partial")))

    outs = importer.import_bundles(bureau.central, paths, workers=1, progress=progress)
    assert [o.status for o in outs] == ["imported"] * 12
    assert max(staged) > size  # more than the next bundle was staged ahead at some point
    assert max(staged) <= 2.5 * size  # never a third
    _assert_state_of_one_by_one(bureau, dev, paths, "bounded")


def test_cancel_between_batches_keeps_what_was_committed(bureau, monkeypatch):
    monkeypatch.setattr(batch, "MAX_BUNDLES", 2)
    _dev, paths = _bundles(bureau, 5)
    stop = {"now": False}

    def progress(done, total, name):
        stop["now"] = done == 3  # cancel pressed while the fourth bundle is about to be applied

    outs = svc.import_bundles(paths, url=bureau.central, progress=progress, cancelled=lambda: stop["now"])
    assert [o.status for o in outs] == ["imported"] * 3 + ["cancelled"]
    assert [o.status for o in bureau.merge(*paths)] == ["already_imported"] * 3 + ["imported"] * 2


def test_worker_count_leaves_a_core_to_the_importer_and_to_a_local_server():
    sqlite, local_pg = "sqlite:///c.sqlite3", "postgresql+psycopg://u:p@127.0.0.1/db"
    remote_pg = "postgresql+psycopg://u:p@db.example.org/db"
    many = pipeline.MIN_BUNDLES
    assert pipeline.worker_count(sqlite, many, cores=2, busy=0) == 1
    assert pipeline.worker_count(local_pg, many, cores=2, busy=0) == 0  # the server needs the second core
    assert pipeline.worker_count(remote_pg, many, cores=2, busy=0) == 1
    assert pipeline.worker_count(local_pg, many, cores=8, busy=0) == pipeline.MAX_WORKERS
    assert pipeline.worker_count(sqlite, many - 1, cores=8, busy=0) == 0  # a worker would not pay for its start
    assert pipeline.worker_count(sqlite, many, cores=1, busy=0) == 0
    assert pipeline.worker_count(sqlite, many, cores=2, busy=1.2) == 0  # another program has the second core
    assert pipeline.worker_count(remote_pg, many, cores=4, busy=1.0) == 2


@pytest.mark.skipif(not os.path.exists("/proc/stat"), reason="the cores are sampled on Linux only")
def test_busy_cores_are_measured_now_not_taken_from_the_minute_load_average(monkeypatch):
    """An import started right after one that kept a worker busy still gets its worker: the
    minute's load average still counts that worker, what the cores do now does not."""
    monkeypatch.setattr(os, "getloadavg", lambda: (100.0, 100.0, 100.0))
    assert pipeline.CpuSample().busy_elsewhere() <= (os.cpu_count() or 1)
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.3)
        sample = pipeline.CpuSample()
        sum(range(3_000_000))  # this process's own work meanwhile is not another program's
        assert sample.busy_elsewhere() >= 0.7  # a program keeping one core busy is seen
    finally:
        spinner.kill()
        spinner.wait()


def test_a_full_disk_in_the_middle_of_a_batch_refuses_its_bundles_and_the_run_goes_on(bureau, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from fengqiao_desktop.merge import apply

    _dev, paths = _bundles(bureau, 4)
    real, calls = apply.apply_plan, {"n": 0}

    def failing(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 2:  # the second bundle's writes hit a full disk
            raise OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))
        return real(*args, **kw)

    monkeypatch.setattr(batch, "apply_plan", failing)
    d0 = bureau.digest()
    outs = importer.import_bundles(bureau.central, paths, workers=0)
    # the first shared the second's transaction: neither was imported, and both say why
    assert [o.status for o in outs] == ["refused", "refused", "imported", "imported"]
    assert outs[0].reason == outs[1].reason and "磁盘" in outs[0].reason and outs[0].archived is None
    monkeypatch.setattr(batch, "apply_plan", real)
    assert [o.status for o in bureau.merge(*paths)] == ["imported", "imported", "already_imported", "already_imported"]
    assert bureau.digest() != d0


def test_a_worker_process_starts_without_the_database_layer():
    """A worker imports the pipeline and the preparation only (merge/prepare.py, merge/signer.py,
    merge/records.py): no SQLAlchemy, which would add a good part of a second to every run's start."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from fengqiao_desktop.merge import pipeline, prepare\n"
        "assert callable(pipeline._prepare_in_worker) and callable(prepare.prepare_bundle)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'psycopg')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
