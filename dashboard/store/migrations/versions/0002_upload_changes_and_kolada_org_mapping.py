"""upload changes and kolada org mapping

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 04:44:34.115244
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "upload_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_key", sa.Text(), nullable=False),
        sa.Column("old_values", sa.Text(), nullable=False),
        sa.Column("previous_upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["previous_upload_id"],
            ["upload.id"],
            name=op.f("fk_upload_change_previous_upload_id_upload"),
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_upload_change_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_upload_change")),
    )
    with op.batch_alter_table("upload_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_upload_change_previous_upload_id"), ["previous_upload_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_upload_change_upload_id"), ["upload_id"], unique=False)

    op.create_table(
        "kolada_org",
        sa.Column("kolada_id", sa.String(length=40), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_kolada_org_org_id_org_unit")
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_kolada_org_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("kolada_id", name=op.f("pk_kolada_org")),
    )
    with op.batch_alter_table("kolada_org", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kolada_org_org_id"), ["org_id"], unique=False)

    with op.batch_alter_table("upload", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rows_unchanged", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("status", sa.String(length=20), server_default="active", nullable=False)
        )
        batch_op.add_column(sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("undone_by", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("upload", schema=None) as batch_op:
        batch_op.drop_column("undone_by")
        batch_op.drop_column("undone_at")
        batch_op.drop_column("status")
        batch_op.drop_column("rows_unchanged")

    with op.batch_alter_table("kolada_org", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kolada_org_org_id"))

    op.drop_table("kolada_org")
    with op.batch_alter_table("upload_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_upload_change_upload_id"))
        batch_op.drop_index(batch_op.f("ix_upload_change_previous_upload_id"))

    op.drop_table("upload_change")
