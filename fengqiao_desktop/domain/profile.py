"""Who is at this computer: the inspector's (or the clerk's) name, unit and phone, and the key.

The same shape wherever it is kept: the local database's profile row and the key
store's ``profile.json`` (``created_at`` is the key's creation time there; ``""``
elsewhere). ``key_id`` is ``""`` when there is no signing key yet.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    name: str = ""
    unit: str = ""
    phone: str = ""
    key_id: str = ""
    created_at: str = ""
