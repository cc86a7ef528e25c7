"""dataset versions: active flag, provenance, effective rows

Every import becomes a dataset version that keeps its own values and survey waves; the
rows the dashboard reads are marked `effective` (the newest active dataset's for each key).
Existing databases had one row per key, so every row is effective and every dataset active.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('dataset', schema=None) as batch_op:
        batch_op.add_column(sa.Column('imported_by', sa.String(length=80), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('active', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
        batch_op.add_column(sa.Column('details', sa.JSON(), nullable=False,
                                      server_default='{}'))
    with op.batch_alter_table('indicator_value', schema=None) as batch_op:
        batch_op.add_column(sa.Column('effective', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
        batch_op.drop_constraint('uq_indicator_value_indicator_id', type_='unique')
        batch_op.create_unique_constraint(
            'uq_indicator_value_indicator_id',
            ['indicator_id', 'territory_id', 'year', 'dataset_id'])
        batch_op.create_index('ix_indicator_value_effective_key',
                              ['indicator_id', 'territory_id', 'year'], unique=True,
                              sqlite_where=sa.text('effective'),
                              postgresql_where=sa.text('effective'))
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.add_column(sa.Column('effective', sa.Boolean(), nullable=False,
                                      server_default=sa.true()))
        batch_op.drop_constraint('uq_survey_study', type_='unique')
        batch_op.create_unique_constraint('uq_survey_study',
                                          ['study', 'year', 'actor_slug', 'dataset_id'])
        batch_op.create_index('ix_survey_effective_key', ['study', 'year', 'actor_slug'],
                              unique=True, sqlite_where=sa.text('effective'),
                              postgresql_where=sa.text('effective'))


def downgrade() -> None:
    """Back to one row per key: the rows nobody reads are dropped first."""
    op.execute("DELETE FROM indicator_value WHERE NOT effective")
    op.execute("DELETE FROM answer WHERE question_id IN (SELECT q.id FROM question q "
               "JOIN survey s ON s.id = q.survey_id WHERE NOT s.effective)")
    op.execute("DELETE FROM survey WHERE NOT effective")
    with op.batch_alter_table('survey', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_effective_key')
        batch_op.drop_constraint('uq_survey_study', type_='unique')
        batch_op.create_unique_constraint('uq_survey_study', ['study', 'year', 'actor_slug'])
        batch_op.drop_column('effective')
    with op.batch_alter_table('indicator_value', schema=None) as batch_op:
        batch_op.drop_index('ix_indicator_value_effective_key')
        batch_op.drop_constraint('uq_indicator_value_indicator_id', type_='unique')
        batch_op.create_unique_constraint('uq_indicator_value_indicator_id',
                                          ['indicator_id', 'territory_id', 'year'])
        batch_op.drop_column('effective')
    with op.batch_alter_table('dataset', schema=None) as batch_op:
        batch_op.drop_column('details')
        batch_op.drop_column('active')
        batch_op.drop_column('imported_by')
