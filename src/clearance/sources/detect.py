"""Recognise list files by content and run the right parser.

:func:`detect` looks at each file's content (after transparent gunzip): the CSL and DPL
header lines, the XML root element, or the column count and numeric ``ent_num`` of the
headerless OFAC legacy files (whose file *name* then only decides SDN vs consolidated).
CSL, DPL and UN files are one import each; OFAC files are grouped into one import per set.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from clearance.errors import ListFormatError
from clearance.model import ParsedList

from . import (
    eu_fsf,
    ftm_json,
    inhouse_csv,
    uk_ofsi,
    un_sc,
    us_bis_dpl,
    us_csl,
    us_ddtc_itar,
    us_ofac_enhanced,
    us_ofac_legacy,
)
from .base import header_cells, read_bytes

PARSERS: dict[str, Callable[[Sequence[Path]], ParsedList]] = {
    "us_csl": us_csl.parse,
    "us_ofac_sdn": us_ofac_legacy.parse,
    "us_ofac_cons": us_ofac_legacy.parse,
    "us_bis_dpl": us_bis_dpl.parse,
    "un_sc": un_sc.parse,
    "uk_ofsi": uk_ofsi.parse,
    "eu_fsf": eu_fsf.parse,
    "us_ofac_enhanced": us_ofac_enhanced.parse,
    "us_ddtc_itar": us_ddtc_itar.parse,
    "ftm_json": ftm_json.parse,
    "inhouse_csv": inhouse_csv.parse,
}
_XML_ROOTS = {un_sc.ROOT: "un_sc", eu_fsf.ROOT: "eu_fsf", us_ofac_enhanced.ROOT: "us_ofac_enhanced"}
# Formats without a publisher (an organisation's own list) are parsed but not "official":
# FORMATS lists the official ones, each with a publisher URL in its metadata.
LOCAL_FORMATS: tuple[str, ...] = ("inhouse_csv",)
FORMATS: tuple[str, ...] = tuple(k for k in PARSERS if k not in LOCAL_FORMATS)
_GROUPED = ("us_ofac_sdn", "us_ofac_cons")
_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)[\s>/]")


def detect_file(path: Path) -> str:
    """Format key of one file, from its content; ListFormatError naming it if unknown."""
    data = read_bytes(path)
    if data[:4] == b"PK\x03\x04":
        return "us_ofac_enhanced"  # the only zipped list format (OFAC *_ENHANCED.ZIP)
    head = data[:65536].lstrip(b"\xef\xbb\xbf").lstrip()
    if head[:1] in (b"{", b"[") and ftm_json.looks_like(head):
        return "ftm_json"
    if head.startswith(b"<"):
        body = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", head, flags=re.S).lstrip()
        if body.startswith(b"<!DOCTYPE"):
            raise ListFormatError("XML with a DOCTYPE is refused (entity expansion risk)", path)
        m = _XML_ROOT.match(body)
        tag = m.group(1).decode(errors="replace").rsplit(":", 1)[-1] if m else ""
        if tag in _XML_ROOTS:
            return _XML_ROOTS[tag]
        root = m.group(1).decode(errors="replace") if m else "?"
        raise ListFormatError(f"unknown list file: XML root <{root}>", path)
    first = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if us_csl.header_kind(first):
        return "us_csl"
    if us_bis_dpl.is_header(first):
        return "us_bis_dpl"
    lines = head.split(b"\n", 2)
    second = lines[1].decode("cp1252", errors="replace") if len(lines) > 1 else ""
    if uk_ofsi.is_header(first, second):
        return "uk_ofsi"
    if us_ddtc_itar.is_header(first):
        return "us_ddtc_itar"
    if inhouse_csv.is_header(first):
        return "inhouse_csv"
    stripped = head.strip(b"\x1a\r\n\t ")
    if not stripped and "comment" in path.name.lower():
        return us_ofac_legacy.set_key(path)  # an empty OFAC comments file
    row = header_cells(first)
    if len(row) in us_ofac_legacy.ROLE_BY_WIDTH and row[0].strip().isdigit():
        return us_ofac_legacy.set_key(path)
    raise ListFormatError(
        "unknown list file (not CSL, OFAC legacy CSV or Enhanced XML, BIS DPL, UN, EU FSF, "
        "OFSI ConList, DDTC ITAR, FtM JSON or in-house CSV)",
        path,
        1,
    )


def detect(paths: Sequence[Path]) -> list[tuple[str, list[Path]]]:
    """Group files into imports: ``[(format_key, [paths...]), ...]`` in first-seen order."""
    groups: list[tuple[str, list[Path]]] = []
    grouped: dict[str, list[Path]] = {}
    for p in (Path(x) for x in paths):
        key = detect_file(p)
        if key in _GROUPED:
            if key not in grouped:
                grouped[key] = []
                groups.append((key, grouped[key]))
            grouped[key].append(p)
        else:
            groups.append((key, [p]))
    return groups


def parse_paths(paths: Sequence[Path], fmt: str | None = None) -> list[ParsedList]:
    """Detect (or force ``fmt``) and parse; one ParsedList per import."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no list file given")
    if fmt is not None:
        if fmt not in PARSERS:
            raise ListFormatError(f"unknown format {fmt!r}; known: {', '.join(PARSERS)}")
        if fmt in _GROUPED:
            return [PARSERS[fmt](paths)]
        return [PARSERS[fmt]([p]) for p in paths]
    return [PARSERS[key](group) for key, group in detect(paths)]
