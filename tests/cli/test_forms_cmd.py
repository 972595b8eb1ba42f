"""``fengqiao forms check|list|show``: what a bureau clerk or a script sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from fengqiao_desktop.cli.main import cli
from fengqiao_desktop.formengine.loader import form_files, shipped_registry

SHIPPED = ("five-haves", "demonstration-county", "demonstration-town", "demonstration-village")


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_check_passes_on_the_shipped_forms():
    r = run("forms", "check")
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    # the current version of each form, and version 1 kept for what was scored against it
    assert len(lines) == 8
    assert sum("版本 1" in ln for ln in lines) == 4
    for form in shipped_registry():
        line = next(ln for ln in lines if f"  {form.id}  版本 {form.version}  " in ln)
        assert line.startswith("OK")
        assert form.sha256[:12] in line and f"版本 {form.version}" in line
    assert any("满分 100" in ln for ln in lines)


def test_check_names_the_bad_file_and_exits_1(tmp_path):
    good = next(p for p in form_files() if p.name == "demonstration-town.yaml")
    (tmp_path / "good.yaml").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    bad = good.read_text(encoding="utf-8").replace("max: 6\n", "max: 6.3\n", 1)
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    r = run("--lang", "en", "forms", "check", str(tmp_path / "good.yaml"), str(tmp_path / "bad.yaml"))
    assert r.exit_code == 1
    assert "OK  demonstration-town" in r.stdout
    assert "bad.yaml" in r.stderr and "item B1" in r.stderr and "multiple of step" in r.stderr
    assert "Traceback" not in r.output


def test_check_a_folder_and_a_missing_file(tmp_path):
    r = run("forms", "check", str(tmp_path))
    assert r.exit_code == 1 and "没有找到表单文件" in r.stderr
    r = run("forms", "check", str(tmp_path / "nope.yaml"))
    assert r.exit_code == 1 and "nope.yaml" in r.stderr


def test_check_refuses_two_contents_under_one_id_and_version(tmp_path):
    text = next(p for p in form_files() if p.name == "five-haves.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text.replace("五有达标检查", "五有检查"), encoding="utf-8")
    r = run("forms", "check", str(tmp_path))
    assert r.exit_code == 1 and "five-haves" in r.stderr and "版本 2" in r.stderr


def test_list_shows_the_gate_and_three_rubrics_at_100():
    r = run("forms", "list")
    assert r.exit_code == 0
    lines = r.stdout.strip().splitlines()
    assert lines[0].split()[:6] == ["表单", "版本", "类型", "适用层级", "满分", "达标线"]
    rows = {ln.split()[0]: ln.split() for ln in lines[1:]}
    assert set(rows) == set(SHIPPED)
    for form_id in SHIPPED[1:]:
        assert rows[form_id][4:6] == ["100", "90"]
    assert "区（县）、市" in r.stdout  # the city center uses the county form
    r = run("--lang", "en", "forms", "list")
    assert "demonstration-village  2        Scored rubric  village" in r.stdout


def test_list_json():
    data = json.loads(run("forms", "list", "--json").stdout)
    assert {d["id"] for d in data} == set(SHIPPED)
    assert all("sections" not in d and len(d["sha256"]) == 64 for d in data)


def test_show_json_is_the_contract_shape():
    r = run("forms", "show", "demonstration-village", "--json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    form = shipped_registry().get("demonstration-village")
    assert data == form.summary()
    assert (data["id"], data["version"], data["sha256"]) == form.identity
    assert (data["kind"], data["pass_mark"], data["max"]) == ("rubric", 90, 100)
    assert [s["id"] for s in data["sections"]] == list("ABCDEFGHIZ")
    a1 = data["sections"][0]["items"][0]
    assert {k: a1[k] for k in ("id", "no", "from", "type", "max", "veto", "na_allowed", "min_photos")} == {
        "id": "A1",
        "no": "A1",
        "from": "five-haves/jigou",
        "type": "yes_no",
        "max": 4,
        "veto": True,
        "na_allowed": False,
        "min_photos": 0,
    }
    b4 = data["sections"][1]["items"][3]
    assert b4["id"] == "B4" and b4["na_allowed"] is True
    assert sum(i["max"] for s in data["sections"] for i in s["items"]) == 100


def test_show_readable_listing():
    r = run("forms", "show", "demonstration-county", "--guidance")
    assert r.exit_code == 0
    out = r.stdout
    assert "示范型退役军人服务中心评分表（区县级）" in out and "达标线 90" in out
    assert "E2    指导督导下级服务站" in out
    assert "否决：弄虚作假" in out and "照片≥2" in out
    assert "B2: 中心（站）职责" in out  # guidance printed under the section


def test_show_a_file_and_an_unknown_id(tmp_path):
    path = next(p for p in form_files() if p.name == "five-haves.yaml")
    r = run("--lang", "en", "forms", "show", str(path))
    assert r.exit_code == 0 and "Five-haves check  (five-haves 2)" in r.stdout
    r = run("forms", "show", "no-such-form")
    assert r.exit_code == 1 and "未知表单：no-such-form" in r.stderr
    assert r.stdout == ""


def test_bureau_form_in_the_data_dir_supersedes_the_reference(data_dir):
    text = next(p for p in form_files() if p.name == "demonstration-village.yaml").read_text(encoding="utf-8")
    (data_dir / "forms").mkdir()
    (data_dir / "forms" / "lanzhou-village.yaml").write_text(
        text.replace('version: "2"', 'version: "3"').replace(
            "示范型退役军人服务站评分表（社区村级）", "兰州市社区（村）示范站评分表"
        ),
        encoding="utf-8",
    )
    r = run("forms", "list")
    assert "兰州市社区（村）示范站评分表" in r.stdout and "（社区村级）" not in r.stdout
    data = json.loads(run("forms", "show", "demonstration-village", "--json").stdout)
    assert data["version"] == "3"
    assert run("forms", "check").stdout.count("OK") == 9


def test_the_installed_command(tmp_path):
    exe = Path(sys.executable).with_name("fengqiao")
    env = {**os.environ, "FENGQIAO_DATA_DIR": str(tmp_path)}
    p = subprocess.run(
        [str(exe), "forms", "show", "five-haves", "--json"], capture_output=True, text=True, env=env, timeout=120
    )
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["kind"] == "gate" and [i["id"] for i in data["sections"][0]["items"]] == [
        "jigou",
        "bianzhi",
        "renyuan",
        "jingfei",
        "baozhang",
    ]
    p = subprocess.run(
        [str(exe), "forms", "check", str(tmp_path / "missing.yaml")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert p.returncode == 1 and "missing.yaml" in p.stderr and "Traceback" not in p.stderr
