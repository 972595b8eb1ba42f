"""Central database: the task packs the bureau made and the assignments they carried.

Revision ID: c0004
Revises: c0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "task_packs",
        sa.Column("pack_id", sa.String(length=36), nullable=False),
        sa.Column("bureau_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("inspector_key_id", sa.String(length=16), nullable=False),
        sa.Column("manifest_sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("n_stations", sa.Integer(), nullable=False),
        sa.Column("n_forms", sa.Integer(), nullable=False),
        sa.Column("n_assignments", sa.Integer(), nullable=False),
        sa.Column("n_findings", sa.Integer(), nullable=False),
        sa.Column("n_returned", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("pack_id", name=op.f("pk_task_packs")),
        sa.UniqueConstraint("bureau_id", "sequence", name=op.f("uq_task_packs_bureau_id_sequence")),
    )
    with op.batch_alter_table("task_packs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_packs_inspector_key_id"), ["inspector_key_id"], unique=False)
    op.create_table(
        "pack_assignments",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("pack_id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("inspector_key_id", sa.String(length=16), nullable=False),
        sa.Column("forms", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pack_id"], ["task_packs.pack_id"], name=op.f("fk_pack_assignments_pack_id_task_packs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_assignments")),
    )
    with op.batch_alter_table("pack_assignments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pack_assignments_pack_id"), ["pack_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pack_assignments_station_code"), ["station_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pack_assignments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pack_assignments_station_code"))
        batch_op.drop_index(batch_op.f("ix_pack_assignments_pack_id"))
    op.drop_table("pack_assignments")
    with op.batch_alter_table("task_packs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_packs_inspector_key_id"))
    op.drop_table("task_packs")
