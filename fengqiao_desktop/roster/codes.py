"""Twelve-digit station codes: normalising, the level a code implies, its expected parent.

A code is ``PP CC DD TTT VVV``:

- ``PPCCDD`` — the GB/T 2260 county code (province, prefecture, county);
- ``TTT`` — town/street: 001–099 街道, 100–199 镇, 200–399 乡;
- ``VVV`` — village/community: 001–199 社区（居委会）, 200–399 村（村委会）.

Levels implied by a code:

=========  ==================  ==================
level      shape               example
=========  ==================  ==================
city       ``PPCC00 000 000``  ``620100000000``
county     ``PPCCDD 000 000``  ``620102000000``
town       ``PPCCDD TTT 000``  ``620102001000``
village    ``PPCCDD TTT VVV``  ``620102001001``
=========  ==================  ==================

Shorter codes are accepted and zero-padded on the right: a 6-digit code is a
county (or a city when it ends in ``00``), a 9-digit code a town. Rosters often
carry the bare GB/T 2260 code for counties, so ``620102`` means ``620102000000``.

Cities with no county level (东莞 441900, 中山 442000): their towns have county
digits ``00`` (``441900003000``), and the expected parent of such a town is the
city itself. A roster may also place any town directly under its city
explicitly (parent code = the city); :func:`parent_problem` accepts that, because
the parent's level ranks above the child's and the child's code lies inside it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fengqiao_desktop.domain.enums import Level

CODE_LENGTH = 12
_DIGITS = re.compile(r"^\d+$")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")

# Rank of each level, as a plain dict: Level.rank is a property and this is a hot path.
RANK = {lvl: lvl.rank for lvl in Level}

# How many leading digits identify a station of each level (its "own" prefix).
_PREFIX = {Level.CITY: 4, Level.COUNTY: 6, Level.TOWN: 9, Level.VILLAGE: 12}


class CodeError(ValueError):
    """A code that is not a valid station code; carries Chinese and English reasons."""

    def __init__(self, reason: str, reason_en: str):
        super().__init__(reason)
        self.reason = reason
        self.reason_en = reason_en


def normalize_code(raw: object) -> str:
    """Return the 12-digit code for ``raw`` (str or int), or raise :class:`CodeError`.

    Accepts 6, 9 or 12 digits (zero-padded on the right to 12), surrounding
    spaces, and an integral float such as Excel's ``620102001001.0``.
    """
    if isinstance(raw, str) and len(raw) == CODE_LENGTH and raw.isascii() and raw.isdigit():
        level_of(raw)  # the common case: already 12 digits
        return raw
    if raw is None:
        raise CodeError("代码为空", "code is empty")
    if isinstance(raw, float):
        if not raw.is_integer():
            raise CodeError(f"代码“{raw}”不是整数", f"code {raw!r} is not a whole number")
        raw = int(raw)
    text = str(raw).strip().replace(" ", "")
    if text.endswith(".0") and _DIGITS.match(text[:-2] or "x"):
        text = text[:-2]
    if not text:
        raise CodeError("代码为空", "code is empty")
    if _SCIENTIFIC.match(text):
        raise CodeError(
            f"代码“{text}”被保存成了科学计数法，数字已丢失；请在 Excel 中把代码列设为“文本”后重新保存",
            f"code {text!r} was saved in scientific notation and its digits are lost; "
            "format the code column as Text in Excel and save again",
        )
    if not _DIGITS.match(text):
        raise CodeError(f"代码“{text}”含有非数字字符", f"code {text!r} contains non-digits")
    if len(text) not in (6, 9, 12):
        raise CodeError(
            f"代码“{text}”为 {len(text)} 位，应为 12 位（或 6 位县级、9 位乡级代码）",
            f"code {text!r} has {len(text)} digits; expected 12 (or 6 for a county, 9 for a town)",
        )
    code = text.ljust(CODE_LENGTH, "0")
    level_of(code)  # validates the segments
    return code


@lru_cache(maxsize=1 << 16)
def level_of(code: str) -> Level:
    """The level a normalised 12-digit code implies; raises :class:`CodeError` if malformed."""
    if len(code) != CODE_LENGTH or not (code.isascii() and code.isdigit()):
        raise CodeError(f"代码“{code}”不是 12 位数字", f"code {code!r} is not 12 digits")
    pp, cc, dd, ttt, vvv = code[:2], code[2:4], code[4:6], code[6:9], code[9:]
    if pp != "00" and cc != "00" and "000" < ttt < "400":  # the common, valid shapes first
        if vvv == "000":
            return Level.TOWN
        if "000" < vvv < "400":
            return Level.VILLAGE
    if pp == "00":
        raise CodeError(f"代码“{code}”的省级段为 00", f"code {code!r} has province digits 00")
    if cc == "00":
        raise CodeError(
            f"代码“{code}”的地市段为 00（省级单位不在本系统范围内）",
            f"code {code!r} has prefecture digits 00 (provinces are out of scope)",
        )
    if ttt != "000" and not 1 <= int(ttt) <= 399:
        raise CodeError(
            f"代码“{code}”的乡镇段 {ttt} 超出范围（001–099 街道、100–199 镇、200–399 乡）",
            f"code {code!r}: town digits {ttt} out of range (001–099 street, 100–199 town, 200–399 township)",
        )
    if vvv != "000":
        if ttt == "000":
            raise CodeError(
                f"代码“{code}”有村级段但乡镇段为 000",
                f"code {code!r} has village digits but town digits 000",
            )
        if not 1 <= int(vvv) <= 399:
            raise CodeError(
                f"代码“{code}”的村级段 {vvv} 超出范围（001–199 社区、200–399 村）",
                f"code {code!r}: village digits {vvv} out of range (001–199 community, 200–399 village)",
            )
        return Level.VILLAGE
    if ttt != "000":
        return Level.TOWN
    if dd != "00":
        return Level.COUNTY
    return Level.CITY


def town_kind(code: str) -> str:
    """街道 / 镇 / 乡 for a town code, 社区 / 村 for a village code, else ''."""
    ttt, vvv = int(code[6:9]), int(code[9:])
    if vvv:
        return "社区" if vvv <= 199 else "村"
    if ttt:
        return "街道" if ttt <= 99 else ("镇" if ttt <= 199 else "乡")
    return ""


def expected_parent(code: str) -> str | None:
    """The parent a code implies: village -> town, town -> county (or city when the
    county digits are 00), county -> city, city -> None."""
    level = level_of(code)
    if level is Level.CITY:
        return None
    if level is Level.COUNTY:
        return code[:4] + "0" * 8
    if level is Level.TOWN:
        return code[:6] + "000000" if code[4:6] != "00" else code[:4] + "0" * 8
    return code[:9] + "000"


def contains(parent: str, child: str) -> bool:
    """Whether ``child``'s code lies inside ``parent``'s (same leading digits)."""
    n = _PREFIX[level_of(parent)]
    return child[:n] == parent[:n] and child != parent


def parent_problem(code: str, parent: str) -> tuple[str, str] | None:
    """Why ``parent`` cannot be the parent of ``code`` (zh, en), or None if it can.

    The parent must rank above the child (city < county < town < village) and the
    child's code must lie inside the parent's. A town directly under its city is
    allowed; so is any skip of a level the roster states explicitly.
    """
    child_level, parent_level = level_of(code), level_of(parent)
    if RANK[parent_level] >= RANK[child_level]:
        return (
            f"上级 {parent}（{parent_level.zh}）的层级不高于本站（{child_level.zh}）",
            f"parent {parent} ({parent_level.en}) does not rank above this station ({child_level.en})",
        )
    if not contains(parent, code):
        return (
            f"本站代码 {code} 不在上级 {parent} 的区划之内",
            f"code {code} does not lie within parent {parent}",
        )
    return None


def own_prefix(code: str) -> str:
    """The leading digits that identify a station's area: every station inside it shares them."""
    return code[: _PREFIX[level_of(code)]]


# :func:`level_of` without its cache, for codes seen once (a roster's own codes): a
# cache miss costs more than the check itself.
level_of_uncached = level_of.__wrapped__
