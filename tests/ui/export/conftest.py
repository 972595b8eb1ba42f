"""Export dialog fixtures: a real local store in tmp with stations, a real key (fast scrypt), completed inspections."""

from __future__ import annotations

import pytest
from exporthelp import PASS, STATIONS, VILLAGE, full_marks, jpeg

from fengqiao_desktop.bundle.minisign import FAST_KDF
from fengqiao_desktop.services import identity as idn
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage.stations import StationRepo


@pytest.fixture
def store(tmp_path):
    st = LocalStore.open(tmp_path / "data")
    with st.session(write=True) as s:
        StationRepo.upsert_many(s, STATIONS)
    yield st
    st.close()


@pytest.fixture
def keyed(store):
    idn.create_key(store, "张三", "城关区退役军人事务局", "13800000000", PASS, kdf=FAST_KDF)
    return store


@pytest.fixture
def complete(tmp_path):
    """complete(store) -> the id of a new completed five-haves inspection with its photos."""
    counter = [0]

    def make(store) -> str:
        counter[0] += 1
        iid = store.inspections.create(VILLAGE, "five-haves")
        form = store.inspections.form_of(iid)
        for n, (item_id, value) in enumerate(full_marks(form).items()):
            store.inspections.set_answer(iid, item_id, value)
            for k in range(form.items[item_id].min_photos):
                p = tmp_path / f"{iid}-{n}-{k}.jpg"
                p.write_bytes(jpeg((counter[0] * 20, n * 30, k * 60)))
                store.photos.add_photo(iid, p, item_id, "佐证")
        store.inspections.complete(iid)
        return iid

    return make
