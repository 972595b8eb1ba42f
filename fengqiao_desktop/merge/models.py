"""The central database schema (SQLAlchemy 2 declarative), one for SQLite and PostgreSQL.

The central database is separate from an inspector's local database and has its
own Alembic chain (``merge/migrations``). Design choices that keep the merge
invariants cheap to enforce:

- Inspection revisions are unique by ``(inspection_id, content_sha256)``; which
  bundles carried a revision is a separate table (``revision_sources``), so the
  first bundle to bring a revision does not leave an order-dependent trace in
  the content.
- Photos are content-addressed in the ``photo_blobs`` table. On PostgreSQL the
  bytes are in the row (bytea), so a deployment needs no shared folder; a SQLite
  database keeps the bytes of a plain bundle's photos where they already are, in
  that bundle's archived copy beside the database (``in_bundle``; merge/photos.py),
  so they are written once.
- Times the database itself records (imported_at, added_at) are kept apart from
  content; the digest leaves them out.
- Times copied from records are normalised UTC ISO strings (``...Z``), which sort
  the same on every database.
- One data model, two engines: whatever the bundle verifier accepts fits both
  databases. Sequence and revision numbers are 64-bit (the verifier refuses
  larger ones); text that comes from a record is ``Text`` unless the verifier
  bounds its length (ids, times); no string may hold U+0000 (PostgreSQL cannot).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SHA = String(64)
TS = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Station(Base):
    """The bureau's own roster; bundles for stations not in it are refused."""

    __tablename__ = "stations"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(12), index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    veterans_served: Mapped[int | None] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)


class RegisteredForm(Base):
    """A form the bureau accepts, identified by the sha256 of its canonical content."""

    __tablename__ = "registered_forms"

    sha256: Mapped[str] = mapped_column(SHA, primary_key=True)
    form_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)  # RFC 8785 JSON of the validated form
    registered_at: Mapped[datetime] = mapped_column(TS)


class TrustedKey(Base):
    """An inspector's minisign public key, the person it belongs to and its validity."""

    __tablename__ = "trusted_keys"

    key_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))  # minisign one-line form
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    revoked_at: Mapped[datetime | None] = mapped_column(TS)
    revoke_reason: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(TS)


class TrustedKeyChange(Base):
    """The history of a trusted key: every edit and re-trust, what it was before and why."""

    __tablename__ = "trusted_key_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key_id: Mapped[str] = mapped_column(String(16), index=True)
    at: Mapped[datetime] = mapped_column(TS)
    action: Mapped[str] = mapped_column(String(16))  # add / edit / revoke / retrust
    before: Mapped[str] = mapped_column(Text, default="")  # JSON of the changed fields' old values
    after: Mapped[str] = mapped_column(Text, default="")  # JSON of their new values
    reason: Mapped[str] = mapped_column(Text, default="")


class Bundle(Base):
    """Every bundle seen whose manifest could be read: imported, refused or quarantined."""

    __tablename__ = "bundles"

    manifest_sha256: Mapped[str] = mapped_column(SHA, primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(36), index=True)
    device_id: Mapped[str] = mapped_column(String(64))
    sequence: Mapped[int] = mapped_column(BigInteger)
    previous_manifest_sha256: Mapped[str | None] = mapped_column(SHA)
    key_id: Mapped[str] = mapped_column(String(16))
    inspector_name: Mapped[str] = mapped_column(String(100))
    inspector_unit: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[str] = mapped_column(String(32))  # as in the manifest (UTC ISO)
    status: Mapped[str] = mapped_column(String(16))  # imported / refused / quarantined
    reason: Mapped[str | None] = mapped_column(Text)
    reason_en: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(SHA, index=True)  # the whole file, as archived
    archived_path: Mapped[str | None] = mapped_column(String(255))  # relative to the files dir
    n_inspections: Mapped[int] = mapped_column(Integer, default=0)
    n_new_revisions: Mapped[int] = mapped_column(Integer, default=0)
    n_conflicts: Mapped[int] = mapped_column(Integer, default=0)
    n_photos: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(TS)
    # a person's decision on a quarantined bundle (merge/chain.py): released / rejected
    decision: Mapped[str | None] = mapped_column(String(16))
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[datetime | None] = mapped_column(TS)


