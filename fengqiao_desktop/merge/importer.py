"""Import bundles into the central database: verify -> check -> plan -> apply, one bundle at a time.

Per bundle (docs/merge.md):

1. copy it into ``incoming/`` and verify that copy with every key of the trust store;
2. if its manifest was imported before: "already imported", nothing changes;
3. the signer is trusted, valid on the bundle's date, not revoked, and is the
   inspector the manifest names; the bundle id is not reused;
4. its forms are registered, its stations are in the roster, every answer fits
   and every claimed score equals the recomputed one;
5. in ONE transaction: the plan is made from a fresh snapshot, applied, and the
   bundle recorded; its device chain is re-decided (``chain.settle``: a bundle on
   a fork is stored but quarantined, and bundles received earlier may change
   side), then the inspections they carry are re-derived; the verified copy is
   moved to ``archive/`` just before the commit.

A refusal copies the bundle to ``quarantine/`` with a text report, records it
(status refused) and changes no content. A quarantined bundle's content is
stored but counts for nothing; a report in ``quarantine/`` says why.

Encrypted bundles (format v2, ``bundle/agecrypt.py``) are told from plaintext
ones (v1) by their first bytes. The copy in ``incoming/`` stays encrypted, and
is what is archived or quarantined; its inner zip is decrypted into a private
temporary file outside the central folders (mode 0600), verified and read from
there, and removed on every path. The bureau's age identities come from
``Decryption.unlock``, called once for the whole batch and only when an
encrypted bundle is met (it asks for the passphrase); a plaintext bundle is
refused when ``Decryption.require_encryption`` is set.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from fengqiao_desktop.bundle import agecrypt
from fengqiao_desktop.bundle.canonical import BundleCancelled
from fengqiao_desktop.bundle.minisign import PublicKey
from fengqiao_desktop.bundle.verifier import VerifiedBundle, verify_bundle
from fengqiao_desktop.errors import BundleError, KeyError_, KnownError, MergeError
from fengqiao_desktop.merge import chain, checks, files, models, refusals, trust
from fengqiao_desktop.merge.apply import apply_plan, load_snapshot
from fengqiao_desktop.merge.db import Central
from fengqiao_desktop.merge.plan import MergePlan, make_plan

log = logging.getLogger(__name__)

BUNDLES = models.table_of(models.Bundle)
LOG = models.table_of(models.ImportLog)

IMPORTED, ALREADY, REFUSED, QUARANTINED, CANCELLED, PLANNED = (
    "imported",
    "already_imported",
    "refused",
    "quarantined",
    "cancelled",
    "planned",
)


@dataclass
class ImportOutcome:
    """What happened to one bundle file (plain data: safe to hand to any thread)."""

    path: str
    status: str
    reason: str = ""
    reason_en: str = ""
    member: str | None = None
    detail: str = ""  # the technical reason (member names), for the report
    detail_en: str = ""
    bundle_id: str | None = None
    manifest_sha256: str | None = None
    device_id: str | None = None
    sequence: int | None = None
    inspector: str | None = None
    counts: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    warnings_en: list[str] = field(default_factory=list)
    archived: str | None = None
    quarantined: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in (IMPORTED, ALREADY, PLANNED)

    def line(self, lang: str = "zh") -> str:
        name = Path(self.path).name
        c = self.counts
        if lang == "en":
            if self.status in (IMPORTED, PLANNED):
                verb = "imported" if self.status == IMPORTED else "would import"
                return (
                    f"{verb}: {name}: {c.get('inspections', 0)} inspection(s), "
                    f"{c.get('new_inspections', 0)} new, {c.get('new_revisions', 0)} new revision(s), "
                    f"{c.get('already_present', 0)} already present, {c.get('conflicts', 0)} conflict(s), "
                    f"{c.get('new_photos', 0)} photo(s)"
                )
            if self.status == ALREADY:
                return f"already imported: {name} (bundle {self.bundle_id})"
            if self.status == CANCELLED:
                return f"cancelled: {name}"
            word = "quarantined" if self.status == QUARANTINED else "refused"
            return f"{word}: {name}: {self.reason_en}"
        if self.status in (IMPORTED, PLANNED):
            verb = "已导入" if self.status == IMPORTED else "将导入"
            return (
                f"{verb}: {name}: 检查 {c.get('inspections', 0)} 份（新检查 {c.get('new_inspections', 0)}，"
                f"新修订 {c.get('new_revisions', 0)}，已有 {c.get('already_present', 0)}，"
                f"冲突 {c.get('conflicts', 0)}），照片 {c.get('new_photos', 0)} 张"
            )
        if self.status == ALREADY:
            return f"已导入过: {name}（数据包 {self.bundle_id}），未做任何更改"
        if self.status == CANCELLED:
            return f"已取消: {name}"
        word = "已隔离" if self.status == QUARANTINED else "已拒收"
        return f"{word}: {name}: {self.reason}"


Progress = Callable[[int, int, str], None]


@dataclass
class Decryption:
    """How encrypted bundles are opened: ``unlock()`` returns the bureau's age identities
    (raising KeyError_ on a wrong passphrase); ``require_encryption`` refuses plaintext bundles."""

    unlock: Callable[[], Sequence] | None = None
    require_encryption: bool = False
    _identities: list | None = field(default=None, repr=False)
    _failure: KnownError | None = field(default=None, repr=False)

    def identities(self) -> list:
        """The identities, unlocked once; a failure is kept, so one wrong passphrase is not
        tried again (for seconds) on every bundle of the batch."""
        if self._identities is not None:
            return self._identities
        if self._failure is not None:
            raise self._failure
        if self.unlock is None:
            self._failure = KeyError_(
                "这是加密数据包，需要县局密钥口令才能打开：请输入口令后重新导入",
                message_en="This bundle is encrypted and needs the bureau key's passphrase: enter it and import again",
                kind="needs_passphrase",
            )
            raise self._failure
        try:
            self._identities = list(self.unlock())
        except KnownError as exc:
            self._failure = exc
            raise
        return self._identities


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; directories scanned (recursively, sorted) for ``*.fqbundle``."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.fqbundle") if q.is_file()))
        else:
            out.append(p)
    return out


def import_bundles(
    central: Central,
    paths: Sequence[str | Path],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    decryption: Decryption | None = None,
) -> list[ImportOutcome]:
    """Import each bundle (directories are scanned); stops early only when cancelled."""
    todo = expand_paths(paths)
    outcomes: list[ImportOutcome] = []
    with central.read() as conn:
        # for the signature check only; whether a key may sign is decided per bundle, in the DB
        keys = trust.verification_keys(conn)
    for i, p in enumerate(todo):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(i, len(todo), str(p))
        outcome = import_bundle(central, p, dry_run=dry_run, cancelled=cancelled, keys=keys, decryption=decryption)
        outcomes.append(outcome)
        if outcome.status == CANCELLED:
            break
    if progress is not None:
        progress(len(outcomes), len(todo), "")
    _final_gap_warnings(central, outcomes)
    return outcomes


def _final_gap_warnings(central: Central, outcomes: list[ImportOutcome]) -> None:
    """Gaps are judged after the whole batch: bundles may come in any order."""
    devices = {o.device_id for o in outcomes if o.status == IMPORTED and o.device_id}
    if not devices:
        return
    with central.read() as conn:
        gaps = {d: checks.chain_gaps(conn, d) for d in sorted(devices)}
    for o in outcomes:
        if o.status == IMPORTED and o.device_id and gaps.get(o.device_id):
            zh, en = _gap_text(o.device_id, gaps.pop(o.device_id))
            o.warnings.append(zh)
            o.warnings_en.append(en)


def _gap_text(device: str, gaps: list[tuple[int, int]]) -> tuple[str, str]:
    spans = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in gaps)
    return (
        f"设备 {device} 缺少序号 {spans} 的数据包（可能尚未送达）",
        f"device {device} is missing bundle sequence(s) {spans} (perhaps not delivered yet)",
    )


def import_bundle(
    central: Central,
    path: str | Path,
    *,
    dry_run: bool = False,
    cancelled: Callable[[], bool] | None = None,
    keys: Mapping[str, PublicKey] | None = None,
    decryption: Decryption | None = None,
) -> ImportOutcome:
    path = Path(path)
    outcome = ImportOutcome(path=str(path), status=REFUSED)
    decryption = decryption or Decryption()
    staged: Path | None = None
    inner: Path | None = None  # the decrypted inner zip of a v2 bundle (a private temp file)
    file_sha = None
    vb: VerifiedBundle | None = None
    try:
        try:
            staged, file_sha = files.stage(path, central.files_dir)
        except OSError as exc:
            raise MergeError(
                f"无法读取文件：{exc.strerror or exc}", message_en=f"cannot read the file: {exc.strerror or exc}"
            ) from None
        with central.read() as conn:
            same = conn.execute(
                select(BUNDLES).where(BUNDLES.c.file_sha256 == file_sha, BUNDLES.c.status.in_([IMPORTED, QUARANTINED]))
            ).first()
            if same is not None:  # these very bytes were verified and received before
                return _already_file(central, outcome, same, staged, dry_run)
            if keys is None:
                keys = trust.verification_keys(conn)
        inner = _open_layers(staged, decryption)
        vb = verify_bundle(inner or staged, public_keys=keys, cancelled=cancelled)
        _describe(outcome, vb)
        with central.read() as conn:
            if (held := _received(conn, vb.manifest_sha256)) is not None:
                return _already(central, outcome, vb, staged, dry_run, held)
            checks.check_trust(conn, vb)
            checks.check_bundle_id(conn, vb)
            revisions = checks.revisions_of(conn, vb)
            if dry_run:
                plan = make_plan(revisions, load_snapshot(conn, revisions), vb.key_id)
                outcome.status = PLANNED
                outcome.counts = _counts(vb, plan)
                return outcome
        with central.write() as conn:
            if (held := _received(conn, vb.manifest_sha256)) is not None:  # another importer was quicker
                return _already(central, outcome, vb, staged, dry_run, held)
            plan = make_plan(revisions, load_snapshot(conn, revisions), vb.key_id)
            counts = _counts(vb, plan)
            _record_bundle(
                conn,
                vb,
                path,
                IMPORTED,
                None,
                counts,
                file_sha=file_sha,
                archived=f"{central.archive_dir.name}/{files.archive_name(vb.bundle_id)}",
            )
            apply_plan(
                conn,
                plan,
                manifest_sha256=vb.manifest_sha256,
                revisions=revisions,
                read_photo=vb.read_photo,
                signer=vb.key_id,
            )
            changed = chain.settle(conn, vb.device_id, vb.key_id)
            chain.refresh_carried(conn, changed)
            mine = conn.execute(
                select(BUNDLES.c.status, BUNDLES.c.reason, BUNDLES.c.reason_en).where(
                    BUNDLES.c.manifest_sha256 == vb.manifest_sha256
                )
            ).one()
            _chain_warnings(conn, outcome, vb, changed)
            log_action(
                conn, "import", path, file_sha, vb.manifest_sha256, mine.status, mine.reason or outcome_line(counts)
            )
            # archived before the commit: a crash in between leaves an archived copy of a
            # bundle not yet imported, which the next import of it simply replaces
            vb_path = files.place(staged, central.archive_dir, files.archive_name(vb.bundle_id))
            staged = None
        outcome.status = mine.status
        outcome.counts = counts
        outcome.archived = str(vb_path)
        if mine.status == QUARANTINED:
            outcome.reason, outcome.reason_en = mine.reason, mine.reason_en
            outcome.quarantined = str(_held_report(central, outcome, vb_path, file_sha))
        return outcome
    except BundleCancelled:
        outcome.status = CANCELLED
        return outcome
    except (BundleError, MergeError) as exc:
        outcome.status = REFUSED
        plain = refusals.explain(exc)
        outcome.reason, outcome.reason_en = plain.reason, plain.reason_en
        outcome.detail, outcome.detail_en = plain.detail, plain.detail_en
        outcome.member = getattr(exc, "member", None)
        if not dry_run:
            staged = _refuse(central, outcome, vb, path, staged, file_sha)
        return outcome
    except KnownError as exc:  # a wrong passphrase, a database become unusable: not the bundle's fault
        outcome.status = REFUSED
        plain_words = refusals.explain(exc) if exc.kind else None
        outcome.reason = plain_words.reason if plain_words else exc.message
        outcome.reason_en = plain_words.reason_en if plain_words else exc.message_en
        return outcome
    finally:
        files.discard(staged)
        files.discard(inner)


def _open_layers(staged: Path, decryption: Decryption) -> Path | None:
    """The decrypted inner zip of a v2 bundle (a private temp file), or None for a plaintext one."""
    with open(staged, "rb") as f:
        version = agecrypt.sniff_bytes(f.read(len(agecrypt.AGE_MAGIC)))
    if version == agecrypt.V1 and decryption.require_encryption:
        raise MergeError(
            "zip: 未加密的数据包（本局要求加密）",
            message_en="zip: a plaintext bundle (this bureau requires encryption)",
            kind="plaintext_refused",
        )
    if version != agecrypt.V2:
        return None  # a plaintext bundle, or not a bundle at all: the verifier says which
    with open(staged, "rb") as f:
        agecrypt.read_header(f)  # the stanza cap, before the passphrase is even asked
    identities = decryption.identities()
    plain = agecrypt.private_temp()
    try:
        agecrypt.decrypt_to(staged, plain, identities)
    except BaseException:
        files.discard(plain)
        raise
    return plain


def outcome_line(counts: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))


def _describe(outcome: ImportOutcome, vb: VerifiedBundle) -> None:
    outcome.bundle_id = vb.bundle_id
    outcome.manifest_sha256 = vb.manifest_sha256
    outcome.device_id = vb.device_id
    outcome.sequence = vb.sequence
    outcome.inspector = f"{vb.inspector.get('name', '')}（{vb.inspector.get('unit', '')}）"


def _counts(vb: VerifiedBundle, plan: MergePlan) -> dict:
    return {"inspections": len(vb.records), **plan.summary()}


def _received(conn: Connection, manifest_sha: str):
    """The stored row (status, reasons) when this manifest's content is stored, else None."""
    return conn.execute(
        select(BUNDLES.c.status, BUNDLES.c.reason, BUNDLES.c.reason_en).where(
            BUNDLES.c.manifest_sha256 == manifest_sha, BUNDLES.c.status.in_([IMPORTED, QUARANTINED])
        )
    ).first()


