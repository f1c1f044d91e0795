"""Shared machinery of the list parsers: source metadata, hashing, decoding, bounds.

Every parser module ``<key>.py`` has a metadata file ``<key>.yml`` beside it (some
parsers serve several keys, e.g. ``us_ofac_legacy.py`` serves ``us_ofac_sdn`` and
``us_ofac_cons``). Parsers are pure: bytes in, :class:`~clearance.model.ParsedList` out.

Bounds (``min_entries``/``max_entries``) are *not* enforced by the parsers, because
well-formed sample files are legitimately small; the importer calls :func:`check_bounds`
and may skip it with a ``--force``-style override.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from clearance.errors import ListFormatError
from clearance.model import ParsedList, SourceFile

HERE = Path(__file__).resolve().parent

_META_FIELDS = (
    "key",
    "title",
    "publisher",
    "official_url",
    "format",
    "min_entries",
    "max_entries",
    "notes",
)


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """What a list is, who publishes it, where, and how many entries a real copy has."""

    key: str
    title: str
    publisher: str
    official_url: str
    format: str
    min_entries: int
    max_entries: int
    notes: str = ""


@cache
def load_meta(key: str) -> SourceMeta:
    """Load ``<key>.yml`` from this package; unknown keys raise :class:`ListFormatError`."""
    path = HERE / f"{key}.yml"
    if not path.is_file():
        raise ListFormatError(f"no source metadata for format {key!r}", path)
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ListFormatError("metadata must be a mapping", path)
    missing = [f for f in _META_FIELDS if f not in data and f != "notes"]
    if missing:
        raise ListFormatError(f"metadata misses {', '.join(missing)}", path)
    unknown = sorted(set(data) - set(_META_FIELDS))
    if unknown:
        raise ListFormatError(f"unknown metadata fields {', '.join(unknown)}", path)
    if data["key"] != key:
        raise ListFormatError(f"metadata key {data['key']!r} does not match file name", path)
    return SourceMeta(
        key=str(data["key"]),
        title=str(data["title"]),
        publisher=str(data["publisher"]),
        official_url=str(data["official_url"]),
        format=str(data["format"]),
        min_entries=int(data["min_entries"]),
        max_entries=int(data["max_entries"]),
        notes=str(data.get("notes") or "").strip(),
    )


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of the file's raw bytes (as stored, i.e. still gzip-compressed)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def source_file(path: Path) -> SourceFile:
    return SourceFile(name=path.name, sha256=sha256_file(path), size=path.stat().st_size)


def check_bounds(parsed: ParsedList, meta: SourceMeta) -> None:
    """Refuse a parse whose entry count lies outside ``[min_entries, max_entries]``.

    The error names the file(s), so an operator sees which download looks wrong
    (a truncated download parses cleanly but is far too short). Not called by parsers.
    """
    n = len(parsed.entries)
    if meta.min_entries <= n <= meta.max_entries:
        return
    names = ", ".join(f.name for f in parsed.files) or "(no files)"
    raise ListFormatError(
        f"{n} entries parsed for {meta.key}, expected between {meta.min_entries} and "
        f"{meta.max_entries} (a sample or a truncated download? override with --force)",
        names,
    )


def header_cells(first_line: str, delimiter: str = ",") -> list[str]:
    """The cells of a file's first line, to tell its format by (BOM and line end dropped);
    [] for a line no CSV header is (a bare carriage return inside: ``0\r0``)."""
    try:
        row = next(csv.reader([first_line.lstrip("\ufeff").rstrip("\r\n")], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return []
    return row


def read_bytes(path: Path) -> bytes:
    """Raw bytes, transparently gunzipped when the file starts with the gzip magic."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ListFormatError(f"cannot read file: {exc.strerror or exc}", path) from exc
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise ListFormatError(f"corrupt gzip data: {exc}", path) from exc
    return data


def line_of_offset(data: bytes, offset: int) -> int:
    """1-based physical line number of byte ``offset``."""
    return data.count(b"\n", 0, offset) + 1


def decode_utf8(
    path: Path, data: bytes, *, cp1252_fallback: bool = False, repairs: list[str] | None = None
) -> str:
    """Decode strict UTF-8 (a BOM is dropped).

    Invalid UTF-8 is a :class:`ListFormatError` naming byte offset and line, unless the
    format is known to be published in Windows-1252 (``cp1252_fallback``), in which case the
    whole file is decoded as cp1252 and that fact is recorded in ``repairs``.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if cp1252_fallback:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc2:
                raise ListFormatError(
                    f"neither UTF-8 nor cp1252: byte 0x{data[exc2.start]:02x} at offset "
                    f"{exc2.start}",
                    path,
                    line_of_offset(data, exc2.start),
                ) from exc2
            if repairs is not None:
                repairs.append(
                    f"{path.name}: not valid UTF-8 (first bad byte at offset {exc.start}, line "
                    f"{line_of_offset(data, exc.start)}); decoded as cp1252 as published"
                )
            return text
        raise ListFormatError(
            f"invalid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}",
            path,
            line_of_offset(data, exc.start),
        ) from exc


_C1_UNDEFINED_IN_CP1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def repair_c1_mojibake(text: str, path: Path, repairs: list[str]) -> str:
    """Replace C1 control characters U+0080..U+009F by the cp1252 character of that byte.

    Such characters (e.g. U+0092 in "Gui\\x92an") come from cp1252 text decoded as Latin-1
    upstream; U+0092 becomes U+2019 (’), U+0096 becomes U+2013 (–). Every repair is recorded
    with its line number. C1 code points with no cp1252 meaning raise ListFormatError.
    """
    if not any("\x80" <= c <= "\x9f" for c in text):
        return text
    out: list[str] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if any("\x80" <= c <= "\x9f" for c in line):
            chars = []
            for c in line:
                if "\x80" <= c <= "\x9f":
                    if ord(c) in _C1_UNDEFINED_IN_CP1252:
                        raise ListFormatError(
                            f"control character U+{ord(c):04X} has no cp1252 meaning", path, lineno
                        )
                    fixed = bytes([ord(c)]).decode("cp1252")
                    repairs.append(
                        f"{path.name}:{lineno}: C1 mojibake U+{ord(c):04X} repaired to "
                        f"U+{ord(fixed):04X} {fixed!r} (cp1252)"
                    )
                    chars.append(fixed)
                else:
                    chars.append(c)
            line = "".join(chars)
        out.append(line)
    return "\n".join(out)


def split_semi(value: str) -> tuple[str, ...]:
    """Split on ';', strip, drop empties, keep order, drop duplicates."""
    seen: dict[str, None] = {}
    for part in value.split(";"):
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return tuple(seen)


def dedupe(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def csv_records(
    reader: Any, path: Path, header: list[str] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """(first physical line, row) for each non-empty record of a ``csv.reader``.

    A record cut off or broken in its quoting, and a repeat of ``header``, raise
    :class:`ListFormatError` naming the line where the record starts.
    """
    prev = reader.line_num
    while True:
        start = prev + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ListFormatError(
                f"record cut off at end of file or broken quoting ({exc})", path, start
            ) from exc
        prev = reader.line_num
        if not row or row == [""]:
            continue
        if header is not None and row == header:
            raise ListFormatError(f"duplicated header at line {start}", path, start)
        yield start, row
