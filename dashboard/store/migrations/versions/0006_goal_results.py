"""goal results kept between requests, and the generation that every write raises

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Derived data only (dashboard/store/schema_results.py): empty tables are correct, the results are
judged again on first use.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    generation = op.create_table(
        "result_generation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_result_generation")),
    )
    op.bulk_insert(generation, [{"id": 1, "generation": 0}])
    op.create_table(
        "goal_result",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("rules", sa.String(length=16), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("disagreement", sa.String(length=20), nullable=False),
        sa.Column("assessment_status", sa.String(length=20), nullable=True),
        sa.Column("assessment_forecast", sa.Boolean(), nullable=True),
        sa.Column("deviations", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            "year",
            "period",
            "generation",
            "rules",
            "goal_id",
            "org_id",
            name=op.f("pk_goal_result"),
        ),
    )


def downgrade() -> None:
    op.drop_table("goal_result")
    op.drop_table("result_generation")
