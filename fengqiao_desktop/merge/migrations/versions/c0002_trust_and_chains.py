"""Trust at the bureau: revisions keep their signer, chains are derived from the bundles,
quarantine decisions, inspection owners, 64-bit numbers and unbounded record text.

Revision ID: c0002
Revises: c0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bundles", schema=None) as b:
        b.alter_column("sequence", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)
        b.add_column(sa.Column("reason_en", sa.Text(), nullable=True))
        b.add_column(sa.Column("decision", sa.String(length=16), nullable=True))
        b.add_column(sa.Column("decided_by", sa.String(length=100), nullable=True))
        b.add_column(sa.Column("decision_reason", sa.Text(), nullable=True))
        b.add_column(sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True))
    # the chain is derived from the bundles themselves (merge/chain.py)
    op.drop_table("device_chain")
    op.create_table(
        "inspection_owners",
        sa.Column("inspection_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("assigned_by", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("inspection_id", name=op.f("pk_inspection_owners")),
    )
    with op.batch_alter_table("inspections", schema=None) as b:
        b.alter_column("status", existing_type=sa.String(length=16), type_=sa.Text(), existing_nullable=False)
        b.alter_column("winner_revision", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)
    with op.batch_alter_table("inspection_revisions", schema=None) as b:
        b.alter_column("revision", existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)
        b.alter_column("status", existing_type=sa.String(length=16), type_=sa.Text(), existing_nullable=False)
        b.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))
    with op.batch_alter_table("findings", schema=None) as b:
        for col, old in (
            ("item_id", 64),
            ("category", 32),
            ("severity", 16),
            ("responsible", 200),
            ("deadline", 32),
            ("status", 16),
        ):
            b.alter_column(col, existing_type=sa.String(length=old), type_=sa.Text())
    # the signer of each revision already stored is the inspector its record names
    conn = op.get_bind()
    rev = sa.table(
        "inspection_revisions",
        sa.column("id", sa.Integer),
        sa.column("record", sa.Text),
        sa.column("key_id", sa.String),
    )
    ups = []
    for rid, text in conn.execute(sa.select(rev.c.id, rev.c.record)):
        key = (json.loads(text).get("inspector") or {}).get("key_id")
        ups.append({"_id": rid, "k": key})
    if ups:
        conn.execute(rev.update().where(rev.c.id == sa.bindparam("_id")).values(key_id=sa.bindparam("k")), ups)


def downgrade() -> None:
    with op.batch_alter_table("findings", schema=None) as b:
        for col, old in (
            ("item_id", 64),
            ("category", 32),
            ("severity", 16),
            ("responsible", 200),
            ("deadline", 32),
            ("status", 16),
        ):
            b.alter_column(col, existing_type=sa.Text(), type_=sa.String(length=old))
    with op.batch_alter_table("inspection_revisions", schema=None) as b:
        b.drop_column("key_id")
        b.alter_column("status", existing_type=sa.Text(), type_=sa.String(length=16))
        b.alter_column("revision", existing_type=sa.BigInteger(), type_=sa.Integer())
    with op.batch_alter_table("inspections", schema=None) as b:
        b.alter_column("winner_revision", existing_type=sa.BigInteger(), type_=sa.Integer())
        b.alter_column("status", existing_type=sa.Text(), type_=sa.String(length=16))
    op.drop_table("inspection_owners")
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
    with op.batch_alter_table("bundles", schema=None) as b:
        for col in ("decided_at", "decision_reason", "decided_by", "decision", "reason_en"):
            b.drop_column(col)
        b.alter_column("sequence", existing_type=sa.BigInteger(), type_=sa.Integer())
