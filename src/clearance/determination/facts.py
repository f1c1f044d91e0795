"""The facts schema of an EAR question, parsed strictly from JSON-like data.

Every error is an :class:`InputError` naming the field (``parties[0].role``). Unknown keys
are rejected so a typo never silently drops a fact.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from clearance.errors import InputError

ROLES = ("purchaser", "intermediate_consignee", "ultimate_consignee", "end_user")
ITEM_TYPES = ("technology", "software", "commodity")
KINDS = ("export", "reexport", "transfer", "release")
PURPOSES = (
    "standards_development",
    "standards_published",
    "vulnerability_disclosure",
    "maintenance_existing",
    "joint_development",
)
ECCN_RE = re.compile(r"EAR99|\d[A-E]\d{3}(\.[a-z0-9.]+)?")
LIST_CODES = ("EL", "DPL", "UVL", "MEU", "SDN")


@dataclass(frozen=True, slots=True)
class DeclaredListing:
    """A list status stated in the input instead of found by screening."""

    list_code: str
    name: str
    listed_on: date | None = None
    group: str = "other"
    except_clause: bool = False
    footnote1: bool = False


@dataclass(frozen=True, slots=True)
class Owner:
    name: str
    percent: float
    country: str | None = None
    lists: tuple[DeclaredListing, ...] | None = None


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    role: str
    country: str | None = None
    lists: tuple[DeclaredListing, ...] | None = None
    owned_by: tuple[Owner, ...] = ()


@dataclass(frozen=True, slots=True)
class Item:
    type: str
    eccn: str
    published: bool = False
    fundamental_research: bool = False
    us_content_percent: float | None = None
    foreign_produced: bool = False
    fdp_direct_product_of: tuple[str, ...] = ()
    fdp_listed_design: bool = False
    license_exception: str | None = None


@dataclass(frozen=True, slots=True)
class StandardsBody:
    name: str
    recognized: bool
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class Activity:
    kind: str
    purpose: str | None = None
    standards_body: StandardsBody | None = None
    intent_to_publish: bool | None = None
    pre_listing_contract: bool = False
    deemed_export: bool = False


@dataclass(frozen=True, slots=True)
class Facts:
    on: date
    destination: str
    parties: tuple[Party, ...]
    item: Item
    activity: Activity
    notes: tuple[str, ...] = field(default=())


def _map(
    raw: Any, where: str, allowed: set[str], required: tuple[str, ...] = ()
) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise InputError(f"{where}: expected an object")
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise InputError(
            f"{where}: unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
        )
    for key in required:
        if raw.get(key) in (None, ""):
            raise InputError(f"{where}.{key}: required")
    return raw


def _choice(value: Any, where: str, options: tuple[str, ...]) -> str:
    if value not in options:
        raise InputError(f"{where}: {value!r} is not one of {', '.join(options)}")
    return str(value)


def parse_date(value: Any, where: str = "date") -> date:
    """An ISO date from a string or date; anything else is an InputError."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: bad date {value!r} (expected YYYY-MM-DD)") from None


def parse_eccn(value: Any, where: str = "item.eccn") -> str:
    """EAR99 or an ECCN like 5E002 / 5D002.c.1; anything else is an InputError."""
    text = str(value).strip() if value is not None else ""
    if text.upper() == "EAR99":
        return "EAR99"
    if not ECCN_RE.fullmatch(text):
        raise InputError(f"{where}: bad ECCN {value!r} (expected EAR99 or e.g. 5E002, 5D002.c.1)")
    return text


def parse_country(value: Any, where: str) -> str:
    text = str(value).strip().upper() if value is not None else ""
    if not re.fullmatch(r"[A-Z]{2}", text):
        raise InputError(f"{where}: bad country {value!r} (expected ISO 3166-1 alpha-2, e.g. CN)")
    return text


def _bool(raw: Mapping[str, Any], key: str, where: str) -> bool:
    value = raw.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise InputError(f"{where}.{key}: expected true or false")
    return value


def _listings(raw: Any, where: str) -> tuple[DeclaredListing, ...] | None:
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise InputError(f"{where}: expected a list")
    keys = {"list", "name", "listed_on", "group", "except_clause", "footnote1"}
    out = []
    for i, item in enumerate(raw):
        w = f"{where}[{i}]"
        m = _map(item, w, keys, ("list",))
        out.append(
            DeclaredListing(
                list_code=_choice(m["list"], f"{w}.list", LIST_CODES),
                name=str(m.get("name") or ""),
                listed_on=parse_date(m["listed_on"], f"{w}.listed_on")
                if m.get("listed_on")
                else None,
                group=_choice(m.get("group", "other"), f"{w}.group", ("huawei", "other")),
                except_clause=_bool(m, "except_clause", w),
                footnote1=_bool(m, "footnote1", w),
            )
        )
    return tuple(out)


def _owners(raw: Any, where: str) -> tuple[Owner, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise InputError(f"{where}: expected a list")
    out = []
    for i, item in enumerate(raw):
        w = f"{where}[{i}]"
        m = _map(item, w, {"name", "percent", "country", "lists"}, ("name", "percent"))
        pct = m["percent"]
        if isinstance(pct, bool) or not isinstance(pct, int | float) or not 0 <= pct <= 100:
            raise InputError(f"{w}.percent: expected a number 0-100")
        country = parse_country(m["country"], f"{w}.country") if m.get("country") else None
        out.append(
            Owner(str(m["name"]), float(pct), country, _listings(m.get("lists"), f"{w}.lists"))
        )
    return tuple(out)
