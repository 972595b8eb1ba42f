"""Interop with the stock minisign tool (/usr/bin/minisign), both ways."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import pytest

from fengqiao_desktop.bundle import KeyStore, PublicKey, Signature, verify_bundle
from fengqiao_desktop.bundle.minisign import (
    FAST_KDF,
    MINISIGN_DEFAULT_KDF,
    SignatureError,
    decode_secret_key,
    scrypt_params,
)

MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(MINISIGN is None, reason="minisign is not installed")


def run(*args, stdin: str | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([MINISIGN, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=120)


def test_scrypt_parameters_match_libsodium():
    # minisign's defaults (libsodium "sensitive" limits) give N=2^20, r=8, p=1
    assert scrypt_params(MINISIGN_DEFAULT_KDF.opslimit, MINISIGN_DEFAULT_KDF.memlimit) == (1 << 20, 8, 1)
    assert scrypt_params(524_288, 16_777_216) == (1 << 14, 8, 1)  # "interactive"
    assert scrypt_params(33_554_432, 134_217_728) == (1 << 17, 8, 8)  # ops-bound: p grows
    assert scrypt_params(1000, 1 << 30) == (1 << 10, 8, 1)  # opslimit is raised to 32768


@needs_minisign
def test_stock_minisign_verifies_our_bundle_manifest(tmp_path, bundle_path, sk):
    """The inspector exports a .pub; stock `minisign -V` accepts the bundle's manifest with it."""
    ks = KeyStore(tmp_path / "keys")
    # store the fixture's key so the exported .pub is the signer's
    key_file = tmp_path / "sk.key"
    key_file.write_text(sk.encrypted_file_text("口令 pass", FAST_KDF))
    ks.import_minisign(key_file, "口令 pass", name="张三", unit="城关区退役军人事务局", kdf=FAST_KDF)
    pub = ks.export_public(tmp_path / "zhangsan.pub")
    assert "张三" in pub.read_text(encoding="utf-8")
    with zipfile.ZipFile(bundle_path) as zf:
        (tmp_path / "manifest.json").write_bytes(zf.read("manifest.json"))
        (tmp_path / "manifest.json.minisig").write_bytes(zf.read("manifest.json.minisig"))
    res = run("-V", "-p", str(pub), "-m", "manifest.json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert f"sequence=1 key_id={sk.key_id}" in res.stdout
    # and stock minisign refuses a changed manifest
    (tmp_path / "manifest.json").write_bytes(zf_bytes := (tmp_path / "manifest.json").read_bytes() + b" ")
    assert zf_bytes.endswith(b" ")
    assert run("-V", "-p", str(pub), "-m", "manifest.json", cwd=tmp_path).returncode != 0


@needs_minisign
def test_key_made_by_minisign_unencrypted_loads(tmp_path):
    res = run("-G", "-W", "-p", "k.pub", "-s", "k.key", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    theirs = PublicKey.load(tmp_path / "k.pub")
    ks = KeyStore(tmp_path / "store")
    pk = ks.import_minisign(
        tmp_path / "k.key", None, new_passphrase="new secret", name="王五", unit="西固区", kdf=FAST_KDF
    )
    assert pk == theirs and ks.key_id == theirs.key_id
    # stock minisign writes the id without leading zeros (%llX); ours is always 16 digits
    written = re.search(r"minisign public key ([0-9A-F]+)", (tmp_path / "k.pub").read_text()).group(1)
    assert int(written, 16) == int(theirs.key_id, 16)
    # the stored copy is encrypted now, and signs what minisign then verifies
    sk = ks.load_secret("new secret")
    (tmp_path / "doc.txt").write_bytes(b"hello")
    (tmp_path / "doc.txt.minisig").write_bytes(sk.sign(b"hello", trusted_comment="t"))
    assert run("-V", "-p", "k.pub", "-m", "doc.txt", cwd=tmp_path).returncode == 0


@needs_minisign
def test_minisign_signs_with_our_key_file_and_we_verify(tmp_path):
    ks = KeyStore(tmp_path / "store")
    pk = ks.init("张三", "城关区", "", "pass-1234", kdf=FAST_KDF)
    (tmp_path / "doc.txt").write_bytes(b"payload")
    res = run(
        "-S",
        "-s",
        str(ks.secret_path),
        "-m",
        "doc.txt",
        "-t",
        "signed by stock minisign",
        stdin="pass-1234\n",
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr
    sig = Signature.parse((tmp_path / "doc.txt.minisig").read_bytes())
    sig.verify(pk, b"payload")
    assert sig.trusted_comment == "signed by stock minisign"
    with pytest.raises(SignatureError):
        sig.verify(pk, b"payload!")


@needs_minisign
@pytest.mark.slow
def test_key_made_by_minisign_with_passphrase_loads(tmp_path):
    """minisign reads the passphrase from stdin when it is not a terminal (1 GiB scrypt)."""
    res = run("-G", "-p", "e.pub", "-s", "e.key", stdin="correct horse\ncorrect horse\n", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    text = (tmp_path / "e.key").read_text()
    key = decode_secret_key(text, "correct horse")
    assert key.public == PublicKey.load(tmp_path / "e.pub")


def test_our_bundle_verifies_with_the_exported_pub_file(tmp_path, bundle_path, sk):
    (tmp_path / "k.pub").write_text(sk.public.file_text())
    vb = verify_bundle(bundle_path, public_keys={sk.key_id: PublicKey.load(tmp_path / "k.pub")})
    assert vb.signature_verified
