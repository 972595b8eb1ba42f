"""Every editor string has a Chinese translation with the same placeholders, and the .qm is current."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QTranslator

from fengqiao_desktop.paths import resources_dir

TS = resources_dir() / "i18n" / "editor_zh_CN.ts"
QM = resources_dir() / "i18n" / "editor_zh_CN.qm"


def _messages():
    root = ET.parse(TS).getroot()
    for msg in root.iter("message"):
        yield msg.find("source").text, msg.find("translation")


def test_every_string_is_translated_with_matching_placeholders():
    count = 0
    for source, tr in _messages():
        count += 1
        assert tr.get("type") not in ("unfinished", "obsolete"), source
        assert tr.text, source
        assert sorted(re.findall(r"\{\w*\}", source)) == sorted(re.findall(r"\{\w*\}", tr.text)), source
    assert count > 50


def test_compiled_translations_load(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        for source, tr in _messages():
            assert QCoreApplication.translate("Editor", source) == tr.text, source
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_editor_string_in_the_code_is_in_the_ts_file():
    from pathlib import Path

    import fengqiao_desktop.ui.editor as pkg

    sources = {s for s, _t in _messages()}
    # one-literal sources only (implicitly concatenated ones are checked by the .qm test)
    pattern = re.compile(r'translate\(\s*"Editor",\s*"((?:[^"\\]|\\.)*)"\s*[,)]')
    missing = []
    for py in Path(pkg.__file__).parent.glob("*.py"):
        for text in pattern.findall(py.read_text(encoding="utf-8")):
            if text not in sources:
                missing.append((py.name, text))
    assert not missing