class InspectionOwner(Base):
    """An inspection the bureau assigned (or handed over) to an inspector's key."""

    __tablename__ = "inspection_owners"

    inspection_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16))
    assigned_by: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    assigned_at: Mapped[datetime] = mapped_column(TS)


class Inspection(Base):
    """One inspection (UUID made on a laptop) and its current winning revision."""

    __tablename__ = "inspections"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12), index=True)
    form_sha256: Mapped[str] = mapped_column(SHA)
    form_id: Mapped[str] = mapped_column(String(64))
    form_kind: Mapped[str] = mapped_column(String(16))
    visit_id: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(Text)
    completed_at: Mapped[str | None] = mapped_column(String(32))
    winner_revision: Mapped[int] = mapped_column(BigInteger)
    winner_sha256: Mapped[str] = mapped_column(SHA)
    total: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[str | None] = mapped_column(String(16))


class InspectionRevision(Base):
    """Every revision ever imported, kept forever; scores are the centrally recomputed ones."""

    __tablename__ = "inspection_revisions"
    __table_args__ = (UniqueConstraint("inspection_id", "content_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), index=True)
    revision: Mapped[int] = mapped_column(BigInteger)
    content_sha256: Mapped[str] = mapped_column(SHA)
    key_id: Mapped[str | None] = mapped_column(String(16))  # the signer (= the record's inspector)
    record: Mapped[str] = mapped_column(Text)  # RFC 8785 JSON of the record
    station_code: Mapped[str] = mapped_column(String(12))
    form_sha256: Mapped[str] = mapped_column(SHA)
    visit_id: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(Text)
    completed_at: Mapped[str | None] = mapped_column(String(32))
    audit_chain: Mapped[str] = mapped_column(Text)  # sha256 per audit entry, space-separated
    total: Mapped[float | None] = mapped_column(Float)
    max_points: Mapped[float | None] = mapped_column(Float)
    own_verdict: Mapped[str | None] = mapped_column(String(16))  # from its own answers
    verdict: Mapped[str | None] = mapped_column(String(16))  # with the visit's five-haves veto


class RevisionSource(Base):
    """Which bundles carried a revision (several bundles may carry the same one)."""

    __tablename__ = "revision_sources"

    revision_id: Mapped[int] = mapped_column(ForeignKey("inspection_revisions.id"), primary_key=True)
    manifest_sha256: Mapped[str] = mapped_column(ForeignKey("bundles.manifest_sha256"), primary_key=True)


class PhotoBlob(Base):
    """A photo, by the sha256 of its bytes: the bytes themselves (``data``), or, with ``in_bundle``
    set, empty ``data`` and the manifest sha256 of the archived bundle holding them."""

    __tablename__ = "photo_blobs"

    sha256: Mapped[str] = mapped_column(SHA, primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    in_bundle: Mapped[str | None] = mapped_column(SHA)


class Finding(Base):
    """Findings (整改事项) of each inspection's winning revision."""

    __tablename__ = "findings"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12), index=True)
    item_id: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(Text)
    severity: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[str | None] = mapped_column(Text)
    # what counts now: record_status, unless a 回头看 elsewhere or the bureau's 销号 says more
    # (merge/followup.py); record_status is the status the winning record gives
    status: Mapped[str | None] = mapped_column(Text)
    record_status: Mapped[str | None] = mapped_column(Text)


class FindingRecheck(Base):
    """A 回头看 verdict on a finding, given in another inspection's winning record (``rechecks``)."""

    __tablename__ = "finding_rechecks"

    target_inspection_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    by_inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), primary_key=True, index=True)
    station_code: Mapped[str] = mapped_column(String(12))
    verdict: Mapped[str] = mapped_column(String(16))  # rectified / open
    note: Mapped[str] = mapped_column(Text, default="")
    photo_sha256: Mapped[str | None] = mapped_column(SHA)
    checked_at: Mapped[str | None] = mapped_column(Text)  # the re-check inspection's completed_at


class FindingClosure(Base):
    """The bureau's 销号 of a finding: who closed it, when, why. A person's decision, never derived."""

    __tablename__ = "finding_closures"

    inspection_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    closed_by: Mapped[str] = mapped_column(String(100))
    closed_at: Mapped[datetime] = mapped_column(TS)
    note: Mapped[str] = mapped_column(Text, default="")


