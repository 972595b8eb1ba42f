"""Reading a roster file into raw rows: CSV in any encoding Excel writes, or XLSX.

Encodings (tried in this order, each strictly):

1. a byte-order mark: UTF-8 (``utf-8-sig``) or UTF-16 (Excel's "Unicode text");
2. UTF-8 without a BOM;
3. GB18030 (a superset of GBK/GB2312: what Excel on a Chinese Windows PC writes).

GB18030 maps almost any byte sequence to *some* characters, so a file that
decodes is also checked for plausibility: control characters, replacement
characters, private-use code points, Latin-1 accented letters, or a high share
of rare Hanzi outside GB2312 (the signature of Latin-1 or other text read as
GBK) make it refused, rather than importing garbled station names.

Rows come out as ``(row_number, [cell text, ...])`` where ``row_number`` is the
row as Excel shows it (the first line is row 1).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from fengqiao_desktop.cells import restore_text
from fengqiao_desktop.errors import RosterError

RawRow = tuple[int, list[str]]

# A share of distinct rare Hanzi above this in a GB18030-decoded file means mojibake: real
# Chinese rosters are almost entirely GB2312 characters.
_RARE_SHARE_LIMIT = 0.2


def read_rows(path: str | Path) -> Iterator[RawRow]:
    """Yield ``(row_number, cells)`` from a CSV or XLSX file; raise RosterError if unreadable."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise RosterError(f"找不到名册文件：{p}", message_en=f"roster file not found: {p}") from None
    except IsADirectoryError:
        raise RosterError(f"不是文件：{p}", message_en=f"not a file: {p}") from None
    if head.startswith(b"PK"):
        return _xlsx_rows(p)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterError(
            f"“{p.name}”是旧版 Excel（.xls）文件，无法读取",
            message_en=f"{p.name} is an old Excel (.xls) workbook, which cannot be read",
            hint="请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
            hint_en="save it as .xlsx or CSV and import again",
        )
    if p.suffix.lower() in (".xlsx", ".xlsm"):
        raise RosterError(
            f"“{p.name}”不是有效的 XLSX 文件（可能已损坏）",
            message_en=f"{p.name} is not a valid XLSX workbook (it may be damaged)",
        )
    return _csv_rows(p)


def decode_text(data: bytes, name: str = "文件") -> tuple[str, str]:
    """Decode roster bytes; return ``(text, encoding)`` or raise RosterError."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        problem = implausible(text, enc)
        if problem is None:
            return text.lstrip("\ufeff"), enc
        raise _garbled(name, enc, *problem)
    raise _garbled(
        name, "/".join(candidates), "既不是 UTF-8 也不是 GB18030/GBK 编码", "it is neither UTF-8 nor GB18030/GBK"
    )


def _garbled(name: str, enc: str, why: str, why_en: str) -> RosterError:
    return RosterError(
        f"名册“{name}”的文字编码无法识别（{why}），为避免导入乱码，未导入任何站点",
        message_en=f"cannot tell the text encoding of roster {name} ({why_en}); "
        "nothing was imported, to avoid storing garbled names",
        hint="请用 Excel 另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重试",
        hint_en="save it from Excel as 'CSV UTF-8' or .xlsx and try again",
    )


# Characters that pass every check of :func:`implausible` (printable ASCII and tab/CR/LF,
# the Latin-1 signs it allows, CJK punctuation, the unified Hanzi, full-width ASCII): text
# made only of these is plausible without looking further. Code points only ever become
# assigned in later Unicode versions, so the class stays within what the checks pass.
# U+9FFD..9FFF are assigned from Unicode 14 (Python 3.11) on: on Python 3.10 the full check
# would call them unassigned, so the quick scan stops at U+9FFC, as every supported Python knows
_PLAIN_TEXT = "\t\n\r\x20-\x7e\u00a7\u00a8\u00b0\u00b1\u00b7\u00d7\u00f7\u3000-\u303f\u4e00-\u9ffc\uff01-\uff5e"
_NOT_PLAIN = re.compile(f"[^{_PLAIN_TEXT}]")


def implausible(text: str, encoding: str) -> tuple[str, str] | None:
    """Why decoded roster text looks garbled (zh, en), or None if it looks like a roster.

    One compiled scan settles the usual case (nothing but plain characters; GB18030
    text always gets the full check, which also weighs rare Hanzi). The full check
    works on the distinct characters (a roster has a few thousand at most).
    """
    if encoding != "gb18030" and _NOT_PLAIN.search(text) is None:
        return None
    return _implausible_chars(text, encoding)


def _implausible_chars(text: str, encoding: str) -> tuple[str, str] | None:
    hanzi = rare = 0  # distinct characters: mojibake makes mostly rare ones
    for ch in sorted(set(text)):  # sorted: the same message every run
        o = ord(ch)
        if o < 128:
            if o < 32 and ch not in "\t\r\n":
                return _where(text, ch, "含有控制字符", "contains control characters")
            continue
        if ch == "\ufffd":
            return _where(text, ch, "含有替换字符 �", "contains replacement characters")
        if unicodedata.category(ch) in ("Cc", "Co", "Cs", "Cn"):
            return _where(text, ch, "含有无效字符", "contains invalid characters")
        if 0x80 <= o <= 0x2AF and ch not in "·×÷°±§¨":
            # Latin-1 letters in a Chinese roster are UTF-8 read as Latin-1, or vice versa.
            return _where(text, ch, f"含有疑似乱码“{ch}”", f"contains a likely mis-decoded character {ch!r}")
        if encoding == "gb18030" and _is_hanzi(ch):
            hanzi += 1
            rare += not _in_gb2312(ch)
    if encoding == "gb18030" and rare and rare / hanzi > _RARE_SHARE_LIMIT:
        return ("按 GBK 解码后大部分是生僻字，疑似乱码", "read as GBK it is mostly rare characters: likely garbled")
    return None


def _where(text: str, ch: str, zh: str, en: str) -> tuple[str, str]:
    line = text.count("\n", 0, text.index(ch)) + 1
    return f"第 {line} 行{zh}", f"line {line} {en}"


def _is_hanzi(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0x20000 <= o <= 0x3FFFF or 0xF900 <= o <= 0xFAFF


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _csv_rows(path: Path) -> Iterator[RawRow]:
    text, _enc = decode_text(path.read_bytes(), path.name)
    first = text.split("\n", 1)[0]
    # Excel writes ',' (CSV) or '\t' ("Unicode text"); some locales use ';'.
    delimiter = max([",", "\t", ";"], key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return enumerate(reader, start=1)  # cells are stripped by the parser


def _xlsx_rows(path: Path) -> Iterator[RawRow]:
    import openpyxl  # a heavy import: only when a workbook is read

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise RosterError(
            f"“{path.name}”不是有效的 XLSX 文件（可能已损坏）：{exc}",
            message_en=f"{path.name} is not a valid XLSX workbook (it may be damaged): {exc}",
        ) from None
    return _iter_sheet(wb)


def _iter_sheet(wb) -> Iterator[RawRow]:
    try:
        ws = wb.worksheets[0]
        for n, values in enumerate(ws.iter_rows(values_only=True), start=1):
            yield n, [cell_text(v) for v in values]
    finally:
        wb.close()


def cell_text(value: object) -> str:
    """An XLSX cell as the text a user would have typed (``620102.0`` -> ``620102``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return restore_text(str(value)).strip()
