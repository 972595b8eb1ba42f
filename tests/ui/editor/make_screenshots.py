"""Screenshots of the real editor over the local store (demo roster, Chinese) for docs/img.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" python tests/ui/editor/make_screenshots.py
Writes docs/img/editor.png (the main window with a half-filled rubric of 东岗西路, an
open finding of an earlier visit shown first), docs/img/gallery.png and
docs/img/sheet-from-editor.png (first page of the sheet printed from the editor).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[3]
CODE = "620102017000"


def _photo(path: Path, colour, text: str) -> str:
    im = Image.new("RGB", (1600, 1200), colour)
    d = ImageDraw.Draw(im)
    d.rectangle((200, 300, 1400, 900), outline="white", width=12)
    d.text((260, 340), text, fill="white")
    im.save(path, "JPEG")
    return str(path)


def _wait(app, cond, seconds=20.0):
    import time

    end = time.monotonic() + seconds
    while not cond() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> None:
    from fengqiao_desktop import config
    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.app import open_data
    from fengqiao_desktop.ui.main_window import MainWindow

    out = ROOT / "docs" / "img"
    tmp = Path(tempfile.mkdtemp())
    config.set_data_dir(tmp / "data")
    app = QApplication.instance() or QApplication(sys.argv)
    i18n.install("zh")
    tasks.set_runner(tasks.SyncRunner())
    w = MainWindow()
    w.resize(1400, 900)
    w.show()
    open_data(w, demo=True)
    _wait(app, lambda: w.store is not None and w.browser.model.rowCount() > 0)
    store = w.store

    # an earlier visit with an open finding
    old = store.inspections.create(CODE, "demonstration-town", "李四",
                                   visit_date=dt.date.today() - dt.timedelta(days=90))
    store.inspections.add_finding(old, category="hardware", severity="deduction", item_id=None,
                                  description="服务大厅缺少无障碍通道", measures="增设坡道",
                                  responsible="王站长", deadline=dt.date.today() + dt.timedelta(days=30))

    w.browser.select_station(CODE)
    w.browser.page.request_new_inspection(["demonstration-town"])
    editor = w.inspector.currentWidget()
    iid = editor.view.inspection_id
    form = editor.form
    for n, it in enumerate(list(form.items.values())[:14]):
        value = True if it.type.value == "yes_no" else (it.max - (1 if n % 5 == 3 else 0))
        store.inspections.set_answer(iid, it.id, value,
                                     note="功能分区缺少调解室" if n % 5 == 3 else None)
    first_items = list(form.items)[:2]
    for k, (colour, text) in enumerate([((46, 125, 50), "sign"), ((21, 101, 192), "hall")]):
        editor.add_photo_files(first_items[k % 2], [_photo(tmp / f"p{k}.jpg", colour, text)])
    w.close_tab(w.inspector.currentIndex())
    w.open_inspection(iid)
    editor = w.inspector.currentWidget()
    editor.focus_item(list(form.items)[0])
    for _ in range(20):
        app.processEvents()
    w.grab().save(str(out / "editor.png"))

    gallery = editor.photo_ctl.open_gallery()
    gallery.resize(1000, 700)
    for _ in range(20):
        app.processEvents()
    gallery.grab().save(str(out / "gallery.png"))
    gallery.close()

    pdf = tmp / "sheet.pdf"
    editor.save_pdf(str(pdf))
    _wait(app, lambda: editor.last_pdf == str(pdf))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(out / "sheet-from-editor")], check=True)
    print("written:", out / "editor.png", out / "gallery.png", out / "sheet-from-editor.png")
    w.close()


if __name__ == "__main__":
    main()
