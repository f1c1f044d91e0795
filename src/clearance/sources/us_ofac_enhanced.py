"""OFAC Enhanced XML (``SDN_ENHANCED.XML`` / ``CONS_ENHANCED.XML``), bare or zipped.

A zip is opened with the lifecycle's zip-bomb limits (:func:`clearance.lifecycle.guards.
safe_unzip`) and must hold one XML file; XML is read with defusedxml (no DTD, entities or
external references). One entry per ``entity``: source_id = ``@id``; the primary name's
primary translation ``formattedFullName`` is the name; every other translation (other
scripts) and alias is an alias, except ``isLowQuality`` ones, kept in
``extra["weak_aliases"]`` as the legacy parser does; entityType Individual -> person,
Entity -> company, Vessel -> vessel, Aircraft -> aircraft; programs =
``sanctionsProgram``; start_date = the earliest ``sanctionsList/@datePublished``;
countries = address countries mapped to ISO2; ids = identity document type and number.
list_code ``SDN`` when the entity is on the SDN List, else the legacy consolidated code of
its programs (:func:`us_ofac_legacy.cons_list_code`). Source key ``us_ofac_enhanced``;
``published`` = ``publicationInfo/dataAsOf``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from clearance.errors import ListFormatError
from clearance.model import ListEntry, ParsedList

from .base import dedupe, source_file
from .countries import to_iso2
from .un_sc import load_root
from .us_ofac_legacy import cons_list_code

KEY = "us_ofac_enhanced"
NS = "{https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML}"
ROOT = "sanctionsData"
TYPES = {"individual": "person", "entity": "company", "vessel": "vessel", "aircraft": "aircraft"}


def _t(el: Any, path: str) -> str:
    found = el.find(_ns(path))
    return " ".join((found.text or "").split()) if found is not None else ""


def _ns(path: str) -> str:
    return "/".join(NS + p for p in path.split("/"))


def _names(el: Any) -> tuple[str, list[str], list[str]]:
    primary = ""
    strong: list[str] = []
    weak: list[str] = []
    for name in el.iterfind(_ns("names/name")):
        is_primary = _t(name, "isPrimary") == "true"
        low = _t(name, "isLowQuality") == "true"
        for tr in name.iterfind(_ns("translations/translation")):
            full = _t(tr, "formattedFullName")
            if not full:
                continue
            if is_primary and _t(tr, "isPrimary") == "true" and not primary:
                primary = full
            elif low:
                weak.append(full)
            else:
                strong.append(full)
    return primary, strong, weak


def _entry(el: Any, path: Path) -> ListEntry:
    eid = el.get("id") or ""
    primary, aliases, weak = _names(el)
    if not eid or not primary:
        raise ListFormatError(f"entity {eid or '?'}: no id or no primary name", path)
    lists = [s.text or "" for s in el.iterfind(_ns("sanctionsLists/sanctionsList"))]
    dates = [s.get("datePublished") for s in el.iterfind(_ns("sanctionsLists/sanctionsList"))]
    programs = dedupe(
        [p.text or "" for p in el.iterfind(_ns("sanctionsPrograms/sanctionsProgram"))]
    )
    countries: list[str] = []
    unmapped: list[str] = []
    for c in el.iterfind(_ns("addresses/address/country")):
        code = to_iso2(c.text)
        (countries if code else unmapped).append(code or (c.text or ""))
    ids = [
        f"{_t(d, 'type')}: {_t(d, 'documentNumber')}"
        for d in el.iterfind(_ns("identityDocuments/identityDocument"))
        if _t(d, "documentNumber")
    ]
    extra = {"lists": "; ".join(lists)}
    if weak:
        extra["weak_aliases"] = "; ".join(dedupe(weak))
    if unmapped:
        extra["unmapped_countries"] = "; ".join(dedupe(unmapped))
    started = sorted(d for d in dates if d)
    try:
        start = date.fromisoformat(started[0][:10]) if started else None
    except ValueError:
        raise ListFormatError(f"entity {eid}: bad datePublished {started[0]!r}", path) from None
    sdn = any(name.strip() == "SDN List" for name in lists)
    return ListEntry(
        source=KEY,
        source_id=eid,
        list_code="SDN" if sdn else cons_list_code(programs),
        list_name="OFAC " + (lists[0] if sdn or not lists else lists[-1]),
        entity_type=TYPES.get(_t(el, "generalInfo/entityType").lower(), "unknown"),
        name=primary,
        aliases=tuple(a for a in dedupe(aliases) if a != primary),
        countries=dedupe([c for c in countries if c]),
        programs=programs,
        start_date=start,
        ids=dedupe(ids),
        remarks=_t(el, "generalInfo/remarks") or None,
        extra=extra,
    )


def _xml_files(path: Path, tmp: Path) -> list[Path]:
    with open(path, "rb") as fh:
        if fh.read(4) != b"PK\x03\x04":
            return [path]
    from clearance.lifecycle.guards import safe_unzip

    files = safe_unzip(path, tmp)
    if len(files) != 1 or files[0].suffix.lower() != ".xml":
        raise ListFormatError(
            f"expected one XML file in the zip, got {[f.name for f in files]}", path
        )
    return files


def parse(paths: Sequence[Path]) -> ParsedList:
    paths = [Path(p) for p in paths]
    if not paths:
        raise ListFormatError("no OFAC Enhanced XML file given")
    entries: list[ListEntry] = []
    published: date | None = None
    for p in paths:
        with tempfile.TemporaryDirectory() as tmp:
            for xml in _xml_files(p, Path(tmp)):
                root = load_root(xml)
                if root.tag != NS + ROOT:
                    raise ListFormatError(f"root element is <{root.tag}>, expected <{ROOT}>", p)
                asof = _t(root, "publicationInfo/dataAsOf")[:10]
                day = date.fromisoformat(asof) if asof else None
                published = max(filter(None, (published, day)), default=None)
                entries.extend(_entry(el, p) for el in root.iterfind(_ns("entities/entity")))
    return ParsedList(KEY, [source_file(p) for p in paths], entries, published)
