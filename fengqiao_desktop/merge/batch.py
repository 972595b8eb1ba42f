"""The database side of an import: prepared bundles applied in batches, each bundle all or nothing.

A batch is ONE write transaction (one lock: ``BEGIN IMMEDIATE`` on SQLite, the
``merge_lock`` row on PostgreSQL; one commit, so one log flush) holding up to
``MAX_BUNDLES`` bundles; each bundle runs inside its own SAVEPOINT, so a bundle
refused halfway leaves nothing of itself while the others of the batch stay.
For each bundle, in its savepoint: whether its manifest was received before, the
signer's and the bundle id's checks, the plan from a fresh snapshot, the writes,
the device chain re-decided and what it carries re-derived (docs/merge.md).

Archived copies are moved into ``archive/`` as their bundle is applied and made
durable once for the batch, just before the commit (``files.sync_moved``: one
``syncfs`` on Linux; elsewhere a worker flushes the copies it stages itself): a crash in
between leaves archived copies of bundles not yet imported, which the next import
of them simply replaces.

If the commit itself fails, no bundle of the batch was imported: their outcomes
say so (refused, with the database's reason).
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import bindparam, insert, or_, select, update
from sqlalchemy.engine import Connection

from fengqiao_desktop.bundle.verifier import VerifiedBundle
from fengqiao_desktop.errors import BundleError, KnownError, MergeError
from fengqiao_desktop.merge import chain, checks, files, models, photos, refusals
from fengqiao_desktop.merge.apply import apply_plan, defer_derived, flush_derived, load_snapshot, stop_deferring
from fengqiao_desktop.merge.db import Central
from fengqiao_desktop.merge.outcome import ALREADY, IMPORTED, PLANNED, QUARANTINED, REFUSED, ImportOutcome
from fengqiao_desktop.merge.plan import MergePlan, Snapshot, make_plan
from fengqiao_desktop.merge.prepare import Prepared

log = logging.getLogger(__name__)

BUNDLES = models.table_of(models.Bundle)
LOG = models.table_of(models.ImportLog)

# a batch is committed at whichever comes first: short enough that another clerk's import
# (or the page's refresh) waits little for the lock, long enough to spread a commit's flush
MAX_BUNDLES = 64
MAX_SECONDS = 2.0
MAX_PHOTO_BYTES = 256 * 1024 * 1024


class Batch:
    """Bundles applied in one transaction (see the module docstring); ``add`` opens it as needed,
    ``commit`` ends it. With ``dry_run`` the transaction only reads and each bundle is planned."""

    def __init__(self, central: Central, *, dry_run: bool = False) -> None:
        self.central = central
        self.dry_run = dry_run
        self._stack: ExitStack | None = None
        self._conn: Connection | None = None
        self._pending: list[ImportOutcome] = []  # outcomes that stand only if the batch commits
        self._held: list[tuple[ImportOutcome, Path, str]] = []  # quarantined on import: report after commit
        self._started = 0.0
        self._photo_bytes = 0

    # -- the transaction ------------------------------------------------------------------------

    def _connection(self) -> Connection:
        if self._conn is None:
            self._stack = ExitStack()
            tx = self.central.read() if self.dry_run else self.central.write()
            self._conn = self._stack.enter_context(tx)
            self._stack.callback(stop_deferring, self._conn)
            defer_derived(self._conn)
            self._logs: list[dict] = []
            self._unflushed: list[Path] = []  # archived copies the batch must make durable
            self._chains: dict[tuple[str, str], chain.KeptChain] = {}  # device chains read, kept current
            self._started = time.monotonic()
            self._photo_bytes = 0
        return self._conn

    @property
    def full(self) -> bool:
        return self._conn is not None and (
            len(self._pending) >= MAX_BUNDLES
            or time.monotonic() - self._started >= MAX_SECONDS
            or self._photo_bytes >= MAX_PHOTO_BYTES
        )

    def commit(self) -> None:
        """End the batch: the archive folder synced, then the commit; a failed commit refuses the batch."""
        if self._stack is None:
            return
        conn = self._conn
        assert conn is not None
        try:
            if self._logs:
                conn.execute(insert(LOG), self._logs)
            flush_derived(conn)  # winners' verdicts in their visits, the coverage summary
        except BaseException as exc:
            self.abandon(exc)
            raise
        stack, self._stack, self._conn = self._stack, None, None
        pending, self._pending = self._pending, []
        held, self._held = self._held, []
        unflushed, self._unflushed = self._unflushed, []
        try:
            if pending and not self.dry_run:
                files.sync_moved(self.central.archive_dir, unflushed)
            stack.close()
        except KnownError as exc:  # the database became unusable, the disk is full: nothing of it stands
            _undo(pending, exc)
            return
        for outcome, archived, file_sha in held:
            outcome.quarantined = str(_held_report(self.central, outcome, archived, file_sha))

    def abandon(self, exc: BaseException) -> KnownError | None:
        """Roll the batch back after an error outside any bundle's savepoint; returns the error as
        the user is told it (a database become unusable, a full disk), or None for a bug."""
        if self._stack is None:
            return exc if isinstance(exc, KnownError) else None
        stack, self._stack, self._conn = self._stack, None, None
        pending, self._pending, self._held = self._pending, [], []
        try:
            stack.__exit__(type(exc), exc, exc.__traceback__)
        except KnownError as translated:  # the database's error, in words (merge/db.py)
            exc = translated
        except Exception:  # noqa: BLE001 - the error that made us abandon is the one to tell
            log.exception("rolling back an import batch failed")
        if not isinstance(exc, KnownError):
            return None
        _undo(pending, exc)
        return exc

    # -- one bundle -----------------------------------------------------------------------------

    def add(self, p: Prepared, finish: Callable[[Prepared], Prepared]) -> ImportOutcome:
        """Apply one prepared bundle (``finish`` completes one prepared only up to staging)."""
        outcome = ImportOutcome(path=str(p.path), status=REFUSED)
        try:
            conn = self._connection()
            if p.received_file:
                row = conn.execute(
                    select(BUNDLES).where(
                        BUNDLES.c.file_sha256 == p.file_sha, BUNDLES.c.status.in_([IMPORTED, QUARANTINED])
                    )
                ).first()
                if row is not None:  # these very bytes were verified and received before
                    return _already_file(self.central, outcome, row, p, self.dry_run)
                p.received_file = False
                p = finish(p)
            if p.failed is not None:
                return self._refused(conn, outcome, p, p.failed)
            return self._apply(conn, outcome, p)
        finally:
            p.discard()

    def _apply(self, conn: Connection, outcome: ImportOutcome, p: Prepared) -> ImportOutcome:
        vb = p.vb
        assert vb is not None
        _describe(outcome, vb)
        savepoint = conn.begin_nested()
        try:
            stored, id_taken = _stored(conn, vb)
            if stored is not None and stored.status in (IMPORTED, QUARANTINED):
                savepoint.commit()
                return _already(self.central, outcome, vb, p, self.dry_run, stored)
            if p.signer_problem is not None:
                raise p.signer_problem
            if id_taken:
                raise checks.bundle_id_taken(vb)
            if p.records_problem is not None:
                raise p.records_problem
            snapshot = load_snapshot(conn, p.revisions)
            plan = make_plan(p.revisions, snapshot, vb.key_id)
            outcome.counts = _counts(vb, plan)
            if self.dry_run:
                savepoint.commit()
                outcome.status = PLANNED
                return outcome
            status, reason, reason_en = self._write(conn, outcome, p, plan, snapshot, known=stored is not None)
            # made durable once for the whole batch (or flushed already by a worker), before the commit
            assert p.staged is not None
            archived = files.move(p.staged, self.central.archive_dir, files.archive_name(vb.bundle_id))
            p.staged = None
            if not p.flushed:
                self._unflushed.append(archived)
            savepoint.commit()
        except (BundleError, MergeError) as exc:
            savepoint.rollback()
            self._chains.clear()  # they may hold what was rolled back
            return self._refused(conn, outcome, p, exc)
        outcome.status = status
        outcome.archived = str(archived)
        self._pending.append(outcome)
        self._photo_bytes += sum(m.size for m in vb.photos.values())
        if status == QUARANTINED:
            outcome.reason, outcome.reason_en = reason, reason_en
            assert p.file_sha is not None
            self._held.append((outcome, archived, p.file_sha))
        return outcome

    def _write(
        self, conn: Connection, outcome: ImportOutcome, p: Prepared, plan: MergePlan, snapshot: Snapshot, *, known: bool
    ) -> tuple[str, str, str]:
        """The bundle's rows, its chain re-decided; returns its status and reasons afterwards."""
        vb = p.vb
        assert vb is not None
        _record_bundle(
            conn,
            vb,
            p.path,
            IMPORTED,
            None,
            outcome.counts,
            file_sha=p.file_sha,
            archived=f"{self.central.archive_dir.name}/{files.archive_name(vb.bundle_id)}",
            known=known,
        )
        apply_plan(
            conn,
            plan,
            manifest_sha256=vb.manifest_sha256,
            revisions=p.revisions,
            photos=photos.source_for(
                sqlite=self.central.is_sqlite,
                archived_is_verified=p.inner is None,  # not the decrypted copy of an encrypted bundle
                manifest_sha256=vb.manifest_sha256,
                sizes={m.sha256: m.size for m in vb.photos.values()},
                read=vb.read_photo,
            ),
            signer=vb.key_id,
            snapshot=snapshot,
        )
        verdicts: dict[str, chain.Verdict] = {}
        kept = self._chains.get((vb.device_id, vb.key_id))
        if kept is None or known:  # not read yet, or a row of it existed (refused before): read afresh
            kept = self._chains[(vb.device_id, vb.key_id)] = chain.KeptChain()
        else:  # the chain's rows are kept from an earlier bundle of this batch: add this one
            kept.add(
                chain.ChainRow(
                    vb.manifest_sha256, vb.sequence, vb.previous_manifest_sha256, None, None, IMPORTED, None, None
                )
            )
        changed = chain.settle(conn, vb.device_id, vb.key_id, verdicts, kept)
        chain.refresh_carried(conn, changed)
        status, reason, reason_en = verdicts[vb.manifest_sha256]
        _chain_warnings(conn, outcome, vb, changed)
        self._logs.append(
            log_row("import", p.path, p.file_sha, vb.manifest_sha256, status, reason or outcome_line(outcome.counts))
        )
        return status, reason or "", reason_en or ""

    def _refused(self, conn: Connection, outcome: ImportOutcome, p: Prepared, exc: KnownError) -> ImportOutcome:
        outcome.status = REFUSED
        if not isinstance(exc, BundleError | MergeError):
            # a wrong passphrase, a database become unusable: not the bundle's fault, not recorded
            plain_words = refusals.explain(exc) if exc.kind else None
            outcome.reason = plain_words.reason if plain_words else exc.message
            outcome.reason_en = plain_words.reason_en if plain_words else exc.message_en
            return outcome
        plain = refusals.explain(exc)
        outcome.reason, outcome.reason_en = plain.reason, plain.reason_en
        outcome.detail, outcome.detail_en = plain.detail, plain.detail_en
        outcome.member = getattr(exc, "member", None)
        if not self.dry_run:
            self._logs.append(_refuse(conn, self.central, outcome, p))
            self._pending.append(outcome)
        return outcome


