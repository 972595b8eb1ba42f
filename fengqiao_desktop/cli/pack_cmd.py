"""Task packs on the command line.

Bureau: ``fengqiao central identity init|show|export-public`` (the bureau's
signing key) and ``fengqiao central pack --inspector KEY_ID ... --out DIR``.
Laptop: ``fengqiao pack import FILE [--yes]`` (prints the bureau key's
fingerprint and asks on the first pack; ``--yes`` accepts it, for scripts).
The passphrase comes from ``FENGQIAO_PASSPHRASE`` or a hidden prompt.
"""

from __future__ import annotations

from datetime import datetime

import click

from fengqiao_desktop.cli.central_cmd import central, central_option
from fengqiao_desktop.cli.common import lang
from fengqiao_desktop.cli.keys_cmd import passphrase


def _t(zh: str, en: str) -> str:
    return en if lang() == "en" else zh


def _url() -> str | None:
    return (click.get_current_context().find_root().obj or {}).get("central")


def _show(idn) -> None:
    click.echo(_t(f"县局: {idn.name}（{idn.unit}）", f"Bureau: {idn.name} ({idn.unit})"))
    click.echo(_t(f"密钥 ID: {idn.key_id}", f"Key id: {idn.key_id}"))
    click.echo(_t(f"指纹: {idn.fingerprint}", f"Fingerprint: {idn.fingerprint}"))
    click.echo(_t(f"公钥: {idn.public_key}", f"Public key: {idn.public_key}"))


@central.group("identity")
def identity_group() -> None:
    """The bureau's own signing key (signs task packs)."""


@identity_group.command("init")
@click.option("--name", required=True, help="The bureau's name, e.g. 城关区退役军人事务局.")
@click.option("--unit", required=True, help="Its parent body or region.")
@click.option("--force", is_flag=True, help="Replace an existing key (laptops will refuse packs it signs).")
def identity_init(name: str, unit: str, force: bool) -> None:
    """Create the bureau's Ed25519 key pair, the secret key encrypted with a passphrase."""
    from fengqiao_desktop.packs.identity import BureauKeyStore
    from fengqiao_desktop.services import packs

    ks = BureauKeyStore()
    ks.check_init(name, unit, force=force)
    secret = passphrase(confirm=True, prompt_zh="设置口令", prompt_en="New passphrase")
    _show(packs.init_bureau_identity(name, unit, secret, force=force, keystore=ks))


@identity_group.command("show")
def identity_show() -> None:
    """Print the bureau's key id, fingerprint and public key."""
    from fengqiao_desktop.services import packs

    _show(packs.bureau_identity())


@identity_group.command("export-public")
@click.argument("file", type=click.Path(dir_okay=False))
def identity_export(file: str) -> None:
    """Write the bureau's public key (minisign .pub) to FILE."""
    from fengqiao_desktop.packs.identity import BureauKeyStore

    out = BureauKeyStore().export_public(file)
    click.echo(_t(f"已写入 {out}", f"written: {out}"))


@central.command("pack")
@click.option("--inspector", "inspector_key_id", required=True, metavar="KEY_ID",
              help="The inspector's key id (from the trust store).")
@click.option("--county", "counties", multiple=True, metavar="CODE",
              help="Send the roster of this county only (repeatable; default: the whole roster).")
@click.option("--station", "stations", multiple=True, metavar="CODE", help="Assign this station (repeatable).")
@click.option("--not-passed", "not_passed_level", type=click.Choice(["county", "town", "village"]),
              help="Also assign every station of this level in the counties that is not yet 示范型达标.")
