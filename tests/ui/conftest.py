"""Fixtures for the shell and station-browser tests: offscreen Qt, a synchronous task runner, demo rows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def sync_tasks():
    """Background tasks run at once on the test's thread (deterministic GUI tests)."""
    from fengqiao_desktop.ui import tasks

    with tasks.use_runner(tasks.SyncRunner()) as r:
        yield r


@pytest.fixture
def demo_source(tmp_path):
    """The product's station source on a real local store holding the demo roster."""
    from fengqiao_desktop.roster.demo import load_demo
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.ui.stations.service_source import ServiceSource

    store = LocalStore.open(tmp_path / "demo-data")
    load_demo(store.engine)
    yield ServiceSource(store)
    store.close()


@pytest.fixture
def dialogs():
    """Collect error dialogs instead of showing them (a modal dialog would block the test)."""
    from fengqiao_desktop.ui import errors

    shown = []
    old = errors.presenter
    errors.presenter = shown.append
    yield shown
    errors.presenter = old


@pytest.fixture(autouse=True)
def _chinese_by_default(qapp):
    """Each test starts in the default language; a test that switches to English is undone."""
    from fengqiao_desktop.ui import i18n

    i18n.install("zh")
    yield
    i18n.install("zh")


def pytest_collection_modifyitems(config, items):
    """The offscreen platform warns that it cannot propagate size hints or raise windows: noise."""
    for item in items:
        path = str(item.fspath).replace("\\", "/")
        if "tests/ui/" in path and "tests/ui/editor" not in path:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"))
