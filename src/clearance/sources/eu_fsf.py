"""EU Financial Sanctions Files (FSF) XML, namespace ``http://eu.europa.ec/fpi/fsd/export``.

Parsed with defusedxml (DTDs, entities and external references refused, as for the UN
list). One entry per ``sanctionEntity``: source_id = its ``logicalId``; name = the first
``nameAlias/@wholeName`` (aliases = the others); ``subjectType/@code`` person -> person,
enterprise -> company; programs = ``regulation/@programme``; start_date =
``@designationDate``; countries = citizenship and address ``countryIso2Code`` (``00``, the
file's "unknown", dropped); ids = identification type and number; remarks = ``remark``
texts; ``extra`` keeps ``euReferenceNumber`` and ``unitedNationId``. list_code ``EU``;
``published`` = date of ``export/@generationDate``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from clearance.errors import ListFormatError
from clearance.model import ListEntry, ParsedList

from .base import dedupe, source_file
from .countries import is_iso2
from .un_sc import load_root

KEY = "eu_fsf"
NS = "{http://eu.europa.ec/fpi/fsd/export}"
ROOT = "export"
LIST_NAME = "EU Consolidated Financial Sanctions List"
TYPES = {"person": "person", "enterprise": "company"}


def _date(value: str | None, path: Path, what: str) -> date | None:
    v = (value or "").strip()[:10]
    if not v:
        return None
    try:
        return date.fromisoformat(v)
    except ValueError:
        raise ListFormatError(f"bad {what} {value!r}", path) from None


def _entry(el: Any, path: Path) -> ListEntry:
    lid = el.get("logicalId") or ""
    if not lid:
        raise ListFormatError("sanctionEntity without logicalId", path)
    names = dedupe(
        [" ".join((a.get("wholeName") or "").split()) for a in el.iter(NS + "nameAlias")]
    )
    if not names:
        raise ListFormatError(f"sanctionEntity {lid}: no nameAlias/@wholeName", path)
    subject = el.find(NS + "subjectType")
    code = subject.get("code", "") if subject is not None else ""
    countries = [
        c.get("countryIso2Code", "").upper()
        for tag in ("citizenship", "address")
        for c in el.iter(NS + tag)
    ]
    addresses = [
        ", ".join(
            v
            for k in ("street", "poBox", "city", "zipCode", "region", "place", "countryDescription")
            if (v := (a.get(k) or "").strip())
        )
        for a in el.iter(NS + "address")
    ]
    ids = [
        f"{i.get('identificationTypeDescription') or i.get('identificationTypeCode')}: "
        f"{i.get('number')}"
        for i in el.iter(NS + "identification")
        if i.get("number")
    ]
    remarks = [" ".join((r.text or "").split()) for r in el.iter(NS + "remark")]
    extra = {
        k: v for k in ("euReferenceNumber", "unitedNationId") if (v := el.get(k) or "").strip()
    }
    return ListEntry(
        source=KEY,
        source_id=lid,
        list_code="EU",
        list_name=LIST_NAME,
        entity_type=TYPES.get(code, "unknown"),
        name=names[0],
        aliases=names[1:],
        countries=dedupe([c for c in countries if is_iso2(c)]),
        addresses=dedupe(addresses),
        programs=dedupe([r.get("programme") or "" for r in el.iter(NS + "regulation")]),
        start_date=_date(el.get("designationDate"), path, "designationDate"),
        ids=dedupe(ids),
        remarks="; ".join(r for r in remarks if r) or None,
        extra=extra,
    )


def parse(paths: Sequence[Path]) -> ParsedList:
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no EU FSF file given")
    entries: list[ListEntry] = []
    published: date | None = None
    for p in paths:
        root = load_root(p)
        if root.tag != NS + ROOT:
            raise ListFormatError(f"root element is <{root.tag}>, expected {NS}{ROOT}", p)
        day = _date(root.get("generationDate"), p, "generationDate")
        published = max(filter(None, (published, day)), default=None)
        entries.extend(_entry(el, p) for el in root.iter(NS + "sanctionEntity"))
    return ParsedList(KEY, [source_file(p) for p in paths], entries, published)
