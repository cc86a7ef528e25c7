"""English beside French: indicators' names and sources, initiatives' partners and notes,
published figures' notes

The pages speak English with `?lang=en`, and what the data files say must too. The new
columns default to '' (existing rows, files without English columns): the pages then show
the French text.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('label_en', sa.String(length=255), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('source_en', sa.Text(), nullable=False,
                                      server_default=''))
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.add_column(sa.Column('partners_en', sa.Text(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('note_en', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('published_figure', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note_en', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('published_figure', schema=None) as batch_op:
        batch_op.drop_column('note_en')
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.drop_column('note_en')
        batch_op.drop_column('partners_en')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_column('source_en')
        batch_op.drop_column('label_en')
