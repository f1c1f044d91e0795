"""Tables of the list store (SQLAlchemy Core). Migrations live in ``store/migrations``."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

list_versions = Table(
    "list_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version", String(200), nullable=False, unique=True),
    Column("source", String(64), nullable=False),
    Column("files", Text, nullable=False),  # JSON [{name, sha256, size}]
    Column("sha256", String(64), nullable=False),
    Column("imported_at", String(40), nullable=False),
    Column("published", Date, nullable=True),
    Column("entry_count", Integer, nullable=False),
    Column("counts", Text, nullable=False),  # JSON {list_code: n}
    Column("repairs", Text, nullable=False),  # JSON [str]
    Column("is_current", Boolean, nullable=False, default=False),
)

list_entries = Table(
    "list_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("list_versions.id"), nullable=False),
    Column("source_id", String(200), nullable=False),
    Column("list_code", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("start_date", Date, nullable=True),
    Column("data", Text, nullable=False),  # JSON of the full ListEntry
)
Index("ix_list_entries_version", list_entries.c.version_id)
Index("ix_list_versions_source", list_versions.c.source)
