"""``fengqiao keys ...`` end to end, with the passphrase from FENGQIAO_PASSPHRASE."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from fengqiao_desktop.bundle import KeyStore, PublicKey
from fengqiao_desktop.bundle.minisign import FAST_KDF, SecretKey
from fengqiao_desktop.cli.main import cli


def run(*args, env=None, input=None):
    return CliRunner().invoke(cli, list(args), env=env or {}, input=input, catch_exceptions=False)


def test_init_show_export(tmp_path, monkeypatch):
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", "pass-1234")
    res = run("keys", "init", "--name", "张三", "--unit", "城关区退役军人事务局", "--phone", "13800000000")
    assert res.exit_code == 0, res.output
    key_id = re.search(r"[0-9A-F]{16}", res.output).group(0)
    show = run("keys", "show")
    assert key_id in show.output and re.search(r"RW[A-Za-z0-9+/]{54}", show.output)
    out = tmp_path / "z.pub"
    assert run("keys", "export-public", str(out)).exit_code == 0
    assert PublicKey.load(out).key_id == key_id
    assert KeyStore().load_secret("pass-1234").key_id == key_id


def test_init_twice_refused_then_forced(monkeypatch):
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", "pass-1234")
    KeyStore().init("张三", "城关区", "", "pass-1234", kdf=FAST_KDF)
    res = CliRunner().invoke(cli, ["keys", "init", "--name", "李四", "--unit", "七里河区"])
    assert res.exit_code == 1 and "--force" in res.output
    res = run("keys", "init", "--name", "李四", "--unit", "七里河区", "--force")
    assert res.exit_code == 0 and KeyStore().profile().name == "李四"


def test_init_prompts_twice_without_env(monkeypatch):
    monkeypatch.delenv("FENGQIAO_PASSPHRASE", raising=False)
    res = run("keys", "init", "--name", "张三", "--unit", "城关区", input="typed pass\ntyped pass\n")
    assert res.exit_code == 0, res.output
    KeyStore().load_secret("typed pass")


def test_show_without_key_is_one_clear_line():
    res = CliRunner().invoke(cli, ["--lang", "en", "keys", "show"])
    assert res.exit_code == 1
    assert "keys init" in res.output and "Traceback" not in res.output


def test_import_minisign_wrong_passphrase(tmp_path, monkeypatch):
    f = tmp_path / "k.key"
    f.write_text(SecretKey.generate().encrypted_file_text("right", FAST_KDF))
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", "wrong")
    res = CliRunner().invoke(cli, ["keys", "import-minisign", str(f), "--name", "张三", "--unit", "城关区"])
    assert res.exit_code == 1 and "口令错误" in res.output
    assert not KeyStore().exists()


@pytest.mark.skipif(shutil.which("minisign") is None, reason="minisign is not installed")
def test_import_key_from_stock_minisign(tmp_path, monkeypatch):
    subprocess.run(
        ["minisign", "-G", "-W", "-p", "k.pub", "-s", "k.key"], cwd=tmp_path, check=True, capture_output=True
    )
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", "store-pass")
    res = run("keys", "import-minisign", str(tmp_path / "k.key"), "--name", "王五", "--unit", "西固区")
    assert res.exit_code == 0, res.output
    assert PublicKey.load(tmp_path / "k.pub").key_id in res.output
    assert KeyStore().load_secret("store-pass").public == PublicKey.load(tmp_path / "k.pub")
