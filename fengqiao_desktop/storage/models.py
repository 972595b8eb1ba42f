"""ORM models of the laptop's local database (SQLAlchemy 2.0, typed ``Mapped[]`` columns).

The schema is owned by the Alembic chain in ``storage/migrations``; a test checks
that these models and the migrations agree. Conventions:

- times are naive UTC ``datetime`` values (SQLite has no time zones);
- JSON payloads (answer values, snapshots, audit details, form content) are
  stored as ``Text`` written by :func:`fengqiao_desktop.storage.jsontext.dumps`,
  so their bytes are stable and readable with any SQLite tool;
- columns written by the roster importer with plain Core ``executemany``
  (stations) get *server* defaults only: a Python-side default would add a bind
  parameter the importer does not supply.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

LEVELS = ("city", "county", "town", "village")
STATUSES = ("draft", "completed", "exported")
VERDICTS = ("pass", "fail", "veto")
CATEGORIES = ("hardware", "funding", "staffing", "demonstration", "service")
SEVERITIES = ("veto", "deduction", "advice")
FINDING_STATUSES = ("open", "rectified", "verified")
SIGNER_ROLES = ("station_head", "inspector")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def utcnow() -> dt.datetime:
    """Now, as the naive UTC datetime stored in every time column."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Station(Base):
    """A service center or station of the roster (12-digit code)."""

    __tablename__ = "stations"
    __table_args__ = (
        CheckConstraint(_in("level", LEVELS), name="level"),
        CheckConstraint("length(code) = 12", name="code_length"),
        Index("ix_stations_parent_code", "parent_code"),
    )

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("stations.code"))
    address: Mapped[str] = mapped_column(String(300), server_default="")
    contact: Mapped[str] = mapped_column(String(100), server_default="")
    phone: Mapped[str] = mapped_column(String(50), server_default="")
    veterans_served: Mapped[int | None] = mapped_column(Integer)
    is_demo: Mapped[bool] = mapped_column(Boolean, server_default=false())
    # search helpers, filled by StationRepo (the name they were computed from is kept
    # so a rename by a plain Core UPDATE is noticed and recomputed)
    pinyin_initials: Mapped[str | None] = mapped_column(String(200))
    pinyin_full: Mapped[str | None] = mapped_column(String(1000))
    pinyin_name: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class RegisteredForm(Base):
    """A form definition an inspection on this laptop was scored against (exact content)."""

    __tablename__ = "registered_forms"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    id: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    content: Mapped[str] = mapped_column(Text)  # canonical JSON (RFC 8785) of the FormDef
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Inspection(Base):
    """One inspection: a station, a pinned form, answers, photos, findings."""

    __tablename__ = "inspections"
    __table_args__ = (
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint("verdict IS NULL OR " + _in("verdict", VERDICTS), name="verdict"),
        CheckConstraint("revision >= 1", name="revision"),
        Index("ix_inspections_station_code", "station_code"),
        Index("ix_inspections_visit_id", "visit_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    form_sha256: Mapped[str] = mapped_column(ForeignKey("registered_forms.sha256"))
    form_id: Mapped[str] = mapped_column(String(64))
    form_version: Mapped[str] = mapped_column(String(64))
    # the five-haves and the rubric done at one station on one day share a visit
    visit_id: Mapped[str] = mapped_column(String(36))
    visit_date: Mapped[dt.date] = mapped_column(Date)
    inspector_name: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16), default="draft")
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    bundle_id: Mapped[str | None] = mapped_column(String(64))
    exported_revision: Mapped[int | None] = mapped_column(Integer)
    # cached from the last scoring, for lists and badges; recomputed on every edit
    total: Mapped[float | None] = mapped_column(Float)
    max_points: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[str | None] = mapped_column(String(8))


