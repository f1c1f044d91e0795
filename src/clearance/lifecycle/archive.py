"""Raw downloads kept by SHA-256 under ``$CLEARANCE_HOME/archive/<source>/``.

A file is written under a temporary name, fsynced and renamed, so the archive never holds
a partial file under a final name; the same bytes are stored once.
"""

from __future__ import annotations

import os
from pathlib import Path

from clearance import settings
from clearance.lifecycle.faults import checkpoint


def archive_dir(source: str) -> Path:
    path = settings.home() / "archive" / source
    path.mkdir(parents=True, exist_ok=True)
    return path


def work_dir() -> Path:
    """Where downloads land before archiving (same file system, so renames are atomic)."""
    path = settings.home() / "archive" / ".incoming"
    path.mkdir(parents=True, exist_ok=True)
    return path


def archive(source: str, tmp: Path, sha256: str, suffix: str) -> Path:
    """Move the downloaded ``tmp`` to its final archive name ``<sha256><suffix>``."""
    final = archive_dir(source) / f"{sha256}{suffix}"
    if final.exists():
        tmp.unlink(missing_ok=True)
        return final
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    staged = final.with_name(final.name + ".part")
    os.replace(tmp, staged)
    checkpoint("archive")
    os.replace(staged, final)
    return final


def clean_incoming(max_age_s: float = 3600.0) -> None:
    """Drop leftovers of killed downloads (only this module's own temporary files)."""
    import time

    incoming = work_dir()
    for p in incoming.glob(".download-*"):
        if time.time() - p.stat().st_mtime > max_age_s:
            p.unlink(missing_ok=True)
