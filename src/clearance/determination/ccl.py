"""Step 2: CCL reasons for control against the Country Chart row of the destination."""

from __future__ import annotations

from clearance.determination.context import Ctx
from clearance.errors import InputError


def classify(ctx: Ctx) -> None:
    """Set ctx.reasons (None = ECCN unknown to the data) and ctx.klass."""
    from clearance.determination.exclusions import item_class

    eccn = ctx.facts.item.eccn
    if eccn == "EAR99":
        ctx.reasons = []
    else:
        v = ctx.rs.rule("ear.ccl_reasons").at(ctx.on)
        table = v.values["reasons"] if v else {}
        ctx.reasons = table.get(eccn[:5])
        if ctx.reasons is None:
            ctx.manual.append(f"reasons for control of {eccn} are not in the rule data")
    ctx.klass = item_class(eccn, ctx.reasons)


def check_chart(ctx: Ctx) -> None:
    """Add a requirement for every reason with an X (or non-chart control) for the destination."""
    dest = ctx.facts.destination
    chart_rule = ctx.rs.rule("ear.country_chart")
    chart = chart_rule.at(ctx.on)
    if chart is None or dest not in chart.values["chart"]:
        raise InputError(f"destination: {dest!r} is not a Country Chart destination")
    ccl_rule = ctx.rs.rule("ear.ccl_reasons")
    ccl = ccl_rule.at(ctx.on)
    assert ccl is not None
    if dest in ccl.values["embargoed"]:
        ctx.require("embargo", f"{dest} is embargoed (part 746)", ["15 CFR part 746"])
        ctx.manual.append(f"{dest} is under a part 746 embargo: not modelled further")
    reasons = ctx.reasons or []
    row = chart.values["chart"][dest]
    hits = [r for r in reasons if r in row]
    for reason, exempt in ccl.values["non_chart_exempt"].items():
        if reason in reasons and dest not in exempt:
            hits.append(reason)
    facts = {"eccn": ctx.facts.item.eccn, "reasons": reasons, "destination": dest, "row": row}
    if hits:
        entry = ctx.trace.add(
            chart_rule,
            chart,
            "license_required",
            f"{ctx.facts.item.eccn} {hits} X for {dest}",
            facts,
        )
        ctx.trace.add(ccl_rule, ccl, "reasons", f"{ctx.facts.item.eccn}: {reasons}")
        if not (chart.id.endswith("aukus") and dest in ("GB", "AU")):
            entry.unsure = None
        ctx.require("ccl", f"{ctx.facts.item.eccn} controlled {hits} to {dest}", entry.citations)
    else:
        entry = ctx.trace.add(
            chart_rule, chart, "no_license", f"no X for {ctx.facts.item.eccn} to {dest}", facts
        )
        entry.unsure = None
