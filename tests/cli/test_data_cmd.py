"""``fengqiao data encrypt``, and every local-data command on an encrypted data directory."""

from __future__ import annotations

import json

from click.testing import CliRunner

from fengqiao_desktop.cli.main import cli
from fengqiao_desktop.services.store import DB_NAME
from fengqiao_desktop.storage.cipher import file_kind

PASS = "cli passphrase 2026"


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env or {})


def test_encrypt_then_the_commands_need_the_passphrase(data_dir):
    assert run("demo").exit_code == 0
    before = json.loads(run("roster", "list", "--json").stdout)

    res = run("--lang", "en", "data", "encrypt", env={"FENGQIAO_PASSPHRASE": PASS})
    assert res.exit_code == 0, res.output
    assert f"Encrypted: {data_dir}" in res.output and "backups" in res.output
    assert file_kind(data_dir / DB_NAME) == "encrypted"

    # the same listing, unlocked from the environment
    listed = run("roster", "list", "--json", env={"FENGQIAO_PASSPHRASE": PASS})
    assert listed.exit_code == 0 and json.loads(listed.stdout) == before
    # a wrong passphrase: one clear line, no traceback
    wrong = run("--lang", "en", "roster", "list", env={"FENGQIAO_PASSPHRASE": "not it"})
    assert wrong.exit_code == 1
    assert "Wrong passphrase" in wrong.output and "Traceback" not in wrong.output
    again = run("--lang", "en", "data", "encrypt", env={"FENGQIAO_PASSPHRASE": PASS})
    assert again.exit_code == 0 and "already encrypted" in again.output


def test_encrypt_needs_the_signing_key_passphrase_when_there_is_a_key(data_dir):
    env = {"FENGQIAO_PASSPHRASE": "the key passphrase"}
    assert run("keys", "init", "--name", "张三", "--unit", "城关区退役军人事务局", env=env).exit_code == 0
    res = run("--lang", "en", "data", "encrypt", env={"FENGQIAO_PASSPHRASE": "another passphrase"})
    assert res.exit_code == 1 and "passphrase" in res.output.lower()
    assert not (data_dir / "vault.age").exists()
    assert run("data", "encrypt", env=env).exit_code == 0
    assert (data_dir / "vault.age").exists()
