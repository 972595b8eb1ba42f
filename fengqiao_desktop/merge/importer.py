"""Import bundles into the central database: prepare -> check -> plan -> apply, in batches.

Per bundle (docs/merge.md):

1. copy it into ``incoming/`` and verify that copy with every key of the trust store;
2. if its manifest was imported before: "already imported", nothing changes;
3. the signer is trusted, valid on the bundle's date, not revoked, and is the
   inspector the manifest names; the bundle id is not reused;
4. its forms are registered, its stations are in the roster, every answer fits
   and every claimed score equals the recomputed one;
5. in its own SAVEPOINT of the batch's transaction: the plan is made from a fresh
   snapshot, applied, and the bundle recorded; its device chain is re-decided
   (``chain.settle``: a bundle on a fork is stored but quarantined, and bundles
   received earlier may change side), then the inspections they carry are
   re-derived; the verified copy is moved to ``archive/``.

Steps 1, 3 (the signer) and 4 need no database beyond a snapshot taken once per run
(``prepare.RunContext``): they run ahead of the database work, in worker processes
when a core is free (``merge/pipeline.py``). The rest runs in batches of bundles, one
transaction each (``merge/batch.py``): a bundle is still all or nothing, a cancel
takes effect between bundles, and what was committed stays.

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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from fengqiao_desktop.bundle.minisign import PublicKey
from fengqiao_desktop.errors import KeyError_, KnownError
from fengqiao_desktop.merge import checks, files, models, pipeline
from fengqiao_desktop.merge.batch import Batch, log_action, outcome_line
from fengqiao_desktop.merge.db import Central
from fengqiao_desktop.merge.forms_registry import load_form
from fengqiao_desktop.merge.outcome import (
    ALREADY,
    CANCELLED,
    IMPORTED,
    PLANNED,
    QUARANTINED,
    REFUSED,
    ImportOutcome,
)
from fengqiao_desktop.merge.prepare import RunContext
from fengqiao_desktop.merge.trust import list_keys

__all__ = [
    "ALREADY",
    "CANCELLED",
    "IMPORTED",
    "PLANNED",
    "QUARANTINED",
    "REFUSED",
    "Decryption",
    "ImportOutcome",
    "expand_paths",
    "import_bundle",
    "import_bundles",
    "log_action",
    "outcome_line",
]


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


def run_context(conn: Connection, files_dir: Path) -> RunContext:
    """What one run reads of the central database before it starts, for every bundle's preparation."""
    entries = {e.key_id: e for e in list_keys(conn)}
    forms_table = models.table_of(models.RegisteredForm)
    bundles = models.table_of(models.Bundle)
    forms = {}
    for sha in conn.execute(select(forms_table.c.sha256)).scalars():
        form = load_form(conn, sha)
        if form is not None:
            forms[sha] = form
    received = conn.execute(
        select(bundles.c.file_sha256).where(
            bundles.c.file_sha256.is_not(None), bundles.c.status.in_(["imported", "quarantined"])
        )
    ).scalars()
    return RunContext(
        files_dir=files_dir,
        keys={k: PublicKey.from_line(e.public_key) for k, e in entries.items()},
        entries=entries,
        forms=forms,
        stations=frozenset(conn.execute(select(models.table_of(models.Station).c.code)).scalars()),
        received_files=frozenset(received),
    )


def import_bundles(
    central: Central,
    paths: Sequence[str | Path],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    decryption: Decryption | None = None,
    workers: int | None = None,
) -> list[ImportOutcome]:
    """Import each bundle (directories are scanned); stops early only when cancelled.

    ``workers``: processes preparing bundles ahead of the database work (None: decided
    from the cores and whether the database server is local, ``pipeline.worker_count``).
    """
    cpu = pipeline.CpuSample()  # how busy the cores are, measured while the run gets ready
    todo = expand_paths(paths)
    decryption = decryption or Decryption()
    files.clean_stale(central.files_dir)
    with central.read() as conn:
        ctx = run_context(conn, central.files_dir)
    if workers is None:
        workers = 0 if dry_run else pipeline.worker_count(central.url, len(todo), sample=cpu)
    outcomes: list[ImportOutcome] = []
    batch = Batch(central, dry_run=dry_run)
    with pipeline.Preparer(
        todo,
        ctx,
        workers=workers,
        thread=not central.is_sqlite and not dry_run,  # the importer waits on the server's answers
        identities=decryption.identities,
        require_encryption=decryption.require_encryption,
        cancelled=cancelled,
    ) as source:
        try:
            for i, p in enumerate(todo):
                if cancelled is not None and cancelled():
                    break
                if progress is not None:
                    progress(i, len(todo), str(p))
                prepared = source.get(i)
                if prepared.cancelled or (cancelled is not None and cancelled()):
                    prepared.discard()
                    outcomes.append(ImportOutcome(path=str(p), status=CANCELLED))
                    break
                try:
                    outcomes.append(batch.add(prepared, source.finish))
                except Exception as exc:  # noqa: BLE001 - sorted out by abandon: the user's to fix, or a bug
                    known = batch.abandon(exc)
                    if known is None:
                        raise
                    # the database became unusable: not the bundle's fault; the batch's bundles say so
                    outcomes.append(
                        ImportOutcome(path=str(p), status=REFUSED, reason=known.message, reason_en=known.message_en)
                    )
                if batch.full:
                    batch.commit()
        except BaseException as exc:
            batch.abandon(exc)
            raise
        batch.commit()
    if progress is not None:
        progress(len(outcomes), len(todo), "")
    if not dry_run:
        _final_gap_warnings(central, outcomes)
    return outcomes


def import_bundle(
    central: Central,
    path: str | Path,
    *,
    dry_run: bool = False,
    cancelled: Callable[[], bool] | None = None,
    decryption: Decryption | None = None,
) -> ImportOutcome:
    """One bundle file (``import_bundles`` of it alone)."""
    [outcome] = import_bundles(central, [path], dry_run=dry_run, cancelled=cancelled, decryption=decryption) or [
        ImportOutcome(path=str(path), status=CANCELLED)
    ]
    return outcome


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
