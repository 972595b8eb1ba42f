"""``fengqiao forms import|export|diff`` and ``central forms register`` of a new version."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from fengqiao_desktop.cli.main import cli
from fengqiao_desktop.formengine.loader import load_form_file, shipped_registry

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formengine"))
from sheets import write_village_xlsx  # noqa: E402


@pytest.fixture
def run(tmp_path):
    data = tmp_path / "data"
    runner = CliRunner()

    def _run(*args, lang="zh", input=None):
        return runner.invoke(cli, ["--data-dir", str(data), "--lang", lang, *args], catch_exceptions=False, input=input)

    _run.data = data
    return _run


def test_an_imported_sheet_joins_the_forms_of_the_data_directory(run, tmp_path):
    sheet = write_village_xlsx(tmp_path / "lanzhou-village.xlsx")
    r = run("forms", "import", str(sheet))
    assert r.exit_code == 0, r.output
    assert "已导入：lanzhou-village  版本 1  12 个分项  61 个检查项  满分 100  达标线 90" in r.stdout
    assert "适用层级按标题定为 社区（村）" in r.stderr  # what was guessed is said
    written = run.data / "forms" / "lanzhou-village-1.yaml"
    assert load_form_file(written).id == "lanzhou-village"
    assert "lanzhou-village" in run("forms", "list").stdout
    assert "弄虚作假、虚报瞒报" in run("forms", "show", "lanzhou-village").stdout
    assert run("forms", "check").exit_code == 0
    # importing the same sheet again changes nothing
    r = run("forms", "import", str(sheet))
    assert r.exit_code == 0 and "已安装，无需导入" in r.stdout


def test_a_bad_sheet_lists_every_cell_and_writes_nothing(run, tmp_path):
    def edit(ws):
        ws["D4"] = "两分"
        ws["C6"] = None

    sheet = write_village_xlsx(tmp_path / "bad-village.xlsx", edit=edit)
    r = run("forms", "import", str(sheet))
    assert r.exit_code == 1
    assert "有 2 处无法识别，未写入任何文件" in r.stderr
    assert "考评表!D4: 分值“两分”不是数字" in r.stderr and "考评表!C6" in r.stderr
    assert "Traceback" not in r.output
    assert not (run.data / "forms").exists()
    r = run("forms", "import", str(sheet), lang="en")
    assert "考评表!D4: the points '两分' are not a number" in r.stderr
    assert "未写入" not in r.stderr


def test_export_then_import_gives_the_shipped_form_back(run, tmp_path):
    form = shipped_registry().get("demonstration-village")
    out = tmp_path / "village.xlsx"
    r = run("forms", "export", "demonstration-village", "-o", str(out))
    assert r.exit_code == 0 and "已导出" in r.stdout
    assert openpyxl.load_workbook(out)["评分表"]["A1"].value == form.title.zh
    back = tmp_path / "back.yaml"
    r = run("forms", "import", str(out), "-o", str(back))
    assert r.exit_code == 0, r.output
    assert load_form_file(back).sha256 == form.sha256
    r = run("forms", "check", str(back))
    assert r.exit_code == 0 and form.sha256[:12] in r.stdout


def test_a_revised_sheet_becomes_the_next_version_with_its_diff(run, tmp_path):
    r = run("forms", "import", str(write_village_xlsx(tmp_path / "lz.xlsx")))
    assert r.exit_code == 0, r.output

    def revise(ws):
        ws["C3"] = "组织领导责任落实"  # item 1 renamed
        ws["D4"] = 2.5  # item 2: 1.5 -> 2.5 points
        ws["D9"] = 0.5  # item 6 (a deduction item): 1.5 -> 0.5, the total stays 100
        ws["D8"], ws["D15"] = 8.5, 8  # the two subtotals follow

    r = run("forms", "import", str(write_village_xlsx(tmp_path / "lz.xlsx", edit=revise)))
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "与已安装的版本 1 相比：" in out
    assert "改名  1 → 1  组织领导责任落实" in out
    assert "分值变化  2 → 2  组织领导要求2  1.5 → 2.5 分" in out
    assert "已导入：lz  版本 2" in out
    v2 = load_form_file(run.data / "forms" / "lz-2.yaml")
    assert v2.supersedes.version == "1"
    r = run("forms", "diff", "lz")
    assert "lz 1 → lz 2" in r.stdout and "改名  1 → 1" in r.stdout


def test_registration_at_the_bureau_shows_the_diff_and_asks(run, tmp_path):
    url = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    r = run("forms", "import", str(write_village_xlsx(tmp_path / "lz.xlsx")))
    v1 = run.data / "forms" / "lz-1.yaml"
    assert run("central", "forms", "register", str(v1), "--central", url).exit_code == 0

    def revise(ws):
        ws["C3"] = "组织领导责任落实"

    run("forms", "import", str(write_village_xlsx(tmp_path / "lz.xlsx", edit=revise)))
    v2 = run.data / "forms" / "lz-2.yaml"
    r = run("central", "forms", "register", str(v2), "--central", url, input="n\n")
    assert r.exit_code == 1
    assert "lz 版本 2 替代已登记的版本 1" in r.stdout and "改名  1 → 1  组织领导责任落实" in r.stdout
    assert "未登记任何表单" in r.stdout
    assert "lz  2" not in run("central", "forms", "list", "--central", url).stdout
    r = run("central", "forms", "register", str(v2), "--central", url, input="y\n")
    assert r.exit_code == 0 and "已登记：lz 2" in r.stdout


def test_forms_check_refuses_a_version_map_that_does_not_fit(run, tmp_path):
    from test_lineage import V1, V2

    (tmp_path / "v1.yaml").write_text(V1, encoding="utf-8")
    (tmp_path / "v2.yaml").write_text(V2.replace("old: B2, new: A3", "old: B7, new: A3"), encoding="utf-8")
    r = run("forms", "check", str(tmp_path / "v1.yaml"), str(tmp_path / "v2.yaml"))
    assert r.exit_code == 1
    assert "v2.yaml" in r.stderr and "旧版没有检查项 B7" in r.stderr
    assert "OK  county-sheet  版本 1" in r.stdout