def _chain_warnings(
    conn: Connection, outcome: ImportOutcome, vb: VerifiedBundle, changed: dict[str, tuple[str, str]]
) -> None:
    """Bundles received earlier that this one moved into or out of quarantine."""
    others = sorted(m for m in changed if m != vb.manifest_sha256)
    if not others:
        return
    for r in conn.execute(
        select(BUNDLES.c.bundle_id, BUNDLES.c.sequence, BUNDLES.c.status)
        .where(BUNDLES.c.manifest_sha256.in_(others))
        .order_by(BUNDLES.c.sequence, BUNDLES.c.bundle_id)
    ):
        if r.status == QUARANTINED:
            outcome.warnings.append(
                f"设备 {vb.device_id} 第 {r.sequence} 号数据包（{r.bundle_id}）因分叉改为隔离，其内容暂不计入"
            )
            outcome.warnings_en.append(
                f"bundle {r.sequence} of device {vb.device_id} "
                f"({r.bundle_id}) is now quarantined (a fork); its content "
                "no longer counts"
            )
        else:
            outcome.warnings.append(f"设备 {vb.device_id} 第 {r.sequence} 号数据包（{r.bundle_id}）现已导入")
            outcome.warnings_en.append(f"bundle {r.sequence} of device {vb.device_id} ({r.bundle_id}) is now imported")


