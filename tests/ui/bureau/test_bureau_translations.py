"""Bureau pages: every string is in bureau_zh_CN.ts, translated; tab titles and a language switch."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fengqiao_desktop.paths import resources_dir

TS = resources_dir() / "i18n" / "bureau_zh_CN.ts"
BIN = Path(sys.executable).parent
BUREAU = Path(__file__).resolve().parents[3] / "fengqiao_desktop" / "ui" / "bureau"
MINE = ("imports", "trust", "conflicts")


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}


def test_every_bureau_string_is_in_the_ts_file(tmp_path):
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    sources = sorted(str(p) for d in MINE for p in (BUREAU / d).glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = _messages(fresh)
    assert len(wanted) > 90
    assert wanted - _messages(TS) == set(), "run pyside6-lupdate on ui/bureau and translate the new strings"


def test_page_titles_follow_the_language(qtbot, context):
    from fengqiao_desktop.ui import i18n
    from fengqiao_desktop.ui.bureau import install
    from fengqiao_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    from fengqiao_desktop.ui.bureau.conflicts.page import ConflictsPage
    from fengqiao_desktop.ui.bureau.imports.page import ImportPage
    from fengqiao_desktop.ui.bureau.trust.page import TrustPage

    holders = install(window, context)
    titles = lambda: [window.bureau.tabText(window.bureau.indexOf(h)) for h in holders]  # noqa: E731
    assert all(h._page is None for h in holders)  # built when first shown, not at start-up
    from fengqiao_desktop.ui.bureau.review.page import ReviewPage
    from fengqiao_desktop.ui.bureau.roster.page import RosterPage

    pages = [holders[2].page(), holders[1].page(), holders[5].page(), holders[0].page(), holders[3].page()]
    assert [type(p) for p in pages] == [ImportPage, TrustPage, ConflictsPage, RosterPage, ReviewPage]
    assert titles() == ["中心名册", "信任的检查员密钥", "导入数据包", "审核", "覆盖与达标", "冲突", "表单", "任务包"]
    i18n.install("en")
    qtbot.waitUntil(lambda: titles()[0] == "Central roster")
    assert titles() == [
        "Central roster",
        "Trusted inspector keys",
        "Import bundles",
        "Review",
        "Coverage",
        "Conflicts",
        "Forms",
        "Task packs",
    ]
    assert pages[0].files_button.text() == "Choose bundles…"
    assert pages[1].model.headerData(0, Qt.Orientation.Horizontal) == "Key id"


def test_a_bureau_tab_builds_its_page_when_shown(qtbot, context, sync_tasks):
    from fengqiao_desktop.ui.bureau import install
    from fengqiao_desktop.ui.bureau.trust.page import TrustPage
    from fengqiao_desktop.ui.main_window import BUREAU, MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    holders = install(window, context)
    window.show()
    window.set_workspace(BUREAU)
    window.bureau.setCurrentWidget(holders[1])
    qtbot.waitUntil(lambda: isinstance(holders[1]._page, TrustPage) and holders[1]._page.isVisible())
    assert holders[4]._page is None  # the Coverage tab was not opened


def test_roster_and_review_strings_are_in_their_ts_file(tmp_path):
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    sources = sorted(str(p) for d in ("roster", "review") for p in (BUREAU / d).glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = _messages(fresh)
    assert len(wanted) > 50
    ts = resources_dir() / "i18n" / "bureau_review_zh_CN.ts"
    assert wanted - _messages(ts) == set(), "run pyside6-lupdate on ui/bureau/roster and review"
