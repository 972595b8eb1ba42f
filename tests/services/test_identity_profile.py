"""The identity service: profile saved with or without a key, mirrored into the local database; the export list."""

from __future__ import annotations

import pytest
from svc_helpers import VILLAGE, full_marks

from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.errors import KeyError_
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.storage import meta


def test_profile_without_key_goes_to_the_database_and_names_new_inspections(store):
    view = idn.save_profile(store, " 张三 ", "城关区退役军人事务局", "138")
    assert (view.name, view.unit, view.phone, view.key_id) == ("张三", "城关区退役军人事务局", "138", "")
    iid = store.inspections.create(VILLAGE, "five-haves")
    assert store.inspections.get(iid).inspector == "张三"
    with pytest.raises(KeyError_):
        idn.save_profile(store, "", "unit")


def test_create_key_then_edit_profile_keeps_the_key(store):
    pk = idn.create_key(store, "张三", "城关区", "", "pass-1234", kdf=FAST_KDF)
    view = idn.save_profile(store, "李四", "七里河区", "139")
    assert view.key_id == pk.key_id and view.public_line == pk.line()
    assert idn.keystore(store).profile().name == "李四"
    with store.session() as s:
        assert meta.get_profile(s).key_id == pk.key_id
    # the key still decrypts
    assert idn.keystore(store).load_secret("pass-1234").key_id == pk.key_id


def test_wrong_passphrase_on_import_writes_nothing(store, tmp_path):
    from fengqiao_desktop.bundle import SecretKey

    f = tmp_path / "k.key"
    f.write_text(SecretKey.generate().encrypted_file_text("right", FAST_KDF))
    with pytest.raises(KeyError_):
        idn.import_key(store, f, "wrong", None, "张三", "城关区", kdf=FAST_KDF)
    assert not idn.keystore(store).exists()


def test_exportable_lists_completed_not_exported(store, photo_file):
    iid = store.inspections.create(VILLAGE, "five-haves")
    store.inspections.create(VILLAGE, "five-haves")  # a draft
    form = store.inspections.form_of(iid)
    for n, (item_id, value) in enumerate(full_marks(form).items()):
        store.inspections.set_answer(iid, item_id, value)
        for k in range(form.items[item_id].min_photos):
            store.photos.add_photo(iid, photo_file(f"p{n}-{k}.jpg", color=(n * 9, k * 40, 90)), item_id, "佐证")
    store.inspections.complete(iid)
    rows = idn.exportable_inspections(store)
    assert [r.inspection_id for r in rows] == [iid]
    assert rows[0].station_name == "大众巷社区退役军人服务站" and rows[0].completed_at
