"""``fengqiao bundle verify|show`` on real bundle files."""

from __future__ import annotations

import hashlib
import json
import uuid

import pytest
from click.testing import CliRunner

from fengqiao_desktop.bundle import SecretKey, write_bundle
from fengqiao_desktop.cli.main import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


def _record(sk, photo: bytes) -> dict:
    sha = hashlib.sha256(photo).hexdigest()
    return {
        "format": "fengqiao.inspection",
        "format_version": 1,
        "id": str(uuid.uuid4()),
        "revision": 1,
        "visit_id": None,
        "station_code": "620102001001",
        "form": {"id": "five-haves", "version": "1", "sha256": "b" * 64},
        "inspector": {"name": "张三", "unit": "城关区", "key_id": sk.key_id},
        "status": "completed",
        "created_at": "2026-05-01T08:00:00Z",
        "updated_at": "2026-05-01T08:00:00Z",
        "completed_at": "2026-05-01T08:00:00Z",
        "answers": {},
        "photos": [
            {
                "sha256": sha,
                "original_sha256": sha,
                "item_id": "jigou",
                "caption": "",
                "captured_at": "2026-05-01T08:00:00Z",
                "size": len(photo),
            }
        ],
        "findings": [],
        "score": None,
        "audit": [],
    }


@pytest.fixture
def signed(tmp_path):
    sk = SecretKey.generate()
    photo = b"\xff\xd8" + b"p" * 5000 + b"\xff\xd9"
    path = write_bundle(
        tmp_path,
        records=[_record(sk, photo)],
        read_photo={hashlib.sha256(photo).hexdigest(): photo}.__getitem__,
        inspector={"name": "张三", "unit": "城关区", "phone": ""},
        device_id="lap-1",
        sequence=1,
        previous_manifest_sha256=None,
        secret_key=sk,
    )
    pub = tmp_path / "trust" / "zhangsan.pub"
    pub.parent.mkdir()
    pub.write_text(sk.public.file_text())
    return path, sk, pub


def test_verify_ok_with_pubkey_file_line_and_trust_dir(signed):
    path, sk, pub = signed
    for args in (["--pubkey", str(pub)], ["--pubkey", sk.public.line()], ["--trust", str(pub.parent)]):
        res = run("--lang", "en", "bundle", "verify", str(path), *args)
        assert res.exit_code == 0, res.output
        assert res.output.startswith("OK: bundle ") and "sequence 1" in res.output
        assert sk.key_id in res.output and "1 inspections, 1 photos" in res.output


def test_verify_refusal_is_one_line_naming_the_member(signed, tmp_path):
    path, sk, pub = signed
    data = bytearray(path.read_bytes())
    i = data.find(b"p" * 100)
    data[i + 50] ^= 1
    bad = tmp_path / "bad.fqbundle"
    bad.write_bytes(bytes(data))
    res = run("--lang", "en", "bundle", "verify", str(bad), "--pubkey", str(pub))
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "photos/" in lines[0] and "changed" in lines[0]


def test_verify_untrusted_signer(signed):
    path, sk, _ = signed
    other = SecretKey.generate()
    res = run("bundle", "verify", str(path), "--pubkey", other.public.line())
    assert res.exit_code == 1 and sk.key_id in res.output and "不在可信公钥中" in res.output


def test_verify_needs_a_key(signed):
    res = run("bundle", "verify", str(signed[0]))
    assert res.exit_code != 0 and "--pubkey" in res.output


def test_show_says_signature_not_checked(signed):
    path, sk, pub = signed
    res = run("--lang", "en", "bundle", "show", str(path))
    assert res.exit_code == 0, res.output
    assert "NOT checked" in res.output and "620102001001" in res.output
    res = run("--lang", "en", "bundle", "show", str(path), "--pubkey", str(pub))
    assert "Signature verified." in res.output
    res = run("bundle", "show", str(path), "--json")
    data = json.loads(res.output)
    assert data["signature_verified"] is False and data["inspections"] == 1


