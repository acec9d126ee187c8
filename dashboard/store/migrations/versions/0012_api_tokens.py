"""API tokens: a program reads /api/v1/ as an account, by a token whose hash alone is kept;
and the basis of each kept goal result, which the API's goal results carry

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

Issue 19, "Open data out". A token is shown once when made; revoking it keeps the row.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("hint", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_api_token_user_id", "api_token", ["user_id"])
    with op.batch_alter_table("goal_result") as batch:
        batch.add_column(
            sa.Column("basis", sa.String(length=20), nullable=False, server_default="none")
        )


def downgrade() -> None:
    with op.batch_alter_table("goal_result") as batch:
        batch.drop_column("basis")
    op.drop_index("ix_api_token_user_id", table_name="api_token")
    op.drop_table("api_token")