def _held_report(central: Central, outcome: ImportOutcome, archived: Path, file_sha: str) -> Path:
    """The report in quarantine/ for a bundle stored but held; the file stays in archive/."""
    central.quarantine_dir.mkdir(parents=True, exist_ok=True)
    dest = central.quarantine_dir / files.quarantine_name(archived, outcome.bundle_id, file_sha)
    shutil.copyfile(archived, dest)  # beside its report, like every quarantined file
    files.write_report(
        dest,
        source=Path(outcome.path),
        status=outcome.status,
        reason_zh=outcome.reason,
        reason_en=outcome.reason_en,
        details={
            "archived": str(archived),
            "bundle_id": outcome.bundle_id,
            "device_id": outcome.device_id,
            "sequence": outcome.sequence,
            "inspector": outcome.inspector,
            "manifest_sha256": outcome.manifest_sha256,
            "file_sha256": file_sha,
        },
    )
    return dest


def _already(
    central: Central, outcome: ImportOutcome, vb: VerifiedBundle, staged: Path, dry_run: bool, held=None
) -> ImportOutcome:
    outcome.status = ALREADY
    if held is not None and held.status == QUARANTINED:
        outcome.status = QUARANTINED
        outcome.reason, outcome.reason_en = held.reason or "", held.reason_en or ""
    target = central.archive_dir / files.archive_name(vb.bundle_id)
    if not dry_run and not target.exists():
        # imported by a process killed before it could archive (or the archive was pruned)
        files.place(staged, central.archive_dir, target.name)
    outcome.archived = str(target)
    return outcome


