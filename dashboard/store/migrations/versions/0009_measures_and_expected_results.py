"""åtgärder with owner, due date and status; the year's förväntat resultat och arbetssätt; and the
assessment's follow-up of the expected result

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05

Issue 17: measures are followed up at the next period's meeting until closed, and the routine's
förväntat resultat och arbetssätt are written once a year and followed up each tertial.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_measure_goal_id_goal")),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_measure_org_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure")),
    )
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.create_index("ix_measure_goal_org", ["goal_id", "org_id"], unique=False)
    op.create_table(
        "expected_result",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("expected_result", sa.Text(), nullable=False),
        sa.Column("way_of_working", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_expected_result_goal_id_goal")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_expected_result_org_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("goal_id", "org_id", "year", name=op.f("pk_expected_result")),
    )
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(
            sa.Column("expected_followup", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("expected_followup")
    op.drop_table("expected_result")
    with op.batch_alter_table("measure", schema=None) as batch_op:
        batch_op.drop_index("ix_measure_goal_org")
    op.drop_table("measure")