def _undo(pending: list[ImportOutcome], exc: KnownError) -> None:
    """The batch did not commit: none of these bundles was imported (or its refusal recorded)."""
    for o in pending:
        o.status = REFUSED
        o.reason, o.reason_en = exc.message, exc.message_en
        o.counts, o.warnings, o.warnings_en = {}, [], []
        o.archived = o.quarantined = None


def outcome_line(counts: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(counts.items()))


def _describe(outcome: ImportOutcome, vb: VerifiedBundle) -> None:
    outcome.bundle_id = vb.bundle_id
    outcome.manifest_sha256 = vb.manifest_sha256
    outcome.device_id = vb.device_id
    outcome.sequence = vb.sequence
    outcome.inspector = f"{vb.inspector.get('name', '')}（{vb.inspector.get('unit', '')}）"


def _counts(vb: VerifiedBundle, plan: MergePlan) -> dict:
    return {"inspections": len(vb.inspections), **plan.summary()}


_STORED = select(
    BUNDLES.c.manifest_sha256, BUNDLES.c.bundle_id, BUNDLES.c.status, BUNDLES.c.reason, BUNDLES.c.reason_en
).where(or_(BUNDLES.c.manifest_sha256 == bindparam("manifest"), BUNDLES.c.bundle_id == bindparam("bundle_id")))
_INSERT_BUNDLE = insert(BUNDLES)


