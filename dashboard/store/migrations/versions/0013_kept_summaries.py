"""summaries kept in the database per data version, shared by every worker

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05

Issue 20, "Steady under writes". Derived data only (dashboard/store/schema_summaries.py): an
empty table is correct, each summary is computed again on first use.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kept_summary",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("value", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint(
            "key", "generation", "version", "code", name=op.f("pk_kept_summary")
        ),
    )


def downgrade() -> None:
    op.drop_table("kept_summary")
