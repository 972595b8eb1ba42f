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
        "format": "fengqiao.inspection", "format_version": 1, "id": str(uuid.uuid4()), "revision": 1,
        "visit_id": None, "station_code": "620102001001",
        "form": {"id": "five-haves", "version": "1", "sha256": "b" * 64},
        "inspector": {"name": "张三", "unit": "城关区", "key_id": sk.key_id}, "status": "completed",
        "created_at": "2026-05-01T08:00:00Z", "updated_at": "2026-05-01T08:00:00Z",
        "completed_at": "2026-05-01T08:00:00Z", "answers": {},
        "photos": [{"sha256": sha, "original_sha256": sha, "item_id": "jigou", "caption": "",
                    "captured_at": "2026-05-01T08:00:00Z", "size": len(photo)}],
        "findings": [], "score": None, "audit": [],
    }


@pytest.fixture
def signed(tmp_path):
    sk = SecretKey.generate()
    photo = b"\xff\xd8" + b"p" * 5000 + b"\xff\xd9"
    p = tmp_path / "a.jpg"
    p.write_bytes(photo)
    path = write_bundle(tmp_path, records=[_record(sk, photo)],
                        photo_paths={hashlib.sha256(photo).hexdigest(): p},
                        inspector={"name": "张三", "unit": "城关区", "phone": ""}, device_id="lap-1",
                        sequence=1, previous_manifest_sha256=None, secret_key=sk)
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
