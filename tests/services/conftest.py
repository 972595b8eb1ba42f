"""Service fixtures: a real local store in a temporary data dir, with a few stations."""

from __future__ import annotations

import pytest
from svc_helpers import STATIONS, jpeg_bytes

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
def photo_file(tmp_path):
    def make(name="photo.jpg", **kw):
        p = tmp_path / name
        p.write_bytes(jpeg_bytes(**kw))
        return p

    return make
