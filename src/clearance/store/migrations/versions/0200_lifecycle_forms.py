"""List lifecycle: party names' matcher forms stored at import (fast register index).

Revision ID: 0200_lifecycle_forms
Revises: 0200_lifecycle
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0200_lifecycle_forms"
down_revision = "0200_lifecycle"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lc_parties") as batch:
        batch.add_column(sa.Column("forms", sa.Text, nullable=True))
        batch.add_column(sa.Column("forms_fp", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lc_parties") as batch:
        batch.drop_column("forms_fp")
        batch.drop_column("forms")
