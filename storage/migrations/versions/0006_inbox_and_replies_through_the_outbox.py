"""the inbox of updates (replaces processed_update); outbox rows carry whole replies and a lease owner

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 17:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('inbox_update',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('update_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('chat_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('received_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('processed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('channel', 'update_id', name='uq_inbox_channel_update')
    )
    op.create_index('ix_inbox_waiting', 'inbox_update', ['processed_at', 'id'], unique=False)
    op.create_index(op.f('ix_inbox_update_received_at'), 'inbox_update', ['received_at'], unique=False)
    # the updates already handled stay de-duplicated across the upgrade
    op.execute("INSERT INTO inbox_update (channel, update_id, chat_id, received_at, processed_at) "
               "SELECT channel, update_id, '', received_at, received_at FROM processed_update")
    op.drop_index(op.f('ix_processed_update_received_at'), table_name='processed_update')
    op.drop_table('processed_update')
    with op.batch_alter_table('outbox') as batch:
        batch.add_column(sa.Column('document_content', sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column('document_mime', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True))
        batch.add_column(sa.Column('ask_contact', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('lease_owner', sa.Integer(), nullable=True))
        batch.create_index('ix_outbox_lease_owner', ['lease_owner'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outbox') as batch:
        batch.drop_index('ix_outbox_lease_owner')
        batch.drop_column('lease_owner')
        batch.drop_column('ask_contact')
        batch.drop_column('document_mime')
        batch.drop_column('document_content')
    op.create_table('processed_update',
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('update_id', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('received_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('channel', 'update_id')
    )
    op.create_index(op.f('ix_processed_update_received_at'), 'processed_update', ['received_at'], unique=False)
    op.execute("INSERT INTO processed_update (channel, update_id, received_at) "
               "SELECT channel, update_id, received_at FROM inbox_update WHERE processed_at IS NOT NULL")
    op.drop_index(op.f('ix_inbox_update_received_at'), table_name='inbox_update')
    op.drop_index('ix_inbox_waiting', table_name='inbox_update')
    op.drop_table('inbox_update')
