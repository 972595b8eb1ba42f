"""SIGKILL during an import, again and again: the database stays consistent, the bundle
is either wholly in or wholly out, and it imports afterwards."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
from merge_helpers import RUBRIC, VILLAGE, VILLAGE2, make_photo, photo_entry
from sqlalchemy import func, select

from fengqiao_desktop.merge import models
from fengqiao_desktop.services import central as svc

CHILD = """
import sys
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.merge.importer import import_bundles
c = open_central(sys.argv[1])
print("ready", flush=True)
[o] = import_bundles(c, [sys.argv[2]])
print(o.status, flush=True)
"""


def _big_bundle(bureau, dev):
    photos, records = {}, []
    for i in range(40):
        sha, p = make_photo(bureau.tmp / "ph", f"kill-{i}", size=150_000)
        photos[sha] = p
    shas = sorted(photos)
    for i in range(150):
        ph = [photo_entry(shas[i % len(shas)], photos[shas[i % len(shas)]])]
        records.append(dev.record(RUBRIC, station=VILLAGE if i % 2 else VILLAGE2, photos=ph))
    return dev.export(bureau.tmp / "usb", records, photos)


def _consistent(bureau) -> str:
    """'in' or 'out'; fails unless the database is consistent and the bundle all-or-nothing."""
    t = {name: tab for name, tab in models.Base.metadata.tables.items()}
    with bureau.central.read() as conn:
        if bureau.central.is_sqlite:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        n = {name: conn.execute(select(func.count()).select_from(tab)).scalar_one() for name, tab in t.items()}
        imported = conn.execute(
            select(func.count()).select_from(t["bundles"]).where(t["bundles"].c.status == "imported")
        ).scalar_one()
        ins, rev = t["inspections"], t["inspection_revisions"]
        orphans = conn.execute(
            select(func.count()).select_from(ins).where(~ins.c.winner_sha256.in_(select(rev.c.content_sha256)))
        ).scalar_one()
    assert orphans == 0
    if imported == 0:
        assert (n["inspections"], n["inspection_revisions"], n["photo_blobs"], n["revision_sources"]) == (0, 0, 0, 0)
        return "out"
    assert (n["inspections"], n["inspection_revisions"], n["photo_blobs"], n["revision_sources"], imported) == (
        150,
        150,
        40,
        150,
        1,
    )
    return "in"


@pytest.mark.slow
def test_sigkill_during_import_repeatedly(bureau):
    dev = bureau.device()
    path = _big_bundle(bureau, dev)
    env = dict(os.environ)

    def start():
        p = subprocess.Popen(
            [sys.executable, "-c", CHILD, bureau.url, str(path)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
        return p

    # how long an import takes here (into a scratch database), to spread the kills over it
    from merge_helpers import GATE

    from fengqiao_desktop.merge import forms_registry
    from fengqiao_desktop.merge.db import open_central

    scratch = open_central(f"sqlite:///{bureau.tmp / 'scratch' / 'c.sqlite3'}")
    with scratch.write() as conn:
        forms_registry.register_forms(conn, [GATE, RUBRIC])
    svc.load_demo(url=scratch)
    svc.trust_add(dev.sk.public, name=dev.name, unit=dev.unit, url=scratch)
    t0 = time.monotonic()
    assert svc.import_bundles([path], url=scratch)[0].status == "imported"
    t_import = time.monotonic() - t0
    scratch.dispose()

    rnd = random.Random(5)
    seen = []
    span = t_import * 1.3
    for _ in range(10):
        if seen[-2:] == ["out", "out"]:
            span *= 2  # a slower database (a server over the network): reach further
        p = start()
        time.sleep(rnd.uniform(0, span))
        p.send_signal(signal.SIGKILL)
        p.wait()
        seen.append(_consistent(bureau))
    print(f"import takes {t_import:.2f}s; after each kill: {seen}")
    [out] = bureau.merge(path)
    assert out.status in ("imported", "already_imported"), out.line("en")
    assert _consistent(bureau) == "in"
    assert (bureau.central.archive_dir / f"{out.bundle_id}.fqbundle").read_bytes() == path.read_bytes()
    assert svc.conflicts_list(url=bureau.central) == []
