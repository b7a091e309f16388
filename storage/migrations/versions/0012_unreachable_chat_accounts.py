"""chat accounts the bot cannot reach (the person blocked it)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 08:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('chat_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unreachable_since', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index('ix_chat_account_chat', ['channel', 'chat_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('chat_account', schema=None) as batch_op:
        batch_op.drop_index('ix_chat_account_chat')
        batch_op.drop_column('unreachable_since')
