"""Central database: 回头看 verdicts from other inspections' records and the bureau's 销号.

``findings.record_status`` keeps the status the winning record gives; ``status``
becomes what counts once re-checks and closures are applied (merge/followup.py).

Revision ID: c0005
Revises: c0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("record_status", sa.Text(), nullable=True))
    op.execute("UPDATE findings SET record_status = status")
    op.create_table(
        "finding_rechecks",
        sa.Column("target_inspection_id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=64), nullable=False),
        sa.Column("by_inspection_id", sa.String(length=36), nullable=False),
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("photo_sha256", sa.String(length=64), nullable=True),
        sa.Column("checked_at", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["by_inspection_id"], ["inspections.id"], name=op.f("fk_finding_rechecks_by_inspection_id_inspections")
        ),
        sa.PrimaryKeyConstraint(
            "target_inspection_id", "finding_id", "by_inspection_id", name=op.f("pk_finding_rechecks")
        ),
    )
    with op.batch_alter_table("finding_rechecks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_finding_rechecks_by_inspection_id"), ["by_inspection_id"], unique=False)
    op.create_table(
        "finding_closures",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=64), nullable=False),
        sa.Column("closed_by", sa.String(length=100), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("inspection_id", "finding_id", name=op.f("pk_finding_closures")),
    )


def downgrade() -> None:
    op.drop_table("finding_closures")
    with op.batch_alter_table("finding_rechecks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_finding_rechecks_by_inspection_id"))
    op.drop_table("finding_rechecks")
    with op.batch_alter_table("findings", schema=None) as batch_op:
        batch_op.drop_column("record_status")
