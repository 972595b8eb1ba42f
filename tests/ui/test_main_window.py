"""The main window: opens with the demo data, workspaces, station page, language switch, editor tabs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from fengqiao_desktop.ui import i18n
from fengqiao_desktop.ui.main_window import BUREAU, INSPECTOR, MainWindow


@pytest.fixture
def window(qtbot, sync_tasks, dialogs):
    from fengqiao_desktop.ui.app import open_data

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    open_data(w, demo=True)  # the same path as ``fengqiao-desktop --demo``
    return w


def test_opens_with_the_demo_stations(window):
    assert window.browser.model.station_count() >= 100
    assert window.browser.model.index(0, 0).data() == "兰州市退役军人服务中心"
    assert "个服务站" in window.count_label.text()
    assert "数据文件夹" in window.data_label.text()


def test_chinese_labels_by_default(window):
    assert window.file_menu.title() == "文件(&F)"
    assert window.inspector_action.text() == "检查员"
    assert window.inspector.tabText(0) == "服务站"
    assert window.browser.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "服务站"


def test_switching_to_english_shows_english_labels(window):
    window.set_language("en")
    assert window.file_menu.title() == "&File"
    assert window.import_action.text() == "Import roster…"
    assert window.bureau_action.text() == "Bureau"
    assert window.inspector.tabText(0) == "Stations"
    assert window.browser.search.edit.placeholderText().startswith("Search by name")
    assert window.browser.page.new_btn.text() == "New inspection…"
    assert "stations" in window.count_label.text()
    assert i18n.saved_language() == "en"
    window.set_language("zh")
    assert window.import_action.text() == "导入名册…"


def test_search_dgxl_opens_the_station_page(window, qtbot):
    browser = window.browser
    browser.search.set_debounce_ms(0)
    browser.search.search_now("dgxl")
    with qtbot.waitSignal(browser.station_selected):
        browser.search._choose_first()
    page = browser.page
    assert page.title.text() == "东岗西路街道退役军人服务站"
    assert page.values["code"].text() == "620102017000"
    assert page.values["level"].text() == "街道（乡镇）"
    assert "城关区" in page.values["parent"].text()
    assert window.new_action.isEnabled()
    tree_current = browser.model.row_for_index(browser.tree.currentIndex())
    assert tree_current.code == "620102017000"


def test_choosing_in_the_tree_shows_the_station(window, qtbot):
    tree = window.browser.tree
    county = window.browser.model.index(0, 0, window.browser.model.index(0, 0))
    with qtbot.waitSignal(window.browser.station_selected):
        tree.setCurrentIndex(county)
    assert window.browser.page.title.text() == county.data()


def test_workspaces_switch(window):
    window.bureau_action.trigger()
    assert window.workspace() == BUREAU
    assert window.stack.currentWidget() is window.bureau
    assert window.bureau.currentWidget() is window.bureau_placeholder
    assert window.bureau_placeholder.heading.text() == "局端工作区"
    window.set_workspace(INSPECTOR)
    assert window.inspector_action.isChecked()


def test_bureau_pages_replace_the_placeholder(window):
    page = QLabel("coverage")
    window.add_bureau_page(page, "覆盖情况")
    assert window.bureau.count() == 1 and window.bureau.widget(0) is page


def test_export_is_disabled_until_plugged_in(window):
    assert not window.export_action.isEnabled()
    called = []
    window.set_export_handler(called.append)
    window.export_action.trigger()
    assert called == [window]


def test_open_inspection_adds_one_tab_per_inspection(window, dialogs):
    before = window.inspector.count()
    w1 = window.open_inspection("no-such-inspection")
    assert window.inspector.count() == before + 1
    assert window.inspector.currentWidget() is w1
    assert window.open_inspection("no-such-inspection") is w1  # reused, not duplicated
    window.close_tab(window.inspector.indexOf(w1))
    assert window.inspector.count() == before


def test_load_demo_twice_changes_nothing(window, qtbot):
    count = window.browser.model.station_count()
    window.load_demo()
    assert window.browser.model.station_count() == count


_SHOWN_BEFORE_STORAGE = r"""
import sys
from fengqiao_desktop import config
from fengqiao_desktop.ui import app as ui_app

config.set_data_dir(sys.argv[1])
app = ui_app.make_application([])
from fengqiao_desktop.ui.main_window import MainWindow
from fengqiao_desktop.storage.vault_file import has_vault

window = MainWindow()
ui_app.wire(window, ui_app.parse_args(["--data-dir", sys.argv[1]]))
window.show()
has_vault(sys.argv[1])  # what start-up asks before the event loop runs
print(",".join(m for m in ("sqlalchemy", "alembic", "pydantic", "pyrage", "sqlcipher3") if m in sys.modules))
"""


def test_the_window_shows_before_the_storage_stack_is_imported(tmp_path):
    """Start-up builds, wires and shows the window, and asks whether the data folder is
    encrypted, without importing the database or crypto libraries: they load on a worker
    after the window is up (imported before it, they delayed the window by half a second)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", _SHOWN_BEFORE_STORAGE, str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1:] in ([], [""]), f"imported before the window: {out.strip()}"