@click.option("--due", type=click.DateTime(formats=["%Y-%m-%d"]), help="Due date (YYYY-MM-DD).")
@click.option("--note", default="", help="A note for the inspector.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write the pack to.")
@central_option
def pack_cmd(inspector_key_id: str, counties: tuple[str, ...], stations: tuple[str, ...],
             not_passed_level: str | None, due: datetime | None, note: str, out_dir: str) -> None:
    """Build a task pack for one inspector, signed with the bureau key."""
    from fengqiao_desktop.packs.build import PackRequest
    from fengqiao_desktop.services import packs

    chosen = list(stations)
    if not_passed_level:
        chosen += packs.unfinished_stations(counties, not_passed_level, url=_url())
    req = PackRequest(inspector_key_id=inspector_key_id.upper(), counties=counties, stations=chosen,
                      due_date=due.date() if due else None, note=note)
    secret = passphrase(prompt_zh="县局密钥口令", prompt_en="Bureau key passphrase")
    vp = packs.build_pack(req, out_dir, secret, url=_url())
    c = vp.manifest["counts"]
    click.echo(_t(f"任务包已写入并校验：{vp.path}\n序号 {vp.sequence}；站点 {c['stations']}，表单 {c['forms']}，"
                  f"任务 {c['assignments']}，待回头看问题 {c['findings']}，退回检查 {c['returned']}",
                  f"task pack written and verified: {vp.path}\nnumber {vp.sequence}; {c['stations']} stations, "
                  f"{c['forms']} forms, {c['assignments']} assignments, {c['findings']} findings to re-check, "
                  f"{c['returned']} returned inspections"))


@click.group("pack")
def pack_group() -> None:
    """Task packs from the bureau (on the inspector's laptop)."""


@pack_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("--yes", is_flag=True, help="Accept the bureau key's fingerprint without asking (scripts).")
def pack_import(file: str, yes: bool) -> None:
    """Verify FILE and apply it in one transaction (nothing changes on any refusal)."""
    from fengqiao_desktop.services import packs
    from fengqiao_desktop.services.store import LocalStore

    with LocalStore.open() as store:
        p = packs.check_pack(store, file)
        click.echo(_t(f"县局: {p.bureau_name}\n县局密钥 {p.bureau_key_id} 指纹: {p.fingerprint}",
                      f"Bureau: {p.bureau_name}\nbureau key {p.bureau_key_id} fingerprint: {p.fingerprint}"))
        if p.first_use:
            click.echo(_t("这是本机收到的第一个任务包：请与县局核对上面的指纹，一致后才能导入。",
                          "This is the first task pack on this laptop: compare the fingerprint above with "
                          "the bureau's before importing."))
            if not yes and not click.confirm(_t("指纹与县局提供的一致吗？", "Does the fingerprint match?"),
                                             default=False):
                click.echo(_t("未导入，未作任何更改。", "Not imported; nothing was changed."))
                raise SystemExit(1)
        packs.apply_pack(store, file, confirmed_fingerprint=p.fingerprint if p.first_use else None)
        click.echo(_t(f"已导入第 {p.sequence} 号任务包：站点 {p.stations}，表单 {p.forms}，任务 {p.assignments}，"
                      f"待回头看问题 {p.findings}，退回检查 {p.returned}",
                      f"imported task pack number {p.sequence}: {p.stations} stations, {p.forms} forms, "
                      f"{p.assignments} assignments, {p.findings} findings to re-check, "
                      f"{p.returned} returned inspections"))


@pack_group.command("list")
def pack_tasks() -> None:
    """The inspector's assignments (我的任务), soonest due first."""
    from fengqiao_desktop.services import packs
    from fengqiao_desktop.services.store import LocalStore

    with LocalStore.open() as store:
        rows = packs.assignments(store)
    if not rows:
        click.echo(_t("暂无任务", "no assignments"))
    for r in rows:
        due = r.due_date.isoformat() if r.due_date else "-"
        flag = _t("  逾期", "  OVERDUE") if r.overdue else ""
        click.echo(f"{due}  {r.station_code}  {r.station_name}  {','.join(r.form_ids)}  {r.state}{flag}")


def register(cli: click.Group) -> None:
    cli.add_command(pack_group)
