"""The part of an import that needs no database: stage, verify, check and recompute one bundle.

``prepare_bundle`` runs ahead of the database work (in a worker process when a core
is free, see ``merge/pipeline.py``): it copies the bundle into ``incoming/`` (hashed
and, unless its bytes are known already, flushed to disk), verifies that copy,
checks the signer against the trust store and every record against the registered
forms and the roster, and recomputes every score. It reads the central database
only through a :class:`RunContext`, a snapshot taken once per run (trust entries,
registered forms, roster codes, the file hashes received before), so the result is
plain data that crosses a process boundary.

A problem is not raised here but kept, in the order the importer must report it:
the verifier's refusal first, then (after the importer checks whether the
manifest was received before) the signer's, then (after the bundle id check) the
records'. The importer, holding the database, decides which one applies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from fengqiao_desktop.bundle import agecrypt
from fengqiao_desktop.bundle.canonical import BundleCancelled
from fengqiao_desktop.bundle.minisign import PublicKey
from fengqiao_desktop.bundle.verifier import VerifiedBundle, verify_bundle
from fengqiao_desktop.errors import BundleError, KnownError, MergeError
from fengqiao_desktop.formengine.schema import FormDef
from fengqiao_desktop.fsutil import fsync_file
from fengqiao_desktop.merge import files, signer
from fengqiao_desktop.merge.records import RevisionData, revisions_from

# a bundle up to this size is read once, into memory: hashed, copied to incoming/ and verified from
# those bytes, and its photos taken from them again without reading or hashing the file a second time
KEEP_IN_MEMORY = 64 * 1024 * 1024


@dataclass(frozen=True)
class RunContext:
    """What one import run reads of the central database before it starts (plain data)."""

    files_dir: Path
    keys: Mapping[str, PublicKey]  # every key of the trust store, for the signature check
    entries: Mapping[str, signer.TrustEntry]  # whether a key may sign, by key id
    forms: Mapping[str, FormDef]  # registered forms by sha256
    stations: frozenset[str]  # roster codes
    received_files: frozenset[str]  # sha256 of bundle files imported or quarantined before


@dataclass
class Prepared:
    """One bundle file made ready for the database (plain data: safe to hand to any process)."""

    path: Path
    staged: Path | None = None  # the copy in incoming/ (to archive, quarantine or discard)
    inner: Path | None = None  # the decrypted inner zip of a v2 bundle (a private temp file)
    file_sha: str | None = None
    data: bytes | None = field(default=None, repr=False)  # the file's bytes, when small enough to keep
    flushed: bool = False  # the staged copy is on disk already (else the batch syncs it)
    received_file: bool = False  # these very bytes were received before (not verified again)
    encrypted: bool = False  # a v2 bundle left for the importer to open (it holds the passphrase)
    vb: VerifiedBundle | None = None
    revisions: list[RevisionData] = field(default_factory=list)
    failed: KnownError | None = None  # staging or verification failed (nothing else was checked)
    signer_problem: MergeError | None = None
    records_problem: MergeError | None = None
    cancelled: bool = False

    def without_bytes(self) -> Prepared:
        """This preparation without the file's bytes kept in memory, nor its records once made
        into revisions (to send it to another process cheaply: pickling them cost more than the
        importer gains): what is read later comes from the staged copy, checked again."""
        if self.data is not None and self.staged is not None:
            self.data = None
            if self.vb is not None:
                self.vb.read_from(self.staged)
        if self.vb is not None and self.staged is not None:
            self.vb.forget_records()  # the importer reads the revisions (and the manifest's count)
        return self

    def discard(self) -> None:
        """Remove what this preparation left on disk (when the importer does not use it)."""
        files.discard(self.staged)
        files.discard(self.inner)
        self.staged = self.inner = None
        self.data = None


def stage(path: Path, ctx: RunContext) -> Prepared:
    """Copy the bundle into incoming/ and hash it; note whether its bytes were received before."""
    out = Prepared(path=path)
    try:
        out.staged, out.file_sha, out.data = files.stage(path, ctx.files_dir, keep_up_to=KEEP_IN_MEMORY)
    except OSError as exc:
        out.failed = MergeError(
            f"无法读取文件：{exc.strerror or exc}", message_en=f"cannot read the file: {exc.strerror or exc}"
        )
        return out
    out.received_file = out.file_sha in ctx.received_files
    return out


def prepare_bundle(
    path: Path,
    ctx: RunContext,
    *,
    identities: Callable[[], list] | None = None,
    require_encryption: bool = False,
    cancelled: Callable[[], bool] | None = None,
    flush: bool = False,
) -> Prepared:
    """Stage, verify, check and recompute one bundle (see the module docstring).

    ``identities`` opens an encrypted bundle; without it a v2 bundle comes back staged
    with ``encrypted`` set, for :func:`finish` where the passphrase can be asked.
    """
    out = stage(path, ctx)
    if out.failed is not None or out.received_file:
        return out
    return finish(
        out, ctx, identities=identities, require_encryption=require_encryption, cancelled=cancelled, flush=flush
    )


def finish(
    out: Prepared,
    ctx: RunContext,
    *,
    identities: Callable[[], list] | None = None,
    require_encryption: bool = False,
    cancelled: Callable[[], bool] | None = None,
    flush: bool = False,
) -> Prepared:
    """Verify, check and recompute a staged bundle (``prepare_bundle`` after staging); with
    ``flush`` its staged copy is flushed to disk (a worker's time is cheaper than the importer's)."""
    assert out.staged is not None
    try:
        out.encrypted = False
        out.inner = _open_layers(out.staged, identities, require_encryption)
        if out.inner is None and identities is None and _is_encrypted(out.staged):
            out.encrypted = True
            return out
        if flush:  # here, off the database's path (a worker): the importer only moves it
            fsync_file(out.staged)
            out.flushed = True
        source = out.inner or (out.data if out.data is not None else out.staged)
        vb = verify_bundle(source, public_keys=ctx.keys, cancelled=cancelled)
    except BundleCancelled:
        out.cancelled = True
        return out
    except KnownError as exc:  # a refusal, a wrong passphrase: the importer says which
        out.failed = exc
        return out
    out.vb = vb
    try:
        signer.check_signer(ctx.entries.get(vb.key_id.upper()), vb.key_id, vb.manifest)
        signer.check_records_signer(vb.key_id, vb.manifest, vb.records)
    except MergeError as exc:
        out.signer_problem = exc
        return out
    try:
        out.revisions = revisions_from(vb, ctx.forms, ctx.stations)
    except MergeError as exc:
        out.records_problem = exc
    return out


def _is_encrypted(staged: Path) -> bool:
    with open(staged, "rb") as f:
        return agecrypt.sniff_bytes(f.read(len(agecrypt.AGE_MAGIC))) == agecrypt.V2


def _open_layers(staged: Path, identities: Callable[[], list] | None, require_encryption: bool) -> Path | None:
    """The decrypted inner zip of a v2 bundle (a private temp file), or None for a plaintext one
    (or a v2 one when ``identities`` is None: the caller opens it later)."""
    with open(staged, "rb") as f:
        version = agecrypt.sniff_bytes(f.read(len(agecrypt.AGE_MAGIC)))
    if version == agecrypt.V1 and require_encryption:
        raise MergeError(
            "zip: 未加密的数据包（本局要求加密）",
            message_en="zip: a plaintext bundle (this bureau requires encryption)",
            kind="plaintext_refused",
        )
    if version != agecrypt.V2 or identities is None:
        return None  # a plaintext bundle, or not a bundle at all: the verifier says which
    with open(staged, "rb") as f:
        agecrypt.read_header(f)  # the stanza cap, before the passphrase is even asked
    keys = identities()
    plain = agecrypt.private_temp()
    try:
        agecrypt.decrypt_to(staged, plain, keys)
    except BaseException:
        files.discard(plain)
        raise
    return plain


def as_bundle_error(exc: BaseException) -> KnownError:
    """What a worker's unexpected failure becomes: a refusal of that bundle, not a crash of the run."""
    if isinstance(exc, KnownError):
        return exc
    return BundleError(
        f"数据包无效：{type(exc).__name__}: {exc}", message_en=f"invalid bundle: {type(exc).__name__}: {exc}"
    )
