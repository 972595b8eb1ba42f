"""Parsing roster files: encodings Excel writes, headers, levels, and per-row errors."""

from __future__ import annotations

import pytest

from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.errors import RosterError
from fengqiao_desktop.roster.parse import parse_roster


def _names(rows):
    return [r.name for r in rows]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_every_encoding_excel_writes_reads_the_same_names(write_csv, encoding, good_rows):
    rows = parse_roster(write_csv(good_rows, encoding=encoding))
    assert _names(rows) == [
        "兰州市退役军人服务中心",
        "城关区退役军人服务中心",
        "东岗西路街道退役军人服务站",
        "大众巷社区退役军人服务站",
    ]
    assert [r.level for r in rows] == [Level.CITY, Level.COUNTY, Level.TOWN, Level.VILLAGE]
    assert rows[3].parent_code == "620102017000"
    assert rows[0].veterans_served == 60000
    assert rows[2].phone == "0931-00001113"


def test_latin1_file_is_refused_not_imported_as_garbage(write_csv):
    header = "code,name,level,parent_code,address,contact,phone,veterans_served"
    p = write_csv(
        ["620102000000,Zürich Straße Café,county,620100000000,Genève,Jérôme,,1"], encoding="latin-1", header=header
    )
    with pytest.raises(RosterError) as ei:
        parse_roster(p)
    assert "编码无法识别" in ei.value.message
    assert "encoding" in ei.value.message_en


def test_random_bytes_are_refused(tmp_path):
    import random

    rnd = random.Random(7)
    p = tmp_path / "garbage.csv"
    p.write_bytes(bytes(rnd.randrange(256) for _ in range(4000)))
    with pytest.raises(RosterError, match="编码无法识别"):
        parse_roster(p)


def test_utf8_read_as_latin1_then_saved_again_is_refused(write_csv, good_rows):
    # a classic double-encoding: the names become Ã¥... sequences
    mangled = [r.encode("utf-8").decode("latin-1") for r in good_rows]
    with pytest.raises(RosterError, match="编码无法识别"):
        parse_roster(write_csv(mangled, encoding="utf-8"))


def test_gbk_with_a_few_rare_characters_still_reads(write_csv, good_rows):
    rows = good_rows + ["620102017002,堃垚社区退役军人服务站,社区,620102017000,,,,"]
    parsed = parse_roster(write_csv(rows, encoding="gb18030"))
    assert parsed[-1].name == "堃垚社区退役军人服务站"


def test_xlsx_with_numeric_codes_and_a_title_row(write_xlsx):
    p = write_xlsx(
        [
            [620100000000, "兰州市退役军人服务中心", "市", None, "城关区", "王建国", "0931-00001111", 60000],
            [620102, "城关区退役军人服务中心", "区", 620100000000, None, None, None, 9000.0],
            ["620102017", "东岗西路街道退役军人服务站", "街道", None, None, None, None, None],
        ],
        title="兰州市退役军人服务站名册（2024）",
    )
    rows = parse_roster(p)
    assert [r.code for r in rows] == ["620100000000", "620102000000", "620102017000"]
    assert rows[1].veterans_served == 9000
    assert rows[2].parent_code == "620102000000"  # implied by the code


def test_english_headers_with_bom_and_spaces(write_csv):
    header = "\ufeff Code ,Name,Level,Parent Code,Address,Contact,Phone,Veterans Served"
    rows = [
        "620100000000,兰州市退役军人服务中心,city,,,,,",
        "620102000000,城关区退役军人服务中心,county,,,,,",
    ]
    parsed = parse_roster(write_csv(rows, header=header))
    assert parsed[1].parent_code == "620100000000"


def test_only_code_and_name_are_required(write_csv):
    parsed = parse_roster(write_csv(["620100,兰州市退役军人服务中心"], header="编码,名称"))
    assert parsed[0].level is Level.CITY


def test_missing_required_column_is_named(write_csv):
    with pytest.raises(RosterError) as ei:
        parse_roster(write_csv(["兰州市退役军人服务中心,市"], header="名称,层级"))
    assert "缺少必需的列" in ei.value.message and "代码" in ei.value.message
    assert "code" in ei.value.message_en


def test_every_bad_row_is_reported_with_row_column_and_reason(write_csv, good_rows):
    rows = good_rows + [
        "62010201700X,坏代码站,社区,,,,,",  # row 6: bad code
        "620102017003,,社区,,,,,",  # row 7: missing name
        "620102017004,某社区退役军人服务站,省,,,,,",  # row 8: unknown level
        "620102017005,某社区退役军人服务站,街道,,,,,",  # row 9: level/code mismatch
        "620102017001,重复社区退役军人服务站,社区,,,,,",  # row 10: duplicate
        "620102018001,孤儿社区退役军人服务站,社区,,,,,",  # row 11: parent not found
        "620102017006,某社区退役军人服务站,社区,,,,,-3",  # row 12: negative
        "620102017007,某社区退役军人服务站,社区,,,,,十二",  # row 13: not a number
        "620102017008,某社区退役军人服务站,社区,620103000000,,,,",  # row 14: parent elsewhere
    ]
    with pytest.raises(RosterError) as ei:
        parse_roster(write_csv(rows))
    got = {(r, c) for r, c, _ in ei.value.rows}
    assert got == {
        (6, "代码"),
        (7, "名称"),
        (8, "层级"),
        (9, "层级"),
        (10, "代码"),
        (11, "上级代码"),
        (12, "服务退役军人数"),
        (13, "服务退役军人数"),
        (14, "上级代码"),
    }
    reasons = {r: reason for r, _c, reason in ei.value.rows}
    assert "第 5 行重复" in reasons[10]
    assert "620102018000" in reasons[11]
    assert all(issue.reason_en for issue in ei.value.rows)
    assert "有 9 处错误" in ei.value.message


