"""Initial local schema: stations, forms, inspections, answers, photos, findings, audit, meta.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inspector_profile',
    sa.Column('id', sa.Integer(), server_default=sa.text('1'), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('key_id', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_inspector_profile_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspector_profile'))
    )
    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('registered_forms',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('registered_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_registered_forms'))
    )
    op.create_table('stations',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('parent_code', sa.String(length=12), nullable=True),
    sa.Column('address', sa.String(length=300), server_default='', nullable=False),
    sa.Column('contact', sa.String(length=100), server_default='', nullable=False),
    sa.Column('phone', sa.String(length=50), server_default='', nullable=False),
    sa.Column('veterans_served', sa.Integer(), nullable=True),
    sa.Column('is_demo', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('pinyin_initials', sa.String(length=200), nullable=True),
    sa.Column('pinyin_full', sa.String(length=1000), nullable=True),
    sa.Column('pinyin_name', sa.String(length=200), nullable=True),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
    sa.CheckConstraint("level IN ('city', 'county', 'town', 'village')", name=op.f('ck_stations_level')),
    sa.CheckConstraint('length(code) = 12', name=op.f('ck_stations_code_length')),
    sa.ForeignKeyConstraint(['parent_code'], ['stations.code'], name=op.f('fk_stations_parent_code_stations')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_stations'))
    )
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.create_index('ix_stations_parent_code', ['parent_code'], unique=False)

    op.create_table('inspections',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('station_code', sa.String(length=12), nullable=False),
    sa.Column('form_sha256', sa.String(length=64), nullable=False),
    sa.Column('form_id', sa.String(length=64), nullable=False),
    sa.Column('form_version', sa.String(length=64), nullable=False),
    sa.Column('visit_id', sa.String(length=36), nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('inspector_name', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('completed_at', sa.DateTime(), nullable=True),
    sa.Column('bundle_id', sa.String(length=64), nullable=True),
    sa.Column('exported_revision', sa.Integer(), nullable=True),
    sa.Column('total', sa.Float(), nullable=True),
    sa.Column('max_points', sa.Float(), nullable=True),
    sa.Column('verdict', sa.String(length=8), nullable=True),
    sa.CheckConstraint("status IN ('draft', 'completed', 'exported')", name=op.f('ck_inspections_status')),
    sa.CheckConstraint("verdict IS NULL OR verdict IN ('pass', 'fail', 'veto')", name=op.f('ck_inspections_verdict')),
    sa.CheckConstraint('revision >= 1', name=op.f('ck_inspections_revision')),
    sa.ForeignKeyConstraint(['form_sha256'], ['registered_forms.sha256'], name=op.f('fk_inspections_form_sha256_registered_forms')),
    sa.ForeignKeyConstraint(['station_code'], ['stations.code'], name=op.f('fk_inspections_station_code_stations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inspections'))
    )
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.create_index('ix_inspections_station_code', ['station_code'], unique=False)
        batch_op.create_index('ix_inspections_visit_id', ['visit_id'], unique=False)

    op.create_table('answers',
    sa.Column('inspection_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('na', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id'], name=op.f('fk_answers_inspection_id_inspections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('inspection_id', 'item_id', name=op.f('pk_answers'))
    )
    op.create_table('audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('inspection_id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id'], name=op.f('fk_audit_inspection_id_inspections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit'))
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index('ix_audit_inspection_id', ['inspection_id'], unique=False)

    op.create_table('findings',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('inspection_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=64), nullable=True),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('severity', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=100), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("category IN ('hardware', 'funding', 'staffing', 'demonstration', 'service')", name=op.f('ck_findings_category')),
    sa.CheckConstraint("severity IN ('veto', 'deduction', 'advice')", name=op.f('ck_findings_severity')),
    sa.CheckConstraint("status IN ('open', 'rectified', 'verified')", name=op.f('ck_findings_status')),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id'], name=op.f('fk_findings_inspection_id_inspections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index('ix_findings_inspection_id', ['inspection_id'], unique=False)

    op.create_table('photos',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('inspection_id', sa.String(length=36), nullable=False),
    sa.Column('item_id', sa.String(length=64), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('captured_at', sa.DateTime(), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('width', sa.Integer(), nullable=False),
    sa.Column('height', sa.Integer(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('thumbnail_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id'], name=op.f('fk_photos_inspection_id_inspections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photos'))
    )
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.create_index('ix_photos_inspection_id', ['inspection_id'], unique=False)

    op.create_table('revisions',
    sa.Column('inspection_id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('completed_at', sa.DateTime(), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id'], name=op.f('fk_revisions_inspection_id_inspections'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('inspection_id', 'revision', name=op.f('pk_revisions'))
    )


def downgrade() -> None:
    op.drop_table('revisions')
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_index('ix_photos_inspection_id')

    op.drop_table('photos')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index('ix_findings_inspection_id')

    op.drop_table('findings')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_inspection_id')

    op.drop_table('audit')
    op.drop_table('answers')
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.drop_index('ix_inspections_visit_id')
        batch_op.drop_index('ix_inspections_station_code')

    op.drop_table('inspections')
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_index('ix_stations_parent_code')

    op.drop_table('stations')
    op.drop_table('registered_forms')
    op.drop_table('meta')
    op.drop_table('inspector_profile')
