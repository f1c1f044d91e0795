"""UN Security Council Consolidated List XML.

Parsed with :mod:`defusedxml.ElementTree` with DTDs forbidden: any ``<!DOCTYPE``, entity
declaration or external reference (billion laughs, XXE) is a :class:`ListFormatError`.

Mapping: INDIVIDUAL -> person, ENTITY -> company; source_id = REFERENCE_NUMBER (fallback
DATAID); name = FIRST_NAME..FOURTH_NAME joined by spaces; aliases = every ALIAS_NAME plus
NAME_ORIGINAL_SCRIPT (important for cross-script screening); start_date = LISTED_ON (a
trailing time-zone offset such as ``-04:00`` is ignored); programs = UN_LIST_TYPE; countries
= NATIONALITY values and ADDRESS COUNTRY mapped to ISO2 (unmapped names kept in
``extra["unmapped_countries"]``); list_code ``UN``; ``published`` = date of ``dateGenerated``.
``line`` is the line of the record's REFERENCE_NUMBER element.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as StdET
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from clearance.errors import ListFormatError
from clearance.model import ListEntry, ParsedList

from .base import decode_utf8, read_bytes, source_file
from .countries import to_iso2

KEY = "un_sc"
LIST_NAME = "United Nations Security Council Consolidated List"
ROOT = "CONSOLIDATED_LIST"
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T[\d:.]+)?(?:Z|[+-]\d{2}:\d{2})?")
_REF = re.compile(r"<REFERENCE_NUMBER>\s*([^<]*?)\s*</REFERENCE_NUMBER>")


def _text(el: Any, tag: str) -> str:
    return " ".join((el.findtext(tag) or "").split())


def _date(value: str, path: Path, line: int | None, what: str) -> date | None:
    v = value.strip()
    if not v:
        return None
    m = _DATE.fullmatch(v)
    if m:
        try:
            return date.fromisoformat(m.group(1))
        except ValueError:
            pass
    raise ListFormatError(f"bad {what} {v!r}", path, line)


def load_root(path: Path) -> Any:
    data = read_bytes(path)
    decode_utf8(path, data)  # invalid UTF-8 -> error with offset and line
    try:
        return DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ListFormatError(
            f"refused unsafe XML ({type(exc).__name__}: DTDs, entities and external "
            "references are not allowed)",
            path,
        ) from exc
    except StdET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise ListFormatError(f"malformed XML: {exc}", path, line) from exc


def _parse_file(path: Path) -> tuple[list[ListEntry], date | None]:
    root = load_root(path)
    if root.tag != ROOT:
        raise ListFormatError(f"root element is <{root.tag}>, expected <{ROOT}>", path)
    text = read_bytes(path).decode("utf-8", errors="replace")
    ref_lines: dict[str, int] = {}
    for m in _REF.finditer(text):
        ref_lines.setdefault(m.group(1), text.count("\n", 0, m.start()) + 1)
    published = None
    generated = root.get("dateGenerated", "")
    if generated:
        published = _date(generated, path, 2, "dateGenerated")
    entries: list[ListEntry] = []
    for group, tag, etype in (
        ("INDIVIDUALS", "INDIVIDUAL", "person"),
        ("ENTITIES", "ENTITY", "company"),
    ):
        for el in root.iterfind(f"{group}/{tag}"):
            entries.append(_entry(el, tag, etype, path, ref_lines))
    return entries, published


def _entry(el: Any, tag: str, etype: str, path: Path, ref_lines: dict[str, int]) -> ListEntry:
    ref = _text(el, "REFERENCE_NUMBER")
    dataid = _text(el, "DATAID")
    source_id = ref or dataid
    line = ref_lines.get(ref) if ref else None
    if not source_id:
        raise ListFormatError(f"<{tag}> without REFERENCE_NUMBER or DATAID", path, line)
    name = " ".join(
        p
        for p in (_text(el, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"))
        if p
    )
    if not name:
        raise ListFormatError(f"<{tag}> {source_id} has no name", path, line)
    aliases: dict[str, None] = {}
    for alias in el.iterfind(f"{tag}_ALIAS"):
        a = _text(alias, "ALIAS_NAME")
        if a and a != name:
            aliases.setdefault(a, None)
    original = _text(el, "NAME_ORIGINAL_SCRIPT")
    if original and original != name:
        aliases.setdefault(original, None)
    countries: dict[str, None] = {}
    unmapped: list[str] = []

    def add_country(value: str) -> None:
        if not value:
            return
        cc = to_iso2(value)
        if cc:
            countries.setdefault(cc, None)
        else:
            unmapped.append(value)

    for v in el.iterfind("NATIONALITY/VALUE"):
        add_country(" ".join((v.text or "").split()))
    addresses: list[str] = []
    for addr in el.iterfind(f"{tag}_ADDRESS"):
        parts = [
            _text(addr, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
        ]
        country = _text(addr, "COUNTRY")
        add_country(country)
        a = ", ".join(p for p in parts if p)
        if a:
            addresses.append(a)
    extra: dict[str, str] = {"dataid": dataid} if dataid else {}
    titles = [" ".join((v.text or "").split()) for v in el.iterfind("TITLE/VALUE")]
    designations = [" ".join((v.text or "").split()) for v in el.iterfind("DESIGNATION/VALUE")]
    for key, vals in (("title", titles), ("designation", designations)):
        vals = [v for v in vals if v]
        if vals:
            extra[key] = "; ".join(vals)
    if original:
        extra["name_original_script"] = original
    gender = _text(el, "GENDER")
    if gender:
        extra["gender"] = gender
    dobs = []
    for dob in el.iterfind("INDIVIDUAL_DATE_OF_BIRTH"):
        d = _text(dob, "DATE") or _text(dob, "YEAR")
        if not d and _text(dob, "FROM_YEAR"):
            d = f"{_text(dob, 'FROM_YEAR')}-{_text(dob, 'TO_YEAR')}"
        if d:
            dobs.append(d)
    if dobs:
        extra["dates_of_birth"] = "; ".join(dobs)
    if unmapped:
        extra["unmapped_countries"] = "; ".join(dict.fromkeys(unmapped))
    ids: list[str] = []
    for doc in el.iterfind("INDIVIDUAL_DOCUMENT"):
        num = _text(doc, "NUMBER")
        if num:
            kind = _text(doc, "TYPE_OF_DOCUMENT")
            ids.append(f"{kind} {num}".strip())
    program = _text(el, "UN_LIST_TYPE")
    return ListEntry(
        source=KEY,
        source_id=source_id,
        list_code="UN",
        list_name=LIST_NAME,
        entity_type=etype,
        name=name,
        aliases=tuple(aliases),
        countries=tuple(countries),
        addresses=tuple(dict.fromkeys(addresses)),
        programs=(program,) if program else (),
        start_date=_date(_text(el, "LISTED_ON"), path, line, "LISTED_ON"),
        ids=tuple(dict.fromkeys(ids)),
        remarks=_text(el, "COMMENTS1") or None,
        line=line,
        extra=extra,
    )


def parse(paths: Sequence[Path]) -> ParsedList:
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no UN XML file given")
    entries: list[ListEntry] = []
    published: date | None = None
    for p in paths:
        es, pub = _parse_file(p)
        entries.extend(es)
        if pub and (published is None or pub > published):
            published = pub
    return ParsedList(
        source=KEY, files=[source_file(p) for p in paths], entries=entries, published=published
    )
