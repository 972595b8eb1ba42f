"""The photo appendix: thumbnails in a grid, each with its number, item and caption.

Photos are scaled down with Pillow before they go into the PDF: an inspector's
phone photo is several megabytes, a printed thumbnail needs a few tens of
kilobytes, and JPEG draft decoding makes the scaling cheap.
"""

from __future__ import annotations

import io

from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Table

from fengqiao_desktop.domain.photos import position_text
from fengqiao_desktop.reports.sheet_data import SheetData, SheetPhoto
from fengqiao_desktop.reports.sheet_style import FRAME_WIDTH, GRID, Styles, esc, para, table_style

COLUMNS = 3
CELL_W = FRAME_WIDTH / COLUMNS
IMG_W = CELL_W - 6 * mm
IMG_H = IMG_W * 0.75
THUMB_PX = 600  # about 250 dpi at the printed width: sharp, and small


def thumbnail(photo: SheetPhoto) -> tuple[io.BytesIO, int, int] | None:
    """A small JPEG of the photo and its pixel size; ``None`` when it cannot be read."""
    try:
        if photo.data is None:
            return None
        with PILImage.open(io.BytesIO(photo.data)) as opened:
            opened.draft("RGB", (THUMB_PX, THUMB_PX))  # JPEG: decode at a reduced scale
            im = ImageOps.exif_transpose(opened).convert("RGB")
            im.thumbnail((THUMB_PX, THUMB_PX))
            buf = io.BytesIO()
            im.save(buf, "JPEG", quality=78, optimize=False)
            w, h = im.size
    except (OSError, UnidentifiedImageError, ValueError, PILImage.DecompressionBombError):
        return None
    buf.seek(0)
    return buf, w, h


def _cell(n: int, photo: SheetPhoto, data: SheetData, st: Styles, L: dict) -> list[Flowable]:
    thumb = thumbnail(photo)
    parts: list[Flowable] = []
    if thumb is None:
        parts.append(para(L["photo_unreadable"], st.caption))
    else:
        buf, w, h = thumb
        scale = min(IMG_W / w, IMG_H / h)
        parts.append(Image(buf, width=w * scale, height=h * scale))
    label = f"<b>{L['photo_n'].format(n=n)}</b>"
    if photo.item_id:
        item = data.item(photo.item_id, photo.form_id)
        no = data.item_no(photo.item_id, photo.form_id)
        if item is not None and data.form_of(photo.form_id) is not data.form:
            no = L["five_haves_item"].format(no=no)
        title = item.title.get(data.lang) if item else ""
        label += f"{'  ' if data.lang == 'en' else '　'}{esc(no)} {esc(title)}"
    if photo.caption:
        label += f"<br/>{esc(photo.caption)}"
    if photo.days_before_visit is not None and photo.taken_on is not None:
        label += '<br/><font color="#b71c1c">{}</font>'.format(
            esc(L["photo_old"].format(day=photo.taken_on.isoformat(), days=photo.days_before_visit))
        )
    position = position_text(photo.latitude, photo.longitude, data.lang)
    if position:
        label += f"<br/>{esc(L['photo_gps'].format(position=position))}"
    parts.append(para(label, st.caption, markup=True))
    return parts


def photo_grid(data: SheetData, st: Styles, L: dict) -> Table | None:
    if not data.photos:
        return None
    cells = [_cell(n, p, data, st, L) for n, p in enumerate(data.photos, 1)]
    rows: list[list] = [cells[i : i + COLUMNS] for i in range(0, len(cells), COLUMNS)]
    rows[-1] += [""] * (COLUMNS - len(rows[-1]))
    style = table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("BOX", (0, 0), (-1, -1), 0.5, GRID),
            ("INNERGRID", (0, 0), (-1, -1), 0.25, GRID),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
    )
    return Table(rows, colWidths=[CELL_W] * COLUMNS, style=style)
