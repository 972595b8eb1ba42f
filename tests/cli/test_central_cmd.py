"""``fengqiao central ...`` and ``fengqiao merge`` as a bureau clerk would type them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "merge"))

from merge_helpers import RUBRIC, Device, write_forms  # noqa: E402

from fengqiao_desktop.cli.main import cli  # noqa: E402


@pytest.fixture
def run(tmp_path):
    url = f"sqlite:///{tmp_path / 'bureau' / 'central.sqlite3'}"
    runner = CliRunner()

    def _run(*args, lang="zh", central=True):
        extra = ["--central", url] if central else []
        return runner.invoke(cli, ["--lang", lang, *args, *extra], catch_exceptions=False)

    _run.url = url
    return _run


def _setup(run, tmp_path) -> Device:
    forms = write_forms(tmp_path / "forms")
    r = run("central", "forms", "register", *map(str, forms))
    assert r.exit_code == 0, r.output
    assert "已登记" in r.output and RUBRIC.sha256 in r.output
    r = run("central", "demo")
    assert r.exit_code == 0 and "新增 125" in r.output
    dev = Device()
    r = run(
        "central",
        "trust",
        "add",
        str(dev.pub_file(tmp_path / "keys")),
        "--name",
        dev.name,
        "--unit",
        dev.unit,
        "--valid-from",
        "2026-01-01",
    )
    assert r.exit_code == 0, r.output
    assert dev.key_id in r.output
    return dev


def test_trust_forms_merge_digest_round(run, tmp_path):
    dev = _setup(run, tmp_path)
    r = run("central", "trust", "list", "--json")
    [entry] = json.loads(r.output)
    assert entry["key_id"] == dev.key_id and entry["state"] == "valid"
    assert entry["public_key"] == dev.sk.public.line()

    good = dev.export(tmp_path / "usb", [dev.record(RUBRIC)])
    junk = tmp_path / "usb" / "junk.fqbundle"
    junk.write_bytes(b"PK\x03\x04 broken")
    digest0 = run("central", "digest").output.strip()

    r = run("merge", str(tmp_path / "usb"))
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("已导入: ") and "检查 1 份" in lines[0]
    assert lines[1].startswith("已拒收: junk.fqbundle: ")

    digest1 = run("central", "digest").output.strip()
    assert len(digest1) == 64 and digest1 != digest0

    r = run("merge", str(good), lang="en")
    assert r.exit_code == 0
    assert r.output.startswith("already imported: ")
    assert run("central", "digest").output.strip() == digest1

    r = run("central", "bundles", "--json")
    statuses = sorted(b["status"] for b in json.loads(r.output))
    assert statuses == ["imported"]
    assert "没有冲突" in run("central", "conflicts", "list").output

    r = run("central", "trust", "revoke", dev.key_id, "--reason", "调离")
    assert r.exit_code == 0 and "已吊销" in r.output
    assert "已吊销" in run("central", "trust", "list").output
    later = dev.export(tmp_path / "usb2", [dev.record(RUBRIC)])
    r = run("merge", str(later))
    assert r.exit_code == 1 and "吊销" in r.output


def test_known_errors_are_one_line(run, tmp_path):
    r = run("central", "trust", "revoke", "0123456789ABCDEF", "--reason", "x")
    assert r.exit_code == 1
    assert r.output.strip().count("\n") == 0 and "0123456789ABCDEF" in r.output

    bad = tmp_path / "bad.pub"
    bad.write_text("not a key")
    r = run("central", "trust", "add", str(bad), "--name", "a", "--unit", "b")
    assert r.exit_code == 1 and "公钥" in r.output


def test_roster_import_all_or_nothing(run, tmp_path):
    good = tmp_path / "roster.csv"
    good.write_text("代码,名称\n620102,城关区退役军人服务中心\n620100,兰州市退役军人服务中心\n", encoding="utf-8")
    r = run("central", "roster", "import", str(good))
    assert r.exit_code == 0, r.output
    assert "新增 2" in r.output
    bad = tmp_path / "bad.csv"
    bad.write_text("代码,名称\n620102001,某街道\n12,坏代码\n", encoding="utf-8")
    r = run("central", "roster", "import", str(bad))
    assert r.exit_code == 1
    assert "第 3 行" in r.output
    dump = json.loads(run("central", "digest", "--dump").output)
    assert [s[0] for s in dump["stations"]] == ["620100000000", "620102000000"]


def test_real_command_exit_status_and_env_url(tmp_path):
    """The installed entry point, with the URL from FENGQIAO_CENTRAL."""
    url = f"sqlite:///{tmp_path / 'env' / 'central.sqlite3'}"
    env = dict(os.environ, FENGQIAO_CENTRAL=url, FENGQIAO_DATA_DIR=str(tmp_path / "data"))
    exe = [sys.executable, "-m", "fengqiao_desktop"]
    junk = tmp_path / "x.fqbundle"
    junk.write_bytes(b"")
    p = subprocess.run([*exe, "merge", str(junk)], env=env, capture_output=True, text=True)
    assert p.returncode == 1
    assert p.stdout.startswith("已拒收: x.fqbundle: ")
    assert (tmp_path / "env" / "quarantine").is_dir()
    p = subprocess.run([*exe, "central", "init"], env=env, capture_output=True, text=True)
    assert p.returncode == 0 and str(tmp_path / "env") in p.stdout


def test_quarantine_list_release_reject(run, tmp_path):
    """A copied data directory forks the chain; the clerk lists, releases and rejects."""
    dev = _setup(run, tmp_path)
    dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    twin = Device(
        name=dev.name, unit=dev.unit, device_id=dev.device_id, sk=dev.sk, sequence=dev.sequence, previous=dev.previous
    )
    mine = dev.export(tmp_path / "a", [dev.record(RUBRIC)])
    theirs = twin.export(tmp_path / "b", [twin.record(RUBRIC)])
    r = run("merge", str(tmp_path / "a"), str(theirs))
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert [ln.split(":")[0] for ln in lines[:3]] == ["已导入", "已导入", "已隔离"]
    assert "分叉" in lines[2] and "因分叉改为隔离" in r.output  # the imported side is held too

    r = run("central", "quarantine", "list", "--json")
    held = json.loads(r.output)
    assert sorted(b["sequence"] for b in held) == [2, 2]
    r = run("central", "quarantine", "list", lang="en")
    assert "fork" in r.output and "分叉" not in r.output
    mine_id = next(b["bundle_id"] for b in held if b["file_name"] == mine.name)
    theirs_id = next(b["bundle_id"] for b in held if b["file_name"] == theirs.name)

    r = run("central", "quarantine", "release", mine_id, "--reason", "核对原笔记本", "--by", "王科长")
    assert r.exit_code == 0 and "已放行" in r.output and "转为导入 1 个" in r.output
    r = run("central", "quarantine", "release", mine_id, "--reason", "again", "--by", "someone", lang="en")
    assert r.exit_code != 0 and "released already by 王科长" in r.output
    # the other side of the fork cannot be released too
    r = run("central", "quarantine", "release", theirs_id, "--reason", "x", "--by", "y", lang="en")
    assert r.exit_code != 0 and "reject it first" in r.output and "Traceback" not in r.output
    r = run("central", "quarantine", "reject", theirs_id, "--reason", "复制的数据目录", "--by", "王科长", lang="en")
    assert r.exit_code == 0 and r.output.startswith("rejected: ")
    r = run("central", "quarantine", "list", "--json")
    [left] = json.loads(r.output)
    assert left["bundle_id"] == theirs_id and left["decision"] == "rejected"
