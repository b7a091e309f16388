"""the turnout last posted to the block's group while a poll is open

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-05 08:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0014'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('poll') as batch:
        batch.add_column(sa.Column('turnout_posted', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('turnout_posted_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('poll') as batch:
        batch.drop_column('turnout_posted_at')
        batch.drop_column('turnout_posted')
