"""``fengqiao data encrypt``: encrypt this computer's data (database, backups, photos) in place.

The passphrase is the inspector's signing-key passphrase when there is a key (one
passphrase to remember), else a new one; it comes from ``FENGQIAO_PASSPHRASE`` or a
hidden prompt. The program must not be running meanwhile.
"""

from __future__ import annotations

import click

from fengqiao_desktop import config
from fengqiao_desktop.cli.common import lang


def _t(zh: str, en: str) -> str:
    return en if lang() == "en" else zh


@click.group("data")
def data() -> None:
    """This computer's data folder."""


@data.command("encrypt")
def encrypt_cmd() -> None:
    """Encrypt the local database, its backups and the photos (resumes an interrupted run)."""
    from fengqiao_desktop.bundle.keys import KeyStore
    from fengqiao_desktop.cli.keys_cmd import passphrase
    from fengqiao_desktop.services import encryption
    from fengqiao_desktop.storage.vault_file import has_vault

    root = config.data_dir()
    if has_vault(root) and not encryption.needs_resume(root):
        click.echo(_t(f"{root} 中的数据已加密", f"The data in {root} is already encrypted"))
        return
    new = not has_vault(root) and not KeyStore(root / "keys").exists()
    secret = passphrase(confirm=new)
    result = encryption.encrypt_local_data(root, secret)
    click.echo(_t(f"已加密：{root}", f"Encrypted: {root}"))
    if result.backup is not None:
        click.echo(
            _t(
                f"加密前的备份（已用同一口令加密）：{result.backup}",
                f"Copy made before (encrypted with the same passphrase): {result.backup}",
            )
        )
    if result.photos_sealed:
        click.echo(_t(f"已加密照片 {result.photos_sealed} 张", f"Photos encrypted: {result.photos_sealed}"))


def register(cli: click.Group) -> None:
    cli.add_command(data)