def _open_data_watching_the_first_level(qtbot, **kw):
    """A shown window opening the data folder as the app does (``open_data(window, **kw)``); for
    each first level shown, (its rows, whether the store was open by then)."""
    from fengqiao_desktop.ui.app import open_data

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    seen = []
    w.browser.first_level_loaded.connect(lambda n: seen.append((n, w.store is not None)))
    open_data(w, **kw)
    return w, seen


def test_the_first_level_shows_before_the_store_has_opened(qtbot, sync_tasks, dialogs, data_dir):
    from fengqiao_desktop.roster.demo import load_demo
    from fengqiao_desktop.services.store import LocalStore

    with LocalStore.open() as store:
        load_demo(store.engine)
    w, seen = _open_data_watching_the_first_level(qtbot)
    try:
        assert seen == [(1, False)]  # the city, read from the file while the store was still to open
        assert w.store is not None and w.browser.model.station_count() >= 100  # then the whole tree
        assert dialogs == []
    finally:
        w.store.close()


def test_an_encrypted_store_shows_its_first_level_before_it_opens_too(qtbot, sync_tasks, dialogs, data_dir):
    from fengqiao_desktop.roster.demo import load_demo
    from fengqiao_desktop.services import encryption
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.storage.vault import Vault

    with LocalStore.open() as store:
        load_demo(store.engine)
    encryption.encrypt_data_dir(data_dir, "长城 pass 2026")
    vault = Vault.unlock(data_dir, "长城 pass 2026")  # as the unlock dialog at start gives it
    w, seen = _open_data_watching_the_first_level(qtbot, vault=vault)
    try:
        assert seen == [(1, False)]  # read with the vault's key while the store was still to open
        assert w.store.encrypted and w.browser.model.station_count() >= 100
        assert dialogs == []
    finally:
        w.store.close()


def test_a_store_due_for_a_migration_shows_its_first_level_once_migrated(qtbot, sync_tasks, dialogs, data_dir):
    import shutil
    from pathlib import Path

    shutil.copytree(
        Path(__file__).parents[1] / "storage" / "fixtures" / "release_0_1" / "data", data_dir, dirs_exist_ok=True
    )
    w, seen = _open_data_watching_the_first_level(qtbot)
    try:
        assert [opened for _n, opened in seen] == [True]  # not read from the old schema
        assert list((data_dir / "backups").glob("*before-*"))  # migrated
        assert w.browser.model.station_count() > 0 and dialogs == []
    finally:
        w.store.close()


_TREE_WITHOUT_EDITOR = r"""
import sys
from PySide6.QtCore import QTimer
from fengqiao_desktop import config
from fengqiao_desktop.ui import app as ui_app

config.set_data_dir(sys.argv[1])
args = ui_app.parse_args(["--data-dir", sys.argv[1]])
app = ui_app.make_application([])
from fengqiao_desktop.ui.main_window import MainWindow
from fengqiao_desktop.ui.firstrun.start import maybe_show

window = MainWindow()
ui_app.wire(window, args)
window.show()
window.browser.stations_loaded.connect(lambda _n: QTimer.singleShot(0, app.quit))
QTimer.singleShot(0, lambda: ui_app.open_data(window, on_open=lambda: maybe_show(window, args)))
app.exec()
from fengqiao_desktop.ui import tasks
tasks.runner().shutdown()
loaded = [m for m in ("fengqiao_desktop.ui.editor.editor_widget", "fengqiao_desktop.ui.firstrun.wizard") if m in sys.modules]
print("stations", window.browser.model.station_count(), "loaded", *loaded)
"""


def test_the_tree_fills_without_loading_the_editor_or_the_wizard(data_dir):
    """An ordinary start (set up before, no inspection left open): once the store is open, asking
    whether to reopen an inspection or show the wizard must not hold the GUI thread with their
    imports while the tree loads."""
    import os
    import subprocess
    import sys

    from fengqiao_desktop import config
    from fengqiao_desktop.roster.demo import load_demo
    from fengqiao_desktop.services.store import LocalStore

    with LocalStore.open() as store:
        load_demo(store.engine)
    settings = config.Settings.load()
    settings.first_run_done = True
    settings.save()
    out = subprocess.run(
        [sys.executable, "-c", _TREE_WITHOUT_EDITOR, str(data_dir)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    last = next(line for line in reversed(out.splitlines()) if line.startswith("stations "))
    _stations, count, _loaded, *loaded = last.split()
    assert int(count) >= 100  # the demo roster, loaded
    assert loaded == [], f"loaded on the way to the tree: {loaded}"
