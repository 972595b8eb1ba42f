"""Whether a data directory is encrypted: the vault file's name and presence.

Kept apart from ``storage.vault`` (age, HKDF) so the window can ask it before any of
the storage stack is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

VAULT_FILE = "vault.age"


def vault_path(data_dir: str | os.PathLike) -> Path:
    return Path(data_dir) / VAULT_FILE


def has_vault(data_dir: str | os.PathLike) -> bool:
    """The data directory is (being) encrypted: its database and photos need the passphrase."""
    return vault_path(data_dir).exists()
