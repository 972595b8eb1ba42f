"""Photos sealed at rest: the ``PhotoCipher`` a ``PhotoStore`` may use, and its age form.

``AgePhotoCipher`` encrypts each stored photo to the inspector's own age X25519
recipient (``identity.to_public()``), so stock ``age -d -i identity.txt`` opens a
photo file, and decrypts with that identity. Decryption failures are PhotoError
in plain words: a photo sealed under another key, or a damaged file.

The age library (and the bundle package that names the age header) load when a
photo is first sealed or opened: a store opens without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from fengqiao_desktop.errors import PhotoError

if TYPE_CHECKING:
    from pyrage import x25519


class PhotoCipher(Protocol):
    """Seals a stored photo's bytes and opens them again (any thread)."""

    def seal(self, data: bytes) -> bytes: ...

    def open(self, data: bytes) -> bytes: ...


def _damaged() -> PhotoError:
    return PhotoError(
        "照片文件已损坏，无法解密；请从数据备份中恢复",
        message_en="The photo file is damaged and cannot be decrypted; restore it from a backup of the data",
    )


class AgePhotoCipher:
    """age encryption to one X25519 identity's recipient."""

    def __init__(self, identity: x25519.Identity):
        self._identity = identity
        self._recipient = identity.to_public()

    def seal(self, data: bytes) -> bytes:
        import pyrage

        return pyrage.encrypt(data, [self._recipient])

    def open(self, data: bytes) -> bytes:
        import pyrage

        from fengqiao_desktop.bundle.agecrypt import AGE_MAGIC

        if not data.startswith(AGE_MAGIC):
            raise _damaged()
        try:
            return pyrage.decrypt(data, [self._identity])
        except pyrage.DecryptError as exc:
            if "no matching keys" in str(exc).lower():
                raise PhotoError(
                    "照片是用另一把密钥加密的（或文件头已损坏），本机的密钥打不开；数据文件夹是否来自另一台电脑？",
                    message_en="The photo was encrypted with another key (or its header is damaged) and this "
                    "computer's key cannot open it; is the data folder from another computer?",
                ) from None
            raise _damaged() from None
