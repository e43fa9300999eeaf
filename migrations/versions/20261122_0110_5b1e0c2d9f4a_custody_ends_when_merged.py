"""A holder's custody also ends when the petition is merged into a duplicate.

Revision ID: 5b1e0c2d9f4a
Revises: 3ec7f5111ebd
Create Date: 2026-11-22 01:10:00

"""
from alembic import op


revision = '5b1e0c2d9f4a'
down_revision = '3ec7f5111ebd'
branch_labels = None
depends_on = None

OLD = "end_reason IN ('transferred', 'sent_back', 'reassigned', 'answered')"
NEW = "end_reason IN ('transferred', 'sent_back', 'reassigned', 'answered', 'merged')"


def upgrade():
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_assignments_custody_end'), type_='check')
        batch_op.create_check_constraint('custody_end', NEW)


def downgrade():
    op.execute("UPDATE assignments SET end_reason = 'answered' WHERE end_reason = 'merged'")
    with op.batch_alter_table('assignments', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_assignments_custody_end'), type_='check')
        batch_op.create_check_constraint('custody_end', OLD)
