"""Parsing a roster file (CSV or XLSX) into validated :class:`StationRow` objects.

Columns: code, name, level, parent_code, address, contact, phone,
veterans_served — or their Chinese headers (代码/编码, 名称, 层级/级别, 上级代码,
地址, 联系人, 电话/联系电话, 服务退役军人数). Only code and name are required: the
level and the parent follow from the code when their cells are empty (see
:mod:`.codes`). Unknown columns are ignored. A title row above the header is
allowed (the header is the first of the first ten rows naming code and name).

Every problem is collected as a :class:`RowIssue` (row as Excel numbers it,
column as headed in the file, reason in Chinese and English). If there is any,
:func:`parse_roster` raises one ``RosterError`` carrying all of them in
``.rows`` — the caller imports nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from operator import itemgetter
from pathlib import Path

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.errors import RosterError
from fengqiao_desktop.roster import codes
from fengqiao_desktop.roster.columns import (
    LEVEL_CHOICES_ZH,
    REQUIRED,
    field_for_header,
    parse_level,
)
from fengqiao_desktop.roster.model import FIELD_ZH, RowIssue, StationRow
from fengqiao_desktop.roster.reading import RawRow, read_rows

# Given the parent codes not found in the file, return those that already exist
# (in the database). A plain collection of known codes works too.
ParentLookup = Callable[[set[str]], Collection[str]] | Collection[str]

_HEADER_SEARCH_ROWS = 10
_MAX_NAME = 200


def parse_roster(
    path: str | Path, *, known_codes: ParentLookup | None = None, is_demo: bool = False
) -> list[StationRow]:
    """Read and validate a roster file; return its stations in file order.

    ``known_codes`` says which parent codes exist outside the file (normally:
    stations already in the database). Raises ``RosterError`` — with ``.rows``
    filled when rows are at fault — if anything is wrong.
    """
    name = Path(path).name
    return parse_raw_rows(read_rows(path), name=name, known_codes=known_codes, is_demo=is_demo)


def parse_raw_rows(
    rows: Iterable[RawRow], *, name: str = "名册", known_codes: ParentLookup | None = None, is_demo: bool = False
) -> list[StationRow]:
    """The same as :func:`parse_roster`, over rows already read (``(row_no, cells)``)."""
    return [
        StationRow(code, nm, _LEVEL_OF_VALUE[lvl], parent, address, contact, phone, served, demo)
        for code, nm, lvl, parent, address, contact, phone, served, demo in parse_station_values(
            rows, name=name, known_codes=known_codes, is_demo=is_demo
        )
    ]


def parse_station_values(
    rows: Iterable[RawRow], *, name: str = "名册", known_codes: ParentLookup | None = None, is_demo: bool = False
) -> list[StationValues]:
    """Validate like :func:`parse_raw_rows`, returning plain tuples (the importer's row path).

    Each tuple is ``(code, name, level value, parent_code, address, contact, phone,
    veterans_served, is_demo)``: the columns the importer writes, in that order.
    """
    it = iter(rows)
    header_no, columns = _find_header(it, name)
    headers = {f: h for h, f in columns.values()}

    def col(field: str) -> str:
        return headers.get(field) or FIELD_ZH[field]

    issues: list[RowIssue] = []
    parsed: list[StationValues] = []
    row_nos: list[int] = []
    explicit_parent: list[bool] = []
    # Column index of each field; when the file lacks a field, an empty cell is appended
    # to every row and the field reads it (index -1). Short rows are padded first.
    index = {f: i for i, (_h, f) in columns.items()}
    width = max(index.values()) + 1
    cells_of = itemgetter(*(index.get(f, -1) for f in _ROW_FIELDS))
    lacks_a_field = len(index) < len(_ROW_FIELDS)
    padding = [""] * width
    strip = str.strip
    for row_no, cells in it:
        if len(cells) < width:
            cells = cells + padding[len(cells) :]
        if lacks_a_field:
            cells.append("")
        values = list(map(strip, cells_of(cells)))
        if not (values[0] or any(values)) and not "".join(cells).strip():
            continue  # blank lines at the end of Excel exports
        station, explicit = _parse_row(row_no, values, col, issues, is_demo)
        if station is not None:
            parsed.append(station)
            row_nos.append(row_no)
            explicit_parent.append(explicit)

    first_row_of = dict(zip([s[0] for s in parsed], row_nos, strict=True))
    if len(first_row_of) < len(parsed):
        # a code repeats: keep its first row (zip in reverse: the first occurrence is written last)
        first_row_of = dict(zip(reversed([s[0] for s in parsed]), reversed(row_nos), strict=True))
        parsed, row_nos, explicit_parent = _drop_repeats(
            parsed, row_nos, explicit_parent, first_row_of, col("code"), issues
        )
    _check_parents(parsed, row_nos, explicit_parent, first_row_of, known_codes, col, issues)
    if issues:
        issues.sort(key=lambda i: i.row)
        n_rows = len({i.row for i in issues})
        raise RosterError(
            f"名册“{name}”有 {len(issues)} 处错误（涉及 {n_rows} 行），未导入任何站点",
            message_en=f"roster {name} has {len(issues)} problems in {n_rows} rows; nothing was imported",
            rows=issues,
        )
    if not parsed:
        raise RosterError(
            f"名册“{name}”中没有站点（标题行在第 {header_no} 行）",
            message_en=f"roster {name} has no stations (header on row {header_no})",
        )
    return parsed


def _find_header(it, name: str) -> tuple[int, dict[int, tuple[str, str]]]:
    """Locate the header row; return its number and {column index: (header text, field)}."""
    first: tuple[int, list[str]] | None = None
    seen = 0
    for row_no, cells in it:
        if not "".join(cells).strip():
            continue
        first = first or (row_no, cells)
        mapped: dict[int, tuple[str, str]] = {}
        dup: tuple[str, str] | None = None
        for i, text in enumerate(cells):
            field = field_for_header(text) if text else None
            if field is None:
                continue
            other = next((h for h, f in mapped.values() if f == field), None)
            if other is not None:
                dup = (other, text)
            mapped[i] = (text.replace("\ufeff", "").strip(), field)
        if all(f in {f for _h, f in mapped.values()} for f in REQUIRED):
            if dup:
                raise RosterError(
                    f"名册“{name}”第 {row_no} 行的列“{dup[0]}”和“{dup[1]}”表示同一项，请删去其一",
                    message_en=f"roster {name}, row {row_no}: columns {dup[0]!r} and {dup[1]!r} "
                    "mean the same thing; remove one",
                )
            return row_no, mapped
        seen += 1
        if seen >= _HEADER_SEARCH_ROWS:
            break
    if first is None:
        raise RosterError(f"名册“{name}”是空的", message_en=f"roster {name} is empty")
    present = {field_for_header(c) for c in first[1] if c}
    missing = [f for f in REQUIRED if f not in present]
    zh = "、".join(f"“{FIELD_ZH[f]}”（{f}）" for f in missing)
    raise RosterError(
        f"名册“{name}”缺少必需的列：{zh}",
        message_en=f"roster {name} lacks the required column(s): {', '.join(missing)}",
        hint="第一行应为列名，例如：代码,名称,层级,上级代码,地址,联系人,电话,服务退役军人数",
    )


# Parent cells repeat on many rows: remember the valid ones (bounded, module-wide).
_known_parents: dict[str, str] = {}
# Per valid parent code: its rank and the leading digits every station inside it shares.
_parent_shape: dict[str, tuple[int, str]] = {}

_ROW_FIELDS = ("code", "name", "level", "parent_code", "address", "contact", "phone", "veterans_served")

# (code, name, level value, parent_code, address, contact, phone, veterans_served, is_demo)
StationValues = tuple

_LEVEL_OF_VALUE = {lvl.value: lvl for lvl in Level}
_RANK = codes.RANK
_CITY = Level.CITY
_level_of = codes.level_of_uncached
_TOWN, _VILLAGE = Level.TOWN, Level.VILLAGE
_VALUE = {lvl: lvl.value for lvl in Level}
# The first nine digits of valid town codes seen (the town part of a village code).
_town_prefixes: dict[str, bool] = {}


def _parse_row(
    row_no: int, values: list[str], col, issues: list[RowIssue], is_demo: bool
) -> tuple[StationValues | None, bool]:
    """Validate one row (cells in ``_ROW_FIELDS`` order); on problems, add them to ``issues``.

    Returns the station's values (see :data:`StationValues`) and whether its
    parent was given explicitly, or ``(None, False)`` when the row is at fault.
    """
    code_text, name, level_text, parent_text, address, contact, phone, served_text = values
    errs: list[tuple[str, str, str]] = []  # (field, zh, en)

    code = implied = None
    try:
        if len(code_text) == 12 and code_text.isdigit() and code_text.isascii():
            code = code_text  # the common case: already 12 digits
            # most codes are towns and villages: their first nine digits are a valid town
            if _town_prefixes.get(code[:9]) and (vvv := code[9:]) < "400":
                implied = _TOWN if vvv == "000" else _VILLAGE
            else:
                implied = _level_of(code)
                if (implied is _TOWN or implied is _VILLAGE) and len(_town_prefixes) < 100_000:
                    _town_prefixes[code[:9]] = True
        else:
            code = codes.normalize_code(code_text)
            implied = _level_of(code)
    except codes.CodeError as exc:
        code = None
        errs.append(("code", exc.reason, exc.reason_en))

    if "  " in name or "\u3000" in name or "\n" in name:
        name = " ".join(name.split())
    if not name:
        errs.append(("name", "名称为空", "name is empty"))
    elif len(name) > _MAX_NAME:
        errs.append(("name", f"名称超过 {_MAX_NAME} 个字", f"name longer than {_MAX_NAME} characters"))

    if level_text:
        level = parse_level(level_text)
        if level is None:
            errs.append(
                (
                    "level",
                    f"无法识别的层级“{level_text}”（应为 {LEVEL_CHOICES_ZH}）",
                    f"unknown level {level_text!r} (expected city, county, town or village)",
                )
            )
        elif implied is not None and level is not implied:
            errs.append(
                (
                    "level",
                    f"层级为“{level.zh}”，但代码 {code} 表示“{implied.zh}”",
                    f"level is {level.en} but code {code} denotes {implied.en}",
                )
            )

    parent = None
    if parent_text:
        parent = _known_parents.get(parent_text)
        if parent is None:
            try:
                parent = codes.normalize_code(parent_text)
            except codes.CodeError as exc:
                errs.append(("parent_code", "上级" + exc.reason, "parent " + exc.reason_en))
            else:
                if len(_known_parents) < 100_000:
                    _known_parents[parent_text] = parent
    explicit = parent is not None
    if code and parent:
        if implied is _CITY:
            errs.append(("parent_code", "市级站点不应填写上级代码", "a city has no parent code"))
        else:
            shape = _parent_shape.get(parent)
            if shape is None:
                shape = _RANK[codes.level_of(parent)], codes.own_prefix(parent)
                if len(_parent_shape) < 100_000:
                    _parent_shape[parent] = shape
            rank, prefix = shape
            if implied is None or rank >= _RANK[implied] or code == parent or not code.startswith(prefix):
                why = codes.parent_problem(code, parent)  # the reason, in words
                if why:
                    errs.append(("parent_code", *why))

    served = None
    if served_text:
        if not (served_text.isdigit() and served_text.isascii()):  # else: plain digits
            served_text = served_text.replace(",", "").replace("，", "")
        if served_text.isascii() and served_text.isdigit():
            served = int(served_text)
        else:
            try:
                f = float(served_text)
                if f < 0 or not f.is_integer():
                    raise ValueError
                served = int(f)
            except (ValueError, OverflowError):
                errs.append(
                    (
                        "veterans_served",
                        f"服务退役军人数“{served_text}”不是非负整数",
                        f"veterans served {served_text!r} is not a non-negative whole number",
                    )
                )

    if errs or code is None or implied is None:
        issues.extend(RowIssue(row_no, col(f), zh, en, f) for f, zh, en in errs)
        return None, False
    if parent is None:
        parent = codes.expected_parent(code)
    return (code, name, _VALUE[implied], parent, address, contact, phone, served, is_demo), explicit


def _drop_repeats(
    parsed: list[StationValues],
    row_nos: list[int],
    explicit_parent: list[bool],
    first_row_of: dict[str, int],
    column: str,
    issues: list[RowIssue],
) -> tuple[list[StationValues], list[int], list[bool]]:
    """Report every row that repeats an earlier row's code, and leave it out."""
    kept: tuple[list, list, list] = ([], [], [])
    for station, row_no, explicit in zip(parsed, row_nos, explicit_parent, strict=True):
        code = station[0]
        first = first_row_of[code]
        if first != row_no:
            issues.append(
                RowIssue(row_no, column, f"代码 {code} 与第 {first} 行重复", f"code {code} repeats row {first}", "code")
            )
            continue
        kept[0].append(station)
        kept[1].append(row_no)
        kept[2].append(explicit)
    return kept


def _check_parents(
    parsed: list[StationValues],
    row_nos: list[int],
    explicit_parent: list[bool],
    in_file: dict[str, int],
    known: ParentLookup | None,
    col,
    issues: list[RowIssue],
) -> None:
    """Every parent must be in the file or already known (the database)."""
    missing = {p for s in parsed if (p := s[3]) and p not in in_file}
    if not missing:
        return
    found: Collection[str] = set()
    if known is not None:
        found = known(missing) if callable(known) else {c for c in missing if c in known}
    for row_no, s, explicit in zip(row_nos, parsed, explicit_parent, strict=True):
        p = s[3]
        if p is None or p in in_file or p in found:
            continue
        if explicit:
            zh, en = (
                f"上级代码 {p} 不在名册中，也不在数据库中",
                f"parent code {p} is neither in the file nor in the database",
            )
        else:
            zh = f"未填上级代码，按代码推断的上级 {p} 不在名册中，也不在数据库中"
            en = (
                f"no parent code given; the parent implied by the code, {p}, is neither in the file nor in the database"
            )
        issues.append(RowIssue(row_no, col("parent_code"), zh, en, "parent_code"))
