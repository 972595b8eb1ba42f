"""Central database: the review of imported inspections (received -> approved / returned), trust history.

Revision ID: c0003
Revises: c0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inspection_reviews",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("revision_sha256", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("reviewed_by", sa.String(length=100), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inspection_id"], ["inspections.id"], name=op.f("fk_inspection_reviews_inspection_id_inspections")
        ),
        sa.PrimaryKeyConstraint("inspection_id", name=op.f("pk_inspection_reviews")),
    )

    op.create_table(
        "trusted_key_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trusted_key_changes")),
    )
    with op.batch_alter_table("trusted_key_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trusted_key_changes_key_id"), ["key_id"], unique=False)


def downgrade() -> None:
    op.drop_table("trusted_key_changes")
    op.drop_table("inspection_reviews")
