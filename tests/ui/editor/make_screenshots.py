"""Screenshots of the real editor over the local store (demo roster) for docs/img.

Run under Xvfb:  xvfb-run -a -s "-screen 0 1366x768x24" python tests/ui/editor/make_screenshots.py [OUT] [zh|en]
(also with QT_SCALE_FACTOR=1.5 on a 1920x1080 screen). The window fills the screen.
A visit of 东岗西路 (the five-haves check and the town rubric, opened together):
station-browser.png (the station with its filters and counts),
visit-linked.png (the rubric's section A read from the check, answered once),
editor.png (the rubric half filled, the visit verdict in the panel),
complete-summary.png (完成检查 on the five-haves check: the summary before locking, with the
station head's and the inspector's signatures drawn on the pads),
gallery.png, sheet-from-editor.png (first page of the printed sheet) and sheet-signed.png
(the sheet's page with the signatures drawn on screen).
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


def _photo(path: Path, colour, text: str, taken: dt.datetime | None = None) -> str:
    """A test picture; ``taken`` adds the EXIF capture time and a GPS position (兰州, 东岗西路)."""
    im = Image.new("RGB", (1600, 1200), colour)
    d = ImageDraw.Draw(im)
    d.rectangle((200, 300, 1400, 900), outline="white", width=12)
    d.text((260, 340), text, fill="white")
    exif = Image.Exif()
    if taken is not None:
        exif[306] = taken.strftime("%Y:%m:%d %H:%M:%S")
        exif[0x8825] = {1: "N", 2: (36.0, 3.0, 40.0), 3: "E", 4: (103.0, 50.0, 3.0)}
    im.save(path, "JPEG", exif=exif)
    return str(path)


def _wait(app, cond, seconds=20.0):
    import time

    end = time.monotonic() + seconds
    while not cond() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _sign(app, pad, strokes) -> None:
    """Draw strokes on a signature pad with mouse events (points in a 0..1 box of the pad)."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for stroke in strokes:
        pts = [QPointF(x * pad.width(), y * pad.height()) for x, y in stroke]
        for k, p in enumerate(pts):
            kind = QEvent.Type.MouseButtonPress if k == 0 else QEvent.Type.MouseMove
            app.sendEvent(
                pad,
                QMouseEvent(
                    kind, p, pad.mapToGlobal(p), left if k == 0 else none, left, Qt.KeyboardModifier.NoModifier
                ),
            )
        app.sendEvent(
            pad,
            QMouseEvent(
                QEvent.Type.MouseButtonRelease,
                pts[-1],
                pad.mapToGlobal(pts[-1]),
                left,
                none,
                Qt.KeyboardModifier.NoModifier,
            ),
        )


def _cursive(x0: float, y0: float, w: float, h: float, n: int = 40, loops: int = 4):
    """A hand-like running line: loops moving right."""
    import math

    return [
        (
            x0 + w * k / n + 0.03 * math.cos(k * loops * math.pi / n * 2),
            y0 + h * (0.5 - 0.45 * math.sin(k * loops * math.pi / n * 2)),
        )
        for k in range(n + 1)
    ]


def main() -> None:
    from fengqiao_desktop import config
    from fengqiao_desktop.ui import i18n, tasks
    from fengqiao_desktop.ui.app import open_data, register_cjk_font
    from fengqiao_desktop.ui.main_window import MainWindow

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img"
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    config.set_data_dir(tmp / "data")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_cjk_font(app)
    i18n.install(lang)
    tasks.set_runner(tasks.SyncRunner())
    w = MainWindow()
    screen = app.primaryScreen().availableGeometry()
    w.resize(screen.width(), screen.height())
    w.show()
    open_data(w, demo=True)
    _wait(app, lambda: w.store is not None and w.browser.model.rowCount() > 0)
    store = w.store

    # an earlier visit with an open finding
    old = store.inspections.create(
        CODE, "demonstration-town", "李四", visit_date=dt.date.today() - dt.timedelta(days=90)
    )
    store.inspections.add_finding(
        old,
        category="hardware",
        severity="deduction",
        item_id=None,
        description="服务大厅缺少无障碍通道",
        measures="增设坡道",
        responsible="王站长",
        deadline=dt.date.today() + dt.timedelta(days=30),
    )

    w.browser.select_station(CODE)
    for _ in range(20):
        app.processEvents()
    w.grab().save(str(out / "station-browser.png"))
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
    store.inspections.add_finding(
        gid,
        category="hardware",
        severity="advice",
        item_id="baozhang",
        description="上墙制度未更新",
        measures="按新规更新上墙制度",
        responsible="王站长",
        deadline=dt.date.today() + dt.timedelta(days=30),
    )
    form = editor.form
    own = [it for it in form.items.values() if it.source is None]
    for n, it in enumerate(own[:12]):
        value = True if it.type.value == "yes_no" else (it.max - (1 if n % 5 == 3 else 0))
        store.inspections.set_answer(iid, it.id, value, note="功能分区缺少调解室" if n % 5 == 3 else None)
    first_items = [it.id for it in own[:2]]
    for k, (colour, text) in enumerate([((46, 125, 50), "sign"), ((21, 101, 192), "hall")]):
        taken = dt.datetime.combine(dt.date.today() - dt.timedelta(days=45), dt.time(10, 0)) if k == 0 else None
        editor.add_photo_files(first_items[k % 2], [_photo(tmp / f"p{k}.jpg", colour, text, taken)])
        if editor.photo_ctl.caption_dialog is not None:
            editor.photo_ctl.caption_dialog.accept()
    w.close_tab(w.inspector.indexOf(editor))
    w.open_inspection(iid)
    editor = w.inspector.currentWidget()
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
    _sign(app, summary.head.pad, [_cursive(0.12, 0.2, 0.5, 0.5), [(0.1, 0.78), (0.8, 0.74)]])
    _sign(
        app,
        summary.inspector.pad,
        [_cursive(0.15, 0.25, 0.35, 0.45, loops=3), [(0.55, 0.3), (0.6, 0.7), (0.75, 0.35), (0.85, 0.65)]],
    )
    if not summary.inspector.name.text():  # the demo data has no inspector profile
        summary.inspector.name.setText("张三")
    for _ in range(20):
        app.processEvents()
    summary.grab().save(str(out / "complete-summary.png"))
    summary.buttons.button(summary.buttons.StandardButton.Ok).click()  # completed, signed
    for _ in range(20):
        app.processEvents()
    gate_pdf = tmp / "gate-sheet.pdf"
    gate.save_pdf(str(gate_pdf))
    _wait(app, lambda: gate.last_pdf == str(gate_pdf))
    import pypdf

    page = next(
        n
        for n, p in enumerate(pypdf.PdfReader(str(gate_pdf)).pages, 1)
        if "签字" in (p.extract_text() or "") or "signature" in (p.extract_text() or "")
    )
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(gate_pdf),
            str(out / "sheet-signed"),
        ],
        check=True,
    )
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
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out / "sheet-from-editor")],
        check=True,
    )
    print(
        "written:",
        *(
            out / n
            for n in (
                "station-browser.png",
                "visit-linked.png",
                "editor.png",
                "complete-summary.png",
                "sheet-signed.png",
                "gallery.png",
                "sheet-from-editor.png",
            )
        ),
    )
    w.close()


if __name__ == "__main__":
    main()