def test_show_of_a_non_bundle(tmp_path):
    p = tmp_path / "x.fqbundle"
    p.write_bytes(b"hello world, not a zip at all")
    res = run("--lang", "en", "bundle", "show", str(p))
    assert res.exit_code == 1 and "not a zip" in res.output


# -- bundle export (real local database, real subprocesses) ---------------------------

import io  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

from PIL import Image  # noqa: E402

from fengqiao_desktop.bundle import KeyStore, verify_bundle  # noqa: E402
from fengqiao_desktop.bundle.minisign import FAST_KDF  # noqa: E402
from fengqiao_desktop.domain import Level  # noqa: E402
from fengqiao_desktop.roster.model import StationRow  # noqa: E402
from fengqiao_desktop.services.export import PENDING_EXPORT, recover_pending_export  # noqa: E402
from fengqiao_desktop.services.store import LocalStore  # noqa: E402
from fengqiao_desktop.storage import meta  # noqa: E402
from fengqiao_desktop.storage.stations import StationRepo  # noqa: E402

PASS = "pass-1234"
VILLAGE = "620102017001"


def _noisy_jpeg(path, seed: int, size=(1200, 900)) -> None:
    raw = random.Random(seed).randbytes(size[0] * size[1] * 3)
    buf = io.BytesIO()
    Image.frombytes("RGB", size, raw).save(buf, "JPEG", quality=90)
    path.write_bytes(buf.getvalue())


