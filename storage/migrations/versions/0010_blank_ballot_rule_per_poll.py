"""a poll's rule for blank ballots: valid (the default, and what every earlier poll did) or invalid

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 08:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0010'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('poll') as batch:
        batch.add_column(sa.Column('blank_valid', sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('poll') as batch:
        batch.drop_column('blank_valid')
