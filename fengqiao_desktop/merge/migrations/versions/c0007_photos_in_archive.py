"""Central database: a photo may stay in its archived bundle (``photo_blobs.in_bundle``).

A column added, nothing rewritten: the photos already stored keep their bytes in the row.

Revision ID: c0007
Revises: c0006
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0007"
down_revision = "c0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("photo_blobs", sa.Column("in_bundle", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # the earlier schema reads every photo from its row: one kept in an archived bundle would be lost
    kept = op.get_bind().execute(sa.text("SELECT count(*) FROM photo_blobs WHERE in_bundle IS NOT NULL")).scalar()
    if kept:
        raise RuntimeError(f"{kept} photos are kept in archived bundles; this schema cannot hold them")
    with op.batch_alter_table("photo_blobs", schema=None) as batch_op:
        batch_op.drop_column("in_bundle")
