"""Recognising roster column headers and level names, in Chinese or English."""

from __future__ import annotations

import re
from functools import lru_cache

from fengqiao_desktop.domain.enums import Level

# Header text (normalised by :func:`header_key`) -> canonical field.
_HEADER_ALIASES = {
    "code": ["code", "station_code", "代码", "编码", "站点代码", "站点编码", "区划代码", "统计用区划代码"],
    "name": ["name", "station_name", "名称", "站点名称", "服务站名称", "单位名称", "中心（站）名称"],
    "level": ["level", "层级", "级别", "站点层级"],
    "parent_code": ["parent_code", "parent", "上级代码", "上级编码", "上级站点代码"],
    "address": ["address", "地址", "站点地址", "详细地址"],
    "contact": ["contact", "联系人", "负责人", "站长"],
    "phone": ["phone", "tel", "telephone", "电话", "联系电话", "联系方式"],
    "veterans_served": ["veterans_served", "veterans", "服务退役军人数", "退役军人数", "服务对象数"],
}

REQUIRED = ("code", "name")

_BRACKETED_SUFFIX = re.compile(r"[（(][^（()）]*[)）]$")


def header_key(text: str) -> str:
    """Normalise a header: strip BOM, spaces, underscores and dashes; lower-case; full-width brackets."""
    t = text.replace("\ufeff", "").strip().lower()
    t = re.sub(r"[\s\u3000_\-]+", "", t)
    return t.replace("(", "（").replace(")", "）")


_ALIASES = {header_key(a): field for field, names in _HEADER_ALIASES.items() for a in names}


def field_for_header(text: str) -> str | None:
    """The canonical field a header names, or None (unknown columns are ignored).

    A trailing unit in brackets is ignored: 服务退役军人数（人） is 服务退役军人数.
    """
    key = header_key(text)
    if key in _ALIASES:
        return _ALIASES[key]
    stripped = _BRACKETED_SUFFIX.sub("", key.replace("（", "(").replace("）", ")"))
    return _ALIASES.get(header_key(stripped))


# Level words as written in rosters (brackets normalised to full width by header_key).
_LEVEL_WORDS = {
    Level.CITY: ["city", "市", "市级", "地级市", "地市", "市本级"],
    Level.COUNTY: [
        "county",
        "district",
        "county/district",
        "区（县）",
        "县（区）",
        "区县",
        "县区",
        "县",
        "区",
        "县级",
        "县级市",
        "旗",
    ],
    Level.TOWN: [
        "town",
        "street",
        "township",
        "town/street",
        "街道（乡镇）",
        "乡镇（街道）",
        "街道",
        "乡镇",
        "镇",
        "乡",
        "乡级",
        "苏木",
    ],
    Level.VILLAGE: [
        "village",
        "community",
        "village/community",
        "社区（村）",
        "村（社区）",
        "社区",
        "村",
        "村级",
        "居委会",
        "村委会",
        "嘎查",
    ],
}
_LEVELS = {header_key(w): lvl for lvl, words in _LEVEL_WORDS.items() for w in words}

LEVEL_CHOICES_ZH = "市、区（县）、街道（乡镇）、社区（村）"


@lru_cache(maxsize=256)
def parse_level(text: str) -> Level | None:
    """The level a roster cell names (市 / 区（县） / 街道 / 社区（村） / city ...), or None."""
    return _LEVELS.get(header_key(text))
