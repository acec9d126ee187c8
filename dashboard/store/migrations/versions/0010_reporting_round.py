"""the reporting round: deadlines per period and organisation level, and each organisation's
report state for a period (ready, approved, sent back, reopened)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reporting_deadline",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.Column("org_level", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("year", "period", "org_level", name=op.f("pk_reporting_deadline")),
    )
    op.create_table(
        "report_state",
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=False),
        sa.Column("comment", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_report_state_org_id_org_unit")
        ),
        sa.PrimaryKeyConstraint("org_id", "year", "period", name=op.f("pk_report_state")),
    )


def downgrade() -> None:
    op.drop_table("report_state")
    op.drop_table("reporting_deadline")
