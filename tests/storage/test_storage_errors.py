"""A full disk is named as such, a damaged database is a known error naming its backups.

Through the ``fengqiao`` command, as a user meets them: read-only commands included
(SQLite then says "disk I/O error" while opening the WAL), on a real small file
system (a tmpfs mounted for the test; it needs the privilege to mount) and on
damaged files made the way they are damaged in the field.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess

import pytest
from click.testing import CliRunner

from fengqiao_desktop.cli.main import cli


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env or {})


def _assert_clean(res):
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output and "sqlite3." not in res.output


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system of its own (tmpfs), unmounted afterwards."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {done.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _fill(disk, leave_kb: int = 0) -> None:
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    size = max(0, free - leave_kb * 1024)
    with open(disk / "filler", "wb") as f:
        if size:
            os.posix_fallocate(f.fileno(), 0, size)


def test_a_new_database_on_a_nearly_full_disk(small_disk):
    _fill(small_disk, leave_kb=40)
    res = run("inspection", "list", env={"FENGQIAO_DATA_DIR": str(small_disk / "data")})
    _assert_clean(res)
    assert res.output.startswith("错误: 磁盘已满")
    assert "请腾出空间后重试" in res.output


def test_read_only_commands_on_a_full_disk_say_so(small_disk):
    env = {"FENGQIAO_DATA_DIR": str(small_disk / "data")}
    assert run("demo", env=env).exit_code == 0
    _fill(small_disk)
    for args in (("inspection", "list"), ("roster", "list")):
        res = run(*args, env=env)
        _assert_clean(res)
        assert res.output.startswith("错误: 磁盘已满"), res.output
    res = run("--lang", "en", "roster", "list", env=env)
    assert res.output.startswith("error: The disk is full")
    # room again: the data is all there
    (small_disk / "filler").unlink()
    res = run("roster", "list", env=env)
    assert res.exit_code == 0 and "620102001001" in res.output


def test_a_file_write_on_a_full_disk_says_so(small_disk, monkeypatch):
    monkeypatch.setenv("FENGQIAO_PASSPHRASE", "pass-1234")
    assert run("keys", "init", "--name", "张三", "--unit", "城关区").exit_code == 0
    _fill(small_disk)
    res = run("keys", "export-public", str(small_disk / "zhang.pub"))
    _assert_clean(res)
    assert res.output.startswith("错误: 磁盘已满"), res.output


def _make_local_db(data_dir):
    res = run("demo", env={"FENGQIAO_DATA_DIR": str(data_dir)})
    assert res.exit_code == 0, res.output
    return data_dir / "inspections.sqlite3"


def _damage_schema(db):
    con = sqlite3.connect(db)
    con.execute("PRAGMA writable_schema=ON")
    con.execute("UPDATE sqlite_master SET sql='CREATE TABLE broken(' WHERE name='stations'")
    con.commit()
    con.close()


def _damage_header(db):
    data = bytearray(db.read_bytes())
    data[:16] = b"not sqlite data!"
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_damage_schema, _damage_header], ids=["schema", "header"])
def test_a_damaged_local_database_is_a_known_error_naming_the_backups(tmp_path, damage):
    data = tmp_path / "data"
    db = _make_local_db(data)
    (data / "backups").mkdir(exist_ok=True)
    damage(db)
    env = {"FENGQIAO_DATA_DIR": str(data)}
    res = run("roster", "list", env=env)
    _assert_clean(res)
    assert f"数据库文件 {db} 已损坏" in res.output
    assert f"备份文件夹 {data / 'backups'}" in res.output
    res = run("--lang", "en", "inspection", "list", env=env)
    _assert_clean(res)
    assert f"The database file {db} is damaged" in res.output and str(data / "backups") in res.output


def test_a_damaged_central_database_is_a_known_error(tmp_path):
    db = tmp_path / "central" / "central.sqlite3"
    url = f"sqlite:///{db}"
    assert run("central", "--central", url, "init").exit_code == 0
    _damage_header(db)
    res = run("central", "--central", url, "bundles")
    _assert_clean(res)
    assert f"数据库文件 {db} 已损坏" in res.output
