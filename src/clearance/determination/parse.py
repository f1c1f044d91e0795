"""Turn a JSON-like question into :class:`Facts`, or an InputError naming the field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clearance.determination.facts import (
    ITEM_TYPES,
    KINDS,
    PURPOSES,
    ROLES,
    Activity,
    Facts,
    Item,
    Party,
    StandardsBody,
    _bool,
    _choice,
    _listings,
    _map,
    _owners,
    parse_country,
    parse_date,
    parse_eccn,
)
from clearance.errors import InputError

TOP = {"date", "destination", "parties", "item", "activity", "notes"}
ITEM = {
    "type", "eccn", "published", "fundamental_research", "us_content_percent",
    "foreign_produced", "fdp_direct_product_of", "fdp_listed_design", "license_exception",
}  # fmt: skip
ACTIVITY = {
    "kind", "purpose", "standards_body", "intent_to_publish", "pre_listing_contract",
    "deemed_export",
}  # fmt: skip


def _party(raw: Any, where: str) -> Party:
    m = _map(raw, where, {"name", "country", "role", "lists", "owned_by"}, ("name",))
    return Party(
        name=str(m["name"]).strip(),
        role=_choice(m.get("role", "end_user"), f"{where}.role", ROLES),
        country=parse_country(m["country"], f"{where}.country") if m.get("country") else None,
        lists=_listings(m.get("lists"), f"{where}.lists"),
        owned_by=_owners(m.get("owned_by"), f"{where}.owned_by"),
    )


def _item(raw: Any) -> Item:
    m = _map(raw, "item", ITEM, ("type", "eccn"))
    pct = m.get("us_content_percent")
    if pct is not None and (
        isinstance(pct, bool) or not isinstance(pct, int | float) or not 0 <= pct <= 100
    ):
        raise InputError("item.us_content_percent: expected a number 0-100 or null")
    fdp = m.get("fdp_direct_product_of") or []
    if not isinstance(fdp, list):
        raise InputError("item.fdp_direct_product_of: expected a list of ECCNs")
    return Item(
        type=_choice(m["type"], "item.type", ITEM_TYPES),
        eccn=parse_eccn(m["eccn"]),
        published=_bool(m, "published", "item"),
        fundamental_research=_bool(m, "fundamental_research", "item"),
        us_content_percent=float(pct) if pct is not None else None,
        foreign_produced=_bool(m, "foreign_produced", "item"),
        fdp_direct_product_of=tuple(parse_eccn(e, "item.fdp_direct_product_of") for e in fdp),
        fdp_listed_design=_bool(m, "fdp_listed_design", "item"),
        license_exception=str(m["license_exception"]) if m.get("license_exception") else None,
    )


def _activity(raw: Any) -> Activity:
    m = _map(raw, "activity", ACTIVITY, ("kind",))
    body = m.get("standards_body")
    sb = None
    if body is not None:
        b = _map(body, "activity.standards_body", {"name", "recognized", "topic"}, ("name",))
        topic = b.get("topic")
        sb = StandardsBody(
            str(b["name"]),
            _bool(b, "recognized", "activity.standards_body"),
            str(topic) if topic else None,
        )
    purpose = m.get("purpose")
    intent = m.get("intent_to_publish")
    if intent is not None and not isinstance(intent, bool):
        raise InputError("activity.intent_to_publish: expected true, false or null")
    kind = _choice(m["kind"], "activity.kind", KINDS)
    deemed = _bool(m, "deemed_export", "activity")
    if deemed and kind != "release":
        raise InputError("activity.deemed_export: only a release can be a deemed export")
    return Activity(
        kind=kind,
        purpose=_choice(purpose, "activity.purpose", PURPOSES) if purpose is not None else None,
        standards_body=sb,
        intent_to_publish=intent,
        pre_listing_contract=_bool(m, "pre_listing_contract", "activity"),
        deemed_export=deemed,
    )


def parse_facts(raw: Mapping[str, Any]) -> Facts:
    """Validate a question; the destination must also be a Country Chart row (checked later)."""
    m = _map(raw, "input", TOP, ("date", "destination", "parties", "item", "activity"))
    parties = m["parties"]
    if not isinstance(parties, list) or not parties:
        raise InputError("parties: expected a non-empty list")
    notes = m.get("notes") or []
    item, activity = _item(m["item"]), _activity(m["activity"])
    if activity.deemed_export and item.type == "commodity":
        raise InputError("activity.deemed_export: a commodity cannot be released (734.15)")
    return Facts(
        on=parse_date(m["date"]),
        destination=parse_country(m["destination"], "destination"),
        parties=tuple(_party(p, f"parties[{i}]") for i, p in enumerate(parties)),
        item=item,
        activity=activity,
        notes=tuple(str(n) for n in notes),
    )
