"""Screenshots of the real editor over the local store (demo roster, Chinese) for docs/img.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1400x900x24" python tests/ui/editor/make_screenshots.py
A visit of 东岗西路 (the five-haves check and the town rubric, opened together), at 1366×768:
docs/img/visit-linked.png (the rubric's section A read from the check, answered once),
docs/img/editor.png (the rubric half filled, the visit verdict in the panel),
docs/img/complete-summary.png (完成检查 on the five-haves check: the summary before locking),
docs/img/gallery.png and docs/img/sheet-from-editor.png (first page of the printed sheet).
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
    from fengqiao_desktop.ui.app import open_data, register_cjk_font
    from fengqiao_desktop.ui.main_window import MainWindow

    out = ROOT / "docs" / "img"
    tmp = Path(tempfile.mkdtemp())
    config.set_data_dir(tmp / "data")
    app = QApplication.instance() or QApplication(sys.argv)
    register_cjk_font(app)
    i18n.install("zh")
    tasks.set_runner(tasks.SyncRunner())
    w = MainWindow()
    w.resize(1366, 768)
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
    w.browser.page.request_new_inspection(["five-haves", "demonstration-town"])
    gate = w.inspector.currentWidget()
    editor = next(e for e in w._editors.values() if e is not gate)
    gid, iid = gate.view.inspection_id, editor.view.inspection_id
    # the five haves, answered once, in the check (four met, with photos)
    notes = {"jigou": "统一牌匾已悬挂", "renyuan": "专职2人在岗"}
    for k, item in enumerate(["jigou", "bianzhi", "renyuan", "jingfei", "baozhang"]):
        gate.rows[item].answer_widget.set_value(True)
        gate.rows[item].note.setText(notes.get(item, ""))
        gate._save(item)
        gate.add_photo_files(item, [_photo(tmp / f"g{k}.jpg", (46, 125 - k * 10, 50), item)])
    store.inspections.add_finding(gid, category="hardware", severity="advice", item_id="baozhang",
                                  description="上墙制度未更新", measures="按新规更新上墙制度",
                                  responsible="王站长", deadline=dt.date.today() + dt.timedelta(days=30))
    form = editor.form
    own = [it for it in form.items.values() if it.source is None]
    for n, it in enumerate(own[:12]):
        value = True if it.type.value == "yes_no" else (it.max - (1 if n % 5 == 3 else 0))
        store.inspections.set_answer(iid, it.id, value,
                                     note="功能分区缺少调解室" if n % 5 == 3 else None)
    first_items = [it.id for it in own[:2]]
    for k, (colour, text) in enumerate([((46, 125, 50), "sign"), ((21, 101, 192), "hall")]):
        editor.add_photo_files(first_items[k % 2], [_photo(tmp / f"p{k}.jpg", colour, text)])
    w.close_tab(w.inspector.indexOf(editor))
    w.open_inspection(iid)
    editor = w.inspector.currentWidget()
    w.resize(1366, 768)
    editor.focus_item("A1")
    editor.scroll.verticalScrollBar().setValue(0)
    for _ in range(20):
        app.processEvents()
    w.grab().save(str(out / "visit-linked.png"))
    editor.focus_item("B2")
    for _ in range(20):
        app.processEvents()
    w.grab().save(str(out / "editor.png"))

    w.open_inspection(gid)
    summary = gate.ask_complete()
    for _ in range(20):
        app.processEvents()
    summary.grab().save(str(out / "complete-summary.png"))
    summary.reject()
    w.open_inspection(iid)

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
    print("written:", *(out / n for n in ("visit-linked.png", "editor.png", "complete-summary.png",
                                          "gallery.png", "sheet-from-editor.png")))
    w.close()


if __name__ == "__main__":
    main()