class AnswerRow(Base):
    __tablename__ = "answers"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="null")  # JSON
    note: Mapped[str] = mapped_column(Text, default="")
    na: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Photo(Base):
    """A photo note: a stored JPEG (content-addressed) linked to an inspection and an item."""

    __tablename__ = "photos"
    __table_args__ = (Index("ix_photos_inspection_id", "inspection_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    item_id: Mapped[str | None] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))  # of the stored JPEG bytes
    original_sha256: Mapped[str] = mapped_column(String(64))  # of the file as offered
    original_name: Mapped[str] = mapped_column(String(255), default="")
    caption: Mapped[str] = mapped_column(Text, default="")
    captured_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # EXIF time, if any
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    thumbnail_sha256: Mapped[str] = mapped_column(String(64))
    # EXIF GPS position (WGS 84 degrees, south and west negative), if the camera wrote one
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)


class Finding(Base):
    """A finding needing rectification (整改事项)."""

    __tablename__ = "findings"
    __table_args__ = (
        CheckConstraint(_in("category", CATEGORIES), name="category"),
        CheckConstraint(_in("severity", SEVERITIES), name="severity"),
        CheckConstraint(_in("status", FINDING_STATUSES), name="status"),
        Index("ix_findings_inspection_id", "inspection_id"),
        Index("ix_findings_status", "status"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    item_id: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # when verified (销号)


class AuditEntry(Base):
    """What happened to an inspection and why (creation, completion, reopening, export)."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_inspection_id", "inspection_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    actor: Mapped[str | None] = mapped_column(Text, nullable=True)  # who; NULL before release 0.2


class RevisionSnapshot(Base):
    """The completed state of every revision (kept for ever; the bundle exports them)."""

    __tablename__ = "revisions"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    completed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    snapshot: Mapped[str] = mapped_column(Text)  # JSON


class Signature(Base):
    """A signature drawn on screen when a revision was completed (station head, inspector).

    ``strokes`` is JSON: a list of strokes, each a list of ``[x, y]`` integer points in a
    0..1000 box (the pad's aspect kept), as the record carries them.
    """

    __tablename__ = "signatures"
    __table_args__ = (CheckConstraint(_in("role", SIGNER_ROLES), name="role"),)

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    strokes: Mapped[str] = mapped_column(Text)  # JSON
    signed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class InspectorProfile(Base):
    """The person using this laptop (a single row, id 1)."""

    __tablename__ = "inspector_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, server_default=text("1"))
    name: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    key_id: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Meta(Base):
    """Small key/value facts about this database: device id, export sequence, last manifest."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Assignment(Base):
    """A station the bureau assigned to this laptop's inspector in a task pack (我的任务)."""

    __tablename__ = "assignments"
    __table_args__ = (Index("ix_assignments_station_code", "station_code"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("stations.code"))
    forms: Mapped[str] = mapped_column(Text)  # JSON [{"sha256", "id", "version"}, ...]
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    bureau_id: Mapped[str] = mapped_column(String(36))
    pack_sequence: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class RecheckFinding(Base):
    """An open finding of an assigned station, from any inspector, to re-check (回头看)."""

    __tablename__ = "recheck_findings"
    __table_args__ = (Index("ix_recheck_findings_station_code", "station_code"),)

    inspection_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12))
    item_id: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(32))
    severity: Mapped[str | None] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str | None] = mapped_column(String(16))
    inspector_name: Mapped[str] = mapped_column(String(100), default="")
    pack_sequence: Mapped[int] = mapped_column(Integer)


class FindingRecheck(Base):
    """A 回头看 verdict on a finding from a task pack, given in a visit of this laptop.

    It belongs to the re-check visit's inspection (``inspection_id``) and travels in
    that inspection's record; the finding itself (``target_inspection_id``,
    ``finding_id``) may be another inspector's and is never edited here.
    """

    __tablename__ = "finding_rechecks"
    __table_args__ = (
        CheckConstraint("verdict IN ('rectified', 'open')", name="verdict"),
        Index("ix_finding_rechecks_target", "target_inspection_id", "finding_id"),
    )

    inspection_id: Mapped[str] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True)
    target_inspection_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    finding_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    verdict: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    photo_id: Mapped[str | None] = mapped_column(String(36))
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ReturnedInspection(Base):
    """An inspection the bureau returned at review (退回), with its comment."""

    __tablename__ = "returned_inspections"

    inspection_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    station_code: Mapped[str] = mapped_column(String(12))
    comment: Mapped[str] = mapped_column(Text, default="")
    returned_by: Mapped[str] = mapped_column(String(100), default="")
    returned_at: Mapped[str] = mapped_column(String(32))
    pack_sequence: Mapped[int] = mapped_column(Integer)
