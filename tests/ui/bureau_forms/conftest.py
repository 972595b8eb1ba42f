"""Fixtures for the forms page: offscreen Qt, a data directory of its own, the sheet builders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "formengine"))
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    from fengqiao_desktop import config

    d = tmp_path / "data"
    monkeypatch.setenv("FENGQIAO_DATA_DIR", str(d))
    config.set_data_dir(str(d))
    yield d
    config.set_data_dir(None)
