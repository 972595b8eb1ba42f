"""``fengqiao central review ...``: received -> approved / returned, who and when kept, coverage by the rule."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "merge"))

from merge_helpers import (  # noqa: E402
    BASE_TIME,
    GATE,
    RUBRIC,
    VILLAGE,
    VILLAGE2,
    Device,
    full_marks_answers,
    write_forms,
)

from fengqiao_desktop.cli.main import cli  # noqa: E402


@pytest.fixture
def run(tmp_path):
    url = f"sqlite:///{tmp_path / 'bureau' / 'central.sqlite3'}"
    runner = CliRunner()

    def _run(*args, lang="zh"):
        return runner.invoke(cli, ["--lang", lang, *args, "--central", url], catch_exceptions=False)

    return _run


def test_review_approve_return_and_coverage_rule(run, tmp_path):
    run("central", "forms", "register", *map(str, write_forms(tmp_path / "forms")))
    run("central", "demo")
    dev = Device()
    run("central", "trust", "add", str(dev.pub_file(tmp_path / "keys")), "--name", dev.name, "--unit", dev.unit)
    full = full_marks_answers(RUBRIC)
    recs = [
        dev.record(GATE, station=VILLAGE),
        dev.record(RUBRIC, station=VILLAGE, answers=full),
        dev.record(GATE, station=VILLAGE2, completed_at=BASE_TIME + timedelta(days=1)),
    ]
    assert run("merge", str(dev.export(tmp_path / "usb", recs))).exit_code == 0

    rows = json.loads(run("central", "review", "list", "--json").output)
    assert len(rows) == 3 and {r["state"] for r in rows} == {"received"}
    assert rows[0]["station_code"] == VILLAGE2 and rows[0]["inspector"] == dev.name  # newest first
    gate1 = next(r["inspection_id"] for r in rows if r["station_code"] == VILLAGE and r["form_kind"] == "gate")

    def five_haves_met() -> int:
        out = json.loads(run("central", "results", "--year", "2026", "--json").output)
        return sum(1 for r in out if r["form_kind"] == "gate" and r["verdict"] == "pass")

    assert five_haves_met() == 2

    r = run("central", "review", "approve", rows[0]["inspection_id"], "--by", "王科长")
    assert r.exit_code == 0 and r.output.startswith("已审核：")
    r = run("central", "review", "return", gate1)  # no comment: refused by click
    assert r.exit_code != 0
    r = run("central", "review", "return", gate1, "--comment", "有经费的凭证照片不清晰，请补拍", "--by", "王科长")
    assert r.exit_code == 0 and "已退回" in r.output

    returned = json.loads(run("central", "review", "list", "--state", "returned", "--json").output)
    assert [x["inspection_id"] for x in returned] == [gate1]
    assert returned[0]["comment"] == "有经费的凭证照片不清晰，请补拍" and returned[0]["reviewed_by"] == "王科长"
    assert returned[0]["reviewed_at"]
    approved = json.loads(run("central", "review", "list", "--state", "approved", "--json").output)
    assert len(approved) == 1
    # docs/coverage.md: a returned inspection counts for nothing until corrected
    assert five_haves_met() == 1
    text = run("central", "review", "list", "--state", "returned").output
    assert "退回" in text and "王科长" in text
    assert "returned" in run("central", "review", "list", "--state", "returned", lang="en").output

    # the corrected revision arrives: received again, and it counts again
    fixed = dev.record(GATE, station=VILLAGE, inspection_id=gate1, revision=2)
    assert run("merge", str(dev.export(tmp_path / "usb2", [fixed]))).exit_code == 0
    again = json.loads(run("central", "review", "list", "--json").output)
    assert next(x for x in again if x["inspection_id"] == gate1)["state"] == "received"
    assert five_haves_met() == 2


def test_review_unknown_inspection_is_one_clear_line(run, tmp_path):
    r = run("central", "review", "approve", "00000000-0000-0000-0000-000000000000", "--by", "王科长")
    assert r.exit_code != 0
    assert "没有检查" in r.output and "Traceback" not in r.output


def test_trust_edit_and_retrust_from_the_command_line(run, tmp_path):
    dev = Device(name="张三")
    pub = dev.pub_file(tmp_path / "keys")
    assert run("central", "trust", "add", str(pub), "--name", "张叁", "--unit", dev.unit).exit_code == 0
    r = run("central", "trust", "add", str(pub), "--name", "张三", "--unit", dev.unit)
    assert r.exit_code != 0 and "修改" in r.output and "revoke" not in r.output  # one language, a way out
    r = run(
        "central", "trust", "edit", dev.key_id, "--name", "张三", "--valid-to", "2026-12-31", "--reason", "姓名写错"
    )
    assert r.exit_code == 0 and "张三" in r.output and "2026-12-31" in r.output
    assert run("central", "trust", "revoke", dev.key_id, "--reason", "送修").exit_code == 0
    r = run("central", "trust", "retrust", dev.key_id, "--reason", "已取回")
    assert r.exit_code == 0 and "已重新信任" in r.output
    [entry] = json.loads(run("central", "trust", "list", "--json").output)
    assert entry["name"] == "张三" and entry["state"] == "valid" and entry["revoked_at"] is None
    history = run("central", "trust", "history", dev.key_id).output.splitlines()
    assert [line.split()[2] for line in history] == ["add", "edit", "revoke", "retrust"]


def test_findings_close_from_the_command_line(run, tmp_path):
    run("central", "forms", "register", *map(str, write_forms(tmp_path / "forms")))
    run("central", "demo")
    dev = Device()
    run("central", "trust", "add", str(dev.pub_file(tmp_path / "keys")), "--name", dev.name, "--unit", dev.unit)
    f = {
        "id": "f1",
        "item_id": "b1",
        "category": "hardware",
        "severity": "deduction",
        "description": "大厅无标识",
        "measures": "补挂",
        "responsible": "站长",
        "deadline": "2026-06-30",
        "status": "open",
    }
    rec = dev.record(RUBRIC, station=VILLAGE, findings=[f])
    assert run("merge", str(dev.export(tmp_path / "usb", [rec]))).exit_code == 0

    assert "没有待销号的整改问题" in run("central", "findings", "list").output
    bad = run("central", "findings", "close", rec["id"], "f9", "--by", "王科长")
    assert bad.exit_code != 0 and "中心库中没有这个整改问题" in bad.output and "Traceback" not in bad.output
    ok = run("central", "findings", "close", rec["id"], "f1", "--by", "王科长", "--note", "电话核实")
    assert ok.exit_code == 0 and "已销号" in ok.output
    [row] = json.loads(run("central", "findings", "list", "--all", "--json").output)
    assert (row["finding_id"], row["status"], row["closed_by"]) == ("f1", "verified", "王科长")
    assert "closed" in run("central", "findings", "list", "--all", lang="en").output
