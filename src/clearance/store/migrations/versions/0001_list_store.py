"""List store: immutable list versions and their entries.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "list_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("version", sa.String(200), nullable=False, unique=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("files", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("entry_count", sa.Integer, nullable=False),
        sa.Column("counts", sa.Text, nullable=False),
        sa.Column("repairs", sa.Text, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False, default=False),
    )
    op.create_index("ix_list_versions_source", "list_versions", ["source"])
    op.create_table(
        "list_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("list_versions.id"), nullable=False),
        sa.Column("source_id", sa.String(200), nullable=False),
        sa.Column("list_code", sa.String(32), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("start_date", sa.Date, nullable=True),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_list_entries_version", "list_entries", ["version_id"])


def downgrade() -> None:
    op.drop_table("list_entries")
    op.drop_table("list_versions")
