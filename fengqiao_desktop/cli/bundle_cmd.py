"""``fengqiao bundle export|verify|show``: write, check and inspect signed bundles (.fqbundle).

``verify`` needs the signer's public key (``--pubkey``, a one-line key or a
.pub file, repeatable) or a directory of trusted .pub files (``--trust``).
``show`` reads the bundle structurally and says plainly that the signature was
not checked unless ``--pubkey``/``--trust`` is given.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import click

from fengqiao_desktop.cli.common import echo_json, lang


def _t(zh: str, en: str) -> str:
    return en if lang() == "en" else zh


def _trusted(pubkeys: tuple[str, ...], trust_dir: str | None) -> dict | None:
    from fengqiao_desktop.bundle.minisign import PublicKey
    from fengqiao_desktop.bundle.verifier import load_trusted_keys

    if not pubkeys and not trust_dir:
        return None
    keys = {}
    for item in pubkeys:
        pk = PublicKey.load(item) if Path(item).is_file() else PublicKey.from_text(item)
        keys[pk.key_id] = pk
    if trust_dir:
        if not Path(trust_dir).is_dir():
            raise click.UsageError(_t(f"不是目录：{trust_dir}", f"not a directory: {trust_dir}"))
        keys.update(load_trusted_keys(trust_dir))
    return keys


def _summary_lines(vb) -> list[str]:
    insp = vb.inspector
    if lang() == "en":
        return [
            f"bundle {vb.bundle_id}  sequence {vb.sequence}  device {vb.device_id}",
            f"signer {insp['name']} ({insp['unit']}) key {vb.key_id}",
            f"created {vb.manifest['created_at']}; {len(vb.inspections)} inspections, "
            f"{len(vb.photos)} photos, {len(vb.forms)} forms",
        ]
    return [
        f"数据包 {vb.bundle_id}  序号 {vb.sequence}  设备 {vb.device_id}",
        f"签名人 {insp['name']}（{insp['unit']}）密钥 {vb.key_id}",
        f"创建于 {vb.manifest['created_at']}；检查记录 {len(vb.inspections)} 条，"
        f"照片 {len(vb.photos)} 张，表单 {len(vb.forms)} 个",
    ]


def _identities(identity_file: str) -> list:
    """age identities from a file in age's own format (``AGE-SECRET-KEY-1…`` lines, ``#`` comments)."""
    from pyrage import IdentityError, x25519

    from fengqiao_desktop.errors import KeyError_

    out = []
    for line in Path(identity_file).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            try:
                out.append(x25519.Identity.from_str(line))
            except IdentityError:
                raise KeyError_(
                    f"不是 age 私钥文件：{identity_file}", message_en=f"not an age identity file: {identity_file}"
                ) from None
    return out


@contextlib.contextmanager
def _opened(file: str, identity_file: str | None):
    """The bundle to verify: FILE itself (v1), or its inner zip decrypted into a private temp file (v2)."""
    from fengqiao_desktop.bundle import agecrypt

    if agecrypt.sniff(file) != agecrypt.V2:
        yield file
        return
    if not identity_file:
        raise click.UsageError(
            _t(
                "这是加密数据包：请用 --age-identity 指定解密密钥文件"
                "（fengqiao central identity export-secret --age 写出的文件）",
                "this bundle is encrypted: give the decryption key file with --age-identity "
                "(as written by `fengqiao central identity export-secret --age`)",
            )
        )
    with agecrypt.decrypted(file, _identities(identity_file)) as inner:
        yield str(inner)


_AGE_OPTION = click.option(
    "--age-identity",
    "identity_file",
    type=click.Path(dir_okay=False, exists=True),
    help="age identity file to open an encrypted (v2) bundle.",
)


@click.group("bundle")
def bundle() -> None:
    """Signed bundles: export, verify and inspect."""


