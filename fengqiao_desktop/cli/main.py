"""Root of the ``fengqiao`` command: global options, error handling, sub-command registry."""

from __future__ import annotations

import importlib
import logging
import sys

import click
from sqlalchemy.exc import DBAPIError

from fengqiao_desktop import __version__, config
from fengqiao_desktop.errors import KnownError
from fengqiao_desktop.storage.cipher import DRIVER_ERRORS
from fengqiao_desktop.storage.db import known_storage_error

# Each module defines ``register(group)`` adding its commands to the root group.
_COMMAND_MODULES = [
    "forms_cmd",
    "roster_cmd",
    "inspection_cmd",
    "keys_cmd",
    "bundle_cmd",
    "central_cmd",
    "sheet_cmd",
    "report_cmd",
    "pack_cmd",
    "data_cmd",
]


_ENVIRONMENT_ERRORS: tuple[type[Exception], ...] = (OSError, *DRIVER_ERRORS, DBAPIError)


class _Root(click.Group):
    """Turns known errors into one line on stderr and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KnownError as exc:
            lang = (ctx.obj or {}).get("lang", "zh")
            text = exc.user_message(lang).replace("\n", " ")
            click.echo(("错误: " if lang != "en" else "error: ") + text, err=True)
            ctx.exit(1)
        except _ENVIRONMENT_ERRORS as exc:
            lang = (ctx.obj or {}).get("lang", "zh")
            known = known_storage_error(exc)  # a full disk, a damaged database: named as such
            if known is not None:
                click.echo(
                    ("错误: " if lang != "en" else "error: ") + known.user_message(lang).replace("\n", " "), err=True
                )
                ctx.exit(1)
            if not isinstance(exc, OSError):
                raise
            # permissions, missing files: the user can act on these
            where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
            prefix = "错误: 文件操作失败" if lang != "en" else "error: file operation failed"
            click.echo(f"{prefix}{where}: {exc.strerror or exc}", err=True)
            ctx.exit(1)


@click.group(cls=_Root, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="fengqiao")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    envvar=config.ENV_DATA_DIR,
    help="Data directory (default: the platform's user data dir; env FENGQIAO_DATA_DIR).",
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"], case_sensitive=False),
    default="zh",
    show_default=True,
    envvar=config.ENV_LANG,
    help="Language of messages (env FENGQIAO_LANG).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log debug output to stderr.")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, lang: str, verbose: bool) -> None:
    """Fengqiao: offline inspections of veterans' service centers and stations."""
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang.lower()
    if data_dir:
        config.set_data_dir(data_dir)
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, stream=sys.stderr)


for _name in _COMMAND_MODULES:
    try:
        _mod = importlib.import_module(f"fengqiao_desktop.cli.{_name}")
    except ModuleNotFoundError as _exc:  # a command module not written yet
        if _exc.name != f"fengqiao_desktop.cli.{_name}":
            raise
        continue
    _mod.register(cli)


def main() -> None:
    """Console entry point: usage errors exit 1 too (the contract: 0 success, 1 user error)."""
    try:
        rv = cli.main(prog_name="fengqiao", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("已取消 / aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(1)
    sys.exit(rv if isinstance(rv, int) else 0)
