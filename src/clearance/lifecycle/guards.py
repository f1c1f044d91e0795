"""Refuse hostile or broken downloads before any parser sees them.

* zip archives: member count, total uncompressed size and per-member compression ratio
  are bounded (a zip bomb is refused from its central directory, before inflating), and
  inflation itself is streamed with a hard byte cap in case the directory lies; member
  names with ``..`` or absolute paths are refused;
* XML: a ``<!DOCTYPE`` or ``<!ENTITY`` anywhere in the prolog is refused (billion laughs,
  external entities), whatever the parser would do later.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from clearance.errors import ListFormatError

MAX_MEMBERS = 20
MAX_RATIO = 100.0
MAX_UNZIPPED = 512 * 1024 * 1024
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


def is_zip(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def safe_unzip(path: Path, dest: Path, max_total: int | None = None) -> list[Path]:
    """Extract ``path`` into ``dest`` within the limits above; the extracted files."""
    max_total = MAX_UNZIPPED if max_total is None else max_total
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ListFormatError(f"corrupt zip: {exc}", path) from exc
    with zf:
        members = [i for i in zf.infolist() if not i.is_dir()]
        if not members or len(members) > MAX_MEMBERS:
            raise ListFormatError(
                f"zip holds {len(members)} files (1..{MAX_MEMBERS} allowed)", path
            )
        total = sum(i.file_size for i in members)
        if total > max_total:
            raise ListFormatError(
                f"zip bomb refused: {total} bytes uncompressed exceeds {max_total}", path
            )
        out: list[Path] = []
        for info in members:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in Path(name).parts:
                raise ListFormatError(f"zip member with unsafe path {name!r}", path)
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise ListFormatError(
                    f"zip bomb refused: {name} compresses {ratio:.0f}:1 (limit {MAX_RATIO:.0f}:1)",
                    path,
                )
            target = dest / Path(name).name
            written = 0
            with zf.open(info) as src, open(target, "wb") as dst:
                for chunk in iter(lambda: src.read(1 << 20), b""):
                    written += len(chunk)
                    if written > info.file_size or written > max_total:
                        raise ListFormatError(
                            f"zip bomb refused: {name} inflates past its declared size", path
                        )
                    dst.write(chunk)
            out.append(target)
        return out


def check_xml_prolog(path: Path) -> None:
    """Refuse XML that declares a DTD or entities (checked on the first 64 KiB)."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and _DOCTYPE.search(head):
        raise ListFormatError("XML entity attack refused: DOCTYPE/ENTITY declarations", path)


def check_gzip(path: Path, max_total: int | None = None) -> None:
    """Refuse a gzip file that inflates past ``max_total`` bytes (streamed, bounded)."""
    max_total = MAX_UNZIPPED if max_total is None else max_total
    import zlib

    with open(path, "rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            return
        fh.seek(0)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        total = 0
        for chunk in iter(lambda: fh.read(1 << 16), b""):
            total += len(inflater.decompress(chunk, max_total + 1 - total))
            while inflater.unconsumed_tail and total <= max_total:
                total += len(inflater.decompress(inflater.unconsumed_tail, max_total + 1 - total))
            if total > max_total:
                raise ListFormatError(f"gzip bomb refused: inflates past {max_total} bytes", path)
