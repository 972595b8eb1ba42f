"""``FENGQIAO_LANG`` chooses the language of CLI messages, like ``FENGQIAO_DATA_DIR``; ``--lang`` wins."""

from __future__ import annotations

from click.testing import CliRunner

from fengqiao_desktop.cli.main import cli


def run(args, env):
    return CliRunner().invoke(cli, args, env=env)


def test_default_is_chinese():
    res = run(["keys", "show"], {})
    assert res.exit_code == 1
    assert res.output.startswith("错误: ") and "fengqiao keys init" in res.output


def test_env_lang_english():
    res = run(["keys", "show"], {"FENGQIAO_LANG": "en"})
    assert res.exit_code == 1
    assert res.output.startswith("error: no signing key")
    assert "错误" not in res.output


def test_env_lang_reaches_sub_commands(tmp_path):
    # a command that reads the language through cli.common.lang()
    url = f"sqlite:///{tmp_path}/central.db"
    res = run(["central", "--central", url, "init"], {"FENGQIAO_LANG": "en"})
    assert res.exit_code == 0 and res.output.startswith("central database: ")
    res = run(["central", "--central", url, "init"], {})
    assert res.output.startswith("中心库：")


def test_option_wins_over_env():
    res = run(["--lang", "zh", "keys", "show"], {"FENGQIAO_LANG": "en"})
    assert res.output.startswith("错误: ")
    res = run(["--lang", "en", "keys", "show"], {"FENGQIAO_LANG": "zh"})
    assert res.output.startswith("error: ")


def test_unknown_env_value_is_a_usage_error_naming_the_variable():
    res = run(["keys", "show"], {"FENGQIAO_LANG": "fr"})
    assert res.exit_code == 2 and "'fr'" in res.output
