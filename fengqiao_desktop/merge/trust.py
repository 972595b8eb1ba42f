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
from fengqiao_desktop.errors import KeyError_, MergeError
from fengqiao_desktop.merge.models import TrustedKey, TrustedKeyChange, table_of

T = table_of(TrustedKey)
CHANGES = table_of(TrustedKeyChange)


@dataclass(frozen=True)
class TrustEntry:
    key_id: str
    public_key: str
    name: str
    unit: str
    valid_from: date | None
    valid_to: date | None
    revoked_at: datetime | None
    revoke_reason: str | None
    added_at: datetime

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def state(self, now: datetime | None = None) -> str:
        """valid / revoked / expired / not_yet_valid, as of ``now``."""
        now = now or datetime.now(timezone.utc)
        if self.revoked_at is not None and now >= self.revoked_at:
            return "revoked"
        day = now.astimezone(CST).date()
        if self.valid_to is not None and day > self.valid_to:
            return "expired"
        if self.valid_from is not None and day < self.valid_from:
            return "not_yet_valid"
        return "valid"


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


def parse_created_at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def check_signer(entry: TrustEntry | None, key_id: str, manifest: dict) -> None:
    """Raise MergeError unless ``entry`` may sign a bundle with this manifest."""
    if entry is None:
        raise MergeError(
            f"签名密钥 {key_id} 不在信任库中",
            message_en=f"the signing key {key_id} is not in the trust store",
            kind="untrusted_key",
        )
    created = parse_created_at(manifest["created_at"])
    day = created.astimezone(CST).date()
    if entry.revoked_at is not None and created >= entry.revoked_at:
        # both times in China time, as the bureau reads them
        revoked, made = entry.revoked_at.astimezone(CST), created.astimezone(CST)
        raise MergeError(
            f"签名密钥 {key_id}（{entry.name}）已于 {revoked:%Y-%m-%d %H:%M} 吊销"
            f"（{entry.revoke_reason}），数据包制作于其后（{made:%Y-%m-%d %H:%M}）",
            message_en=f"the signing key {key_id} ({entry.name}) was revoked at "
            f"{revoked:%Y-%m-%d %H:%M} China time ({entry.revoke_reason}); the bundle was made after "
            f"that ({made:%Y-%m-%d %H:%M})",
            kind="revoked_key",
        )
    if entry.valid_to is not None and day > entry.valid_to:
        raise MergeError(
            f"签名密钥 {key_id}（{entry.name}）有效期至 {entry.valid_to}，数据包制作于 {day}，已过期",
            message_en=f"the signing key {key_id} ({entry.name}) was valid until {entry.valid_to}; "
            f"the bundle was made on {day}: expired",
            kind="key_validity",
        )
    if entry.valid_from is not None and day < entry.valid_from:
        raise MergeError(
            f"签名密钥 {key_id}（{entry.name}）自 {entry.valid_from} 起有效，数据包制作于 {day}，尚未生效",
            message_en=f"the signing key {key_id} ({entry.name}) is valid from {entry.valid_from}; "
            f"the bundle was made on {day}, before that",
            kind="key_validity",
        )
    insp = manifest.get("inspector") or {}
    if insp.get("key_id") != key_id:
        raise MergeError(
            f"清单声明的检查员密钥 {insp.get('key_id')} 与签名密钥 {key_id} 不符",
            message_en=f"the manifest names inspector key {insp.get('key_id')}, but {key_id} signed it",
        )
    name, unit = str(insp.get("name", "")).strip(), str(insp.get("unit", "")).strip()
    if name != entry.name or unit != entry.unit:
        raise MergeError(
            f"签名密钥 {key_id} 属于 {entry.name}（{entry.unit}），但数据包自称来自 {name}（{unit}）",
            message_en=f"the signing key {key_id} belongs to {entry.name} ({entry.unit}), but the "
            f"bundle claims to come from {name} ({unit})",
            kind="wrong_inspector",
        )


def check_records_signer(key_id: str, manifest: dict, records: dict[str, dict]) -> None:
    """Every record must name the signer as its inspector: nobody signs for another inspector."""
    insp = manifest.get("inspector") or {}
    want = (key_id, str(insp.get("name", "")).strip(), str(insp.get("unit", "")).strip())
    for member in sorted(records):
        ri = records[member].get("inspector") or {}
        got = (ri.get("key_id"), str(ri.get("name", "")).strip(), str(ri.get("unit", "")).strip())
        # an empty name or unit claims nobody (a laptop without a profile name writes none)
        if got[0] != want[0] or any(g and g != w for g, w in zip(got[1:], want[1:], strict=True)):
            raise MergeError(
                f"{member}：记录的检查员 {got[1]}（{got[2]}，密钥 {got[0]}）不是签名者 "
                f"{want[1]}（{want[2]}，密钥 {key_id}），检查员只能提交本人的检查记录",
                message_en=f"{member}: the record names inspector {got[1]} ({got[2]}, key {got[0]}), "
                f"not the signer {want[1]} ({want[2]}, key {key_id}); an inspector may only submit "
                "their own records",
                kind="wrong_inspector",
            )
