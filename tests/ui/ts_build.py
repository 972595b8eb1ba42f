"""Build one ``resources/i18n/*_zh_CN.ts`` from a dict of Chinese strings, then compile its .qm.

Used by the ``zh_strings.py`` scripts of each UI area: lupdate collects the
sources' strings, every string found in ``zh`` gets its translation, and lrelease
writes the .qm. A source string without Chinese stops the build, naming it.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from pathlib import Path


def build_ts(sources: Iterable[Path], ts: Path, zh: Mapping[str, str]) -> None:
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [str(bin_dir / "pyside6-lupdate"), "-no-obsolete", *map(str, sources), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    tree = ET.parse(ts)
    missing = []
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source")
        tr = msg.find("translation")
        if src in zh:
            tr.text = zh[src]
            tr.attrib.pop("type", None)
        else:
            missing.append(src)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [str(bin_dir / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
    )
    if missing:
        raise SystemExit(f"untranslated: {missing}")


def write_ts(ts: Path, zh_by_context: Mapping[str, Mapping[str, str]]) -> None:
    """Write ``ts`` straight from ``{context: {source: Chinese}}`` (for strings lupdate cannot
    collect, e.g. data rather than literal ``translate`` calls), then compile its .qm."""
    root = ET.Element("TS", version="2.1", language="zh_CN")
    for name, strings in zh_by_context.items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for source, zh in strings.items():
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = source
            ET.SubElement(msg, "translation").text = zh
    ET.indent(root)
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
