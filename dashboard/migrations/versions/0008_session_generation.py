"""a session generation per account, so signing out ends the sessions signed in before it

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

A session cookie carries the generation it was signed in under; sign-out, a new password and
`kontrollrummet user signout` count it up, and every worker compares on each request.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("session_generation")
