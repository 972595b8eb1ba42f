"""A laptop whose photo store is sealed with age: inspections, the exported bundle and the printed
score sheet work as with plain photos, and nothing readable of a photo is left in the data folder."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pypdf
import pytest
from pyrage import x25519
from svc_helpers import STATIONS, VILLAGE, full_marks, jpeg_bytes

from fengqiao_desktop.bundle import KeyStore, verify_bundle
from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.services import export as ex
from fengqiao_desktop.services.sheet import write_sheet
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.photocipher import AgePhotoCipher
from fengqiao_desktop.storage.photostore import PhotoStore
from fengqiao_desktop.storage.stations import StationRepo

PASS = "pass-1234"


@pytest.fixture
def sealed(tmp_path):
    st = LocalStore.open(tmp_path / "data", photo_cipher=AgePhotoCipher(x25519.Identity.generate()))
    with st.session(write=True) as s:
        StationRepo.upsert_many(s, STATIONS)
    KeyStore(st.data_dir / "keys").init("张三", "城关区退役军人事务局", "13800000000", PASS, kdf=FAST_KDF)
    yield st
    st.close()


def _completed(store, tmp_path) -> tuple[str, list[bytes]]:
    iid = store.inspections.create(VILLAGE, "five-haves")
    form = store.inspections.form_of(iid)
    originals = []
    for n, (item_id, value) in enumerate(full_marks(form).items()):
        store.inspections.set_answer(iid, item_id, value)
        for k in range(form.items[item_id].min_photos):
            p = tmp_path / f"{n}-{k}.jpg"
            p.write_bytes(jpeg_bytes(color=(10 + 20 * n, 30 + 40 * k, 90)))
            originals.append(p.read_bytes())
            store.photos.add_photo(iid, p, item_id, "佐证")
    store.inspections.complete(iid)
    return iid, originals


def test_a_sealed_laptop_exports_a_bundle_and_prints_its_sheet(sealed, tmp_path):
    store = sealed
    iid, originals = _completed(store, tmp_path)
    photos = store.inspections.get(iid).photos
    assert len(photos) >= 5
    files = [p for p in (store.data_dir / "photos").rglob("*") if p.is_file()]
    assert files and {p.suffix for p in files} == {".age"}
    stored = {p.sha256: store.photo_store.read(p.sha256) for p in photos}
    for f in files:
        raw = f.read_bytes()
        assert raw.startswith(b"age-encryption.org/v1\n")
        assert not any(jpeg[200:264] in raw for jpeg in [*stored.values(), *originals])

    out = tmp_path / "usb"
    out.mkdir()
    path = ex.export(store, ex.plan_export(store), out, PASS)
    pk = KeyStore(store.data_dir / "keys").public_key()
    vb = verify_bundle(path, public_keys={pk.key_id: pk})
    for sha, jpeg in stored.items():
        assert vb.read_photo(sha) == jpeg and hashlib.sha256(jpeg).hexdigest() == sha

    sheet = tmp_path / "sheet.pdf"
    write_sheet(iid, sheet, store=store)
    reader = pypdf.PdfReader(str(sheet))
    assert sum(len(page.images) for page in reader.pages) == len(photos)
    assert "照片无法读取" not in "".join(page.extract_text() for page in reader.pages)


def test_a_sheet_printed_without_the_key_says_the_photos_cannot_be_read(sealed, tmp_path):
    iid, _ = _completed(sealed, tmp_path)
    locked = replace(sealed, photo_store=PhotoStore(sealed.photo_store.root))  # the same folder, no key
    sheet = tmp_path / "sheet.pdf"
    write_sheet(iid, sheet, store=locked)
    reader = pypdf.PdfReader(str(sheet))
    assert sum(len(page.images) for page in reader.pages) == 0
    assert "照片无法读取" in "".join(page.extract_text() for page in reader.pages)
