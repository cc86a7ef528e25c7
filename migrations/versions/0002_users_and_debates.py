"""users and debates

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    op.create_table('debate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=6), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('region_code', sa.String(length=8), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('questions', sa.JSON(), nullable=False),
    sa.Column('scored_domains', sa.JSON(), nullable=False),
    sa.Column('question_state', sa.JSON(), nullable=False),
    sa.Column('results_revealed', sa.Boolean(), nullable=False),
    sa.Column('current_slide', sa.Integer(), nullable=False),
    sa.Column('deck', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['survey.id'], name=op.f('fk_debate_survey_id_survey'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_debate')),
    sa.UniqueConstraint('code', name=op.f('uq_debate_code')),
    sa.UniqueConstraint('survey_id', name=op.f('uq_debate_survey_id'))
    )
    op.create_table('debate_word',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('debate_id', sa.Integer(), nullable=False),
    sa.Column('respondent_id', sa.Integer(), nullable=False),
    sa.Column('word', sa.String(length=40), nullable=False),
    sa.Column('normalised', sa.String(length=40), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['debate_id'], ['debate.id'], name=op.f('fk_debate_word_debate_id_debate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['respondent_id'], ['respondent.id'], name=op.f('fk_debate_word_respondent_id_respondent'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_debate_word')),
    sa.UniqueConstraint('debate_id', 'respondent_id', name=op.f('uq_debate_word_debate_id'))
    )
    with op.batch_alter_table('debate_word', schema=None) as batch_op:
        batch_op.create_index('ix_debate_word_debate_normalised', ['debate_id', 'normalised'], unique=False)

    op.create_table('debate_ballot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('debate_id', sa.Integer(), nullable=False),
    sa.Column('respondent_id', sa.Integer(), nullable=False),
    sa.Column('questions', sa.String(length=80), nullable=False),
    sa.Column('replaced', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['debate_id'], ['debate.id'], name=op.f('fk_debate_ballot_debate_id_debate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['respondent_id'], ['respondent.id'], name=op.f('fk_debate_ballot_respondent_id_respondent'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_debate_ballot'))
    )
    with op.batch_alter_table('debate_ballot', schema=None) as batch_op:
        batch_op.create_index('ix_debate_ballot_debate_id_id', ['debate_id', 'id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('debate_ballot', schema=None) as batch_op:
        batch_op.drop_index('ix_debate_ballot_debate_id_id')

    op.drop_table('debate_ballot')
    with op.batch_alter_table('debate_word', schema=None) as batch_op:
        batch_op.drop_index('ix_debate_word_debate_normalised')

    op.drop_table('debate_word')
    op.drop_table('debate')
    op.drop_table('app_user')
