"""Attaching photos asks for a caption (the item's title offered) and questions a photo taken long before the visit."""

from __future__ import annotations

import datetime as dt

from PIL import Image
from test_e2e import _open_rubric, window  # noqa: F401 - the fixture is used by name

from fengqiao_desktop.domain.photos import days_before_visit, is_older_than_visit

_EXIF_IFD, _DATETIME_ORIGINAL = 0x8769, 0x9003


def _jpeg_taken(path, when: dt.datetime | None):
    img = Image.new("RGB", (640, 480), (30, 120, 200))
    exif = Image.Exif()
    if when is not None:
        # the Exif sub-IFD set as a whole: Pillow 10.0 does not write one filled through get_ifd()
        exif[_EXIF_IFD] = {_DATETIME_ORIGINAL: when.strftime("%Y:%m:%d %H:%M:%S")}
    img.save(path, "JPEG", exif=exif.tobytes())
    return str(path)


def test_the_rule():
    visit = dt.date(2026, 12, 2)
    assert days_before_visit(dt.datetime(2026, 10, 1, 9, 0), visit) == 62
    assert days_before_visit(dt.datetime(2026, 12, 2, 9, 0), visit) is None  # the same day
    assert days_before_visit(None, visit) is None
    assert is_older_than_visit(dt.date(2026, 11, 2), visit, 30)
    assert not is_older_than_visit(dt.date(2026, 11, 3), visit, 30)


def test_caption_is_asked_and_an_old_photo_is_questioned(window, qtbot, tmp_path):  # noqa: F811
    editor = _open_rubric(window, qtbot)
    visit = editor.view.extra["visit_date"]
    item = editor._order[0]
    title = editor.form.items[item].title.get("zh")

    fresh = _jpeg_taken(tmp_path / "fresh.jpg", dt.datetime.combine(visit, dt.time(9, 30)))
    editor.add_photo_files(item, [fresh])
    dlg = editor.photo_ctl.caption_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.edit.text() == title  # the item's title is offered
    assert dlg.warning is None  # taken on the visit day: no question
    dlg.edit.setText("机构牌子（正门）")
    dlg.accept()
    stored = window.store.photos.list(editor.view.inspection_id)
    assert [p.caption for p in stored] == ["机构牌子（正门）"]

    old_day = visit - dt.timedelta(days=62)
    old = _jpeg_taken(tmp_path / "old.jpg", dt.datetime.combine(old_day, dt.time(15, 0)))
    editor.add_photo_files(item, [old])
    dlg = editor.photo_ctl.caption_dialog
    assert dlg.warning is not None and dlg.warning.isVisible()
    text = dlg.warning.text()
    assert "62 天" in text and old_day.isoformat() in text and visit.isoformat() in text
    dlg.reject()  # skipped: the photo stays, without a caption
    assert len(window.store.photos.list(editor.view.inspection_id)) == 2

    gallery = editor.photo_ctl.open_gallery()
    old_row = next(p for p in gallery.model._rows if p.taken_at.startswith(old_day.isoformat()))
    gallery.select(old_row.id)
    info = gallery.info.text()
    assert "早于走访 62 天" in info and "sha256" not in info


def test_the_gallery_shows_where_a_photo_was_taken(window, qtbot, tmp_path):  # noqa: F811
    """A camera's JPEG with an EXIF GPS position: the position is stored and shown in the gallery."""
    editor = _open_rubric(window, qtbot)
    visit = editor.view.extra["visit_date"]
    img = Image.new("RGB", (640, 480), (60, 140, 90))
    exif = Image.Exif()
    exif.get_ifd(_EXIF_IFD)[_DATETIME_ORIGINAL] = f"{visit:%Y:%m:%d} 10:15:00"
    exif[0x8825] = {1: "N", 2: (36.0, 3.0, 40.0), 3: "E", 4: (103.0, 50.0, 3.0)}
    path = tmp_path / "gps.jpg"
    img.save(path, "JPEG", exif=exif)
    editor.add_photo_files(editor._order[0], [str(path)])
    editor.photo_ctl.caption_dialog.reject()
    [stored] = window.store.photos.list(editor.view.inspection_id)
    assert (stored.latitude, stored.longitude) == (36.061111, 103.834167)
    gallery = editor.photo_ctl.open_gallery()
    gallery.select(stored.id)
    assert "拍摄位置 北纬 36.061111°，东经 103.834167°" in gallery.info.text()
    gallery.close()
