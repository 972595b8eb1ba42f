"""The inspector's identity as the desktop sees it: profile, key, and what is ready to export.

The key files live in ``<data dir>/keys`` (``bundle.keys.KeyStore``); the
profile is also mirrored into the local database's ``inspector_profile`` row,
which is where new inspections take the inspector's name from. A profile can
be saved before any key exists (the first-run wizard may skip the key).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from fengqiao_desktop.bundle.keys import KeyStore
from fengqiao_desktop.bundle.minisign import DEFAULT_KDF, KdfParams, PublicKey
from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.errors import KeyError_
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage import meta
from fengqiao_desktop.storage.models import Inspection, Station


@dataclass(frozen=True)
class IdentityView:
    name: str
    unit: str
    phone: str
    key_id: str  # "" when there is no key yet
    public_line: str  # minisign one-line public key, "" when there is no key


def keystore(store: LocalStore | None) -> KeyStore:
    """The key files of this store's data directory (the app's keys dir without a store)."""
    return KeyStore(store.data_dir / "keys") if store is not None else KeyStore()


def identity(store: LocalStore | None) -> IdentityView:
    ks = keystore(store)
    if ks.exists():
        p = ks.profile()
        pk = ks.public_key()
        return IdentityView(p.name, p.unit, p.phone, pk.key_id, pk.line())
    if store is not None:
        with store.session() as s:
            mp = meta.get_profile(s)
        return IdentityView(mp.name, mp.unit, mp.phone, "", "")
    return IdentityView("", "", "", "", "")


def _check(name: str, unit: str) -> tuple[str, str]:
    name, unit = " ".join(name.split()), " ".join(unit.split())
    if not name:
        raise KeyError_("请填写检查人员姓名", message_en="the inspector's name is required")
    if not unit:
        raise KeyError_("请填写所在单位", message_en="the inspector's unit is required")
    return name, unit


def _mirror(store: LocalStore | None, name: str, unit: str, phone: str, key_id: str | None) -> None:
    if store is None:
        return
    with store.session(write=True) as s:
        meta.set_profile(s, name=name, unit=unit, phone=phone, key_id=key_id)


def save_profile(store: LocalStore | None, name: str, unit: str, phone: str = "") -> IdentityView:
    """Save name, unit and phone (key files and the local database); the key is unchanged."""
    name, unit = _check(name, unit)
    phone = " ".join(phone.split())
    ks = keystore(store)
    key_id = None
    if ks.exists():
        ks.update_profile(name, unit, phone)
        key_id = ks.key_id
    _mirror(store, name, unit, phone, key_id)
    return identity(store)


def create_key(
    store: LocalStore | None,
    name: str,
    unit: str,
    phone: str,
    passphrase: str,
    *,
    replace: bool = False,
    kdf: KdfParams = DEFAULT_KDF,
) -> PublicKey:
    """Make the key pair (scrypt: slow, run it off the GUI thread) and save the profile with it."""
    name, unit = _check(name, unit)
    pk = keystore(store).init(name, unit, phone, passphrase, force=replace, kdf=kdf)
    _mirror(store, name, unit, phone, pk.key_id)
    return pk


def import_key(
    store: LocalStore | None,
    path: str | Path,
    passphrase: str | None,
    new_passphrase: str | None,
    name: str,
    unit: str,
    phone: str = "",
    *,
    replace: bool = False,
    kdf: KdfParams = DEFAULT_KDF,
) -> PublicKey:
    """Adopt a ``minisign -G`` secret key; a wrong passphrase raises KeyError_ and writes nothing."""
    name, unit = _check(name, unit)
    pk = keystore(store).import_minisign(
        path, passphrase, new_passphrase=new_passphrase, name=name, unit=unit, phone=phone, force=replace, kdf=kdf
    )
    _mirror(store, name, unit, phone, pk.key_id)
    return pk


@dataclass(frozen=True)
class ExportableRow:
    inspection_id: str
    revision: int
    station_code: str
    station_name: str
    form_id: str
    completed_at: str  # "YYYY-MM-DD HH:MM" (UTC) or ""
    total: float | None


def exportable_inspections(store: LocalStore) -> list[ExportableRow]:
    """Completed inspections not exported yet, newest first (what the export dialog lists)."""
    q = (
        select(Inspection, Station.name)
        .join(Station, Station.code == Inspection.station_code)
        .where(Inspection.status == InspectionStatus.COMPLETED.value)
        .order_by(Inspection.completed_at.desc(), Inspection.id)
    )
    with store.session() as s:
        return [
            ExportableRow(
                r.id,
                r.revision,
                r.station_code,
                name,
                r.form_id,
                r.completed_at.strftime("%Y-%m-%d %H:%M") if r.completed_at else "",
                r.total,
            )
            for r, name in s.execute(q)
        ]
