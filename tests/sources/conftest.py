"""Locate the shared list data: $CLEARANCE_SHARED_DIR, else ``<repo>/../shared``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def _shared_dir() -> Path:
    env = os.environ.get("CLEARANCE_SHARED_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def lists_dir() -> Path:
    d = _shared_dir() / "data" / "lists"
    if not d.is_dir():
        pytest.skip(f"shared list data not found at {d} (set CLEARANCE_SHARED_DIR)")
    return d.resolve()


def need(lists_dir: Path, name: str) -> Path:
    p = lists_dir / name
    if not p.is_file():
        pytest.skip(f"{name} missing from {lists_dir}")
    return p