class Conflict(Base):
    """Competing revisions of one inspection, the winner, and a person's resolution."""

    __tablename__ = "conflicts"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), primary_key=True)
    revisions: Mapped[str] = mapped_column(Text)  # JSON [[revision, sha256], ...] sorted
    auto_winner_sha256: Mapped[str] = mapped_column(SHA)
    winner_sha256: Mapped[str] = mapped_column(SHA)
    status: Mapped[str] = mapped_column(String(16))  # open / resolved
    resolved_by: Mapped[str | None] = mapped_column(String(100))
    reason: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None] = mapped_column(TS)


class InspectionReview(Base):
    """The bureau's review of an inspection's winning revision: approved or returned, by whom, when.

    No row, or a row about an older revision (a corrected revision arrived since),
    means the inspection is received (待审核): the review is of the content reviewed.
    """

    __tablename__ = "inspection_reviews"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id"), primary_key=True)
    revision_sha256: Mapped[str] = mapped_column(SHA)  # the winning revision that was reviewed
    state: Mapped[str] = mapped_column(String(16))  # approved / returned
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[str] = mapped_column(String(100))
    reviewed_at: Mapped[datetime] = mapped_column(TS)


class StationSummary(Base):
    """A station's coverage in one CST year, kept current by the merge (merge/summary.py).

    A row exists when the station has a completed inspection in that year that was
    not returned; the finding counts are as at the end of that year.
    """

    __tablename__ = "station_summary"

    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    five: Mapped[int] = mapped_column(Integer)  # current five-haves result is pass
    demo: Mapped[int] = mapped_column(Integer)  # current rubric result is pass
    vetoed: Mapped[int] = mapped_column(Integer)  # current rubric result is veto
    rubric_total: Mapped[float | None] = mapped_column(Float)
    last_at: Mapped[str | None] = mapped_column(String(32))
    open_n: Mapped[int] = mapped_column(Integer)
    verified_n: Mapped[int] = mapped_column(Integer)
    # the station's next year with a row (None: no later one): the finding counts stand until then
    next_year: Mapped[int | None] = mapped_column(Integer)


class StationSummaryDeadline(Base):
    """How many of a summary row's findings, still not rectified, have each deadline (overdue is by as-of date)."""

    __tablename__ = "station_summary_deadlines"

    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    deadline: Mapped[str] = mapped_column(Text, primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class ImportLog(Base):
    """Every import attempt and every clerk action, for the record (not content)."""

    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(TS)
    action: Mapped[str] = mapped_column(String(32))
    file_name: Mapped[str | None] = mapped_column(String(255))
    file_sha256: Mapped[str | None] = mapped_column(SHA)
    manifest_sha256: Mapped[str | None] = mapped_column(SHA)
    outcome: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text, default="")


class MergeLock(Base):
    """A single row that imports lock (FOR UPDATE) so that they run one at a time."""

    __tablename__ = "merge_lock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class TaskPack(Base):
    """A task pack the bureau made: its per-bureau sequence number, for whom, and where it went."""

    __tablename__ = "task_packs"
    __table_args__ = (UniqueConstraint("bureau_id", "sequence"),)

    pack_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    bureau_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    key_id: Mapped[str] = mapped_column(String(16))
    inspector_key_id: Mapped[str] = mapped_column(String(16), index=True)
    manifest_sha256: Mapped[str] = mapped_column(SHA)
    file_name: Mapped[str] = mapped_column(String(255))
    path: Mapped[str] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))  # as in the manifest (UTC ISO)
    n_stations: Mapped[int] = mapped_column(Integer)
    n_forms: Mapped[int] = mapped_column(Integer)
    n_assignments: Mapped[int] = mapped_column(Integer)
    n_findings: Mapped[int] = mapped_column(Integer)
    n_returned: Mapped[int] = mapped_column(Integer)


class PackAssignment(Base):
    """An assignment sent in a task pack: station, forms, due date, note, inspector."""

    __tablename__ = "pack_assignments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    pack_id: Mapped[str] = mapped_column(ForeignKey("task_packs.pack_id"), index=True)
    station_code: Mapped[str] = mapped_column(String(12), index=True)
    inspector_key_id: Mapped[str] = mapped_column(String(16))
    forms: Mapped[str] = mapped_column(Text)  # JSON [{"sha256", "id", "version"}, ...]
    due_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


def table_of(model: type[Base]) -> Table:
    """A model's Table, typed as one (``__table__`` is typed as a mere FromClause)."""
    return cast(Table, model.__table__)
