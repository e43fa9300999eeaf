"""Petitions closed as a duplicate point at the petition answered instead.

Revision ID: 22170b2ea389
Revises: 43d2fafcf1e1
Create Date: 2026-11-21 22:09:28.177334

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '22170b2ea389'
down_revision = '43d2fafcf1e1'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('duplicate_of_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_petitions_duplicate_of_id'), ['duplicate_of_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_petitions_duplicate_of_id_petitions'),
                                    'petitions', ['duplicate_of_id'], ['id'])


def downgrade():
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_petitions_duplicate_of_id_petitions'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_petitions_duplicate_of_id'))
        batch_op.drop_column('duplicate_of_id')