def _laptop(data_dir, tmp_path, inspections: int = 2, extra_photos: int = 0) -> list[str]:
    """A data dir with a key, the roster and completed five-haves inspections with photos."""
    KeyStore(data_dir / "keys").init("张三", "城关区", "", PASS, kdf=FAST_KDF)
    ids = []
    with LocalStore.open(data_dir) as store:
        with store.session(write=True) as s:
            StationRepo.upsert_many(
                s,
                [
                    StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
                    StationRow("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
                    StationRow("620102017000", "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
                    StationRow(VILLAGE, "大众巷社区退役军人服务站", Level.VILLAGE, "620102017000"),
                ],
            )
        seed = 0
        for _ in range(inspections):
            iid = store.inspections.create(VILLAGE, "five-haves")
            form = store.inspections.form_of(iid)
            for item_id in form.items:
                store.inspections.set_answer(iid, item_id, True)
                for _k in range(1 + extra_photos):
                    seed += 1
                    p = tmp_path / f"src{seed}.jpg"
                    _noisy_jpeg(p, seed)
                    store.photos.add_photo(iid, p, item_id, "佐证")
            store.inspections.complete(iid)
            ids.append(iid)
    return ids


def test_bundle_export_prints_the_path_last(tmp_path, data_dir, monkeypatch):
    ids = _laptop(data_dir, tmp_path)
    out = tmp_path / "usb"
    out.mkdir()
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", PASS)
    res = CliRunner().invoke(cli, ["bundle", "export", "--out", str(out)])
    assert res.exit_code == 0, res.output
    last = res.output.strip().splitlines()[-1]
    assert last.endswith(".fqbundle") and os.path.isfile(last)
    pub = tmp_path / "z.pub"
    assert run("keys", "export-public", str(pub)).exit_code == 0
    ok = run("--lang", "en", "bundle", "verify", last, "--pubkey", str(pub))
    assert ok.exit_code == 0 and "2 inspections" in ok.output
    again = run("bundle", "export", "--out", str(out))
    assert again.exit_code == 1 and "没有需要导出" in again.output
    one = CliRunner().invoke(cli, ["bundle", "export", "--inspection", ids[0], "--out", str(out)])
    assert one.exit_code == 0 and "-000002-" in one.output.strip().splitlines()[-1]


def test_bundle_export_wrong_passphrase(tmp_path, data_dir, monkeypatch):
    _laptop(data_dir, tmp_path, inspections=1)
    out = tmp_path / "usb"
    out.mkdir()
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", "nope")
    res = run("bundle", "export", "--out", str(out))
    assert res.exit_code == 1 and "口令错误" in res.output and list(out.iterdir()) == []


def _check_disk_and_db(data_dir, out, key, *, recovered: bool) -> int:
    """No half-written bundle under a final name; every committed number has its bundle."""
    trust = {key.key_id: key}
    by_seq: dict[int, list] = {}
    for p in sorted(out.glob("*.fqbundle")):
        vb = verify_bundle(p, public_keys=trust)  # raises if anything is half-written
        by_seq.setdefault(vb.sequence, []).append(vb)
    with LocalStore.open(data_dir) as store:
        if recovered:
            recover_pending_export(store)
        with store.session() as s:
            seq = meta.export_sequence(s)
            last = meta.last_manifest_sha256(s)
            pending = meta.get_meta(s, PENDING_EXPORT)
    assert all(len(v) == 1 for v in by_seq.values()), "two bundles with one sequence number"
    assert set(range(1, seq + 1)) <= set(by_seq), (seq, sorted(by_seq))
    if recovered:
        assert pending is None and not list(out.glob("*.partial"))
        assert sorted(by_seq) == list(range(1, seq + 1))
        for n in range(2, seq + 1):
            assert by_seq[n][0].previous_manifest_sha256 == by_seq[n - 1][0].manifest_sha256
        if seq:
            assert last == by_seq[seq][0].manifest_sha256
    else:
        assert set(by_seq) <= set(range(1, seq + 2))  # at most one not committed yet
    return seq


@pytest.mark.slow
def test_sigkill_during_export_repeatedly(tmp_path, data_dir):
    """Kill `bundle export` at random moments, again and again: nothing half-written, no number lost."""
    ids = _laptop(data_dir, tmp_path, inspections=2, extra_photos=3)
    key = KeyStore(data_dir / "keys").public_key()
    out = tmp_path / "usb"
    out.mkdir()
    env = dict(os.environ, FENGQIAO_DATA_DIR=str(data_dir), FENGQIAO_PASSPHRASE=PASS)
    cmd = [sys.executable, "-m", "fengqiao_desktop", "bundle", "export", "--out", str(out)]

    both = ["--inspection", ids[0], "--inspection", ids[1]]
    t0 = time.perf_counter()
    subprocess.run(cmd + both, env=env, check=True, capture_output=True, timeout=120)
    full = time.perf_counter() - t0
    rnd = random.Random(4)
    finished = killed = 0
    for n in range(9):
        proc = subprocess.Popen(cmd + both, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if n % 3 == 0:
            time.sleep(rnd.uniform(0.2, 1.1) * full)
        else:
            # aim at the dangerous parts: while the temporary file is being written
            # (n % 3 == 1), or the moment the final file appears (n % 3 == 2)
            before = set(out.glob("*.fqbundle"))

            def reached(n: int = n, before: set = before) -> bool:
                if n % 3 == 1:
                    return bool(list(out.glob("*.partial")))
                return set(out.glob("*.fqbundle")) != before

            deadline = time.perf_counter() + 30
            while proc.poll() is None and not reached() and time.perf_counter() < deadline:
                time.sleep(0.001)
            if n % 3 == 1:
                time.sleep(rnd.uniform(0, 0.12))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        else:
            finished += 1
        proc.wait(timeout=60)
        _check_disk_and_db(data_dir, out, key, recovered=False)
        _check_disk_and_db(data_dir, out, key, recovered=True)
    assert killed >= 3, (killed, finished)
    # and the laptop carries on: the next export continues the chain
    subprocess.run(cmd + both, env=env, check=True, capture_output=True, timeout=120)
    seq = _check_disk_and_db(data_dir, out, key, recovered=True)
    assert seq >= 2 + finished
