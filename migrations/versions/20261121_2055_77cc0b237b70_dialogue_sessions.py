"""Dialogue sessions: the dated rules they answer to, sessions with their
agenda, the petitions sent to or raised at them, residents' requests;
communes gain their number of voters, petitions a date promised at a
session, answers the session they were given at.

Revision ID: 77cc0b237b70
Revises: d69e3ca9aa30
Create Date: 2026-11-21 20:55:35.744298

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '77cc0b237b70'
down_revision = 'd69e3ca9aa30'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('dialogue_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('province_id', sa.Integer(), nullable=True),
    sa.Column('notice_days', sa.Integer(), nullable=False),
    sa.Column('results_days', sa.Integer(), nullable=False),
    sa.Column('min_sessions_per_year', sa.Integer(), nullable=False),
    sa.Column('request_threshold_percent', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('notice_days >= 0 AND results_days >= 0 AND min_sessions_per_year >= 0 AND request_threshold_percent > 0 AND request_threshold_percent <= 100 AND (valid_to IS NULL OR valid_to > valid_from)', name=op.f('ck_dialogue_rules_sane_values')),
    sa.ForeignKeyConstraint(['province_id'], ['units.id'], name=op.f('fk_dialogue_rules_province_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dialogue_rules'))
    )
    with op.batch_alter_table('dialogue_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dialogue_rules_province_id'), ['province_id'], unique=False)

    op.create_table('dialogue_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('theme', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('venue', sa.String(length=300), nullable=False),
    sa.Column('format', sa.Enum('in_person', 'online', 'hybrid', name='session_format', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('online_link', sa.String(length=500), nullable=True),
    sa.Column('expected_participants', sa.Integer(), nullable=True),
    sa.Column('chair_id', sa.Integer(), nullable=False),
    sa.Column('chair_title', sa.String(length=200), nullable=False),
    sa.Column('co_chairs', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'announced', 'held', 'concluded', 'cancelled', name='session_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('cancel_reason', sa.Text(), nullable=True),
    sa.Column('rule_id', sa.Integer(), nullable=True),
    sa.Column('notice_due_on', sa.Date(), nullable=True),
    sa.Column('results_due_on', sa.Date(), nullable=True),
    sa.Column('announced_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('is_notice_late', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('held_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attendance_count', sa.Integer(), nullable=True),
    sa.Column('attending_organisations', sa.Text(), nullable=False),
    sa.Column('minutes_source', sa.Text(), nullable=False),
    sa.Column('minutes_html', sa.Text(), nullable=False),
    sa.Column('conclusion_number', sa.String(length=60), nullable=True),
    sa.Column('conclusion_date', sa.Date(), nullable=True),
    sa.Column('conclusion_text', sa.Text(), nullable=False),
    sa.Column('concluded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('is_results_late', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['chair_id'], ['users.id'], name=op.f('fk_dialogue_sessions_chair_id_users')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_dialogue_sessions_created_by_id_users')),
    sa.ForeignKeyConstraint(['rule_id'], ['dialogue_rules.id'], name=op.f('fk_dialogue_sessions_rule_id_dialogue_rules')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_dialogue_sessions_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dialogue_sessions'))
    )
    with op.batch_alter_table('dialogue_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dialogue_sessions_chair_id'), ['chair_id'], unique=False)
        batch_op.create_index('ix_dialogue_sessions_status_starts_at', ['status', 'starts_at'], unique=False)
        batch_op.create_index('ix_dialogue_sessions_unit_id_starts_at', ['unit_id', 'starts_at'], unique=False)

    op.create_table('agenda_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('starts_at', sa.Time(), nullable=True),
    sa.Column('ends_at', sa.Time(), nullable=True),
    sa.Column('presenter', sa.String(length=200), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_agenda_items_petition_id_petitions')),
    sa.ForeignKeyConstraint(['session_id'], ['dialogue_sessions.id'], name=op.f('fk_agenda_items_session_id_dialogue_sessions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items')),
    sa.UniqueConstraint('session_id', 'petition_id', name=op.f('uq_agenda_items_session_id_petition_id'))
    )
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_items_session_id'), ['session_id'], unique=False)

    op.create_table('session_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.Enum('question', 'raised', name='item_stage', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('outcome', sa.Enum('answered', 'committed', name='item_outcome', native_enum=False, create_constraint=True, length=20), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('entered_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_session_items_entered_by_id_users')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_session_items_petition_id_petitions')),
    sa.ForeignKeyConstraint(['session_id'], ['dialogue_sessions.id'], name=op.f('fk_session_items_session_id_dialogue_sessions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_items')),
    sa.UniqueConstraint('petition_id', name=op.f('uq_session_items_petition_id'))
    )
    with op.batch_alter_table('session_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_items_session_id'), ['session_id'], unique=False)

    op.create_table('session_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_id'], ['dialogue_sessions.id'], name=op.f('fk_session_requests_answered_by_id_dialogue_sessions')),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_session_requests_unit_id_units')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_session_requests_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_requests'))
    )
    with op.batch_alter_table('session_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_requests_unit_id'), ['unit_id'], unique=False)
        batch_op.create_index('uq_session_requests_open', ['unit_id', 'user_id'], unique=True, sqlite_where=sa.text('answered_by_id IS NULL'), postgresql_where=sa.text('answered_by_id IS NULL'))

    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('promised_on', sa.Date(), nullable=True))

    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_responses_session_id_dialogue_sessions'), 'dialogue_sessions', ['session_id'], ['id'])

    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.add_column(sa.Column('voter_count', sa.Integer(), nullable=True))



def downgrade():
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_column('voter_count')

    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_responses_session_id_dialogue_sessions'), type_='foreignkey')
        batch_op.drop_column('session_id')

    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_column('promised_on')

    with op.batch_alter_table('session_requests', schema=None) as batch_op:
        batch_op.drop_index('uq_session_requests_open', sqlite_where=sa.text('answered_by_id IS NULL'), postgresql_where=sa.text('answered_by_id IS NULL'))
        batch_op.drop_index(batch_op.f('ix_session_requests_unit_id'))

    op.drop_table('session_requests')
    with op.batch_alter_table('session_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_items_session_id'))

    op.drop_table('session_items')
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_items_session_id'))

    op.drop_table('agenda_items')
    with op.batch_alter_table('dialogue_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_dialogue_sessions_unit_id_starts_at')
        batch_op.drop_index('ix_dialogue_sessions_status_starts_at')
        batch_op.drop_index(batch_op.f('ix_dialogue_sessions_chair_id'))

    op.drop_table('dialogue_sessions')
    with op.batch_alter_table('dialogue_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dialogue_rules_province_id'))

    op.drop_table('dialogue_rules')
