"""Checks a parsed download must pass before it may become the current version.

* bounds: the source metadata's ``min_entries``..``max_entries`` (overridable: ``force``);
* share lost: more than ``max_loss`` (default 10 %) of the previous current version's
  entries missing (overridable: ``force``);
* an empty parse is always refused.

Truncated records, a duplicated header, bad encoding and malformed XML are refused
earlier, by the parsers (:class:`ListFormatError` with file and line), and zip/gzip bombs
and XML entity declarations by :mod:`clearance.lifecycle.guards`; none can be forced.
"""

from __future__ import annotations

from clearance.errors import ListFormatError
from clearance.model import ParsedList
from clearance.sources import SourceMeta

DEFAULT_MAX_LOSS = 0.10


class UpdateRefused(ListFormatError):
    """A downloaded version failed a check; the previous version stays current."""


def sanity_check(
    parsed: ParsedList,
    meta: SourceMeta,
    previous_count: int | None,
    force: bool = False,
    max_loss: float = DEFAULT_MAX_LOSS,
) -> list[str]:
    """Raise :class:`UpdateRefused` saying why, or return notes on overridden checks."""
    n = len(parsed.entries)
    where = ", ".join(f.name for f in parsed.files)
    if n == 0:
        raise UpdateRefused("refused: the download parsed to no entries", where)
    notes: list[str] = []
    if not meta.min_entries <= n <= meta.max_entries:
        msg = (
            f"{n} entries, outside the expected {meta.min_entries}..{meta.max_entries} "
            f"for {meta.key}"
        )
        if not force:
            raise UpdateRefused(f"refused: {msg} (override with --force)", where)
        notes.append(f"forced past: {msg}")
    if previous_count:
        lost = (previous_count - n) / previous_count
        if lost > max_loss:
            msg = (
                f"{n} entries against {previous_count} in the current version: "
                f"{lost:.1%} lost, more than the {max_loss:.0%} allowed"
            )
            if not force:
                raise UpdateRefused(f"refused: {msg} (override with --force)", where)
            notes.append(f"forced past: {msg}")
    return notes
