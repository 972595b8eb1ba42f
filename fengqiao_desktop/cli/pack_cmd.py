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
    if idn.age_recipient:
        from fengqiao_desktop.bundle.agecrypt import recipient_fingerprint

        click.echo(_t(f"加密公钥 (age): {idn.age_recipient}", f"Encryption key (age): {idn.age_recipient}"))
        click.echo(
            _t(
                f"加密公钥指纹: {recipient_fingerprint(idn.age_recipient)}",
                f"Encryption key fingerprint: {recipient_fingerprint(idn.age_recipient)}",
            )
        )
    else:
        click.echo(
            _t(
                "加密公钥 (age): 尚未创建（下次制作任务包时创建）",
                "Encryption key (age): not made yet (made with the next task pack)",
            )
        )


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


@identity_group.command("export-secret")
@click.option(
    "--age",
    "age_file",
    required=True,
    type=click.Path(dir_okay=False),
    help="Write the bureau's age identity, IN CLEAR, to this file.",
)
def identity_export_secret(age_file: str) -> None:
    """Write the bureau's age identity in clear (for escrow or `age -d -i FILE`); keep it safe."""
    from fengqiao_desktop.packs.identity import BureauKeyStore

    secret = passphrase(prompt_zh="县局密钥口令", prompt_en="Bureau key passphrase")
    out = BureauKeyStore().export_age_secret(age_file, secret)
    click.echo(
        _t(
            f"已写入 {out}（未加密的私钥：请妥善保管，用后删除）",
            f"written: {out} (an UNENCRYPTED secret key: keep it safe, delete it after use)",
        )
    )


@identity_group.command("add-recipient")
@click.argument("recipient")
@click.option("--name", required=True, help="Who holds it, e.g. 兰州市退役军人事务局.")
def identity_add_recipient(recipient: str, name: str) -> None:
    """Also encrypt bundles to RECIPIENT (age1…, e.g. the city bureau); sent with the next packs."""
    from fengqiao_desktop.bundle.agecrypt import recipient_fingerprint
    from fengqiao_desktop.packs.identity import BureauKeyStore

    e = BureauKeyStore().add_recipient(recipient, name)
    click.echo(
        _t(
            f"已添加托管接收方 {e['name']}: {e['recipient']}（指纹 {recipient_fingerprint(e['recipient'])}）；"
            "随下一个任务包发给检查员",
            f"escrow recipient added: {e['name']}: {e['recipient']} (fingerprint "
            f"{recipient_fingerprint(e['recipient'])}); laptops learn it from the next task pack",
        )
    )


@identity_group.command("remove-recipient")
@click.argument("recipient")
def identity_remove_recipient(recipient: str) -> None:
    """Stop encrypting to an escrow RECIPIENT (from the next task pack on)."""
    from fengqiao_desktop.packs.identity import BureauKeyStore

    if not BureauKeyStore().remove_recipient(recipient):
        raise click.ClickException(_t("没有这个托管接收方", "no such escrow recipient"))
    click.echo(_t("已移除", "removed"))


@identity_group.command("recipients")
def identity_recipients() -> None:
    """List what laptops encrypt to: the bureau's own age key, then the escrow recipients."""
    from fengqiao_desktop.bundle.agecrypt import recipient_fingerprint
    from fengqiao_desktop.packs.identity import BureauKeyStore

    ks = BureauKeyStore()
    own = ks.age_recipient()
    if own:
        click.echo(f"{own}  {recipient_fingerprint(own)}  " + _t("本局", "this bureau"))
    for e in ks.escrow_recipients():
        click.echo(f"{e['recipient']}  {recipient_fingerprint(e['recipient'])}  {e['name']}")
    state = ks.require_encryption()
    click.echo(_t(f"要求加密: {'是' if state else '否'}", f"Require encryption: {'yes' if state else 'no'}"))


