"""a session generation per account, so signing out ends the sessions signed in before it;
the address and repeat count of refusals, so a flood of them is counted in a few rows

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05

A session cookie carries the generation it was signed in under; sign-out, a new password and
`kontrollrummet user signout` count it up, and every worker compares on each request.
Past a bound per account and address, a refusal only counts up the newest row's `repeats`.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(
            sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(
            sa.Column("address", sa.String(length=100), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("repeats", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_column("repeats")
        batch.drop_column("address")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("session_generation")
