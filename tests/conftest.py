"""Suite-wide settings: offscreen Qt, an isolated data directory, the PostgreSQL marker."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from fengqiao_desktop import config  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the user's real data directory: each test gets its own."""
    d = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(config.ENV_DATA_DIR, str(d))
    monkeypatch.delenv(config.ENV_CENTRAL, raising=False)
    monkeypatch.delenv(config.ENV_LANG, raising=False)
    config.set_data_dir(None)
    yield d
    config.set_data_dir(None)


@pytest.fixture
def data_dir(_isolated_data_dir):
    return _isolated_data_dir


def pytest_collection_modifyitems(config, items):
    """PostgreSQL tests skip only when no server is configured; CI always configures one."""
    if os.environ.get("FENGQIAO_TEST_PG_URL"):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("CI is set but FENGQIAO_TEST_PG_URL is not: PostgreSQL tests must run in CI")
    skip = pytest.mark.skip(reason="FENGQIAO_TEST_PG_URL not set")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)