@bundle.command("verify")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--pubkey",
    "pubkeys",
    multiple=True,
    metavar="KEY_OR_FILE",
    help="Signer's public key: the one-line minisign key or a .pub file (repeatable).",
)
@click.option("--trust", "trust_dir", type=click.Path(file_okay=False), help="Directory of trusted .pub files.")
@_AGE_OPTION
def verify_cmd(file: str, pubkeys: tuple[str, ...], trust_dir: str | None, identity_file: str | None) -> None:
    """Verify FILE: signature, manifest and every member. Exit 1 naming the problem."""
    from fengqiao_desktop.bundle.verifier import verify_bundle

    keys = _trusted(pubkeys, trust_dir)
    if keys is None:
        raise click.UsageError(
            _t("请用 --pubkey 或 --trust 指定可信公钥", "give the trusted key(s) with --pubkey or --trust")
        )
    with _opened(file, identity_file) as target:
        vb = verify_bundle(target, public_keys=keys)
    lines = _summary_lines(vb)
    click.echo(_t("校验通过 OK: ", "OK: ") + lines[0])
    for line in lines[1:]:
        click.echo("  " + line)


@bundle.command("show")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--pubkey",
    "pubkeys",
    multiple=True,
    metavar="KEY_OR_FILE",
    help="Also check the signature with this key (repeatable).",
)
@click.option("--trust", "trust_dir", type=click.Path(file_okay=False), help="Directory of trusted .pub files.")
@click.option("--json", "as_json", is_flag=True, help="Print the manifest summary as JSON.")
@_AGE_OPTION
def show_cmd(
    file: str, pubkeys: tuple[str, ...], trust_dir: str | None, as_json: bool, identity_file: str | None
) -> None:
    """Show FILE's manifest summary. Without a key, the signature is NOT checked."""
    from fengqiao_desktop.bundle.verifier import summary, verify_bundle

    keys = _trusted(pubkeys, trust_dir)
    with _opened(file, identity_file) as target:
        vb = verify_bundle(target, public_keys=keys, check_signature=keys is not None)
    if as_json:
        data = summary(vb)
        data["inspection_list"] = vb.inspections
        data["form_list"] = vb.forms
        echo_json(data)
        return
    for line in _summary_lines(vb):
        click.echo(line)
    for i in vb.inspections:
        click.echo(f"  {i['station_code']}  {i['id']}  r{i['revision']}")
    if vb.signature_verified:
        click.echo(_t("签名已校验。", "Signature verified."))
    else:
        click.echo(
            _t(
                "注意：签名未校验（用 --pubkey 或 --trust 校验）。",
                "NOTE: the signature was NOT checked (use --pubkey or --trust).",
            )
        )


@bundle.command("export")
@click.option(
    "--inspection",
    "inspection_ids",
    multiple=True,
    metavar="ID",
    help="Export this completed inspection (repeatable); default: all completed, not exported yet.",
)
@click.option("--since-last", is_flag=True, help="Every completed revision not exported yet.")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, exists=True),
    help="Destination folder (e.g. a USB drive).",
)
def export_cmd(inspection_ids: tuple[str, ...], since_last: bool, out_dir: str) -> None:
    """Export a signed bundle; the bundle's path is printed on the last line."""
    from fengqiao_desktop.cli.common import open_local_store
    from fengqiao_desktop.cli.keys_cmd import passphrase
    from fengqiao_desktop.services.export import export, plan_export

    if inspection_ids and since_last:
        raise click.UsageError(
            _t("--inspection 与 --since-last 不能同时使用", "--inspection and --since-last cannot be combined")
        )
    with open_local_store() as store:
        plan = plan_export(store, inspection_ids or None, since_last=since_last)
        if plan.empty:
            raise click.ClickException(_t("没有需要导出的检查", "there is nothing to export"))
        click.echo(plan.summary(lang()), err=True)
        secret = passphrase()
        path = export(store, plan, out_dir, secret)
    if not plan.encrypted:
        click.echo(
            _t(
                "注意：数据包未加密（本机尚无县局的加密公钥，导入县局的任务包即可获得）",
                "NOTE: the bundle is NOT encrypted (no bureau encryption key on this laptop yet; "
                "importing a task pack from the bureau brings it)",
            ),
            err=True,
        )
    click.echo(str(path))


def register(cli: click.Group) -> None:
    cli.add_command(bundle)
