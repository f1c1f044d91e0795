"""List lifecycle: downloads archive log, counterparty register, re-screens, alerts.

Revision ID: 0200_lifecycle
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0200_lifecycle"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lc_downloads",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("fetched_at", sa.String(40), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("content_type", sa.String(200), nullable=True),
        sa.Column("archive_path", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("version_id", sa.Integer, sa.ForeignKey("list_versions.id"), nullable=True),
    )
    op.create_index("ix_lc_downloads_source", "lc_downloads", ["source"])
    op.create_table(
        "lc_parties",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("party_id", sa.String(200), nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("entity_type", sa.String(16), nullable=True),
        sa.Column("extra", sa.Text, nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "lc_rescreens",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("old_version_id", sa.Integer, sa.ForeignKey("list_versions.id"), nullable=True),
        sa.Column(
            "new_version_id",
            sa.Integer,
            sa.ForeignKey("list_versions.id"),
            nullable=False,
            unique=True,
        ),
        sa.Column("done_at", sa.String(40), nullable=False),
        sa.Column("added", sa.Integer, nullable=False),
        sa.Column("removed", sa.Integer, nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("alerts", sa.Integer, nullable=False),
    )
    op.create_table(
        "lc_alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("party_id", sa.String(200), nullable=False),
        sa.Column("party_name", sa.Text, nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("entry_key", sa.Text, nullable=False),
        sa.Column("entry_name", sa.Text, nullable=False),
        sa.Column("list_code", sa.String(32), nullable=False),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column("matched_name", sa.Text, nullable=True),
        sa.Column("old_version", sa.String(200), nullable=True),
        sa.Column("new_version", sa.String(200), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_lc_alerts_created", "lc_alerts", ["created_at"])


def downgrade() -> None:
    op.drop_table("lc_alerts")
    op.drop_table("lc_rescreens")
    op.drop_table("lc_parties")
    op.drop_table("lc_downloads")
