"""reported period summary

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24

A table of the (year, period) pairs that have measurements, filled here from the data a
database already holds, so an upgraded database shows the same periods as before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reported_period",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("year", "period", name=op.f("pk_reported_period")),
    )
    op.execute(
        "INSERT INTO reported_period (year, period) SELECT DISTINCT year, period FROM measurement"
    )


def downgrade() -> None:
    op.drop_table("reported_period")