def _stored(conn: Connection, vb: VerifiedBundle):
    """The row (status, reasons) of this manifest, whatever its status, else None; and whether a
    received bundle of other content has its bundle id (``checks.check_bundle_id``, in one query)."""
    rows = conn.execute(_STORED, {"manifest": vb.manifest_sha256, "bundle_id": vb.bundle_id}).all()
    mine = next((r for r in rows if r.manifest_sha256 == vb.manifest_sha256), None)
    taken = any(
        r.manifest_sha256 != vb.manifest_sha256 and r.bundle_id == vb.bundle_id and r.status in (IMPORTED, QUARANTINED)
        for r in rows
    )
    return mine, taken


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
    central: Central, outcome: ImportOutcome, vb: VerifiedBundle, p: Prepared, dry_run: bool, held=None
) -> ImportOutcome:
    outcome.status = ALREADY
    if held is not None and held.status == QUARANTINED:
        outcome.status = QUARANTINED
        outcome.reason, outcome.reason_en = held.reason or "", held.reason_en or ""
    return _restore_archive(central, outcome, vb.bundle_id, p, dry_run)


def _already_file(central: Central, outcome: ImportOutcome, row, p: Prepared, dry_run: bool) -> ImportOutcome:
    outcome.bundle_id, outcome.manifest_sha256 = row.bundle_id, row.manifest_sha256
    outcome.device_id, outcome.sequence = row.device_id, row.sequence
    outcome.inspector = f"{row.inspector_name}（{row.inspector_unit}）"
    outcome.status = ALREADY
    if row.status == QUARANTINED:
        outcome.status = QUARANTINED
        outcome.reason, outcome.reason_en = row.reason or "", row.reason_en or ""
    return _restore_archive(central, outcome, row.bundle_id, p, dry_run)


