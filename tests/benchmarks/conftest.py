"""The CI subset imports the ``benchmarks`` package from the repository root."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import shared_lists  # noqa: E402


@pytest.fixture(autouse=True)
def _shared_data() -> None:
    if not shared_lists().is_dir():
        pytest.skip(f"shared list data not found at {shared_lists()} (set CLEARANCE_SHARED_DIR)")
