"""Tables of the list lifecycle, on the store's shared ``metadata`` (migration ``0200``).

``lc_downloads``  every fetch: where from, sha256 of the raw bytes, archive path, outcome
                  (``imported``, ``unchanged``, ``refused``) and the reason of a refusal.
``lc_parties``    the counterparty register (``party_id`` unique; extra columns as JSON).
``lc_rescreens``  one row per list version re-screened against the register: written in
                  the same transaction as its alerts, so a crash in between is resumed.
``lc_alerts``     new hits, hits whose entry was removed, and hits whose entry changed.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, String, Table, Text

from clearance.store.schema import metadata

downloads = Table(
    "lc_downloads",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False),
    Column("url", Text, nullable=False),
    Column("fetched_at", String(40), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("content_type", String(200), nullable=True),
    Column("archive_path", Text, nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("reason", Text, nullable=True),
    Column("version_id", Integer, ForeignKey("list_versions.id"), nullable=True),
)

parties = Table(
    "lc_parties",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("party_id", String(200), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("country", String(8), nullable=True),
    Column("entity_type", String(16), nullable=True),
    Column("extra", Text, nullable=False),  # JSON {column: value}
    Column("imported_at", String(40), nullable=False),
    Column("forms", Text, nullable=True),  # JSON matcher forms (see party_forms)
    Column("forms_fp", String(32), nullable=True),  # fingerprint of the normaliser
)

rescreens = Table(
    "lc_rescreens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(64), nullable=False),
    Column("old_version_id", Integer, ForeignKey("list_versions.id"), nullable=True),
    Column("new_version_id", Integer, ForeignKey("list_versions.id"), nullable=False, unique=True),
    Column("done_at", String(40), nullable=False),
    Column("added", Integer, nullable=False),
    Column("removed", Integer, nullable=False),
    Column("changed", Integer, nullable=False),
    Column("alerts", Integer, nullable=False),
)

alerts = Table(
    "lc_alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", String(40), nullable=False),
    Column("kind", String(16), nullable=False),  # new_hit | entry_removed | entry_changed
    Column("party_id", String(200), nullable=False),
    Column("party_name", Text, nullable=False),
    Column("source", String(64), nullable=False),
    Column("entry_key", Text, nullable=False),
    Column("entry_name", Text, nullable=False),
    Column("list_code", String(32), nullable=False),
    Column("score", Float, nullable=True),
    Column("matched_name", Text, nullable=True),
    Column("old_version", String(200), nullable=True),
    Column("new_version", String(200), nullable=False),
    Column("detail", Text, nullable=False),  # JSON: changed fields, score explanation
)
Index("ix_lc_alerts_created", alerts.c.created_at)
Index("ix_lc_downloads_source", downloads.c.source)
