"""when and by whom an åtgärd's status was last changed, so a done or closed one says when

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05

Issue 17: a measure kept only its current status; the meeting asks when it was closed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("measure") as batch:
        batch.add_column(sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("status_changed_by", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("measure") as batch:
        batch.drop_column("status_changed_by")
        batch.drop_column("status_changed_at")
