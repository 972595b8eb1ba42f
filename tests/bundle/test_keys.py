"""The inspector's key store: creation, refusal to overwrite, wrong passphrase, export, QR code."""

from __future__ import annotations

import io
import json
import os
import re

import pytest
from PIL import Image

from fengqiao_desktop import config
from fengqiao_desktop.bundle import KeyStore, PublicKey
from fengqiao_desktop.bundle.minisign import FAST_KDF, SecretKey
from fengqiao_desktop.errors import KeyError_


@pytest.fixture
def store(tmp_path) -> KeyStore:
    ks = KeyStore(tmp_path / "keys")
    ks.init("张三", "城关区退役军人事务局", "13800000000", "pass-1234", kdf=FAST_KDF)
    return ks


def _snapshot(ks: KeyStore) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(ks.directory.iterdir())}


def test_default_directory_is_the_data_dirs_keys(data_dir):
    assert KeyStore().directory == config.keys_dir()
    assert str(KeyStore().directory).startswith(str(data_dir))


def test_init_creates_encrypted_key_pub_and_profile(store):
    assert store.exists()
    assert store.secret_path.read_text().startswith("untrusted comment: minisign encrypted secret key\nRWRTY0Iy")
    if os.name == "posix":
        assert (store.secret_path.stat().st_mode & 0o777) == 0o600
    pk = store.public_key()
    assert re.fullmatch(r"[0-9A-F]{16}", pk.key_id)
    assert re.fullmatch(r"RW[A-Za-z0-9+/]{54}", store.public_key_line())
    prof = store.profile()
    assert (prof.name, prof.unit, prof.phone, prof.key_id) == ("张三", "城关区退役军人事务局", "13800000000", pk.key_id)
    assert json.loads(store.profile_path.read_text(encoding="utf-8"))["key_id"] == pk.key_id
    assert store.load_secret("pass-1234").public == pk


def test_second_init_is_refused_without_force(store):
    before = _snapshot(store)
    with pytest.raises(KeyError_, match="--force") as info:
        store.init("李四", "七里河区", "", "other", kdf=FAST_KDF)
    assert store.key_id in info.value.message
    assert _snapshot(store) == before


def test_forced_init_replaces_and_backs_up(store):
    old = store.key_id
    new = store.init("李四", "七里河区", "", "other-pass", force=True, kdf=FAST_KDF)
    assert new.key_id != old and store.key_id == new.key_id
    backups = [p.name for p in store.directory.iterdir() if p.name.endswith(".bak")]
    assert any(n.startswith("inspector.key.") for n in backups)
    assert store.profile().name == "李四"


def test_wrong_passphrase_is_clear_and_changes_nothing(store):
    before = _snapshot(store)
    with pytest.raises(KeyError_) as info:
        store.load_secret("pass-12345")
    assert "口令错误" in info.value.message and "wrong passphrase" in info.value.message_en
    assert _snapshot(store) == before


def test_import_with_wrong_passphrase_changes_nothing(store, tmp_path):
    other = tmp_path / "other.key"
    other.write_text(SecretKey.generate().encrypted_file_text("right", FAST_KDF))
    before = _snapshot(store)
    with pytest.raises(KeyError_, match="口令错误"):
        store.import_minisign(other, "wrong", force=True, kdf=FAST_KDF)
    assert _snapshot(store) == before


def test_import_keeps_profile_and_reencrypts(store, tmp_path):
    key = SecretKey.generate()
    f = tmp_path / "k.key"
    f.write_text(key.encrypted_file_text("right", FAST_KDF))
    store.import_minisign(f, "right", new_passphrase="newer", force=True, kdf=FAST_KDF)
    assert store.key_id == key.key_id and store.profile().name == "张三"
    assert store.load_secret("newer") == key
    with pytest.raises(KeyError_):
        store.load_secret("right")


def test_import_of_garbage_file(store, tmp_path):
    f = tmp_path / "junk.key"
    f.write_text("untrusted comment: x\nnotbase64!!\n")
    with pytest.raises(KeyError_, match="minisign"):
        store.import_minisign(f, "x", force=True)


def test_profile_requires_name_and_unit(tmp_path):
    ks = KeyStore(tmp_path / "k")
    with pytest.raises(KeyError_, match="--name"):
        ks.init("", "unit", "", "p", kdf=FAST_KDF)
    with pytest.raises(KeyError_, match="--unit"):
        ks.init("name", " ", "", "p", kdf=FAST_KDF)
    with pytest.raises(KeyError_, match="口令|passphrase"):
        ks.init("name", "unit", "", "", kdf=FAST_KDF)
    assert not ks.exists()


def test_no_key_yet_is_a_clear_error(tmp_path):
    with pytest.raises(KeyError_, match="keys init"):
        KeyStore(tmp_path / "none").public_key()


def test_export_public_names_the_inspector(store, tmp_path):
    out = store.export_public(tmp_path / "zhangsan.pub")
    first, second = out.read_text(encoding="utf-8").splitlines()
    assert first.startswith(f"untrusted comment: minisign public key {store.key_id}")
    assert "张三" in first and "城关区退役军人事务局" in first
    assert second == store.public_key_line()
    assert PublicKey.load(out) == store.public_key()


def test_qr_png_decodes_to_the_public_key(store, tmp_path):
    zxingcpp = pytest.importorskip("zxingcpp")
    png = store.public_key_qr_png(tmp_path / "qr.png")
    img = Image.open(io.BytesIO(png.read_bytes())).convert("L")
    found = zxingcpp.read_barcodes(img)
    assert [r.text for r in found] == [store.public_key_line()]


def test_qr_svg(store):
    svg = store.public_key_qr_svg()
    assert svg.lstrip().startswith("<svg") and "</svg>" in svg