@identity_group.command("require-encryption")
@click.argument("state", type=click.Choice(["on", "off"]))
def identity_require_encryption(state: str) -> None:
    """Refuse plaintext (unencrypted) bundles on import: on (default once the bureau has an age key) or off."""
    from fengqiao_desktop.packs.identity import BureauKeyStore

    BureauKeyStore().set_require_encryption(state == "on")
    click.echo(
        _t(f"要求加密: {'是' if state == 'on' else '否'}", f"Require encryption: {'yes' if state == 'on' else 'no'}")
    )


@central.command("pack")
@click.option(
    "--inspector",
    "inspector_key_id",
    required=True,
    metavar="KEY_ID",
    help="The inspector's key id (from the trust store).",
)
@click.option(
    "--county",
    "counties",
    multiple=True,
    metavar="CODE",
    help="Send the roster of this county only (repeatable; default: the whole roster).",
)
@click.option("--station", "stations", multiple=True, metavar="CODE", help="Assign this station (repeatable).")
@click.option(
    "--not-passed",
    "not_passed_level",
    type=click.Choice(["county", "town", "village"]),
    help="Also assign every station of this level in the counties that is not yet 示范型达标.",
)
@click.option("--due", type=click.DateTime(formats=["%Y-%m-%d"]), help="Due date (YYYY-MM-DD).")
@click.option("--note", default="", help="A note for the inspector.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write the pack to.")
@central_option
def pack_cmd(
    inspector_key_id: str,
    counties: tuple[str, ...],
    stations: tuple[str, ...],
    not_passed_level: str | None,
    due: datetime | None,
    note: str,
    out_dir: str,
) -> None:
    """Build a task pack for one inspector, signed with the bureau key."""
    from fengqiao_desktop.packs.build import PackRequest
    from fengqiao_desktop.services import packs

    chosen = list(stations)
    if not_passed_level:
        chosen += packs.unfinished_stations(counties, not_passed_level, url=_url())
    req = PackRequest(
        inspector_key_id=inspector_key_id.upper(),
        counties=counties,
        stations=chosen,
        due_date=due.date() if due else None,
        note=note,
    )
    secret = passphrase(prompt_zh="县局密钥口令", prompt_en="Bureau key passphrase")
    vp = packs.build_pack(req, out_dir, secret, url=_url())
    c = vp.manifest["counts"]
    click.echo(
        _t(
            f"任务包已写入并校验：{vp.path}\n序号 {vp.sequence}；站点 {c['stations']}，表单 {c['forms']}，"
            f"任务 {c['assignments']}，待回头看问题 {c['findings']}，退回检查 {c['returned']}",
            f"task pack written and verified: {vp.path}\nnumber {vp.sequence}; {c['stations']} stations, "
            f"{c['forms']} forms, {c['assignments']} assignments, {c['findings']} findings to re-check, "
            f"{c['returned']} returned inspections",
        )
    )


@click.group("pack")
def pack_group() -> None:
    """Task packs from the bureau (on the inspector's laptop)."""


@pack_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
@click.option("--yes", is_flag=True, help="Accept the bureau key's fingerprint without asking (scripts).")
def pack_import(file: str, yes: bool) -> None:
    """Verify FILE and apply it in one transaction (nothing changes on any refusal)."""
    from fengqiao_desktop.cli.common import open_local_store
    from fengqiao_desktop.services import packs

    with open_local_store() as store:
        p = packs.check_pack(store, file)
        click.echo(
            _t(
                f"县局: {p.bureau_name}\n县局密钥 {p.bureau_key_id} 指纹: {p.fingerprint}",
                f"Bureau: {p.bureau_name}\nbureau key {p.bureau_key_id} fingerprint: {p.fingerprint}",
            )
        )
        if p.first_use:
            click.echo(
                _t(
                    "这是本机收到的第一个任务包：请与县局核对上面的指纹，一致后才能导入。",
                    "This is the first task pack on this laptop: compare the fingerprint above with "
                    "the bureau's before importing.",
                )
            )
            if not yes and not click.confirm(
                _t("指纹与县局提供的一致吗？", "Does the fingerprint match?"), default=False
            ):
                click.echo(_t("未导入，未作任何更改。", "Not imported; nothing was changed."))
                raise SystemExit(1)
        packs.apply_pack(store, file, confirmed_fingerprint=p.fingerprint if p.first_use else None)
        click.echo(
            _t(
                f"已导入第 {p.sequence} 号任务包：站点 {p.stations}，表单 {p.forms}，任务 {p.assignments}，"
                f"待回头看问题 {p.findings}，退回检查 {p.returned}",
                f"imported task pack number {p.sequence}: {p.stations} stations, {p.forms} forms, "
                f"{p.assignments} assignments, {p.findings} findings to re-check, "
                f"{p.returned} returned inspections",
            )
        )


