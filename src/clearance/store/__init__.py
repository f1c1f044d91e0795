"""The versioned list store: immutable list versions, read back whole or as of a date."""

from clearance.store.store import Snapshot, Store, open_store

__all__ = ["Snapshot", "Store", "open_store"]
