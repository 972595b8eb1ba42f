"""Crash safety: a process editing an inspection is killed with SIGKILL at random points, many times.

After every kill, each answer the child acknowledged (printed after the
editor's save call returned) is in the database with that edit or a later one,
and SQLite's integrity check is ``ok``.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fengqiao_desktop.domain import Level
from fengqiao_desktop.roster.model import StationRow
from fengqiao_desktop.services.store import DB_NAME, LocalStore
from fengqiao_desktop.storage.stations import StationRepo

CHILD = Path(__file__).with_name("editing_child.py")
ROUNDS = 15

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _setup(data_dir: Path) -> str:
    store = LocalStore.open(data_dir)
    try:
        with store.session(write=True) as s:
            StationRepo.upsert_many(
                s,
                [
                    StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
                    StationRow("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
                    StationRow("620102017000", "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
                ],
            )
        return store.inspections.create("620102017000", "demonstration-town", "张三")
    finally:
        store.close()


def _run_and_kill(data_dir: Path, iid: str, start: int, rng: random.Random) -> list[tuple[int, str]]:
    env = dict(os.environ, PYTHONUNBUFFERED="1", QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), iid, str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    acks: list[tuple[int, str]] = []
    first = threading.Event()

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ACK":
                acks.append((int(parts[1]), parts[2]))
                first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not first.wait(30):
        proc.kill()
        raise AssertionError("the child never acknowledged an edit: " + (proc.stderr.read() if proc.stderr else ""))
    time.sleep(rng.uniform(0.0, 0.2))  # a random point in the middle of the edits
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    reader.join(10)
    proc.stderr.close()  # type: ignore[union-attr]
    assert proc.returncode == -signal.SIGKILL
    return acks


def test_acknowledged_answers_survive_sigkill(tmp_path):
    data_dir = tmp_path / "data"
    iid = _setup(data_dir)
    rng = random.Random(int(os.environ.get("FENGQIAO_CRASH_SEED", "20261123")))
    acked: dict[str, int] = {}  # item -> last acknowledged seq
    start = 0
    total_acks = 0
    for _round in range(ROUNDS):
        acks = _run_and_kill(data_dir, iid, start, rng)
        total_acks += len(acks)
        for seq, item in acks:
            acked[item] = max(acked.get(item, -1), seq)
        start = (acks[-1][0] + 1) if acks else start
        con = sqlite3.connect(data_dir / DB_NAME)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {
                item: int(note)
                for item, note in con.execute("SELECT item_id, note FROM answers WHERE inspection_id = ?", (iid,))
            }
        finally:
            con.close()
        for item, seq in acked.items():
            # the acknowledged edit, or a later one the child made before it died
            assert stored.get(item, -1) >= seq, (item, seq, stored.get(item))
        start = max(start, max(stored.values(), default=-1) + 1)
    assert total_acks >= ROUNDS
    store = LocalStore.open(data_dir)
    try:
        assert store.inspections.score(iid) is not None  # still opens and scores
    finally:
        store.close()
