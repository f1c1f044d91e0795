"""Does a dated exclusion (TGL, standards carve-outs, cyber authorization) fit the facts?"""

from __future__ import annotations

from collections.abc import Sequence

from clearance.determination.facts import Facts
from clearance.rules.model import RuleVersion


def item_class(eccn: str, reasons: list[str] | None) -> str:
    """``EAR99``, ``AT_ONLY`` (every reason is AT) or ``OTHER``."""
    if eccn == "EAR99":
        return "EAR99"
    if reasons and all(r.startswith("AT") for r in reasons):
        return "AT_ONLY"
    return "OTHER"


def misses(
    version: RuleVersion,
    facts: Facts,
    klass: str,
    group: str | None,
    also: Sequence[str] = (),
) -> list[str]:
    """The conditions of ``version`` the facts fail; empty means it applies.

    ``also`` names purposes to accept on top of the version's own (to ask "would it apply
    if an UNSURE purpose were covered?")."""
    v = version.values
    item, act = facts.item, facts.activity
    out: list[str] = []
    if group is not None and "all" not in v["groups"] and group not in v["groups"]:
        out.append(f"party group {group!r} not in {v['groups']}")
    if item.type not in v["item_types"]:
        out.append(f"item type {item.type!r} not in {v['item_types']}")
    paragraphs = v.get("eccn_paragraphs") or []
    in_class = "ANY" in v["classes"] or klass in v["classes"]
    if not in_class and not any(item.eccn.startswith(p) for p in paragraphs):
        out.append(f"classification {item.eccn} ({klass}) not in {v['classes']}")
    if act.purpose not in v["purposes"] and act.purpose not in also:
        out.append(f"purpose {act.purpose!r} not in {v['purposes']}")
    body = act.standards_body
    if v["requires_recognized_body"] and (body is None or not body.recognized):
        out.append("not released within a recognized standards organization")
    topic = v.get("requires_topic")
    if topic and (body is None or (body.topic or "").upper() != topic.upper()):
        out.append(f"standards topic is not {topic}")
    if v.get("requires_pre_listing_contract") and not act.pre_listing_contract:
        out.append("no contract dated on or before the listing")
    if v.get("requires_intent_to_publish") and act.intent_to_publish is False:
        out.append("no intent that the standard be published")
    return out


def doubtful(version: RuleVersion, facts: Facts, klass: str, group: str | None) -> bool:
    """True when ``version`` misses only on a purpose whose coverage the data marks UNSURE."""
    unsure = version.values.get("unsure_purposes") or []
    return facts.activity.purpose in unsure and not misses(version, facts, klass, group, unsure)
