"""``fengqiao keys init|show|export-public|import-minisign``: the inspector's signing key.

The passphrase comes from ``FENGQIAO_PASSPHRASE`` or, when that is unset, a
hidden prompt (asked twice when a new passphrase is set).
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from fengqiao_desktop import config
from fengqiao_desktop.cli.common import lang


def _t(zh: str, en: str) -> str:
    return en if lang() == "en" else zh


def passphrase(*, confirm: bool = False, prompt_zh: str = "口令", prompt_en: str = "Passphrase") -> str:
    """The passphrase from FENGQIAO_PASSPHRASE, else a hidden prompt (shared with `bundle export`)."""
    env = os.environ.get(config.ENV_PASSPHRASE)
    if env:
        return env
    return click.prompt(
        _t(prompt_zh, prompt_en),
        hide_input=True,
        confirmation_prompt=_t("请再输入一次", "Repeat for confirmation") if confirm else False,
    )


def _store():
    from fengqiao_desktop.bundle.keys import KeyStore

    return KeyStore()


def _show(ks) -> None:
    pk = ks.public_key()
    prof = ks.profile()
    click.echo(_t(f"检查人员: {prof.name}（{prof.unit}）", f"Inspector: {prof.name} ({prof.unit})"))
    click.echo(_t(f"密钥 ID: {pk.key_id}", f"Key id: {pk.key_id}"))
    click.echo(_t(f"公钥: {pk.line()}", f"Public key: {pk.line()}"))


@click.group("keys")
def keys() -> None:
    """The inspector's signing key: create, show, export, import from minisign."""


@keys.command("init")
@click.option("--name", required=True, help="Inspector's name.")
@click.option("--unit", required=True, help="Inspector's unit (work place).")
@click.option("--phone", default="", help="Contact phone.")
@click.option("--force", is_flag=True, help="Replace an existing key (it is backed up).")
def init_cmd(name: str, unit: str, phone: str, force: bool) -> None:
    """Create the profile and an Ed25519 key pair, the secret key encrypted with a passphrase."""
    ks = _store()
    ks.check_init(name, unit, force=force)
    secret = passphrase(confirm=True, prompt_zh="设置口令", prompt_en="New passphrase")
    ks.init(name, unit, phone, secret, force=force)
    click.echo(_t("已创建签名密钥。", "Signing key created."))
    _show(ks)


@keys.command("show")
@click.option("--qr", "qr_png", type=click.Path(dir_okay=False), help="Also write the public key as a QR code PNG.")
def show_cmd(qr_png: str | None) -> None:
    """Show the key id and the public key (minisign one-line form)."""
    ks = _store()
    _show(ks)
    if qr_png:
        ks.public_key_qr_png(qr_png)
        click.echo(_t(f"二维码: {qr_png}", f"QR code: {qr_png}"))


@keys.command("export-public")
@click.argument("file", type=click.Path(dir_okay=False))
def export_public_cmd(file: str) -> None:
    """Write the public key as a minisign .pub file, for registration at the bureau."""
    out = _store().export_public(file)
    click.echo(str(Path(out)))


@keys.command("import-minisign")
@click.argument("secret_key_file", type=click.Path(dir_okay=False, exists=True))
@click.option("--name", default=None, help="Inspector's name (default: the current profile).")
@click.option("--unit", default=None, help="Inspector's unit (default: the current profile).")
@click.option("--phone", default=None, help="Contact phone.")
@click.option("--force", is_flag=True, help="Replace an existing, different key (it is backed up).")
def import_cmd(secret_key_file: str, name: str | None, unit: str | None, phone: str | None, force: bool) -> None:
    """Adopt a key made by `minisign -G`; it is stored re-encrypted with a passphrase."""
    from fengqiao_desktop.bundle.minisign import secret_key_is_encrypted

    text = Path(secret_key_file).read_text(encoding="utf-8", errors="replace")
    env = os.environ.get(config.ENV_PASSPHRASE)
    try:
        encrypted = secret_key_is_encrypted(text)
    except Exception:  # noqa: BLE001 - import_minisign gives the proper message below
        encrypted = False
    source = None
    if encrypted:
        source = env or passphrase(prompt_zh="minisign 私钥的口令", prompt_en="Passphrase of the minisign key")
    new = env or click.prompt(
        _t("保存用的新口令（回车沿用原口令）", "New passphrase for storing (Enter: keep)"),
        hide_input=True,
        default="",
        show_default=False,
        confirmation_prompt=_t("请再输入一次", "Repeat for confirmation"),
    )
    ks = _store()
    ks.import_minisign(
        secret_key_file, source, new_passphrase=new or None, name=name, unit=unit, phone=phone, force=force
    )
    click.echo(_t("已导入签名密钥。", "Signing key imported."))
    _show(ks)


def register(cli: click.Group) -> None:
    cli.add_command(keys)