def _already_file(central: Central, outcome: ImportOutcome, row, staged: Path, dry_run: bool) -> ImportOutcome:
    outcome.bundle_id, outcome.manifest_sha256 = row.bundle_id, row.manifest_sha256
    outcome.device_id, outcome.sequence = row.device_id, row.sequence
    outcome.inspector = f"{row.inspector_name}（{row.inspector_unit}）"
    outcome.status = ALREADY
    if row.status == QUARANTINED:
        outcome.status = QUARANTINED
        outcome.reason, outcome.reason_en = row.reason or "", row.reason_en or ""
    target = central.archive_dir / files.archive_name(row.bundle_id)
    if not dry_run and not target.exists():
        files.place(staged, central.archive_dir, target.name)
    outcome.archived = str(target)
    return outcome


def _record_bundle(
    conn: Connection,
    vb: VerifiedBundle,
    path: Path,
    status: str,
    reason: str | None,
    counts: dict,
    archived: str | None,
    file_sha: str | None = None,
) -> None:
    values = dict(
        bundle_id=vb.bundle_id,
        device_id=vb.device_id,
        sequence=vb.sequence,
        previous_manifest_sha256=vb.previous_manifest_sha256,
        key_id=vb.key_id,
        inspector_name=str(vb.inspector.get("name", ""))[:100],
        inspector_unit=str(vb.inspector.get("unit", ""))[:200],
        created_at=vb.manifest["created_at"],
        status=status,
        reason=reason,
        file_name=path.name[:255],
        file_sha256=file_sha,
        archived_path=archived,
        n_inspections=counts.get("inspections", len(vb.records)),
        n_new_revisions=counts.get("new_revisions", 0),
        n_conflicts=counts.get("conflicts", 0),
        n_photos=counts.get("new_photos", 0),
        imported_at=datetime.now(timezone.utc),
    )
    exists = conn.execute(select(BUNDLES.c.status).where(BUNDLES.c.manifest_sha256 == vb.manifest_sha256)).first()
    if exists:
        conn.execute(update(BUNDLES).where(BUNDLES.c.manifest_sha256 == vb.manifest_sha256).values(**values))
    else:
        conn.execute(insert(BUNDLES).values(manifest_sha256=vb.manifest_sha256, **values))


