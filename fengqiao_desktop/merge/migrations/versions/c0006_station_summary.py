"""Central database: the per-station coverage summary the merge keeps current (merge/summary.py).

Filled here from the data already imported.

Revision ID: c0006
Revises: c0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0006"
down_revision = "c0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_summary",
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("five", sa.Integer(), nullable=False),
        sa.Column("demo", sa.Integer(), nullable=False),
        sa.Column("vetoed", sa.Integer(), nullable=False),
        sa.Column("rubric_total", sa.Float(), nullable=True),
        sa.Column("last_at", sa.String(length=32), nullable=True),
        sa.Column("open_n", sa.Integer(), nullable=False),
        sa.Column("verified_n", sa.Integer(), nullable=False),
        sa.Column("next_year", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("station_code", "year", name=op.f("pk_station_summary")),
    )
    op.create_table(
        "station_summary_deadlines",
        sa.Column("station_code", sa.String(length=12), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Text(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("station_code", "year", "deadline", name=op.f("pk_station_summary_deadlines")),
    )
    from fengqiao_desktop.merge.summary import refresh_summary

    refresh_summary(op.get_bind(), None)


def downgrade() -> None:
    op.drop_table("station_summary_deadlines")
    op.drop_table("station_summary")
