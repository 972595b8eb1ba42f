"""Crash safety of converting a data directory to encrypted storage: the converting process is
killed with SIGKILL at every named step and at random moments (and so is the open that finishes
an interrupted conversion). Afterwards either the old plain store opens without a passphrase, or
the encrypted one opens with it, and every answer of every inspection is there, unchanged; once
opened, nothing of the data is left in clear in the database, its backups or the photo folder,
and every photo reads back as it was stored.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fengqiao_desktop.domain import Level
from fengqiao_desktop.roster.model import StationRow
from fengqiao_desktop.services import encryption
from fengqiao_desktop.services.store import DB_NAME, LocalStore
from fengqiao_desktop.storage.cipher import file_kind
from fengqiao_desktop.storage.stations import StationRepo
from fengqiao_desktop.storage.vault_file import has_vault

CHILD = Path(__file__).with_name("encryption_child.py")
PASS = "kill-test passphrase"
NOTE = "现场备注-明文标记"
STEPS = (
    encryption.CHECK,
    encryption.BACKUP,
    encryption.EXPORT,
    encryption.VAULT,
    encryption.SWAP,
    encryption.BACKUPS_STEP + ":",  # while the copy in backups/ is being encrypted
    encryption.PHOTOS,
    encryption.DONE,
)
RANDOM_ROUNDS = 6
PHOTOS = 6  # per inspection


def _jpeg(color) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (640, 480), color).save(buf, "JPEG", quality=85)
    return buf.getvalue()


pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

Answers = dict[str, dict[str, tuple[object, str | None]]]


def _answers(store: LocalStore) -> Answers:
    """Every answer of every inspection, and every photo's sha256 (under the key "photos")."""
    out: Answers = {}
    for s in store.inspections.list():
        view = store.inspections.get(s.id)
        out[s.id] = {item: (a.value, a.note) for item, a in view.answers.items()}
        out[s.id]["photos"] = (sorted((p.sha256, p.thumbnail_sha256) for p in view.photos), None)
    return out


def _photos_read_back(store: LocalStore) -> int:
    """Every stored photo and thumbnail reads back to the bytes its name is the sha256 of."""
    shas = list(store.photo_store.iter_shas())
    for sha in shas:
        assert hashlib.sha256(store.photo_store.read(sha)).hexdigest() == sha
    return len(shas)


def _template(root: Path) -> tuple[Path, Answers]:
    """A plain data directory with two inspections full of answers, and an older backup copy."""
    data = root / "template"
    store = LocalStore.open(data)
    try:
        with store.session(write=True) as s:
            StationRepo.upsert_many(
                s,
                [
                    StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
                    StationRow("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
                    StationRow("620102017000", "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
                    StationRow("620102018000", "酒泉路街道退役军人服务站", Level.TOWN, "620102000000"),
                ],
            )
        for code in ("620102017000", "620102018000"):
            iid = store.inspections.create(code, "demonstration-town", "张三")
            form = store.inspections.form_of(iid)
            for n, item in enumerate(i for i in form.items.values() if i.type.value == "yes_no"):
                store.inspections.set_answer(iid, item.id, n % 2 == 0, note=f"{NOTE} {code} {n}")
            for k in range(PHOTOS):
                src = root / f"{code}-{k}.jpg"
                src.write_bytes(_jpeg((30 * k, 120, 200 if code.endswith("7000") else 60)))
                store.photos.add_photo(iid, src, None, f"照片 {k}")
        answers = _answers(store)
        assert _photos_read_back(store) == 2 * 2 * PHOTOS  # photos and thumbnails
    finally:
        store.close()
    from fengqiao_desktop.storage.migrate import backup_sqlite

    backup_sqlite(data / DB_NAME, label="older")  # a copy an earlier upgrade left: plain too
    return data, answers


def _run(data: Path, action: str, stop_at: str = "", kill_after: float | None = None) -> str:
    """Run the child; SIGKILL it ``kill_after`` seconds after it started working. Its last line."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), str(data), PASS, action, stop_at],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: list[str] = []
    started = threading.Event()

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line.strip())
            if line.startswith("START"):
                started.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if kill_after is not None:
        if not started.wait(60):
            proc.kill()
            raise AssertionError("the child never started: " + (proc.stderr.read() if proc.stderr else ""))
        time.sleep(kill_after)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    proc.wait(120)
    reader.join(10)
    err = proc.stderr.read() if proc.stderr else ""  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    assert proc.returncode in (0, -signal.SIGKILL), err
    return lines[-1] if lines else ""


def _check(data: Path, answers: Answers) -> str:
    """The old or the new store opens with every answer; which one it was."""
    if not has_vault(data):
        assert file_kind(data / DB_NAME) == "plain"
        with LocalStore.open(data) as store:
            assert not store.encrypted
            assert _answers(store) == answers
            _photos_read_back(store)
        return "plain"
    with LocalStore.open(data, passphrase=PASS) as store:
        assert store.encrypted
        assert _answers(store) == answers
        _photos_read_back(store)
    assert {p.suffix for p in (data / "photos").rglob("*") if p.is_file()} == {".age"}
    assert file_kind(data / DB_NAME) == "encrypted" and not encryption.needs_resume(data)
    for p in (data / "backups").iterdir():
        assert file_kind(p) == "encrypted", p.name
        assert NOTE.encode() not in p.read_bytes()
    for name in (DB_NAME, f"{DB_NAME}-wal"):
        if (data / name).exists():
            assert NOTE.encode() not in (data / name).read_bytes()
    assert not list(data.glob(f"*{encryption.EXPORT_SUFFIX}*"))
    return "encrypted"


def test_a_conversion_killed_at_each_step_leaves_a_store_that_opens_with_every_answer(tmp_path):
    template, answers = _template(tmp_path)
    seen = {}
    for n, step in enumerate(STEPS):
        data = tmp_path / f"step-{n}"
        shutil.copytree(template, data)
        assert _run(data, "convert", stop_at=step) != "DONE"  # it died at that step
        seen[step] = _check(data, answers)
    # before the vault: the old store; from the vault on: the new one
    assert [seen[s] for s in STEPS] == ["plain"] * 3 + ["encrypted"] * 5


def test_a_conversion_killed_at_random_moments_leaves_a_store_that_opens_with_every_answer(tmp_path):
    template, answers = _template(tmp_path)
    rng = random.Random(int(os.environ.get("FENGQIAO_CRASH_SEED", "20261202")))
    full = tmp_path / "timing"
    shutil.copytree(template, full)
    t0 = time.monotonic()
    assert _run(full, "convert") == "DONE"
    duration = time.monotonic() - t0  # the whole child, imports included: an upper bound
    assert _check(full, answers) == "encrypted"  # not killed: converted
    for n in range(RANDOM_ROUNDS):
        data = tmp_path / f"random-{n}"
        shutil.copytree(template, data)
        _run(data, "convert", kill_after=rng.uniform(0.0, duration))
        if n % 2 and encryption.needs_resume(data):
            # the open that finishes the conversion is killed too
            _run(data, "open", kill_after=rng.uniform(0.0, duration / 2))
        _check(data, answers)
