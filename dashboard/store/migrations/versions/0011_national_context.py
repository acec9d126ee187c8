"""national context: Kolada values, KPI metadata and municipality names kept as reference
data, comparison groups and the municipality's own Kolada id

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

Riket, the region and other municipalities are data, not organisation units (issue 19).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _upload_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["upload_id"], ["upload.id"], name=f"fk_{table}_upload_id_upload"
    )


def upgrade() -> None:
    op.create_table(
        "kolada_value",
        sa.Column("kpi", sa.String(length=20), nullable=False),
        sa.Column("kolada_id", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("outcome", sa.Float(), nullable=True),
        sa.Column("value_status", sa.String(length=20), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        _upload_fk("kolada_value"),
        sa.PrimaryKeyConstraint("kpi", "kolada_id", "year", "gender", name="pk_kolada_value"),
    )
    op.create_table(
        "kolada_kpi",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("gender_split", sa.Boolean(), nullable=False),
        sa.Column("operating_area", sa.Text(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        _upload_fk("kolada_kpi"),
        sa.PrimaryKeyConstraint("id", name="pk_kolada_kpi"),
    )
    op.create_table(
        "kolada_municipality",
        sa.Column("kolada_id", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=2), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        _upload_fk("kolada_municipality"),
        sa.PrimaryKeyConstraint("kolada_id", name="pk_kolada_municipality"),
    )
    op.create_table(
        "comparison_group",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kolada_id", sa.String(length=40), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        _upload_fk("comparison_group"),
        sa.PrimaryKeyConstraint("name", "kolada_id", name="pk_comparison_group"),
    )
    op.create_table(
        "national_setting",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        _upload_fk("national_setting"),
        sa.PrimaryKeyConstraint("name", name="pk_national_setting"),
    )


def downgrade() -> None:
    for table in (
        "national_setting",
        "comparison_group",
        "kolada_municipality",
        "kolada_kpi",
        "kolada_value",
    ):
        op.drop_table(table)
