"""``fengqiao sheet INSPECTION_ID -o FILE.pdf`` and ``fengqiao sheet check TEXT``.

``sheet`` both takes an inspection id and has a ``check`` sub-command. The group
below reads its first word: ``check`` runs the check, anything else is the
inspection to print (``sheet print ID`` is the same command, spelled out). An
inspection id is a UUID, so it can never be the word ``check``.
"""

from __future__ import annotations

from contextlib import contextmanager

import click

from fengqiao_desktop.cli.common import echo_json, lang


def _t(zh: str, en: str) -> str:
    return en if lang() == "en" else zh


class _SheetGroup(click.Group):
    """A group whose default sub-command is ``print``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["print", *args]
        return super().parse_args(ctx, args)


@click.group("sheet", cls=_SheetGroup)
def sheet() -> None:
    """The on-site score sheet (PDF): `sheet INSPECTION_ID -o FILE.pdf`, `sheet check TEXT`."""


@sheet.command("print")
@click.argument("inspection_id")
@click.option(
    "-o", "--output", "output", required=True, type=click.Path(dir_okay=False), help="Where to write the PDF."
)
@click.option(
    "--central",
    metavar="URL",
    default=None,
    help="Read the inspection from the central database at this SQLAlchemy URL "
    "(a bureau reprinting a sheet) instead of the local one.",
)
@click.option(
    "--lang",
    "sheet_lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Language of the sheet (default: the interface language, --lang of fengqiao).",
)
def print_sheet(inspection_id: str, output: str, central: str | None, sheet_lang: str | None) -> None:
    """Write the score sheet of INSPECTION_ID (its current revision) to a PDF file."""
    from fengqiao_desktop.services.sheet import write_sheet

    with _local(central) as store:
        pages = write_sheet(inspection_id, output, central=central, store=store, lang=sheet_lang or lang())
    click.echo(_t(f"已写入评分表 {output}（{pages} 页）", f"score sheet written to {output} ({pages} pages)"))


@sheet.command("check")
@click.argument("text")
@click.option(
    "--central",
    metavar="URL",
    default=None,
    help="Check against the central database at this SQLAlchemy URL instead of the local one.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def check(text: str, central: str | None, as_json: bool) -> None:
    """Say whether a printed sheet's proof (its QR code or footer line) matches the database.

    Exit status 0 when it matches the current or an older revision, 1 otherwise.
    """
    from fengqiao_desktop.services.sheet import check_sheet

    with _local(central) as store:
        result = check_sheet(text, central=central, store=store)
    if as_json:
        echo_json(
            {
                "status": result.status,
                "ok": result.ok,
                "inspection_id": result.proof.inspection_id,
                "revision": result.proof.revision,
                "current_revision": result.current_revision,
                "station": result.station_name,
                "message": result.message(lang()),
            }
        )
    else:
        click.echo(result.message(lang()))
    if not result.ok:
        raise SystemExit(1)


@contextmanager
def _local(central: str | None):
    """This computer's local store (the data folder's), unless the central database is asked for."""
    if central is not None:
        yield None
        return
    from fengqiao_desktop.cli.common import open_local_store

    with open_local_store() as store:
        yield store


def register(cli: click.Group) -> None:
    cli.add_command(sheet)