def test_parent_may_already_be_in_the_database(write_csv):
    rows = ["620102017009,新社区退役军人服务站,社区,,,,,"]
    with pytest.raises(RosterError):
        parse_roster(write_csv(rows))
    parsed = parse_roster(write_csv(rows), known_codes={"620102017000"})
    assert parsed[0].parent_code == "620102017000"
    parsed = parse_roster(write_csv(rows), known_codes=lambda missing: missing)
    assert parsed[0].parent_code == "620102017000"


def test_town_under_city_without_county_level(write_csv):
    rows = [
        "441900000000,东莞市退役军人服务中心,市,,,,,",
        "441900003000,东城街道退役军人服务站,街道,,,,,",
        "441900101000,石碣镇退役军人服务站,镇,441900000000,,,,",
        "620100000000,兰州市退役军人服务中心,市,,,,,",
        "620102017000,东岗西路街道退役军人服务站,街道,620100000000,,,,",
    ]
    parsed = parse_roster(write_csv(rows))
    assert [r.parent_code for r in parsed] == [None, "441900000000", "441900000000", None, "620100000000"]


def test_blank_rows_are_skipped_and_row_numbers_stay_excel_numbers(write_csv, good_rows):
    rows = [good_rows[0], ",,,,,,,", "620100000001,x,市,,,,,"]
    with pytest.raises(RosterError) as ei:
        parse_roster(write_csv(rows))
    assert ei.value.rows[0][0] == 4


def test_scientific_notation_codes_explain_the_excel_fix(write_csv):
    with pytest.raises(RosterError) as ei:
        parse_roster(write_csv(["6.20102E+11,城关区退役军人服务中心,区,,,,,"]))
    assert "文本" in ei.value.rows[0][2]


def test_old_xls_and_broken_xlsx_are_refused(tmp_path):
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(RosterError, match=r"\.xls"):
        parse_roster(xls)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(RosterError, match="XLSX"):
        parse_roster(broken)


def test_empty_file_and_header_only(write_csv, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(RosterError, match="空"):
        parse_roster(empty)
    with pytest.raises(RosterError, match="没有站点"):
        parse_roster(write_csv([]))


def test_latin1_umlaut_in_one_name_is_refused(write_csv):
    header = "code,name"
    with pytest.raises(RosterError, match="编码无法识别"):
        parse_roster(write_csv(["620102000000,Müller"], encoding="latin-1", header=header))


def test_village_digits_out_of_range_are_refused_after_valid_villages_of_the_same_town(write_csv, good_rows):
    rows = good_rows + [
        "620102017002,某社区退役军人服务站,社区,,,,,",  # row 6: fine
        "620102017400,某村退役军人服务站,村,,,,,",  # row 7: village digits 400
        "620102017999,某村退役军人服务站,,,,,,",  # row 8: village digits 999
    ]
    with pytest.raises(RosterError) as ei:
        parse_roster(write_csv(rows))
    reasons = {r: (c, reason) for r, c, reason in ei.value.rows}
    assert set(reasons) == {7, 8}
    assert reasons[7] == ("代码", "代码“620102017400”的村级段 400 超出范围（001–199 社区、200–399 村）")
    assert "999" in reasons[8][1]


def test_every_character_the_quick_encoding_check_lets_through_passes_the_full_check():
    import re

    from fengqiao_desktop.roster import reading

    plain = re.compile(f"[{reading._PLAIN_TEXT}]")
    chars = [chr(o) for o in range(0x30000) if plain.fullmatch(chr(o))]
    assert len(chars) > 20_000
    assert reading._implausible_chars("".join(chars), "utf-8") is None
    for ch in chars[::997]:
        assert reading._implausible_chars(ch, "utf-16") is None


def test_a_control_character_is_still_found_in_a_long_utf8_roster(write_csv, good_rows):
    rows = [*good_rows] + [f"6201020170{i:02d},某社区退役军人服务站,社区,,,,," for i in range(10, 60)]
    rows[-1] = rows[-1].replace("某社区", "某\x07社区")
    with pytest.raises(RosterError) as ei:
        parse_roster(write_csv(rows, encoding="utf-8"))
    assert "控制字符" in ei.value.message and "control characters" in ei.value.message_en


def test_columns_in_any_order_with_short_rows_unknown_and_missing_columns(write_csv):
    header = "备注,名称,代码,电话"
    rows = [
        "总部,兰州市退役军人服务中心,620100000000,0931-1",
        ",城关区退役军人服务中心,620102,0931-2,多余的格子",
        "x,东岗西路街道退役军人服务站,620102017",  # no phone cell at all
        "",
        ",,,",
    ]
    parsed = parse_roster(write_csv(rows, header=header))
    assert [(r.code, r.name, r.level, r.parent_code, r.phone, r.address, r.veterans_served) for r in parsed] == [
        ("620100000000", "兰州市退役军人服务中心", Level.CITY, None, "0931-1", "", None),
        ("620102000000", "城关区退役军人服务中心", Level.COUNTY, "620100000000", "0931-2", "", None),
        ("620102017000", "东岗西路街道退役军人服务站", Level.TOWN, "620102000000", "", "", None),
    ]