@pack_group.command("list")
def pack_tasks() -> None:
    """The inspector's assignments (我的任务), soonest due first."""
    from fengqiao_desktop.cli.common import open_local_store
    from fengqiao_desktop.services import packs

    with open_local_store() as store:
        rows = packs.assignments(store)
    if not rows:
        click.echo(_t("暂无任务", "no assignments"))
    for r in rows:
        due = r.due_date.isoformat() if r.due_date else "-"
        flag = _t("  逾期", "  OVERDUE") if r.overdue else ""
        click.echo(f"{due}  {r.station_code}  {r.station_name}  {','.join(r.form_ids)}  {r.state}{flag}")


@click.group("bureau-recipient")
def recipient_group() -> None:
    """The bureau's encryption keys (age1…) this laptop encrypts bundles to."""


@recipient_group.command("add")
@click.argument("recipient")
@click.option("--yes", is_flag=True, help="Accept the fingerprint without asking (scripts).")
def recipient_add(recipient: str, yes: bool) -> None:
    """Add the bureau's RECIPIENT by hand (it normally comes with a task pack)."""
    from fengqiao_desktop.cli.common import open_local_store
    from fengqiao_desktop.services import recipients

    view = recipients.check_recipient(recipient)
    click.echo(_t(f"指纹: {view.fingerprint}", f"Fingerprint: {view.fingerprint}"))
    if not yes and not click.confirm(
        _t("指纹与县局提供的一致吗？", "Does the fingerprint match the bureau's?"), default=False
    ):
        click.echo(_t("未添加。", "Not added."))
        raise SystemExit(1)
    with open_local_store() as store:
        recipients.add_bureau_recipient(store, view.recipient, confirmed_fingerprint=view.fingerprint)
    click.echo(
        _t("已添加：此后导出的数据包将加密给县局", "added: bundles exported from now on are encrypted for the bureau")
    )


@recipient_group.command("list")
def recipient_list() -> None:
    """The bureau's encryption keys known on this laptop."""
    from fengqiao_desktop.cli.common import open_local_store
    from fengqiao_desktop.services import recipients

    with open_local_store() as store:
        views = recipients.recipient_views(store)
    if not views:
        click.echo(
            _t(
                "尚无县局的加密公钥：导出的数据包不会加密",
                "no bureau encryption key yet: bundles are exported unencrypted",
            )
        )
    for v in views:
        click.echo(f"{v.recipient}  {v.fingerprint}")


@recipient_group.command("remove")
@click.argument("recipient")
def recipient_remove(recipient: str) -> None:
    """Forget one of the bureau's encryption keys."""
    from fengqiao_desktop.cli.common import open_local_store
    from fengqiao_desktop.services import recipients

    with open_local_store() as store:
        if not recipients.remove_bureau_recipient(store, recipient):
            raise click.ClickException(_t("本机没有这个加密公钥", "no such key on this laptop"))
    click.echo(_t("已移除", "removed"))


def register(cli: click.Group) -> None:
    cli.add_command(pack_group)
    cli.add_command(recipient_group)
