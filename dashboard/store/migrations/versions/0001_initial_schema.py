"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-24 04:31:31.914253
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "upload",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("rows_inserted", sa.Integer(), nullable=False),
        sa.Column("rows_updated", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_upload")),
    )
    op.create_table(
        "indicator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("decimals", sa.Integer(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("gender_split", sa.Boolean(), nullable=False),
        sa.Column("kolada_kpi", sa.String(length=20), nullable=True),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_indicator_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
        sa.UniqueConstraint("code", name=op.f("uq_indicator_code")),
    )
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_indicator_kolada_kpi"), ["kolada_kpi"], unique=False)

    op.create_table(
        "org_unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("path", sa.String(length=400), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["org_unit.id"], name=op.f("fk_org_unit_parent_id_org_unit")
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_org_unit_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_unit")),
        sa.UniqueConstraint("code", name=op.f("uq_org_unit_code")),
    )
    with op.batch_alter_table("org_unit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_org_unit_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_org_unit_path"), ["path"], unique=False)

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Integer(), nullable=False),
        sa.Column("valid_to", sa.Integer(), nullable=True),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["org_unit.id"], name=op.f("fk_goal_org_id_org_unit")),
        sa.ForeignKeyConstraint(["parent_id"], ["goal.id"], name=op.f("fk_goal_parent_id_goal")),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_goal_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
        sa.UniqueConstraint("code", name=op.f("uq_goal_code")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_org_id"), ["org_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "measurement",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.Column("gender", sa.String(length=1), nullable=False),
        sa.Column("outcome", sa.Float(), nullable=True),
        sa.Column("forecast", sa.Float(), nullable=True),
        sa.Column("value_status", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicator.id"], name=op.f("fk_measurement_indicator_id_indicator")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_measurement_org_id_org_unit")
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_measurement_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint(
            "indicator_id", "org_id", "year", "period", "gender", name=op.f("pk_measurement")
        ),
    )
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.create_index(
            "ix_measurement_org_period", ["org_id", "year", "period"], unique=False
        )

    op.create_table(
        "target",
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("partly_limit", sa.Float(), nullable=True),
        sa.Column("council_target", sa.Float(), nullable=True),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicator.id"], name=op.f("fk_target_indicator_id_indicator")
        ),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_target_org_id_org_unit")
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_target_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("indicator_id", "org_id", "year", name=op.f("pk_target")),
    )
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.create_index("ix_target_org_year", ["org_id", "year"], unique=False)

    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=60), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_activity_goal_id_goal")),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_activity_org_id_org_unit")
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_activity_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
        sa.UniqueConstraint("code", name=op.f("uq_activity_code")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_activity_org_id"), ["org_id"], unique=False)

    op.create_table(
        "assessment",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("is_forecast", sa.Boolean(), nullable=False),
        sa.Column("analysis", sa.Text(), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_assessment_goal_id_goal")),
        sa.ForeignKeyConstraint(
            ["org_id"], ["org_unit.id"], name=op.f("fk_assessment_org_id_org_unit")
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_assessment_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("goal_id", "org_id", "year", "period", name=op.f("pk_assessment")),
    )
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.create_index(
            "ix_assessment_org_period", ["org_id", "year", "period"], unique=False
        )

    op.create_table(
        "goal_indicator",
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_goal_indicator_goal_id_goal")
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_goal_indicator_indicator_id_indicator"),
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_goal_indicator_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("goal_id", "indicator_id", name=op.f("pk_goal_indicator")),
    )
    with op.batch_alter_table("goal_indicator", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_goal_indicator_indicator_id"), ["indicator_id"], unique=False
        )

    op.create_table(
        "activity_update",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=3), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("upload_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_activity_update_activity_id_activity")
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["upload.id"], name=op.f("fk_activity_update_upload_id_upload")
        ),
        sa.PrimaryKeyConstraint("activity_id", "year", "period", name=op.f("pk_activity_update")),
    )


def downgrade() -> None:
    op.drop_table("activity_update")
    with op.batch_alter_table("goal_indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_indicator_indicator_id"))

    op.drop_table("goal_indicator")
    with op.batch_alter_table("assessment", schema=None) as batch_op:
        batch_op.drop_index("ix_assessment_org_period")

    op.drop_table("assessment")
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_org_id"))
        batch_op.drop_index(batch_op.f("ix_activity_goal_id"))

    op.drop_table("activity")
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.drop_index("ix_target_org_year")

    op.drop_table("target")
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.drop_index("ix_measurement_org_period")

    op.drop_table("measurement")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_parent_id"))
        batch_op.drop_index(batch_op.f("ix_goal_org_id"))
        batch_op.drop_index(batch_op.f("ix_goal_level"))

    op.drop_table("goal")
    with op.batch_alter_table("org_unit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_org_unit_path"))
        batch_op.drop_index(batch_op.f("ix_org_unit_parent_id"))

    op.drop_table("org_unit")
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_indicator_kolada_kpi"))

    op.drop_table("indicator")
    op.drop_table("upload")
