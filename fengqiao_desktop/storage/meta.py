"""Key/value facts about the local database (the ``meta`` table) and the inspector profile.

Well-known keys: ``device_id`` (a UUID made once, the first time it is asked for),
``export_sequence`` (the last bundle sequence number used on this laptop) and
``last_manifest_sha256`` (the hash of the last exported manifest, for chaining).
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from fengqiao_desktop.domain.profile import Profile
from fengqiao_desktop.storage.models import InspectorProfile, Meta, utcnow

DEVICE_ID = "device_id"
EXPORT_SEQUENCE = "export_sequence"
LAST_MANIFEST_SHA256 = "last_manifest_sha256"


def get_meta(session: Session, key: str, default: str | None = None) -> str | None:
    value = session.scalar(select(Meta.value).where(Meta.key == key))
    return default if value is None else value


def set_meta(session: Session, key: str, value: str | int | None) -> None:
    """Set (or, with ``None``, remove) a key in the caller's transaction."""
    row = session.get(Meta, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(Meta(key=key, value=str(value)))
    else:
        row.value = str(value)
    session.flush()


def device_id(session: Session) -> str:
    """This laptop's device id, made on first use and never changed afterwards."""
    value = get_meta(session, DEVICE_ID)
    if value is None:
        value = str(uuid.uuid4())
        set_meta(session, DEVICE_ID, value)
    return value


def export_sequence(session: Session) -> int:
    """The last export sequence number used (0 before the first export)."""
    return int(get_meta(session, EXPORT_SEQUENCE, "0") or 0)


def next_export_sequence(session: Session) -> int:
    """Reserve and return the next sequence number (commit with the export it numbers)."""
    n = export_sequence(session) + 1
    set_meta(session, EXPORT_SEQUENCE, n)
    return n


def last_manifest_sha256(session: Session) -> str | None:
    return get_meta(session, LAST_MANIFEST_SHA256)


def set_last_manifest_sha256(session: Session, sha: str) -> None:
    set_meta(session, LAST_MANIFEST_SHA256, sha)


def get_profile(session: Session) -> Profile:
    row = session.get(InspectorProfile, 1)
    if row is None:
        return Profile()
    return Profile(name=row.name, unit=row.unit, phone=row.phone, key_id=row.key_id or "")


def set_profile(
    session: Session,
    *,
    name: str | None = None,
    unit: str | None = None,
    phone: str | None = None,
    key_id: str | None = None,
    clear_key: bool = False,
) -> Profile:
    """Update the fields given (others unchanged); ``clear_key`` removes the key id."""
    row = session.get(InspectorProfile, 1)
    if row is None:
        row = InspectorProfile(id=1, name="", unit="", phone="")
        session.add(row)
    if name is not None:
        row.name = name
    if unit is not None:
        row.unit = unit
    if phone is not None:
        row.phone = phone
    if key_id is not None:
        row.key_id = key_id
    if clear_key:
        row.key_id = None
    row.updated_at = utcnow()
    session.flush()
    return get_profile(session)
