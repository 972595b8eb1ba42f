"""packs_zh_CN.ts covers every string of the task-pack UI, and the Chinese applies."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from zh_strings import SOURCES, TS, ZH  # noqa: E402

BIN = Path(sys.executable).parent


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context") for m in c.iter("message")}


def test_every_string_is_in_the_ts_file_with_chinese(tmp_path):
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    wanted = _sources(fresh)
    assert wanted and wanted - _sources(TS) == set(), "run python tests/ui/packs/zh_strings.py"
    assert {s for _c, s in wanted} <= set(ZH)


def test_chinese_applies(qapp):
    from PySide6.QtCore import QCoreApplication

    from fengqiao_desktop.ui import i18n

    i18n.install("zh")
    assert QCoreApplication.translate("TaskPack", "Import task pack…") == "导入任务包…"
    assert QCoreApplication.translate("MyTasks", "My tasks") == "我的任务"
    assert QCoreApplication.translate("BureauPacks", "Task packs") == "任务包"