def _restore_archive(central: Central, outcome: ImportOutcome, bundle_id: str, p: Prepared, dry_run: bool):
    target = central.archive_dir / files.archive_name(bundle_id)
    if not dry_run and not target.exists() and p.staged is not None:
        # imported by a process killed before it could archive (or the archive was pruned)
        files.place(p.staged, central.archive_dir, target.name)
        p.staged = None
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
    known: bool | None = None,
) -> None:
    """Insert or update the bundle's row (``known``: whether it has one, when the caller knows)."""
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
        n_inspections=counts.get("inspections", len(vb.inspections)),
        n_new_revisions=counts.get("new_revisions", 0),
        n_conflicts=counts.get("conflicts", 0),
        n_photos=counts.get("new_photos", 0),
        imported_at=datetime.now(timezone.utc),
    )
    if known is None:
        row = conn.execute(select(BUNDLES.c.status).where(BUNDLES.c.manifest_sha256 == vb.manifest_sha256)).first()
        known = row is not None
    if known:
        conn.execute(update(BUNDLES).where(BUNDLES.c.manifest_sha256 == vb.manifest_sha256).values(**values))
    else:
        conn.execute(_INSERT_BUNDLE, {"manifest_sha256": vb.manifest_sha256, **values})


def log_action(
    conn: Connection,
    action: str,
    path: Path | None,
    file_sha: str | None,
    manifest_sha: str | None,
    outcome: str,
    message: str,
) -> None:
    conn.execute(insert(LOG).values(**log_row(action, path, file_sha, manifest_sha, outcome, message)))


def log_row(
    action: str, path: Path | None, file_sha: str | None, manifest_sha: str | None, outcome: str, message: str
) -> dict:
    return {
        "at": datetime.now(timezone.utc),
        "action": action,
        "file_name": str(path)[:255] if path else None,
        "file_sha256": file_sha,
        "manifest_sha256": manifest_sha,
        "outcome": outcome,
        "message": message,
    }


def _refuse(conn: Connection, central: Central, outcome: ImportOutcome, p: Prepared) -> dict:
    """Quarantine the file with a report and record the refusal (in the batch's transaction);
    returns its import log row (written with the batch's, in the order things happened)."""
    vb = p.vb
    if p.staged is not None and p.file_sha is not None:
        name = files.quarantine_name(p.path, vb.bundle_id if vb else None, p.file_sha)
        dest = files.place(p.staged, central.quarantine_dir, name)
        p.staged = None
        files.write_report(
            dest,
            source=p.path,
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
                "file_sha256": p.file_sha,
            },
        )
        outcome.quarantined = str(dest)
    if vb is not None and _received(conn, vb.manifest_sha256) is None:
        _record_bundle(conn, vb, p.path, outcome.status, outcome.reason, {}, archived=None, file_sha=p.file_sha)
    return log_row(
        "import",
        p.path,
        p.file_sha,
        vb.manifest_sha256 if vb else None,
        outcome.status,
        f"{outcome.reason}\n{outcome.reason_en}",
    )
