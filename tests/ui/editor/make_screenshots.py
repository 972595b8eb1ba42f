"""Screenshots of the editor (half-filled rubric) and the photo gallery for docs/img.

Run under Xvfb:  Xvfb :98 -screen 0 1400x900x24 &  DISPLAY=:98 python tests/ui/editor/make_screenshots.py
Uses the shipped village rubric when the forms are installed, else a reference excerpt.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))

from conftest import MINI_FORM  # noqa: E402
from editor_memory_backend import MemoryBackend  # noqa: E402

from fengqiao_desktop.formengine.loader import parse_form  # noqa: E402
from fengqiao_desktop.formengine.scoring import Answer  # noqa: E402
from fengqiao_desktop.paths import font_path, resources_dir  # noqa: E402


def _form():
    try:
        from fengqiao_desktop.domain import Level
        from fengqiao_desktop.formengine.loader import shipped_registry

        form = shipped_registry().default_rubric_for(Level.VILLAGE)
        if form is not None:
            return form
    except Exception:  # noqa: BLE001 - fall back to the test form
        pass
    return parse_form(MINI_FORM)


def _photo(path: Path, colour, text: str) -> str:
    im = Image.new("RGB", (1200, 900), colour)
    d = ImageDraw.Draw(im)
    for i in range(0, 1200, 60):
        d.line([(i, 0), (i + 300, 900)], fill=(255, 255, 255), width=3)
    d.rectangle([350, 330, 850, 570], fill=(250, 250, 240))
    d.text((380, 430), text, fill=(30, 30, 30))
    im.save(path, "JPEG")
    return str(path)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    fid = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(fid)
    if families:
        app.setFont(QFont(families[0], 10))
    tr = QTranslator()
    tr.load(str(resources_dir() / "i18n" / "editor_zh_CN.qm"))
    QCoreApplication.installTranslator(tr)

    from fengqiao_desktop.ui.editor import InspectionEditor
    from fengqiao_desktop.ui.editor.runner import SyncRunner

    tmp = Path(tempfile.mkdtemp())
    form = _form()
    backend = MemoryBackend(form, tmp / "photos")
    items = list(form.items.values())
    for it in items[: len(items) // 2]:
        if it.type.value == "yes_no":
            backend.answers[it.id] = Answer(True)
        elif it.type.value in ("graded", "deduction"):
            backend.answers[it.id] = Answer(max(it.max - it.effective_step, 0))
        elif it.type.value == "choice":
            backend.answers[it.id] = Answer(it.choices[0].value)
    ed = InspectionEditor(None, backend.inspection_id, backend=backend, runner=SyncRunner(), lang="zh")
    backend_title = "东岗西路街道退役军人服务站（演示）"
    ed.title.setText(f"<b>{backend_title}</b> — {form.title.zh}")
    first = items[0].id
    ed.add_photo_files(first, [_photo(tmp / "a.jpg", (180, 40, 40), "sign plate"),
                               _photo(tmp / "b.jpg", (30, 90, 160), "premises")])
    for p, cap in zip(backend.photos(), ["机构牌子", "服务大厅"], strict=False):
        backend.set_caption(p.id, cap)
    ed.photo_ctl.refresh()
    half = items[len(items) // 2 - 1].id
    ed.resize(1380, 860)
    ed.show()
    ed.focus_item(half)
    for _ in range(5):
        app.processEvents()
    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    ed.grab().save(str(out / "editor.png"))
    gallery = ed.photo_ctl.open_gallery()
    gallery.resize(1000, 620)
    for _ in range(5):
        app.processEvents()
    gallery.grab().save(str(out / "gallery.png"))
    print("saved", out / "editor.png", out / "gallery.png")


if __name__ == "__main__":
    main()
