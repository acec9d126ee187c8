"""assessment audit: every save of a målbedömning through the form, before → after

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 05:01:06.520571
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("saved_by", sa.String(length=200), nullable=False),
        sa.Column("computed_status", sa.String(length=20), nullable=False),
        sa.Column("computed_score", sa.Float(), nullable=True),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_assessment_audit_goal_id_goal")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_assessment_audit_org_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_audit")),
    )
    with op.batch_alter_table("assessment_audit", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assessment_audit_key", ["goal_id", "org_id", "year", "period"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assessment_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_assessment_audit_key")

    op.drop_table("assessment_audit")
