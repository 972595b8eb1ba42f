"""回头看 verdicts given on the laptop to findings that came in a task pack.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "finding_rechecks",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("target_inspection_id", sa.String(length=36), nullable=False),
        sa.Column("finding_id", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("photo_id", sa.String(length=36), nullable=True),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("verdict IN ('rectified', 'open')", name=op.f("ck_finding_rechecks_verdict")),
        sa.ForeignKeyConstraint(["inspection_id"], ["inspections.id"], ondelete="CASCADE",
                                name=op.f("fk_finding_rechecks_inspection_id_inspections")),
        sa.PrimaryKeyConstraint("inspection_id", "target_inspection_id", "finding_id",
                                name=op.f("pk_finding_rechecks")),
    )
    with op.batch_alter_table("finding_rechecks", schema=None) as batch_op:
        batch_op.create_index("ix_finding_rechecks_target", ["target_inspection_id", "finding_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("finding_rechecks", schema=None) as batch_op:
        batch_op.drop_index("ix_finding_rechecks_target")
    op.drop_table("finding_rechecks")
