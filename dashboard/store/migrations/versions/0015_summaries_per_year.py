"""a kept summary of one year's data names its year

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

Issue 20: an upload of one year's outcomes carries the other years' summaries over to the new
generation, as it carries their goal results (dashboard/store/result_store.py). Derived data
only: existing rows summarise all years and keep an empty year.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kept_summary") as batch:
        batch.add_column(sa.Column("year", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kept_summary") as batch:
        batch.drop_column("year")
