"""Fault injection for crash tests: ``CLEARANCE_FAULT_STAGE=<stage>`` kills the process.

The updater calls :func:`checkpoint` at each named stage (see :data:`STAGES`). When the
environment variable names that stage the process sends itself SIGKILL there and then —
no cleanup, no ``finally`` blocks, exactly like ``kill -9`` or a power cut. The ``commit``
stage fires inside the import transaction, just before the database commits it. Never
set the variable in production; it exists so tests can prove every stage is crash-safe.
"""

from __future__ import annotations

import os
import signal

ENV = "CLEARANCE_FAULT_STAGE"
STAGES: tuple[str, ...] = (
    "start",  # before anything is fetched
    "download",  # half the body written to the temporary file
    "downloaded",  # temporary file complete, not yet archived
    "archive",  # archive file written under a temporary name, not yet renamed
    "archived",  # raw bytes archived, nothing parsed
    "parsed",  # parsed, not yet checked
    "checked",  # sanity checks passed, import not begun
    "commit",  # inside the import transaction, just before COMMIT
    "imported",  # version committed and current; re-screen not yet done
    "rescreen",  # alerts computed, inside the alerts transaction, before COMMIT
    "done",  # everything committed
)


def checkpoint(stage: str) -> None:
    """SIGKILL this process if ``CLEARANCE_FAULT_STAGE`` names ``stage``."""
    if stage not in STAGES:
        raise ValueError(f"unknown fault stage {stage!r}")
    if os.environ.get(ENV) == stage:
        os.kill(os.getpid(), signal.SIGKILL)
