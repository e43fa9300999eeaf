"""The search log: one row per change to a searchable record, written in the
same transaction, from which every search index is brought up to date.

Revision ID: 43d2fafcf1e1
Revises: 77cc0b237b70
Create Date: 2026-11-21 22:03:01.709913

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '43d2fafcf1e1'
down_revision = '77cc0b237b70'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('logged_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_log'))
    )


def downgrade():
    op.drop_table('search_log')
