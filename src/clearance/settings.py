"""Every environment variable clearance reads, with its default, in one place."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_HOME = Path.home() / ".local" / "share" / "clearance"


def home() -> Path:
    """CLEARANCE_HOME: folder for the embedded SQLite store and archives."""
    return Path(os.environ.get("CLEARANCE_HOME", str(DEFAULT_HOME)))


def database_url() -> str:
    """CLEARANCE_DATABASE_URL: SQLAlchemy URL; default sqlite:///$CLEARANCE_HOME/clearance.db."""
    url = os.environ.get("CLEARANCE_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{home() / 'clearance.db'}"


def default_threshold() -> float:
    """CLEARANCE_THRESHOLD: alert threshold for screening scores (default 0.80)."""
    return float(os.environ.get("CLEARANCE_THRESHOLD", "0.80"))
