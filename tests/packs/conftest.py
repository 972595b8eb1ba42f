"""Task-pack test fixtures: a laptop (local store with an inspector key) and a bureau key."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from packhelpers import Bureau, laptop  # noqa: E402


@pytest.fixture
def store(tmp_path):
    st = laptop(tmp_path / "laptop")
    yield st
    st.close()


@pytest.fixture
def bureau():
    return Bureau()
