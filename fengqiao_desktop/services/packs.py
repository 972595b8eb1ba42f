"""Task packs, the use cases: the bureau's identity and pack building; the laptop's import and work list.

Bureau side (``url`` = the central database): ``bureau_identity``,
``init_bureau_identity``, ``build_pack``, ``packs_list``.

Laptop side (a ``LocalStore``): ``check_pack`` verifies a pack and says what it
would do — or raises the refusal — without changing anything;
``apply_pack`` applies it in one transaction after the inspector confirmed the
bureau key's fingerprint (first pack) or against the pinned key (later packs);
``assignments`` is the inspector's work list (我的任务).

The pinned key, the bureau id and the last applied sequence are ``meta`` rows
of the local database, written in the same transaction as the pack's content.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from sqlalchemy import delete, select

from fengqiao_desktop.bundle.minisign import PublicKey
from fengqiao_desktop.domain import InspectionStatus
from fengqiao_desktop.errors import PackError
from fengqiao_desktop.packs.identity import BureauKeyStore, fingerprint
from fengqiao_desktop.packs.verifier import VerifiedPack, verify_pack
from fengqiao_desktop.services.identity import identity
from fengqiao_desktop.services.inspections import reopen_row
from fengqiao_desktop.services.recipients import BUREAU_RECIPIENTS
from fengqiao_desktop.services.store import LocalStore
from fengqiao_desktop.storage import meta
from fengqiao_desktop.storage.models import (
    Assignment,
    Inspection,
    RecheckFinding,
    ReturnedInspection,
    Station,
    utcnow,
)
from fengqiao_desktop.storage.stations import StationRepo, UpsertResult

if TYPE_CHECKING:  # the bureau's code loads only where the bureau uses it
    from fengqiao_desktop.packs import build as pack_build
    from fengqiao_desktop.services.central import Target

PINNED_KEY = "pack_bureau_public_key"
PINNED_BUREAU = "pack_bureau_id"
PINNED_NAME = "pack_bureau_name"
LAST_SEQUENCE = "pack_sequence"


# -- bureau side ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class BureauIdentity:
    name: str
    unit: str
    key_id: str
    public_key: str  # minisign one-line form
    fingerprint: str
    bureau_id: str
    age_recipient: str = ""  # age1…, "" until made (with the key, or on first need)


def bureau_identity(keystore: BureauKeyStore | None = None) -> BureauIdentity:
    ks = keystore or BureauKeyStore()
    pk = ks.public_key()
    p = ks.profile()
    return BureauIdentity(p.name, p.unit, pk.key_id, pk.line(), fingerprint(pk), ks.bureau_id, ks.age_recipient() or "")


def init_bureau_identity(
    name: str, unit: str, passphrase: str, *, force: bool = False, keystore: BureauKeyStore | None = None, **kw
) -> BureauIdentity:
    ks = keystore or BureauKeyStore()
    ks.init(name, unit, "", passphrase, force=force, **kw)
    return bureau_identity(ks)


def build_pack(
    req: pack_build.PackRequest,
    out_dir: str | os.PathLike,
    passphrase: str,
    *,
    url: Target = None,
    keystore: BureauKeyStore | None = None,
) -> VerifiedPack:
    """Sign and write a pack for ``req`` with the bureau key; recorded in the central database."""
    from fengqiao_desktop.packs import build as pack_build

    ks = keystore or BureauKeyStore()
    secret = ks.load_secret(passphrase)
    ks.ensure_age_identity(passphrase)  # a store made before bundles were encrypted gets one now
    profile = ks.profile()
    from fengqiao_desktop.services.central import _open

    with _open(url) as central:
        return pack_build.build_pack(
            central,
            req,
            Path(out_dir),
            secret_key=secret,
            bureau_id=ks.bureau_id,
            bureau_name=profile.name,
            bureau_unit=profile.unit,
            age_recipients=ks.pack_recipients(),
        )


def packs_list(*, url: Target = None) -> list[pack_build.PackRecord]:
    from fengqiao_desktop.packs import build as pack_build
    from fengqiao_desktop.services.central import _open

    with _open(url) as central, central.read() as conn:
        return pack_build.list_packs(conn)


# -- laptop side ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackPreview:
    """What a verified pack would do on this laptop (shown before the inspector confirms)."""

    path: str
    bureau_name: str
    bureau_key_id: str
    public_key: str  # minisign one-line form (what the QR code holds)
    fingerprint: str
    first_use: bool  # no bureau key pinned yet: the inspector must compare the fingerprint
    sequence: int
    stations: int
    forms: int
    assignments: int
    findings: int
    returned: int


def _pinned(store: LocalStore) -> tuple[PublicKey | None, str | None, int]:
    with store.session() as s:
        line = meta.get_meta(s, PINNED_KEY)
        bureau = meta.get_meta(s, PINNED_BUREAU)
        seq = int(meta.get_meta(s, LAST_SEQUENCE, "0") or 0)
    return (PublicKey.from_line(line) if line else None), bureau, seq


def _check(store: LocalStore, vp: VerifiedPack, bureau_id: str | None, last_seq: int) -> None:
    mine = identity(store).key_id
    if not mine:
        raise PackError(
            "本机尚未创建签名密钥，无法确认任务包是发给您的；请先在“文件 → 检查员与密钥…”中创建密钥。",
            message_en="This laptop has no signing key yet, so the pack cannot be matched to you; "
            "create your key under File → Inspector and signing key… first.",
            kind="inspector",
        )
    if vp.inspector_key_id != mine:
        raise PackError(
            f"这个任务包是发给另一位检查人员的（密钥 {vp.inspector_key_id}，本机为 {mine}），未作任何更改。"
            "请向县局索取发给您的任务包。",
            message_en=f"This task pack is for another inspector (key {vp.inspector_key_id}; this laptop's is "
            f"{mine}); nothing was changed. Ask the bureau for the pack made for you.",
            kind="inspector",
            detail=vp.inspector_key_id,
        )
    if bureau_id is not None and vp.bureau["id"] != bureau_id:
        raise PackError(
            "任务包来自另一个县局，未作任何更改。",
            message_en="The task pack comes from another bureau; nothing was changed.",
            kind="signer",
            detail=vp.bureau["id"],
        )
    if vp.sequence <= last_seq:
        raise PackError(
            f"这个任务包（第 {vp.sequence} 号）不比本机已导入的第 {last_seq} 号新，可能是旧包或重复导入，未作任何更改。"
            "请使用县局最新发出的任务包。",
            message_en=f"This task pack (number {vp.sequence}) is not newer than number {last_seq} already "
            "imported: an old or repeated pack. Nothing was changed; use the bureau's latest pack.",
            kind="rollback",
            detail=str(vp.sequence),
        )
    for sha, form in vp.forms.items():
        for v in store.forms.versions(form.id):
            if v.version == form.version and v.sha256 != sha:
                raise PackError(
                    f"任务包中的表单 {form.id} 版本 {form.version} 与本机同版本表单内容不同，未作任何更改。请联系县局。",
                    message_en=f"Form {form.id} version {form.version} in the pack differs from the same version "
                    "on this laptop; nothing was changed. Contact the bureau.",
                    kind="form_clash",
                    detail=sha,
                )


def _verified(store: LocalStore, path: str | os.PathLike) -> tuple[VerifiedPack, bool]:
    pinned, bureau_id, last_seq = _pinned(store)
    vp = verify_pack(path, pinned=pinned)
    _check(store, vp, bureau_id, last_seq)
    return vp, pinned is None


def check_pack(store: LocalStore, path: str | os.PathLike) -> PackPreview:
    """Verify ``path`` against this laptop (every refusal is raised); changes nothing."""
    vp, first = _verified(store, path)
    return PackPreview(
        path=str(path),
        bureau_name=vp.bureau["name"],
        bureau_key_id=vp.public_key.key_id,
        public_key=vp.public_key.line(),
        fingerprint=fingerprint(vp.public_key),
        first_use=first,
        sequence=vp.sequence,
        stations=len(vp.stations),
        forms=len(vp.forms),
        assignments=len(vp.assignments),
        findings=len(vp.findings),
        returned=len(vp.returned),
    )


def apply_pack(store: LocalStore, path: str | os.PathLike, *, confirmed_fingerprint: str | None = None) -> PackPreview:
    """Apply a pack in one transaction; on the first pack ``confirmed_fingerprint`` must match."""
    preview = check_pack(store, path)
    if preview.first_use and (confirmed_fingerprint or "").replace(" ", "").upper() != preview.fingerprint.replace(
        " ", ""
    ):
        raise PackError(
            "县局密钥的指纹未经确认，未作任何更改。请与县局核对指纹后再导入。",
            message_en="The bureau key's fingerprint was not confirmed; nothing was changed. "
            "Compare it with the bureau and import again.",
            kind="unconfirmed",
        )
    with store.session(write=True) as s:
        # again inside the write lock: another import may have run in between
        pinned_line = meta.get_meta(s, PINNED_KEY)
        pinned = PublicKey.from_line(pinned_line) if pinned_line else None
        if (pinned is None) != preview.first_use:
            raise PackError(
                "另一个任务包刚刚导入，请重新导入。",
                message_en="Another pack was just imported; import again.",
                kind="race",
            )
        vp = verify_pack(path, pinned=pinned)
        _check(store, vp, meta.get_meta(s, PINNED_BUREAU), int(meta.get_meta(s, LAST_SEQUENCE, "0") or 0))
        written = _write(store, s, vp)
    for form in vp.forms.values():
        store.forms.add(form)
    store.roster_written(written)
    return preview


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _write(store: LocalStore, s, vp: VerifiedPack) -> UpsertResult:
    """The pack's content into the laptop's database (the caller's transaction); returns what
    its roster changed."""
    written = StationRepo.upsert_many(s, [SimpleNamespace(**st) for st in vp.stations])
    for form in vp.forms.values():
        store.register_form(s, form)
    seq = vp.sequence
    now = utcnow()
    for a in vp.assignments:
        s.merge(
            Assignment(
                id=a["id"],
                station_code=a["station_code"],
                forms=json.dumps(a["forms"]),
                due_date=_date(a["due_date"]),
                note=a["note"],
                bureau_id=vp.bureau["id"],
                pack_sequence=seq,
                received_at=now,
            )
        )
    # the pack carries the open findings of the stations it assigns: theirs replace what was held
    assigned = sorted({a["station_code"] for a in vp.assignments})
    if assigned:
        s.execute(delete(RecheckFinding).where(RecheckFinding.station_code.in_(assigned)))
        s.flush()
    for f in vp.findings:
        s.merge(
            RecheckFinding(
                inspection_id=f["inspection_id"],
                finding_id=f["finding_id"],
                station_code=f["station_code"],
                item_id=f["item_id"],
                category=f["category"],
                severity=f["severity"],
                description=f["description"],
                measures=f["measures"],
                responsible=f["responsible"],
                deadline=f["deadline"],
                status=f["status"],
                inspector_name=f["inspector_name"],
                pack_sequence=seq,
            )
        )
    for r in vp.returned:
        s.merge(
            ReturnedInspection(
                inspection_id=r["inspection_id"],
                revision=r["revision"],
                station_code=r["station_code"],
                comment=r["comment"],
                returned_by=r["returned_by"],
                returned_at=r["returned_at"],
                pack_sequence=seq,
            )
        )
        _reopen_returned(store, s, r)
    meta.set_meta(s, PINNED_KEY, vp.public_key.line())
    meta.set_meta(s, PINNED_BUREAU, vp.bureau["id"])
    meta.set_meta(s, PINNED_NAME, vp.bureau["name"])
    if vp.bureau.get("age_recipients"):  # a pack from before encryption keeps what is known
        meta.set_meta(s, BUREAU_RECIPIENTS, json.dumps(vp.bureau["age_recipients"]))
    meta.set_meta(s, LAST_SEQUENCE, seq)
    s.flush()
    return written


def _reopen_returned(store: LocalStore, s, r: dict) -> None:
    """A returned inspection still locked at the returned revision becomes a draft again, with the
    bureau's comment as the reason (one that moved on since — reopened, or held only at the
    bureau — is left as it is)."""
    row = s.get(Inspection, r["inspection_id"])
    if row is None or row.revision != r["revision"] or row.status == InspectionStatus.DRAFT.value:
        return
    by = f"（{r['returned_by']}）" if r["returned_by"] else ""
    reopen_row(s, row, f"县局退回{by}：{r['comment']}", returned_by=r["returned_by"], returned_at=r["returned_at"])
    store.note_saved(s, row)


# -- the work list (我的任务) -------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentRow:
    id: str
    station_code: str
    station_name: str
    due_date: dt.date | None
    note: str
    form_ids: tuple[str, ...]
    state: str  # assigned / draft / completed (not exported) / exported
    overdue: bool
    findings: int  # open findings to re-check at the station
    form_titles: tuple[tuple[str, str], ...] = ()  # (zh, en) of each assigned form, as the forms give them


def assignments(store: LocalStore, *, today: dt.date | None = None) -> list[AssignmentRow]:
    """The inspector's assignments, soonest due first, with what was done at each station since."""
    today = today or dt.date.today()
    out = []
    with store.session() as s:
        rows = s.execute(select(Assignment, Station.name).join(Station, Station.code == Assignment.station_code)).all()
        counts: dict[str, int] = {}
        for (code,) in s.execute(select(RecheckFinding.station_code)):
            counts[code] = counts.get(code, 0) + 1
        for a, name in rows:
            statuses = set(
                s.scalars(
                    select(Inspection.status).where(
                        Inspection.station_code == a.station_code, Inspection.created_at >= a.received_at
                    )
                )
            )
            state = (
                "exported"
                if statuses == {"exported"}
                else "completed"
                if "completed" in statuses
                else "draft"
                if "draft" in statuses
                else "assigned"
            )
            forms = json.loads(a.forms)
            out.append(
                AssignmentRow(
                    a.id,
                    a.station_code,
                    name,
                    a.due_date,
                    a.note,
                    tuple(f["id"] for f in forms),
                    state,
                    a.due_date is not None and a.due_date < today and state in ("assigned", "draft"),
                    counts.get(a.station_code, 0),
                    tuple(_title(store, f) for f in forms),
                )
            )
    return sorted(out, key=lambda r: (r.due_date or dt.date.max, r.station_code))


