"""Service tables (API keys, audit chain, review hits and judgements) on the store metadata.

The migration ``store/migrations/versions/0100_service.py`` creates the same tables.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, String, Table, Text

from clearance.store.schema import metadata

api_keys = Table(
    "service_api_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("revoked_at", String(40), nullable=True),
)

# One row (id=1): the chain head. Appends lock it first, so they are serialised.
audit_head = Table(
    "service_audit_head",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
)

audit_log = Table(
    "service_audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("decision_id", String(36), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("actor", String(100), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("input", Text, nullable=False),
    Column("result", Text, nullable=False),
    Column("list_versions", Text, nullable=False),
    Column("matcher", String(40), nullable=False),
    Column("rules_version", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)
Index("ix_service_audit_created", audit_log.c.created_at)

# One row per distinct hit (counterparty x list entry content): the review queue's items.
review_hits = Table(
    "service_review_hits",
    metadata,
    Column("hit_id", String(32), primary_key=True),
    Column("counterparty", Text, nullable=False),
    Column("query_name", Text, nullable=False),
    Column("source", String(64), nullable=False),
    Column("source_id", String(200), nullable=False),
    Column("entry_hash", String(64), nullable=False),
    Column("entry", Text, nullable=False),
    Column("score", String(16), nullable=False),
    Column("first_decision_id", String(36), nullable=False),
    Column("first_seen", String(40), nullable=False),
)

judgements = Table(
    "service_judgements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("hit_id", String(32), nullable=False),
    Column("counterparty", Text, nullable=False),
    Column("source", String(64), nullable=False),
    Column("source_id", String(200), nullable=False),
    Column("entry_hash", String(64), nullable=False),
    Column("action", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("reviewer", String(100), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("decision_id", String(36), nullable=False),
)
Index("ix_service_judgements_hit", judgements.c.hit_id)
