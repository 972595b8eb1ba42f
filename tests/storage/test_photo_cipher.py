"""The photo store sealed with age: files on disk are age files stock `age` opens, reads give the
JPEG, a wrong key or a damaged file is a plain PhotoError, and plain photos from before are sealed
one by one, safely across a crash."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess

import pytest
from PIL import Image
from pyrage import x25519

from fengqiao_desktop.errors import PhotoError
from fengqiao_desktop.storage.photocipher import AgePhotoCipher
from fengqiao_desktop.storage.photostore import PhotoStore

AGE = shutil.which("age")
AGE_MAGIC = b"age-encryption.org/v1\n"


@pytest.fixture
def identity():
    return x25519.Identity.generate()


@pytest.fixture
def photo(tmp_path):
    img = Image.new("RGB", (800, 600), (20, 140, 60))
    img.paste((250, 250, 250), (0, 0, 200, 150))
    p = tmp_path / "门牌.jpg"
    img.save(p, "JPEG", quality=90)
    return p


def _file(root, sha, suffix):
    return root / sha[:2] / f"{sha}{suffix}"


def test_a_sealed_store_keeps_only_age_files_that_stock_age_opens(tmp_path, identity, photo):
    root = tmp_path / "photos"
    store = PhotoStore(root, AgePhotoCipher(identity))
    got = store.ingest(photo)
    jpeg = store.read(got.sha256)
    assert hashlib.sha256(jpeg).hexdigest() == got.sha256 and len(jpeg) == got.size
    with Image.open(io.BytesIO(jpeg)) as img:
        assert img.format == "JPEG" and img.size == (800, 600)
    assert sorted(p.suffix for p in root.rglob("*") if p.is_file()) == [".age", ".age"]  # photo and thumbnail
    for sha in (got.sha256, got.thumbnail_sha256):
        raw = _file(root, sha, ".age").read_bytes()
        assert raw.startswith(AGE_MAGIC)
        plain = store.read(sha)
        assert plain[:2] == b"\xff\xd8" and plain[:64] not in raw and plain[-64:] not in raw
    assert store.exists(got.sha256) and sorted(store.iter_shas()) == sorted({got.sha256, got.thumbnail_sha256})


@pytest.mark.skipif(AGE is None, reason="age is not installed")
def test_stock_age_decrypts_a_stored_photo_to_the_exact_jpeg(tmp_path, identity, photo):
    store = PhotoStore(tmp_path / "photos", AgePhotoCipher(identity))
    got = store.ingest(photo)
    key = tmp_path / "identity.txt"
    key.write_text(f"{identity}\n", encoding="ascii")
    res = subprocess.run(
        [AGE, "-d", "-i", str(key), str(_file(store.root, got.sha256, ".age"))], capture_output=True, timeout=60
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout == store.read(got.sha256) and hashlib.sha256(res.stdout).hexdigest() == got.sha256


def test_another_key_or_a_damaged_file_is_a_plain_error(tmp_path, identity, photo):
    root = tmp_path / "photos"
    got = PhotoStore(root, AgePhotoCipher(identity)).ingest(photo)
    with pytest.raises(PhotoError) as info:
        PhotoStore(root, AgePhotoCipher(x25519.Identity.generate())).read(got.sha256)
    assert "另一把密钥" in info.value.message and "another key" in info.value.message_en
    with pytest.raises(PhotoError) as info:
        PhotoStore(root).read(got.sha256)  # not unlocked
    assert "解锁" in info.value.message and "unlock" in info.value.message_en

    sealed = _file(root, got.sha256, ".age")
    raw = bytearray(sealed.read_bytes())
    raw[-100] ^= 0x01  # one bit of the payload
    sealed.write_bytes(bytes(raw))
    with pytest.raises(PhotoError) as info:
        PhotoStore(root, AgePhotoCipher(identity)).read(got.sha256)
    assert "已损坏" in info.value.message and "damaged" in info.value.message_en
    sealed.write_bytes(b"\xff\xd8 not an age file")
    with pytest.raises(PhotoError, match="已损坏"):
        PhotoStore(root, AgePhotoCipher(identity)).read(got.sha256)

    sealed.unlink()
    with pytest.raises(PhotoError) as info:
        PhotoStore(root, AgePhotoCipher(identity)).read(got.sha256)
    assert "缺失" in info.value.message and "missing" in info.value.message_en


def test_plain_photos_from_before_are_read_and_sealed_one_by_one(tmp_path, identity, photo):
    root = tmp_path / "photos"
    got = PhotoStore(root).ingest(photo)  # stored before the cipher
    jpeg = _file(root, got.sha256, ".jpg").read_bytes()
    store = PhotoStore(root, AgePhotoCipher(identity))
    assert store.read(got.sha256) == jpeg and store.exists(got.sha256)
    shas = list(store.iter_shas())
    assert sorted(shas) == sorted({got.sha256, got.thumbnail_sha256})
    for sha in shas:
        assert store.seal_existing(sha) is True
    assert sorted(p.suffix for p in root.rglob("*") if p.is_file()) == [".age", ".age"]
    assert store.read(got.sha256) == jpeg
    assert store.seal_existing(got.sha256) is False  # nothing left to do
    with pytest.raises(PhotoError):
        PhotoStore(root).seal_existing(got.sha256)  # no key, no sealing


def test_a_crash_between_sealing_and_removing_the_plain_file_is_finished_next_time(tmp_path, identity, photo):
    root = tmp_path / "photos"
    got = PhotoStore(root).ingest(photo)
    plain = _file(root, got.sha256, ".jpg")
    jpeg = plain.read_bytes()
    store = PhotoStore(root, AgePhotoCipher(identity))
    store.seal_existing(got.sha256)
    plain.write_bytes(jpeg)  # as if the power went between writing .age and unlinking .jpg
    sealed = _file(root, got.sha256, ".age").read_bytes()
    assert store.read(got.sha256) == jpeg
    assert list(store.iter_shas()).count(got.sha256) == 1
    assert store.seal_existing(got.sha256) is True
    assert not plain.exists() and _file(root, got.sha256, ".age").read_bytes() == sealed
    assert store.read(got.sha256) == jpeg


def test_the_same_photo_again_is_stored_once_and_an_old_plain_copy_gets_sealed(tmp_path, identity, photo):
    root = tmp_path / "photos"
    store = PhotoStore(root, AgePhotoCipher(identity))
    first = store.ingest(photo)
    again = store.ingest(photo)
    assert again.sha256 == first.sha256 and again.new_files == ()

    other = tmp_path / "other"
    old = PhotoStore(other).ingest(photo)
    renewed = PhotoStore(other, AgePhotoCipher(identity)).ingest(photo)
    # not new (a note may already use it), so a cancelled ingest does not remove it; but sealed now
    assert renewed.new_files == () and renewed.sha256 == old.sha256
    assert sorted(p.suffix for p in other.rglob("*") if p.is_file()) == [".age", ".age"]

    store.remove(first.sha256)
    assert not store.exists(first.sha256) and store.exists(first.thumbnail_sha256)