def _title(store: LocalStore, ref: dict) -> tuple[str, str]:
    """(zh, en) title of an assigned form version; its id when the laptop does not hold it."""
    for f in store.forms.versions(ref["id"]):
        if f.sha256 == ref["sha256"]:
            return f.title.zh, f.title.en or f.title.zh
    return ref["id"], ref["id"]


def pinned_bureau(store: LocalStore) -> tuple[str, str] | None:
    """(bureau name, fingerprint) of the pinned bureau key, or None before the first pack."""
    pk, _bureau, _seq = _pinned(store)
    if pk is None:
        return None
    with store.session() as s:
        return meta.get_meta(s, PINNED_NAME, "") or "", fingerprint(pk)


def unfinished_stations(
    counties: Sequence[str], level: str, *, url: Target = None, year: int | None = None
) -> list[str]:
    """Stations of ``level`` in ``counties`` (all when empty) not yet 示范型达标 this year."""
    from fengqiao_desktop.packs import build as pack_build
    from fengqiao_desktop.services.central import _open

    with _open(url) as central, central.read() as conn:
        return pack_build.unfinished_stations(conn, counties, level, year=year)


@dataclass(frozen=True)
class StationChoice:
    code: str
    name: str
    level: str


def station_choices(
    counties: Sequence[str] = (), level: str | None = None, *, unfinished_only: bool = False, url: Target = None
) -> list[StationChoice]:
    """Central roster stations for the pack page: the counties (level ``county``), or the stations
    of ``level`` in ``counties``, optionally only those not yet 示范型达标 this year."""
    from fengqiao_desktop.packs import build as pack_build
    from fengqiao_desktop.services.central import _open

    with _open(url) as central:
        with central.read() as conn:
            rows = {r.code: r for r in conn.execute(select(pack_build.ST))}
            if unfinished_only and level:
                codes = pack_build.unfinished_stations(conn, counties, level)
            else:
                prefixes = tuple(c[:6] for c in counties)
                codes = sorted(
                    c
                    for c, r in rows.items()
                    if (level is None or r.level == level) and (not prefixes or c.startswith(prefixes))
                )
        return [StationChoice(c, rows[c].name, rows[c].level) for c in codes]
