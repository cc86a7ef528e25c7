"""A session token per account: signing out and a password change end every session

A session cookie names the account's id and its token; a new token ends every session of
the account. Each existing account is given a random token of its own, so that the
cookies of before the upgrade (which name no token) open nothing.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-09
"""
from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

users = sa.table('app_user', sa.column('id', sa.Integer()),
                 sa.column('session_token', sa.String(length=64)))


def upgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_token', sa.String(length=64), nullable=True))
    bind = op.get_bind()
    for user_id in bind.execute(sa.select(users.c.id)).scalars().all():
        bind.execute(users.update().where(users.c.id == user_id)
                     .values(session_token=secrets.token_urlsafe(32)))
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.alter_column('session_token', existing_type=sa.String(length=64),
                              nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('app_user', schema=None) as batch_op:
        batch_op.drop_column('session_token')
