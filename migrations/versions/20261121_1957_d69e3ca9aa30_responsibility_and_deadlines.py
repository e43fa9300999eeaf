"""Responsibility and deadlines: deadline rules and calendar entries, the
custody chain (assignments), extension requests, pauses, answers and
ratings, notifications; petitions gain their deadlines and current holder.

Revision ID: d69e3ca9aa30
Revises: bbe463d1fe75
Create Date: 2026-11-21 19:57:05.434228

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'd69e3ca9aa30'
down_revision = 'bbe463d1fe75'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_days',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.Enum('day_off', 'working_day', name='day_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_calendar_days_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_days')),
    sa.UniqueConstraint('day', name=op.f('uq_calendar_days_day'))
    )
    op.create_table('deadline_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('feedback', 'recommendation', 'complaint', 'denunciation', name='rule_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('ack_days', sa.Integer(), nullable=False),
    sa.Column('ack_unit', sa.Enum('working', 'calendar', name='ack_unit', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('resolve_days', sa.Integer(), nullable=False),
    sa.Column('resolve_unit', sa.Enum('working', 'calendar', name='resolve_unit', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('complex_days', sa.Integer(), nullable=True),
    sa.Column('remote_days', sa.Integer(), nullable=True),
    sa.Column('complex_remote_days', sa.Integer(), nullable=True),
    sa.Column('max_extensions', sa.Integer(), nullable=False),
    sa.Column('extension_days', sa.Integer(), nullable=True),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('legal_basis', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('ack_days >= 0 AND resolve_days >= 0 AND max_extensions >= 0 AND (valid_to IS NULL OR valid_to > valid_from)', name=op.f('ck_deadline_rules_sane_values')),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_deadline_rules_category_id_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadline_rules'))
    )
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=False),
    sa.Column('assigned_by_id', sa.Integer(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('end_reason', sa.Enum('transferred', 'sent_back', 'reassigned', 'answered', name='custody_end', native_enum=False, create_constraint=True, length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('previous_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['assigned_by_id'], ['users.id'], name=op.f('fk_assignments_assigned_by_id_users')),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_assignments_assignee_id_users')),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_assignments_office_id_offices')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_assignments_petition_id_petitions')),
    sa.ForeignKeyConstraint(['previous_id'], ['assignments.id'], name=op.f('fk_assignments_previous_id_assignments')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments'))
    )
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assignments_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assignments_petition_id'), ['petition_id'], unique=False)
        batch_op.create_index('uq_assignments_one_current', ['petition_id'], unique=True, sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))

    op.create_table('extension_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=False),
    sa.Column('requested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'approved', 'refused', 'withdrawn', name='extension_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_extension_requests_decided_by_id_users')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_extension_requests_petition_id_petitions')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_extension_requests_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_extension_requests'))
    )
    with op.batch_alter_table('extension_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_extension_requests_petition_id'), ['petition_id'], unique=False)

    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('petition_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('link', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    sa.Column('dedupe_key', sa.String(length=160), nullable=True),
    sa.CheckConstraint('user_id IS NOT NULL OR email IS NOT NULL', name=op.f('ck_notifications_has_recipient')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_notifications_petition_id_petitions')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
    sa.UniqueConstraint('dedupe_key', name=op.f('uq_notifications_dedupe_key'))
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_petition_id'), ['petition_id'], unique=False)
        batch_op.create_index('ix_notifications_user_id_read_at', ['user_id', 'read_at'], unique=False)

    op.create_table('pauses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('started_by_id', sa.Integer(), nullable=False),
    sa.Column('ended_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['ended_by_id'], ['users.id'], name=op.f('fk_pauses_ended_by_id_users')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_pauses_petition_id_petitions')),
    sa.ForeignKeyConstraint(['started_by_id'], ['users.id'], name=op.f('fk_pauses_started_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pauses'))
    )
    with op.batch_alter_table('pauses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pauses_petition_id'), ['petition_id'], unique=False)

    op.create_table('responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'pending_approval', 'published', name='response_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('return_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_id'], ['users.id'], name=op.f('fk_responses_approved_by_id_users')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_responses_author_id_users')),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_responses_petition_id_petitions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_responses'))
    )
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responses_petition_id'), ['petition_id'], unique=False)

    op.create_table('ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('petition_id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('is_satisfied', sa.Boolean(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('rated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['petition_id'], ['petitions.id'], name=op.f('fk_ratings_petition_id_petitions')),
    sa.ForeignKeyConstraint(['rated_by_id'], ['users.id'], name=op.f('fk_ratings_rated_by_id_users')),
    sa.ForeignKeyConstraint(['response_id'], ['responses.id'], name=op.f('fk_ratings_response_id_responses')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ratings')),
    sa.UniqueConstraint('response_id', name=op.f('uq_ratings_response_id'))
    )
    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ratings_petition_id'), ['petition_id'], unique=False)

    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('is_complex', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('rule_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('ack_due_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ack_risk_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('due_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('risk_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('deadline_basis', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('office_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('assignee_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_petitions_assignee_id'), ['assignee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_petitions_office_id'), ['office_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_petitions_assignee_id_users'), 'users', ['assignee_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_petitions_office_id_offices'), 'offices', ['office_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_petitions_rule_id_deadline_rules'), 'deadline_rules', ['rule_id'], ['id'])

    with op.batch_alter_table('role_grants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('may_assign', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_remote', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('requires_answer_approval', sa.Boolean(), server_default=sa.true(), nullable=False))



def downgrade():
    with op.batch_alter_table('units', schema=None) as batch_op:
        batch_op.drop_column('requires_answer_approval')
        batch_op.drop_column('is_remote')

    with op.batch_alter_table('role_grants', schema=None) as batch_op:
        batch_op.drop_column('may_assign')

    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_petitions_rule_id_deadline_rules'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_petitions_office_id_offices'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_petitions_assignee_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_petitions_office_id'))
        batch_op.drop_index(batch_op.f('ix_petitions_assignee_id'))
        batch_op.drop_column('assignee_id')
        batch_op.drop_column('office_id')
        batch_op.drop_column('deadline_basis')
        batch_op.drop_column('risk_on')
        batch_op.drop_column('due_on')
        batch_op.drop_column('ack_risk_on')
        batch_op.drop_column('ack_due_on')
        batch_op.drop_column('rule_id')
        batch_op.drop_column('is_complex')
        batch_op.drop_column('answered_at')

    with op.batch_alter_table('ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ratings_petition_id'))

    op.drop_table('ratings')
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responses_petition_id'))

    op.drop_table('responses')
    with op.batch_alter_table('pauses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pauses_petition_id'))

    op.drop_table('pauses')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index('ix_notifications_user_id_read_at')
        batch_op.drop_index(batch_op.f('ix_notifications_petition_id'))

    op.drop_table('notifications')
    with op.batch_alter_table('extension_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_extension_requests_petition_id'))

    op.drop_table('extension_requests')
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_index('uq_assignments_one_current', sqlite_where=sa.text('ended_at IS NULL'), postgresql_where=sa.text('ended_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_assignments_petition_id'))
        batch_op.drop_index(batch_op.f('ix_assignments_assignee_id'))

    op.drop_table('assignments')
    op.drop_table('deadline_rules')
    op.drop_table('calendar_days')
