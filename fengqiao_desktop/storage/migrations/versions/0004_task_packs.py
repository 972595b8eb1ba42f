"""Task packs on the laptop: assignments, findings to re-check, returned inspections.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("forms", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("bureau_id", sa.String(length=36), nullable=False),
        sa.Column("pack_sequence", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["station_code"], ["stations.code"],
                                name=op.f("fk_assignments_station_code_stations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
    )
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.create_index("ix_assignments_station_code", ["station_code"], unique=False)
    op.create_table(
        "recheck_findings",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=64), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("severity", sa.String(length=16), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("responsible", sa.Text(), nullable=False),
        sa.Column("deadline", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=True),
        sa.Column("inspector_name", sa.String(length=100), nullable=False),
        sa.Column("pack_sequence", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("inspection_id", "finding_id", name=op.f("pk_recheck_findings")),
    )
    with op.batch_alter_table("recheck_findings", schema=None) as batch_op:
        batch_op.create_index("ix_recheck_findings_station_code", ["station_code"], unique=False)
    op.create_table(
        "returned_inspections",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("returned_by", sa.String(length=100), nullable=False),
        sa.Column("returned_at", sa.String(length=32), nullable=False),
        sa.Column("pack_sequence", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("inspection_id", name=op.f("pk_returned_inspections")),
    )


def downgrade() -> None:
    op.drop_table("returned_inspections")
    with op.batch_alter_table("recheck_findings", schema=None) as batch_op:
        batch_op.drop_index("ix_recheck_findings_station_code")
    op.drop_table("recheck_findings")
    with op.batch_alter_table("assignments", schema=None) as batch_op:
        batch_op.drop_index("ix_assignments_station_code")
    op.drop_table("assignments")
