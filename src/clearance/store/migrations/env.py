"""Alembic environment: runs on the connection clearance hands over (see store.migrate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from clearance.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # plain `alembic upgrade head` with a URL in the config
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=metadata)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
