"""``fengqiao roster import|list`` and ``fengqiao demo`` against a real local database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from fengqiao_desktop.cli.main import cli
from fengqiao_desktop.roster.demo import demo_rows

HEADER = "代码,名称,层级,上级代码,地址,联系人,电话,服务退役军人数"
ROWS = [
    "620100000000,兰州市退役军人服务中心,市,,兰州市城关区,王建国,0931-00001111,60000",
    "620102000000,城关区退役军人服务中心,区（县）,620100000000,城关区,李海燕,0931-00001112,9000",
    "620102017000,东岗西路街道退役军人服务站,街道（乡镇）,620102000000,东岗西路,张卫东,0931-00001113,500",
    "620102017001,大众巷社区退役军人服务站,社区（村）,620102017000,大众巷,刘红梅,0931-00001114,80",
]


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def listed(*args) -> list[dict]:
    res = run("roster", "list", "--json", *args)
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def write(tmp_path, rows, encoding="utf-8", name="roster.csv"):
    p = tmp_path / name
    p.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode(encoding))
    return p


def test_demo_has_all_four_levels_and_twice_changes_nothing():
    n = len(demo_rows())
    first = run("demo")
    assert first.exit_code == 0
    assert f"新增 {n}" in first.output
    snapshot = listed()
    assert {s["level"] for s in snapshot} == {"city", "county", "town", "village"}
    assert all(s["is_demo"] for s in snapshot)
    second = run("demo")
    assert second.exit_code == 0 and f"新增 0，更新 0，未变 {n}" in second.output
    assert listed() == snapshot
    counties = listed("--level", "county")
    assert len(counties) == 8 and counties[0]["code"] == "620102000000"
    chengguan = listed("--under", "620102")
    assert chengguan and all(s["code"].startswith("620102") for s in chengguan)
    assert "东岗西路街道退役军人服务站" in {s["name"] for s in chengguan}


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-8"])
def test_csv_in_excel_encodings_imports_correct_names(tmp_path, encoding):
    res = run("roster", "import", str(write(tmp_path, ROWS, encoding)))
    assert res.exit_code == 0, res.output
    assert "新增 4" in res.stdout
    names = {s["code"]: s["name"] for s in listed()}
    assert names["620102017001"] == "大众巷社区退役军人服务站"


def test_xlsx_imports_correct_names(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    for r in ROWS:
        ws.append(r.split(","))
    p = tmp_path / "roster.xlsx"
    wb.save(p)
    res = run("roster", "import", str(p))
    assert res.exit_code == 0, res.output
    assert {s["name"] for s in listed()} >= {"东岗西路街道退役军人服务站", "城关区退役军人服务中心"}


def test_one_bad_row_is_reported_and_nothing_changes(tmp_path):
    assert run("roster", "import", str(write(tmp_path, ROWS))).exit_code == 0
    before = listed()
    bad = [ROWS[0].replace("王建国", "赵某"), *ROWS[1:], "620102017002,天水路社区退役军人服务站,省,,,,,"]
    res = run("roster", "import", str(write(tmp_path, bad, name="bad.csv")))
    assert res.exit_code == 1
    assert "第 6 行, 列 层级: 无法识别的层级“省”" in res.stderr
    assert "未导入任何站点" in res.stderr
    assert listed() == before


def test_latin1_file_is_refused_clearly(tmp_path):
    p = tmp_path / "latin1.csv"
    p.write_bytes("code,name\n620102000000,Zürich Straße\n".encode("latin-1"))
    res = run("roster", "import", str(p))
    assert res.exit_code == 1
    assert "编码无法识别" in res.stderr
    assert listed() == []


def test_reimport_updates_in_place(tmp_path):
    run("roster", "import", str(write(tmp_path, ROWS)))
    changed = [*ROWS[:3], ROWS[3].replace("刘红梅", "陈晓军")]
    res = run("roster", "import", str(write(tmp_path, changed, name="v2.csv")))
    assert res.exit_code == 0 and "新增 0，更新 1，未变 3" in res.stdout
    row = next(s for s in listed() if s["code"] == "620102017001")
    assert row["contact"] == "陈晓军"
    assert len(listed()) == 4


def test_english_messages(tmp_path):
    res = run("--lang", "en", "roster", "import", str(write(tmp_path, ["620102017009,,社区,,,,,"])))
    assert res.exit_code == 1
    assert "row 2, column 名称: name is empty" in res.stderr
