"""The trust store: inspectors' public keys, whose they are and when they are valid.

A bundle is accepted only if its signer's key is here, was valid on the date the
bundle was made, had not been revoked by then, and belongs to the inspector the
manifest names (name and unit equal to the entry's).

Dates: ``valid_from``/``valid_to`` are calendar dates in China Standard Time
(UTC+8, no daylight saving), inclusive at both ends. A revocation takes effect
at its time (``revoked_at``, by default the moment of revoking; ``--since`` can
backdate it when a key was lost earlier): bundles made before it stay valid,
bundles made at or after it are refused. ``created_at`` is what the signer wrote
in the manifest: a stolen key can backdate it, which is why a revocation can be
backdated as well.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from fengqiao_desktop.bundle.minisign import PublicKey
from fengqiao_desktop.domain.time import CST
from fengqiao_desktop.domain.time import today as cst_today
from fengqiao_desktop.errors import KeyError_
from fengqiao_desktop.merge.models import TrustedKey, TrustedKeyChange, table_of
from fengqiao_desktop.merge.signer import TrustEntry

T = table_of(TrustedKey)
CHANGES = table_of(TrustedKeyChange)


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    # SQLite hands back naive datetimes; every time we store is UTC
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _entry(row) -> TrustEntry:
    m = row._mapping
    return TrustEntry(
        key_id=m["key_id"],
        public_key=m["public_key"],
        name=m["name"],
        unit=m["unit"],
        valid_from=m["valid_from"],
        valid_to=m["valid_to"],
        revoked_at=_utc(m["revoked_at"]),
        revoke_reason=m["revoke_reason"],
        added_at=_utc(m["added_at"]) or datetime.now(timezone.utc),
    )


def list_keys(conn: Connection) -> list[TrustEntry]:
    return sorted((_entry(r) for r in conn.execute(select(T))), key=lambda e: (e.name, e.key_id))


def get_key(conn: Connection, key_id: str) -> TrustEntry | None:
    row = conn.execute(select(T).where(T.c.key_id == key_id.upper())).first()
    return _entry(row) if row else None


def add_key(
    conn: Connection,
    public_key: PublicKey,
    *,
    name: str,
    unit: str,
    valid_from: date | None = None,
    valid_to: date | None = None,
) -> TrustEntry:
    name, unit = name.strip(), unit.strip()
    if not name:
        raise KeyError_("必须给出检查员姓名（--name）", message_en="the inspector's name is required (--name)")
    if valid_from and valid_to and valid_to < valid_from:
        raise KeyError_(
            f"有效期结束日 {valid_to} 早于开始日 {valid_from}",
            message_en=f"valid-to {valid_to} is before valid-from {valid_from}",
        )
    existing = get_key(conn, public_key.key_id)
    if existing is not None:
        raise KeyError_(
            f"密钥 {public_key.key_id} 已在信任库中（{existing.name}，{existing.unit}）",
            message_en=f"key {public_key.key_id} is already trusted ({existing.name}, {existing.unit})",
            hint="如需更改姓名、单位或有效期，请在信任库中选中该密钥后“修改”（命令行：central trust edit）",
            hint_en="to change its name, unit or validity, edit the entry (command line: central trust edit)",
        )
    conn.execute(
        insert(T).values(
            key_id=public_key.key_id,
            public_key=public_key.line(),
            name=name,
            unit=unit,
            valid_from=valid_from,
            valid_to=valid_to,
            added_at=datetime.now(timezone.utc),
        )
    )
    _record_change(
        conn, public_key.key_id, "add", {}, {"name": name, "unit": unit, "valid_from": valid_from, "valid_to": valid_to}
    )
    entry = get_key(conn, public_key.key_id)
    assert entry is not None
    return entry


def revoke_key(conn: Connection, key_id: str, *, reason: str, since: datetime | None = None) -> TrustEntry:
    reason = reason.strip()
    if not reason:
        raise KeyError_("吊销必须说明原因（--reason）", message_en="a revocation needs a reason (--reason)")
    entry = get_key(conn, key_id)
    if entry is None:
        raise KeyError_(f"信任库中没有密钥 {key_id}", message_en=f"key {key_id} is not in the trust store")
    if entry.revoked_at is not None:
        raise KeyError_(
            f"密钥 {entry.key_id} 已于 {entry.revoked_at:%Y-%m-%d %H:%M} 吊销",
            message_en=f"key {entry.key_id} was already revoked at {entry.revoked_at:%Y-%m-%d %H:%M}",
        )
    at = since or datetime.now(timezone.utc)
    if at.tzinfo is None:
        at = at.replace(tzinfo=CST)
    # bundle times have whole seconds: a bundle made in the second of the revocation is refused
    at = at.replace(microsecond=0)
    conn.execute(
        update(T).where(T.c.key_id == entry.key_id).values(revoked_at=at.astimezone(timezone.utc), revoke_reason=reason)
    )
    _record_change(conn, entry.key_id, "revoke", {}, {"revoked_at": at.astimezone(timezone.utc)}, reason)
    out = get_key(conn, entry.key_id)
    assert out is not None
    return out


@dataclass(frozen=True)
class KeyChange:
    key_id: str
    at: datetime
    action: str  # add / edit / revoke / retrust
    before: dict
    after: dict
    reason: str


def _record_change(conn: Connection, key_id: str, action: str, before: dict, after: dict, reason: str = "") -> None:
    def plain(d: dict) -> str:
        return json.dumps(
            {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in d.items()},
            ensure_ascii=False,
            sort_keys=True,
        )

    conn.execute(
        insert(CHANGES).values(
            key_id=key_id,
            at=datetime.now(timezone.utc),
            action=action,
            before=plain(before),
            after=plain(after),
            reason=reason,
        )
    )


def key_history(conn: Connection, key_id: str) -> list[KeyChange]:
    rows = conn.execute(select(CHANGES).where(CHANGES.c.key_id == key_id.upper()).order_by(CHANGES.c.id))
    return [
        KeyChange(
            r.key_id, _utc(r.at) or r.at, r.action, json.loads(r.before or "{}"), json.loads(r.after or "{}"), r.reason
        )
        for r in rows
    ]


def edit_key(
    conn: Connection,
    key_id: str,
    *,
    name: str | None = None,
    unit: str | None = None,
    valid_from: date | None | str = "keep",
    valid_to: date | None | str = "keep",
    reason: str = "",
) -> TrustEntry:
    """Correct a key's name, unit or validity; the old values are kept in the key's history.

    ``valid_from``/``valid_to``: a date, None to remove the limit, or "keep".
    """
    entry = get_key(conn, key_id)
    if entry is None:
        raise KeyError_(f"信任库中没有密钥 {key_id}", message_en=f"key {key_id} is not in the trust store")
    new: dict[str, Any] = {
        "name": entry.name if name is None else name.strip(),
        "unit": entry.unit if unit is None else unit.strip(),
        "valid_from": entry.valid_from if valid_from == "keep" else valid_from,
        "valid_to": entry.valid_to if valid_to == "keep" else valid_to,
    }
    if not new["name"]:
        raise KeyError_("检查员姓名不能为空", message_en="the inspector's name cannot be empty")
    if new["valid_from"] and new["valid_to"] and new["valid_to"] < new["valid_from"]:
        raise KeyError_(
            f"有效期结束日 {new['valid_to']} 早于开始日 {new['valid_from']}",
            message_en=f"valid-to {new['valid_to']} is before valid-from {new['valid_from']}",
        )
    old = {k: getattr(entry, k) for k in new}
    changed = {k for k in new if new[k] != old[k]}
    if not changed:
        return entry
    conn.execute(update(T).where(T.c.key_id == entry.key_id).values(**{k: new[k] for k in changed}))
    _record_change(
        conn, entry.key_id, "edit", {k: old[k] for k in changed}, {k: new[k] for k in changed}, reason.strip()
    )
    out = get_key(conn, entry.key_id)
    assert out is not None
    return out


def retrust_key(
    conn: Connection,
    key_id: str,
    *,
    reason: str,
    name: str | None = None,
    unit: str | None = None,
    valid_to: date | None = None,
) -> TrustEntry:
    """Trust a revoked key again, from today (China time) on; the revocation stays in the history.

    Bundles it signed before today stay refused (the new validity starts today), so
    what was made while the key was revoked never gets in.
    """
    reason = reason.strip()
    if not reason:
        raise KeyError_("重新信任必须说明原因", message_en="trusting a key again needs a reason")
    entry = get_key(conn, key_id)
    if entry is None:
        raise KeyError_(f"信任库中没有密钥 {key_id}", message_en=f"key {key_id} is not in the trust store")
    if entry.revoked_at is None:
        raise KeyError_(
            f"密钥 {entry.key_id} 没有被吊销，无需重新信任；如需更改姓名、单位或有效期，请“修改”",
            message_en=f"key {entry.key_id} is not revoked; to change its name, unit or validity, edit it",
        )
    today = cst_today()
    new = {
        "name": (name or entry.name).strip(),
        "unit": (unit if unit is not None else entry.unit).strip(),
        "valid_from": today,
        "valid_to": valid_to,
        "revoked_at": None,
        "revoke_reason": None,
    }
    old = {k: getattr(entry, k) for k in new}
    conn.execute(update(T).where(T.c.key_id == entry.key_id).values(**new))
    _record_change(conn, entry.key_id, "retrust", old, new, reason)
    out = get_key(conn, entry.key_id)
    assert out is not None
    return out


def verification_keys(conn: Connection) -> dict[str, PublicKey]:
    """Every key in the store (revoked ones too: the refusal then says 'revoked', not 'unknown')."""
    return {r.key_id: PublicKey.from_line(r.public_key) for r in conn.execute(select(T.c.key_id, T.c.public_key))}
