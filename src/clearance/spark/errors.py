"""Clearance errors raised on an executor, raised again on the driver as themselves.

Spark wraps a Python error from a worker in its own exception whose text carries the
worker's traceback; the last ``clearance.errors.<Name>: <detail>`` line in it is turned
back into that error, so the CLI exits with the right code and a one-line message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from clearance import errors
from clearance.errors import ClearanceError

_LINE = re.compile(r"clearance\.errors\.(\w+): (.+)")


def from_spark(exc: BaseException) -> ClearanceError | None:
    """The clearance error inside a Spark failure, if there is one."""
    found = _LINE.findall(str(exc))
    if not found:
        return None
    name, detail = found[-1]
    cls = getattr(errors, name, None)
    if isinstance(cls, type) and issubclass(cls, ClearanceError):
        return cls(detail.strip())
    return None


@contextmanager
def clearance_errors() -> Iterator[None]:
    """Run Spark actions inside this to get executor-side clearance errors back as such."""
    try:
        yield
    except ClearanceError:
        raise
    except Exception as exc:
        mapped = from_spark(exc)
        if mapped is None:
            raise
        raise mapped from exc