def log_action(
    conn: Connection,
    action: str,
    path: Path | None,
    file_sha: str | None,
    manifest_sha: str | None,
    outcome: str,
    message: str,
) -> None:
    conn.execute(
        insert(LOG).values(
            at=datetime.now(timezone.utc),
            action=action,
            file_name=str(path)[:255] if path else None,
            file_sha256=file_sha,
            manifest_sha256=manifest_sha,
            outcome=outcome,
            message=message,
        )
    )


def _refuse(
    central: Central,
    outcome: ImportOutcome,
    vb: VerifiedBundle | None,
    path: Path,
    staged: Path | None,
    file_sha: str | None,
) -> Path | None:
    """Quarantine the file with a report and record the refusal; returns what is left to discard."""
    if staged is not None and file_sha is not None:
        name = files.quarantine_name(path, vb.bundle_id if vb else None, file_sha)
        dest = files.place(staged, central.quarantine_dir, name)
        staged = None
        files.write_report(
            dest,
            source=path,
            status=outcome.status,
            reason_zh=outcome.reason,
            reason_en=outcome.reason_en,
            details={
                "member": outcome.member,
                "detail": outcome.detail,
                "detail_en": outcome.detail_en,
                "bundle_id": outcome.bundle_id,
                "device_id": outcome.device_id,
                "sequence": outcome.sequence,
                "inspector": outcome.inspector,
                "manifest_sha256": outcome.manifest_sha256,
                "file_sha256": file_sha,
            },
        )
        outcome.quarantined = str(dest)
    try:
        with central.write() as conn:
            if vb is not None and _received(conn, vb.manifest_sha256) is None:
                _record_bundle(conn, vb, path, outcome.status, outcome.reason, {}, archived=None, file_sha=file_sha)
            log_action(
                conn,
                "import",
                path,
                file_sha,
                vb.manifest_sha256 if vb else None,
                outcome.status,
                f"{outcome.reason}\n{outcome.reason_en}",
            )
    except KnownError:
        log.exception("could not record the refusal of %s", path)
    return staged
