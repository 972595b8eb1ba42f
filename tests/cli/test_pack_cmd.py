"""``fengqiao central identity|pack`` at the bureau and ``fengqiao pack import|list`` on the laptop."""

from __future__ import annotations

import re

from click.testing import CliRunner

from fengqiao_desktop.cli.main import cli


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_bureau_identity_pack_and_laptop_import(tmp_path, monkeypatch):
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", "pass-1234")
    bureau, laptop, usb = (str(tmp_path / n) for n in ("bureau", "laptop", "usb"))
    central = f"sqlite:///{tmp_path / 'bureau' / 'central.sqlite3'}"

    res = run("--data-dir", laptop, "keys", "init", "--name", "张三", "--unit", "城关区")
    key_id = re.search(r"[0-9A-F]{16}", res.output).group(0)
    assert run("--data-dir", laptop, "keys", "export-public", str(tmp_path / "a.pub")).exit_code == 0
    assert run("--data-dir", bureau, "central", "demo", "--central", central).exit_code == 0
    assert (
        run(
            "--data-dir",
            bureau,
            "central",
            "trust",
            "add",
            str(tmp_path / "a.pub"),
            "--name",
            "张三",
            "--unit",
            "城关区",
            "--central",
            central,
        ).exit_code
        == 0
    )

    res = run("--data-dir", bureau, "central", "identity", "show")
    assert res.exit_code == 1 and "central identity init" in res.output
    res = run("--data-dir", bureau, "central", "identity", "init", "--name", "城关区退役军人事务局", "--unit", "兰州市")
    assert res.exit_code == 0, res.output
    fpr = re.search(r"指纹: ([0-9A-F ]{39})", res.output).group(1)
    assert fpr in run("--data-dir", bureau, "central", "identity", "show").output
    assert run("--data-dir", bureau, "central", "identity", "export-public", str(tmp_path / "b.pub")).exit_code == 0
    assert (tmp_path / "b.pub").read_text().startswith("untrusted comment:")

    res = run(
        "--data-dir",
        bureau,
        "central",
        "pack",
        "--inspector",
        key_id,
        "--county",
        "620102",
        "--not-passed",
        "town",
        "--due",
        "2026-12-20",
        "--out",
        usb,
        "--central",
        central,
    )
    assert res.exit_code == 0, res.output
    path = re.search(r"(/\S+\.fqpack)", res.output).group(1)

    res = run("--data-dir", laptop, "pack", "import", path, input="n\n")
    assert res.exit_code == 1 and fpr in res.output and "未作任何更改" in res.output
    assert "暂无任务" in run("--data-dir", laptop, "pack", "list").output
    res = run("--data-dir", laptop, "pack", "import", path, "--yes")
    assert res.exit_code == 0, res.output
    listing = run("--data-dir", laptop, "pack", "list").output
    assert "2026-12-20" in listing and "酒泉路街道退役军人服务站" in listing

    res = run("--data-dir", laptop, "--lang", "en", "pack", "import", path, "--yes")
    assert res.exit_code == 1 and "not newer" in res.output and "任务包" not in res.output
