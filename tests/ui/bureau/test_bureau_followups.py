"""The review page's 待销号 list: a finding rectified at another inspector's re-check is closed (销号).

Set FENGQIAO_SCREENSHOTS=DIR to keep a screenshot of the page.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

from merge_helpers import RUBRIC, VILLAGE, photo_entry

from fengqiao_desktop.coverage.rollup import station_rows
from fengqiao_desktop.merge.db import open_central
from fengqiao_desktop.services import central as svc


def _jpeg(path: Path) -> tuple[str, Path]:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (320, 240), (30, 140, 70)).save(path, "JPEG", quality=80)
    return hashlib.sha256(path.read_bytes()).hexdigest(), path


def _counts(url: str) -> tuple[int, int, int]:
    c = open_central(url)
    try:
        with c.read() as conn:
            [r] = [r for r in station_rows(conn, date.today().year, date.today()) if r.code == VILLAGE]
        return r.open, r.overdue, r.verified
    finally:
        c.dispose()


def test_a_rectified_finding_is_shown_with_its_photo_and_closed(qtbot, sync_tasks, central, context, monkeypatch):
    from fengqiao_desktop.ui.bureau.review import followups
    from fengqiao_desktop.ui.bureau.review.page import ReviewPage

    b, a = central.device("李四"), central.device("王五")
    f = {
        "id": "f1",
        "item_id": "b1",
        "category": "hardware",
        "severity": "deduction",
        "description": "大厅无标识",
        "measures": "补挂标识",
        "responsible": "站长",
        "deadline": "2026-06-30",
        "status": "open",
    }
    found = b.record(RUBRIC, station=VILLAGE, findings=[f])
    [out] = svc.import_bundles([b.export(central.tmp / "usb", [found])], url=central.url)
    assert out.ok
    sha, path = _jpeg(central.tmp / "photos" / "sign.jpg")
    recheck = a.record(RUBRIC, station=VILLAGE, photos=[photo_entry(sha, path, None)])
    recheck["rechecks"] = [
        {
            "inspection_id": found["id"],
            "finding_id": "f1",
            "verdict": "rectified",
            "note": "标识牌已补挂",
            "photo_sha256": sha,
        }
    ]
    [out] = svc.import_bundles([a.export(central.tmp / "usb", [recheck], {sha: path})], url=central.url)
    assert out.ok, out
    assert _counts(central.url) == (1, 0, 0)  # rectified: still open, no longer overdue

    page = ReviewPage(context)
    qtbot.addWidget(page)
    page.reload()
    box = page.followups
    [row] = box.model.rows
    assert (row.description, row.recheck_note, row.rechecked_by) == ("大厅无标识", "标识牌已补挂", "王五")
    assert not box.close_button.isEnabled()
    box.table.selectRow(0)
    assert box.close_button.isEnabled()
    if os.environ.get("FENGQIAO_SCREENSHOTS"):  # to look at: the page as a clerk sees it
        from PySide6.QtWidgets import QApplication

        from fengqiao_desktop.ui.app import register_cjk_font

        register_cjk_font(QApplication.instance())
        page.resize(1366, 700)
        page.show()
        qtbot.waitExposed(page)
        page.grab().save(str(Path(os.environ["FENGQIAO_SCREENSHOTS"]) / "review-followups.png"))

    seen = []

    def fill(dialog: followups.CloseDialog) -> bool:
        seen.append(dialog.photo.pixmap() is not None and not dialog.photo.pixmap().isNull())
        dialog.by_edit.setText("赵科长")
        dialog.note_edit.setPlainText("照片核实")
        return True

    monkeypatch.setattr(followups, "ask", fill)
    with qtbot.waitSignal(context.data_changed):
        box.ask_close()
    assert seen == [True]  # the re-check photo is shown before closing
    assert box.model.rows == [] and svc.followups(url=central.url) == []
    [closed] = svc.followups(url=central.url, status=None)
    assert (closed.status, closed.closed_by) == ("verified", "赵科长")
    assert _counts(central.url) == (0, 0, 1)
