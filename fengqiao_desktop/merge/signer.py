"""Whether a trusted key may sign a bundle: the rules, on plain data (no database).

The trust store (``merge/trust.py``) keeps the entries; these checks decide with
one entry and a bundle's manifest and records, so a worker process preparing
bundles (``merge/prepare.py``) applies them without loading the database layer.
Dates are calendar dates in China Standard Time (see ``merge/trust.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from fengqiao_desktop.domain.time import CST
from fengqiao_desktop.errors import MergeError


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
