"""The one exception root of clearance, and its few branches.

::

    ClearanceError                 any failure clearance reports (exit_code 1, HTTP 500)
    ├── InputError                 bad input from the user: file, flag or field (exit 2, HTTP 422)
    │   ├── ListFormatError        a list file that cannot be parsed; names file and line
    │   ├── RuleDataError          a law file that breaks the schema; names file and line
    │   └── UnreadableName         a name the matcher cannot read: never a silent "no match"
    ├── ListsUnavailable           no usable list versions: fail closed (exit 3, HTTP 503)
    ├── NotFound                   a version, decision or hit that does not exist (exit 2, HTTP 404)
    ├── AccessDenied               missing or insufficient credentials (exit 2, HTTP 401/403)
    └── StaleBuildError            a compiled matcher module older than its source (exit 1)

Every edge (CLI, API) translates these once; nothing below the edge prints or exits.
"""

from __future__ import annotations

from pathlib import Path


class ClearanceError(Exception):
    """Root of every error clearance raises on purpose."""

    exit_code = 1
    status = 500

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class InputError(ClearanceError):
    """The user's input (a file, a flag, an API field) is wrong; the message says where."""

    exit_code = 2
    status = 422


def _where(path: str | Path | None, line: int | None) -> str:
    if path is None:
        return ""
    return f"{path}:{line}: " if line is not None else f"{path}: "


class ListFormatError(InputError):
    """A list file cannot be read as its format; nothing of it is imported."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(f"{_where(path, line)}{message}")
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message


class RuleDataError(InputError):
    """A law-as-data YAML file breaks the schema; the message names file and line."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(f"{_where(path, line)}{message}")
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message


class UnreadableName(InputError):
    """A name with nothing the matcher can read (no letters, or a script it cannot
    transliterate, such as Khmer): screening it would report no match without having
    looked, so it fails closed instead. ``name`` is the name as given ("" when the error
    comes back from a Spark executor as text)."""

    def __init__(self, detail: str, name: str = "") -> None:
        super().__init__(detail)
        self.name = name

    @classmethod
    def of(cls, name: str, where: str = "") -> UnreadableName:
        """The error for ``name``, its message prefixed by ``where`` (file, row, party)."""
        return cls(
            f"{where}name: {name!r} has nothing the matcher can read (no letters, or a"
            " script it cannot transliterate): give a Latin spelling of it",
            name,
        )

    def __reduce__(self) -> tuple[type[UnreadableName], tuple[str, str]]:
        return type(self), (self.detail, self.name)  # across worker processes


class ListsUnavailable(ClearanceError):
    """No usable list version (none imported, store unreadable, or too old): fail closed."""

    exit_code = 3
    status = 503


class NotFound(ClearanceError):
    exit_code = 2
    status = 404


class AccessDenied(ClearanceError):
    exit_code = 2
    status = 403


class StaleBuildError(ClearanceError):
    """A matcher module compiled by ``scripts/compile.py`` no longer matches its source:
    it would run old code, so it is not loaded."""
