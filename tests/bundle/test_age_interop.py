"""Bundle format v2 with the stock tools: `age` decrypts our bundles, `minisign` verifies inside.

Also: `age -e` output opens with our identity, the age identity is never on disk in
clear, and the writer leaves nothing readable behind on cancel.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from bundlecraft import write_example  # tests/bundle is on sys.path

from fengqiao_desktop.bundle import BundleCancelled, KeyStore, agecrypt, verify_bundle
from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.errors import BundleError, KeyError_
from fengqiao_desktop.packs.identity import BureauKeyStore

AGE = shutil.which("age")
MINISIGN = shutil.which("minisign")
needs_tools = pytest.mark.skipif(AGE is None or MINISIGN is None, reason="age or minisign is not installed")
PASS = "bureau pass 口令"


@pytest.fixture(scope="module")
def bureau(tmp_path_factory) -> BureauKeyStore:
    ks = BureauKeyStore(tmp_path_factory.mktemp("bureau"))
    ks.init("城关区退役军人事务局", "兰州市退役军人事务局", "", PASS, kdf=FAST_KDF)
    return ks


@pytest.fixture(autouse=True)
def _private_temp_folder(tmp_path, monkeypatch):
    """This test's own system temporary folder: what is left there is this test's alone
    (tests run in parallel, and other tests decrypt too)."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))


def _temp_files() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("fengqiao-*")}


@needs_tools
def test_stock_age_decrypts_and_stock_minisign_verifies_inside(tmp_path, bureau, sk, photo_files):
    out = tmp_path / "usb"
    out.mkdir()
    before = _temp_files()
    path = write_example(out, sk, photo_files, recipients=[bureau.age_recipient()])
    assert path.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert list(out.iterdir()) == [path] and _temp_files() == before  # no plaintext left anywhere

    identity = bureau.export_age_secret(tmp_path / "bureau-identity.txt", PASS)
    assert identity.stat().st_mode & 0o077 == 0
    inner = tmp_path / "inner.zip"
    res = subprocess.run([AGE, "-d", "-i", str(identity), "-o", str(inner), str(path)], capture_output=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert verify_bundle(inner, public_keys={sk.key_id: sk.public}).sequence == 1
    with zipfile.ZipFile(inner) as zf:
        (tmp_path / "manifest.json").write_bytes(zf.read("manifest.json"))
        (tmp_path / "manifest.json.minisig").write_bytes(zf.read("manifest.json.minisig"))
    (tmp_path / "inspector.pub").write_text(sk.public.file_text(), encoding="utf-8")
    res = subprocess.run(
        [MINISIGN, "-V", "-p", "inspector.pub", "-m", "manifest.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr

    # and a key that is not a recipient cannot open it, with stock age either
    other = tmp_path / "other.txt"
    subprocess.run(["age-keygen", "-o", str(other)], capture_output=True, check=True, timeout=60)
    res = subprocess.run([AGE, "-d", "-i", str(other), str(path)], capture_output=True, timeout=60)
    assert res.returncode != 0


@needs_tools
def test_stock_age_output_opens_with_our_identity(tmp_path, bureau):
    plain = tmp_path / "note.txt"
    plain.write_bytes("走访记录 hello".encode())
    sealed = tmp_path / "note.age"
    subprocess.run(
        [AGE, "-e", "-r", bureau.age_recipient(), "-o", str(sealed), str(plain)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with agecrypt.decrypted(sealed, [bureau.load_age_identity(PASS)]) as opened:
        assert opened.read_bytes() == plain.read_bytes()
        assert opened.stat().st_mode & 0o077 == 0  # a private temporary file
    assert not opened.exists()


def test_age_identity_is_encrypted_at_rest_and_needs_the_passphrase(bureau):
    sealed = bureau.age_path.read_bytes()
    assert sealed.startswith(agecrypt.AGE_MAGIC) and b"-> scrypt " in sealed
    assert bureau.age_path.stat().st_mode & 0o077 == 0
    for p in bureau.directory.iterdir():
        assert b"AGE-SECRET-KEY" not in p.read_bytes(), p.name
    with pytest.raises(KeyError_):
        bureau.load_age_identity("wrong")
    with pytest.raises(KeyError_):
        bureau.export_age_secret(bureau.directory / "x.txt", "wrong")
    assert not (bureau.directory / "x.txt").exists()


def test_inspector_age_identity_is_made_on_first_need_after_the_passphrase(tmp_path):
    ks = KeyStore(tmp_path / "keys")
    ks.init("张三", "城关区退役军人事务局", "", "pass-1", kdf=FAST_KDF)
    assert ks.age_recipient() is None  # not made with the key: it costs seconds
    with pytest.raises(KeyError_):
        ks.ensure_age_identity("wrong")
    assert not ks.age_path.exists()
    r = ks.ensure_age_identity("pass-1")
    assert r.startswith("age1") and ks.ensure_age_identity("pass-1") == r


def test_cancel_at_any_point_leaves_nothing(tmp_path, bureau, sk, photo_files):
    """Writing, encrypting, verifying while the ciphertext is flushed, reading back: a cancel
    at any of the writer's checks leaves no file behind, on the stick or in the temporary folder."""
    before = _temp_files()
    checks = []
    write_example(tmp_path, sk, photo_files, recipients=[bureau.age_recipient()], cancelled=lambda: checks.append(1))
    assert len(checks) > 15
    for stop_at in range(1, len(checks) + 1):
        out = tmp_path / f"usb-{stop_at}"
        out.mkdir()
        seen = []

        def cancelled(seen=seen, stop_at=stop_at) -> bool:
            seen.append(1)
            return len(seen) >= stop_at

        with pytest.raises(BundleCancelled):
            write_example(out, sk, photo_files, recipients=[bureau.age_recipient()], cancelled=cancelled)
        assert list(out.iterdir()) == [] and _temp_files() == before, stop_at


def test_reader_refuses_a_header_with_too_many_stanzas(tmp_path):
    lines = [b"-> X25519 abc", b"AAAA"] * (agecrypt.MAX_STANZAS + 1)
    p = tmp_path / "b.fqbundle"
    p.write_bytes(agecrypt.AGE_MAGIC + b"\n".join(lines) + b"\n--- mac\n" + b"\0" * 64)
    with open(p, "rb") as f, pytest.raises(BundleError) as err:
        agecrypt.read_header(f)
    assert err.value.kind == "too_many_recipients"
    assert agecrypt.sniff(p) == agecrypt.V2
