"""Facts say until which day a period's figures read them: one index range per period.

``petition_facts.active_until`` is the latest day the row is read for.

Revision ID: 4b09d01fd8df
Revises: 5b1e0c2d9f4a
Create Date: 2026-11-22 03:24:16.240838

"""
import sqlalchemy as sa
from alembic import op

revision = '4b09d01fd8df'
down_revision = '5b1e0c2d9f4a'
branch_labels = None
depends_on = None

# The latest of the days the row is read for; acknowledgement and rating
# are moments, counted on their day in Vietnam (UTC+7, no summer time).
_SQLITE_FILL = """
UPDATE petition_facts SET active_until = max(
    received_on,
    coalesce(ack_due_on, received_on),
    coalesce(date(acknowledged_at, '+7 hours'), received_on),
    coalesce(answered_on, received_on),
    coalesce(date(rated_at, '+7 hours'), received_on),
    coalesce(promised_on, received_on))
"""
_POSTGRESQL_FILL = """
UPDATE petition_facts SET active_until = greatest(
    received_on, ack_due_on, (acknowledged_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
    answered_on, (rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, promised_on)
"""


def upgrade():
    with op.batch_alter_table('petition_facts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('active_until', sa.Date(), nullable=True))
    bind = op.get_bind()
    op.execute(_SQLITE_FILL if bind.dialect.name == "sqlite" else _POSTGRESQL_FILL)
    with op.batch_alter_table('petition_facts', schema=None) as batch_op:
        batch_op.alter_column('active_until', existing_type=sa.Date(), nullable=False)
        # The answered-on indexes served the period's old OR of ranges.
        batch_op.drop_index(batch_op.f('ix_petition_facts_province_answered'))
        batch_op.drop_index(batch_op.f('ix_petition_facts_unit_answered'))
        batch_op.create_index('ix_petition_facts_active', ['active_until', 'received_on'],
                              unique=False)
        batch_op.create_index('ix_petition_facts_province_active',
                              ['province_id', 'active_until', 'received_on'], unique=False)
        batch_op.create_index('ix_petition_facts_unit_active',
                              ['unit_id', 'active_until', 'received_on'], unique=False)


def downgrade():
    with op.batch_alter_table('petition_facts', schema=None) as batch_op:
        batch_op.drop_index('ix_petition_facts_unit_active')
        batch_op.drop_index('ix_petition_facts_province_active')
        batch_op.drop_index('ix_petition_facts_active')
        batch_op.create_index(batch_op.f('ix_petition_facts_unit_answered'),
                              ['unit_id', 'answered_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_petition_facts_province_answered'),
                              ['province_id', 'answered_on'], unique=False)
        batch_op.drop_column('active_until')
