"""Step 1: is the item subject to the EAR at all? (734.3(b)(3), 2024 standards, FDP, de minimis)"""

from __future__ import annotations

from clearance.determination.context import Ctx
from clearance.determination.exclusions import misses


def _published(ctx: Ctx) -> bool:
    item = ctx.facts.item
    if not (item.published or item.fundamental_research):
        return False
    rule = ctx.rs.rule("ear.published")
    v = rule.at(ctx.on)
    if v is None or item.type not in v.values["item_types"]:
        return False
    if any(item.eccn.startswith(p) for p in v.values["still_subject_prefixes"]):
        ctx.trace.add(rule, v, "manual_review", f"published {item.eccn} stays subject (734.7(b))")
        ctx.manual.append("published encryption software stays subject unless 742.15(b) is met")
        return False
    what = "published" if item.published else "fundamental research"
    ctx.trace.add(rule, v, "not_subject", f"{item.type} is {what}: not subject to the EAR")
    return True


def _standards_2024(ctx: Ctx) -> bool:
    rule = ctx.rs.rule("ear.standards_not_subject_2024")
    v = rule.at(ctx.on)
    if v is None or ctx.facts.activity.purpose is None:
        return False
    failed = misses(v, ctx.facts, ctx.klass, None)
    if failed:
        ctx.trace.add(rule, v, "not_applicable", "; ".join(failed), cites=False).unsure = None
        return False
    ctx.trace.add(rule, v, "not_subject", "released for a standards-related activity (2024 rule)")
    return True


def _fdp(ctx: Ctx) -> bool:
    item = ctx.facts.item
    rule = ctx.rs.rule("ear.fdp_footnote1")
    v = rule.at(ctx.on)
    fn1 = [x for p in ctx.parties for x in p.on_list("EL", ctx.on) if x.footnote1]
    if v is None or not fn1 or not item.fdp_direct_product_of:
        return False
    caught = set(item.fdp_direct_product_of) & set(v.values["eccns"])
    facts = {
        "direct_product_of": list(item.fdp_direct_product_of),
        "listed_design": item.fdp_listed_design,
    }
    if not caught:
        ctx.trace.add(
            rule, v, "not_applicable", "US software/technology not in the FDP ECCNs", facts
        )
        return False
    if v.values["requires_listed_design"] and not item.fdp_listed_design:
        ctx.trace.add(
            rule, v, "not_applicable", "v1 product scope needs a footnote-1 entity's design", facts
        )
        return False
    ctx.trace.add(rule, v, "subject", f"foreign-produced direct product of {sorted(caught)}", facts)
    return True


def _de_minimis(ctx: Ctx) -> bool:
    """True when the foreign item is NOT subject (at or under de minimis)."""
    pct = ctx.facts.item.us_content_percent
    rule = ctx.rs.rule("ear.de_minimis")
    v = rule.at(ctx.on)
    if v is None:
        return False
    if pct is None:
        ctx.manual.append(
            "foreign-produced item without us_content_percent: de minimis not decidable"
        )
        return False
    strict = ctx.facts.destination in v.values["strict_destinations"]
    limit = v.values["strict_threshold_percent" if strict else "threshold_percent"]
    facts = {"us_content_percent": pct, "threshold_percent": limit}
    if abs(pct - limit) <= v.values["review_margin_points"]:
        ctx.manual.append(f"US content {pct}% is within the review margin of de minimis {limit}%")
    if pct <= limit:
        ctx.trace.add(rule, v, "not_subject", f"US content {pct}% <= {limit}%: not subject", facts)
        return True
    ctx.trace.add(rule, v, "subject", f"US content {pct}% > {limit}%: subject to the EAR", facts)
    return False


def not_subject(ctx: Ctx) -> bool:
    """Run the jurisdiction checks in order; True when the item is outside the EAR."""
    if _published(ctx) or _standards_2024(ctx):
        return True
    if ctx.facts.item.foreign_produced and not _fdp(ctx):
        return _de_minimis(ctx)
    return False
