"""Inspection: each petition's response-time facts and open-clock spans
(derived from its history; fill them on an existing database with
``flask --app wsgi inspection rebuild``), inspectors' findings, and the
external id of records imported from spreadsheets.

Revision ID: 244ffa7c1b52
Revises: 22170b2ea389
Create Date: 2026-11-22 00:56:01.836221

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '244ffa7c1b52'
down_revision = '22170b2ea389'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('clock_spans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('clock', sa.Enum('ack', 'answer', 'paused', name='clock_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('clock_started_on', sa.Date(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=True),
    sa.Column('official_id', sa.Integer(), nullable=True),
    sa.Column('held_since', sa.DateTime(timezone=True), nullable=True),
    sa.Column('moves', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_clock_spans_office_id_offices')),
    sa.ForeignKeyConstraint(['official_id'], ['users.id'], name=op.f('fk_clock_spans_official_id_users')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_clock_spans_petition_id_petitions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['province_id'], ['units.id'], name=op.f('fk_clock_spans_province_id_units')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_clock_spans_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clock_spans'))
    )
    with op.batch_alter_table('clock_spans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clock_spans_petition_id'), ['petition_id'], unique=False)
        batch_op.create_index('ix_clock_spans_province_ends', ['province_id', 'ends_at'], unique=False)
        batch_op.create_index('ix_clock_spans_unit_ends', ['unit_id', 'ends_at'], unique=False)

    op.create_table('findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('subject', sa.Enum('petition', 'official', 'unit', name='finding_subject', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=True),
    sa.Column('official_id', sa.Integer(), nullable=True),
    sa.Column('severity', sa.Enum('note', 'serious', 'grave', name='severity', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reply', sa.Text(), nullable=True),
    sa.Column('replied_by_id', sa.Integer(), nullable=True),
    sa.Column('replied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_findings_created_by_id_users')),
    sa.ForeignKeyConstraint(['official_id'], ['users.id'], name=op.f('fk_findings_official_id_users')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_findings_petition_id_petitions')),
    sa.ForeignKeyConstraint(['replied_by_id'], ['users.id'], name=op.f('fk_findings_replied_by_id_users')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_findings_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_findings_petition_id'), ['petition_id'], unique=False)
        batch_op.create_index('ix_findings_unit_replied', ['unit_id', 'replied_at'], unique=False)

    op.create_table('petition_facts',
    sa.Column('petition_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=True),
    sa.Column('official_id', sa.Integer(), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('ack_due_on', sa.Date(), nullable=True),
    sa.Column('acknowledged_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ack_on_time', sa.Boolean(), nullable=True),
    sa.Column('ack_work_days', sa.Integer(), nullable=True),
    sa.Column('ack_calendar_days', sa.Integer(), nullable=True),
    sa.Column('rejected', sa.Boolean(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('answer_due_on', sa.Date(), nullable=True),
    sa.Column('answer_on_time', sa.Boolean(), nullable=True),
    sa.Column('answer_work_days', sa.Integer(), nullable=True),
    sa.Column('answer_calendar_days', sa.Integer(), nullable=True),
    sa.Column('days_late', sa.Integer(), nullable=True),
    sa.Column('reopened_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reopen_count', sa.Integer(), nullable=False),
    sa.Column('rated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('satisfied', sa.Boolean(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('promised_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_petition_facts_category_id_categories')),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_petition_facts_office_id_offices')),
    sa.ForeignKeyConstraint(['official_id'], ['users.id'], name=op.f('fk_petition_facts_official_id_users')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_petition_facts_petition_id_petitions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['province_id'], ['units.id'], name=op.f('fk_petition_facts_province_id_units')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_petition_facts_unit_id_units')),
    sa.PrimaryKeyConstraint('petition_id', name=op.f('pk_petition_facts'))
    )
    with op.batch_alter_table('petition_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_petition_facts_official_id'), ['official_id'], unique=False)
        batch_op.create_index('ix_petition_facts_province_answered', ['province_id', 'answered_on'], unique=False)
        batch_op.create_index('ix_petition_facts_province_received', ['province_id', 'received_on'], unique=False)
        batch_op.create_index('ix_petition_facts_unit_answered', ['unit_id', 'answered_on'], unique=False)
        batch_op.create_index('ix_petition_facts_unit_received', ['unit_id', 'received_on'], unique=False)

    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('external_id', sa.String(length=100), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_petitions_external_id'), ['external_id'])



def downgrade():
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_petitions_external_id'), type_='unique')
        batch_op.drop_column('external_id')

    with op.batch_alter_table('petition_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_petition_facts_unit_received')
        batch_op.drop_index('ix_petition_facts_unit_answered')
        batch_op.drop_index('ix_petition_facts_province_received')
        batch_op.drop_index('ix_petition_facts_province_answered')
        batch_op.drop_index(batch_op.f('ix_petition_facts_official_id'))

    op.drop_table('petition_facts')
    with op.batch_alter_table('findings', schema=None) as batch_op:
        batch_op.drop_index('ix_findings_unit_replied')
        batch_op.drop_index(batch_op.f('ix_findings_petition_id'))

    op.drop_table('findings')
    with op.batch_alter_table('clock_spans', schema=None) as batch_op:
        batch_op.drop_index('ix_clock_spans_unit_ends')
        batch_op.drop_index('ix_clock_spans_province_ends')
        batch_op.drop_index(batch_op.f('ix_clock_spans_petition_id'))

    op.drop_table('clock_spans')
