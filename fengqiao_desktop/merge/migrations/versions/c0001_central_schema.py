"""Central database, first schema: roster, forms, trust store, bundles, inspections, photos.

Revision ID: c0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bundles",
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("previous_manifest_sha256", sa.String(length=64), nullable=True),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("inspector_name", sa.String(length=100), nullable=False),
        sa.Column("inspector_unit", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("archived_path", sa.String(length=255), nullable=True),
        sa.Column("n_inspections", sa.Integer(), nullable=False),
        sa.Column("n_new_revisions", sa.Integer(), nullable=False),
        sa.Column("n_conflicts", sa.Integer(), nullable=False),
        sa.Column("n_photos", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("manifest_sha256", name=op.f("pk_bundles")),
    )
    with op.batch_alter_table("bundles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bundles_bundle_id"), ["bundle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bundles_file_sha256"), ["file_sha256"], unique=False)

    op.create_table(
        "device_chain",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("previous_manifest_sha256", sa.String(length=64), nullable=True),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "sequence", name=op.f("pk_device_chain")),
        sa.UniqueConstraint("manifest_sha256", name=op.f("uq_device_chain_manifest_sha256")),
    )
    op.create_table(
        "import_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_log")),
    )
    op.create_table(
        "inspections",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("form_sha256", sa.String(length=64), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("form_kind", sa.String(length=16), nullable=False),
        sa.Column("visit_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("completed_at", sa.String(length=32), nullable=True),
        sa.Column("winner_revision", sa.Integer(), nullable=False),
        sa.Column("winner_sha256", sa.String(length=64), nullable=False),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspections")),
    )
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspections_station_code"), ["station_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspections_visit_id"), ["visit_id"], unique=False)

    lock = op.create_table(
        "merge_lock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_lock")),
    )
    # the one row every import locks (see merge/db.py)
    op.bulk_insert(lock, [{"id": 1}])
    op.create_table(
        "photo_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_photo_blobs")),
    )
    op.create_table(
        "registered_forms",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_registered_forms")),
    )
    with op.batch_alter_table("registered_forms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_registered_forms_form_id"), ["form_id"], unique=False)

    op.create_table(
        "stations",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("parent_code", sa.String(length=12), nullable=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=100), nullable=False),
        sa.Column("veterans_served", sa.Integer(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_stations")),
    )
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stations_parent_code"), ["parent_code"], unique=False)

    op.create_table(
        "trusted_keys",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("unit", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoke_reason", sa.Text(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_trusted_keys")),
    )
    op.create_table(
        "conflicts",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("revisions", sa.Text(), nullable=False),
        sa.Column("auto_winner_sha256", sa.String(length=64), nullable=False),
        sa.Column("winner_sha256", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("resolved_by", sa.String(length=100), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_conflicts_inspection_id_inspections")
        ),
        sa.PrimaryKeyConstraint("inspection_id", name=op.f("pk_conflicts")),
    )
    op.create_table(
        "findings",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=64), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("severity", sa.String(length=16), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("deadline", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_findings_inspection_id_inspections")
        ),
        sa.PrimaryKeyConstraint("inspection_id", "finding_id", name=op.f("pk_findings")),
    )
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_findings_station_code"), ["station_code"], unique=False)

    op.create_table(
        "inspection_revisions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("record", sa.Text(), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("form_sha256", sa.String(length=64), nullable=False),
        sa.Column("visit_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("completed_at", sa.String(length=32), nullable=True),
        sa.Column("audit_chain", sa.Text(), nullable=False),
        sa.Column("total", sa.Float(), nullable=True),
        sa.Column("max_points", sa.Float(), nullable=True),
        sa.Column("own_verdict", sa.String(length=16), nullable=True),
        sa.Column("verdict", sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_inspection_revisions_inspection_id_inspections")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection_revisions")),
        sa.UniqueConstraint(
            "inspection_id", "content_sha256", name=op.f("uq_inspection_revisions_inspection_id_content_sha256")
        ),
    )
    with op.batch_alter_table("inspection_revisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_inspection_revisions_inspection_id"), ["inspection_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_inspection_revisions_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "revision_sources",
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["manifest_sha256"], ["bundles.manifest_sha256"], name=op.f("fk_revision_sources_manifest_sha256_bundles")
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["inspection_revisions.id"],
            name=op.f("fk_revision_sources_revision_id_inspection_revisions"),
        ),
        sa.PrimaryKeyConstraint("revision_id", "manifest_sha256", name=op.f("pk_revision_sources")),
    )


def downgrade() -> None:
    op.drop_table("revision_sources")
    with op.batch_alter_table("inspection_revisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspection_revisions_visit_id"))
        batch_op.drop_index(batch_op.f("ix_inspection_revisions_inspection_id"))

    op.drop_table("inspection_revisions")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_findings_station_code"))

    op.drop_table("findings")
    op.drop_table("conflicts")
    op.drop_table("trusted_keys")
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stations_parent_code"))

    op.drop_table("stations")
    with op.batch_alter_table("registered_forms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_registered_forms_form_id"))

    op.drop_table("registered_forms")
    op.drop_table("photo_blobs")
    op.drop_table("merge_lock")
    with op.batch_alter_table("inspections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inspections_visit_id"))
        batch_op.drop_index(batch_op.f("ix_inspections_station_code"))

    op.drop_table("inspections")
    op.drop_table("import_log")
    op.drop_table("device_chain")
    with op.batch_alter_table("bundles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bundles_file_sha256"))
        batch_op.drop_index(batch_op.f("ix_bundles_bundle_id"))

    op.drop_table("bundles")
