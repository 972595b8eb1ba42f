"""Helpers for the service tests: station codes, full-marks answers, JPEG files."""

from __future__ import annotations

import io

from PIL import Image

from fengqiao_desktop.domain import Level
from fengqiao_desktop.formengine.answers import full_marks  # noqa: F401 - shared by the service tests
from fengqiao_desktop.roster.model import StationRow

CITY = "620100000000"
COUNTY = "620102000000"
TOWN = "620102017000"
VILLAGE = "620102017001"

STATIONS = [
    StationRow(CITY, "兰州市退役军人服务中心", Level.CITY, None),
    StationRow(COUNTY, "城关区退役军人服务中心", Level.COUNTY, CITY),
    StationRow(TOWN, "东岗西路街道退役军人服务站", Level.TOWN, COUNTY),
    StationRow(VILLAGE, "大众巷社区退役军人服务站", Level.VILLAGE, TOWN),
    StationRow("620102018000", "酒泉路街道退役军人服务站", Level.TOWN, COUNTY),
]


def jpeg_bytes(size=(640, 480), color=(30, 120, 200), orientation: int | None = None) -> bytes:
    img = Image.new("RGB", size, color)
    img.paste((255, 255, 255), (0, 0, size[0] // 4, size[1] // 4))  # a marker in the top-left corner
    buf = io.BytesIO()
    kw = {}
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation
        exif[306] = "2026:05:01 09:30:00"
        kw["exif"] = exif
    img.save(buf, "JPEG", quality=90, **kw)
    return buf.getvalue()
