"""Helpers shared by the command modules: output, JSON, the local store."""

from __future__ import annotations

import json
import sys
from typing import Any

import click


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


def lang() -> str:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if ctx.obj and "lang" in ctx.obj:
            return ctx.obj["lang"]
        ctx = ctx.parent
    return "zh"


def warn(text: str) -> None:
    click.echo(text, err=True)


def fail(message: str, code: int = 1) -> None:
    click.echo(f"错误: {message}" if lang() != "en" else f"error: {message}", err=True)
    sys.exit(code)


def open_local_store():
    """The laptop's store; an encrypted data directory is unlocked with FENGQIAO_PASSPHRASE or a prompt."""
    from fengqiao_desktop import config
    from fengqiao_desktop.services.store import LocalStore
    from fengqiao_desktop.storage.vault_file import has_vault

    if not has_vault(config.data_dir()):
        return LocalStore.open()
    from fengqiao_desktop.cli.keys_cmd import passphrase

    return LocalStore.open(
        passphrase=passphrase(prompt_zh="本机数据的口令", prompt_en="Passphrase of this computer's data")
    )
