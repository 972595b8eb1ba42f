"""Translations: every string of every .ts is translated, placeholders match, the .qm files are current.

Also: every string the shell marks for translation is in ``app_zh_CN.ts``
(a fresh ``pyside6-lupdate`` run finds nothing new), and switching the
running window to English shows English labels.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from fengqiao_desktop.paths import resources_dir

I18N = resources_dir() / "i18n"
TS_FILES = sorted(I18N.glob("*.ts"))
BIN = Path(sys.executable).parent
UI = Path(__file__).resolve().parents[2] / "fengqiao_desktop" / "ui"

# %1, %L1, %n; {name}, {0}, {}
_PLACEHOLDER = re.compile(r"%L?\d+|%n|\{\w*\}")


def _messages(ts: Path):
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = [n.text or "" for n in tr.iter("numerusform")] or [tr.text or ""]
            yield name, msg.findtext("source"), tr, forms


def test_there_are_translation_files():
    names = {p.name for p in TS_FILES}
    assert "app_zh_CN.ts" in names
    for ts in TS_FILES:
        assert ts.with_suffix(".qm").exists(), f"{ts.name} has no compiled .qm"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_is_translated_with_the_same_placeholders(ts):
    problems = []
    count = 0
    for context, source, tr, forms in _messages(ts):
        count += 1
        if tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{context}: {source!r} is {tr.get('type')}")
            continue
        for text in forms:
            if not text.strip():
                problems.append(f"{context}: {source!r} has an empty translation")
            elif sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(text)):
                problems.append(f"{context}: placeholders differ in {source!r} -> {text!r}")
    assert count > 0
    assert problems == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_compiled_qm_is_up_to_date(ts, tmp_path):
    lrelease = BIN / "pyside6-lrelease"
    if not lrelease.exists():
        lrelease = shutil.which("pyside6-lrelease")
    if not lrelease:
        pytest.skip("pyside6-lrelease not installed")
    fresh = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        f"{ts.with_suffix('.qm').name} is stale: run pyside6-lrelease {ts.name}"
    )


def test_every_shell_string_is_in_the_ts_file(tmp_path):
    """A string added to the code without a translation is caught here."""
    lupdate = BIN / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    sources = sorted(str(p) for p in [*UI.glob("*.py"), *(UI / "stations").glob("*.py"), *(UI / "bureau").glob("*.py")])
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, s) for c, s, _t, _f in _messages(fresh)}
    # the shell's strings live in app_zh_CN.ts; the About dialog's in about_zh_CN.ts
    have = {(c, s) for ts in sorted(I18N.glob("*_zh_CN.ts")) for c, s, _t, _f in _messages(ts)}
    assert wanted - have == set(), "run pyside6-lupdate and translate the new strings"
    assert ("", "") not in wanted and all(c for c, _s in wanted), "a string without context"


def test_compiled_translations_apply(qapp):
    from PySide6.QtCore import QCoreApplication

    from fengqiao_desktop.ui import i18n

    i18n.install("zh")
    assert QCoreApplication.translate("MainWindow", "Import roster…") == "导入名册…"
    assert QCoreApplication.translate("Badge", "Demonstration grade met") == "示范型达标"
    i18n.install("en")
    assert QCoreApplication.translate("MainWindow", "Import roster…") == "Import roster…"


def test_language_setting_is_remembered():
    from fengqiao_desktop.ui import i18n

    assert i18n.saved_language() == "zh"  # Chinese by default
    i18n.save_language("en")
    assert i18n.saved_language() == "en"
    assert i18n.normalise("zh_CN") == "zh" and i18n.normalise("en-US") == "en"
