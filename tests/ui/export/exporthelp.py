"""Helpers for the export and first-run UI tests: stations, full-marks answers, JPEG colours, the passphrase."""

from __future__ import annotations

import io

from PIL import Image

from fengqiao_desktop.bundle.minisign import FAST_KDF  # noqa: F401 - for the tests
from fengqiao_desktop.domain import Level
from fengqiao_desktop.formengine.answers import full_marks  # noqa: F401 - used by the export tests
from fengqiao_desktop.roster.model import StationRow

PASS = "correct horse 42"
VILLAGE = "620102017001"
STATIONS = [
    StationRow("620100000000", "兰州市退役军人服务中心", Level.CITY, None),
    StationRow("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000"),
    StationRow("620102017000", "东岗西路街道退役军人服务站", Level.TOWN, "620102000000"),
    StationRow(VILLAGE, "大众巷社区退役军人服务站", Level.VILLAGE, "620102017000"),
]


def jpeg(color) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (320, 240), color).save(buf, "JPEG", quality=85)
    return buf.getvalue()
