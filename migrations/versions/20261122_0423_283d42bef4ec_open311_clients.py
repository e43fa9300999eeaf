"""Open311 programs hold revocable keys, stored as SHA-256 hashes, and petitions remember the key that sent them.

Revision ID: 283d42bef4ec
Revises: 4b09d01fd8df
Create Date: 2026-11-22 04:23:37.523060

"""
import sqlalchemy as sa
from alembic import op

revision = '283d42bef4ec'
down_revision = '4b09d01fd8df'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'open311_clients',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('key_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'],
                                name=op.f('fk_open311_clients_created_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_open311_clients')),
        sa.UniqueConstraint('key_hash', name=op.f('uq_open311_clients_key_hash')),
    )
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('open311_client_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_petitions_open311_client_id'), ['open311_client_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_petitions_open311_client_id_open311_clients'),
                                    'open311_clients', ['open311_client_id'], ['id'])


def downgrade():
    with op.batch_alter_table('petitions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_petitions_open311_client_id_open311_clients'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_petitions_open311_client_id'))
        batch_op.drop_column('open311_client_id')

    op.drop_table('open311_clients')
