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
