"""``fengqiao roster import|list`` and ``fengqiao demo``: station rosters from the command line."""

from __future__ import annotations

import sys

import click
from sqlalchemy import select

from fengqiao_desktop.cli.common import echo_json, lang
from fengqiao_desktop.domain.enums import Level
from fengqiao_desktop.errors import KnownError, RosterError


def _engine():
    from fengqiao_desktop.cli.common import open_local_store

    return open_local_store().engine


def _print_result(res, what_zh: str, what_en: str) -> None:
    if lang() == "en":
        click.echo(f"{what_en}: added {res.added}, updated {res.updated}, unchanged {res.unchanged}")
    else:
        click.echo(f"{what_zh}：新增 {res.added}，更新 {res.updated}，未变 {res.unchanged}")


@click.group("roster")
def roster() -> None:
    """Station rosters: import from CSV/XLSX, list."""


@roster.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
def import_cmd(file: str) -> None:
    """Import stations from FILE (CSV in UTF-8 / UTF-8 with BOM / GB18030, or XLSX).

    All rows or none: if any row is bad, every bad row is listed and nothing is
    imported. Stations already present are updated in place by code.
    """
    from fengqiao_desktop.roster.importer import import_roster

    engine = _engine()
    try:
        res = import_roster(engine, file)
    except RosterError as exc:
        en = lang() == "en"
        click.echo(("error: " if en else "错误: ") + exc.user_message(lang()).replace("\n", " "), err=True)
        for issue in exc.rows:
            click.echo(
                issue.text(lang()) if hasattr(issue, "text") else f"第 {issue[0]} 行, 列 {issue[1]}: {issue[2]}",
                err=True,
            )
        sys.exit(1)
    finally:
        engine.dispose()
    _print_result(res, "导入完成", "imported")


@roster.command("list")
@click.option(
    "--level", "level_text", help="city / county / town / village (or 市 / 区（县） / 街道（乡镇） / 社区（村）)."
)
@click.option("--under", "under", help="Only stations inside this code (any level), e.g. 620102.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(level_text: str | None, under: str | None, as_json: bool) -> None:
    """List stations, ordered by code."""
    from fengqiao_desktop.roster import codes
    from fengqiao_desktop.roster.columns import parse_level
    from fengqiao_desktop.roster.importer import stations_table

    level = None
    if level_text:
        level = parse_level(level_text)
        if level is None:
            raise KnownError(f"无法识别的层级“{level_text}”", message_en=f"unknown level {level_text!r}")
    prefix = None
    if under:
        try:
            root = codes.normalize_code(under)
        except codes.CodeError as exc:
            raise KnownError(exc.reason, message_en=exc.reason_en) from None
        prefix = codes.own_prefix(root)

    t = stations_table()
    stmt = select(
        t.c.code,
        t.c.name,
        t.c.level,
        t.c.parent_code,
        t.c.address,
        t.c.contact,
        t.c.phone,
        t.c.veterans_served,
        t.c.is_demo,
    ).order_by(t.c.code)
    if level is not None:
        stmt = stmt.where(t.c.level == level.value)
    if prefix:
        stmt = stmt.where(t.c.code.like(prefix + "%"))
    engine = _engine()
    try:
        with engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(stmt)]
    finally:
        engine.dispose()
    for r in rows:
        r["level"] = getattr(r["level"], "value", r["level"])
        r["is_demo"] = bool(r["is_demo"])
    if as_json:
        echo_json(rows)
        return
    en = lang() == "en"
    for r in rows:
        lvl = Level(r["level"])
        demo = (" [demo]" if en else " [演示]") if r["is_demo"] else ""
        click.echo(f"{r['code']}  {lvl.label('en' if en else 'zh')}  {r['name']}{demo}")
    click.echo((f"{len(rows)} stations" if en else f"共 {len(rows)} 个站点"), err=True)


@click.command("demo")
def demo_cmd() -> None:
    """Load the demo roster of 兰州市 (running it twice changes nothing)."""
    from fengqiao_desktop.roster.demo import load_demo

    engine = _engine()
    try:
        res = load_demo(engine)
    finally:
        engine.dispose()
    _print_result(res, "兰州市演示名册", "demo roster of Lanzhou")


def register(cli: click.Group) -> None:
    cli.add_command(roster)
    cli.add_command(demo_cmd)
