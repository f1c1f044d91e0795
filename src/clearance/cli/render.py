"""Human-readable rendering of screening results (Rich)."""

from __future__ import annotations

from typing import Any

from rich.markup import escape

from clearance.cli.common import out
from clearance.hits import ScreenResult


def result_json(result: ScreenResult) -> dict[str, Any]:
    q = result.query
    return {
        "query": {"name": q.name, "country": q.country, "type": q.entity_type},
        "as_of": result.as_of.isoformat() if result.as_of else None,
        "threshold": result.threshold,
        "matcher": result.matcher,
        "lists": [ref.as_dict() for ref in result.lists],
        "notes": result.notes,
        "matched": result.matched,
        "matches": [hit.as_dict() for hit in result.hits],
    }


def explain_line(explanation: dict[str, Any]) -> str:
    pairs = ", ".join(
        f"{p['query']}~{p['candidate']} {p['similarity']:.2f}" for p in explanation["pairs"]
    )
    extra = []
    if explanation.get("unmatched_query"):
        extra.append("query only: " + " ".join(explanation["unmatched_query"]))
    if explanation.get("unmatched_candidate"):
        extra.append("list only: " + " ".join(explanation["unmatched_candidate"]))
    country = explanation.get("qualifiers", {}).get("country")
    if country:
        extra.append(f"country {country['effect']}")
    tail = f"; {'; '.join(extra)}" if extra else ""
    return f"{explanation['method']}: [{pairs}]{tail}"


def print_result(result: ScreenResult) -> None:
    q = result.query
    when = f" as of {result.as_of}" if result.as_of else ""
    out.print(
        f"\n[bold]{escape(q.name)}[/]{when} — {len(result.hits)} hit(s) at threshold "
        f"{result.threshold:.2f} ({result.matcher})"
    )
    for hit in result.hits:
        e = hit.entry
        listed = f" listed {e.start_date}" if e.start_date else ""
        out.print(
            f"  [bold]{hit.score:.3f}[/]  {e.list_code:<5} {escape(e.name)}  "
            f"[dim]id {escape(e.source_id[:20])}{listed}[/]"
        )
        out.print(
            f"         matched {escape(repr(hit.matched_name))} — "
            f"{escape(explain_line(hit.explanation))}"
        )
    if not result.hits:
        out.print("  no entry reaches the threshold in the lists below")
    for ref in result.lists:
        tag = " (reconstructed)" if ref.reconstructed else ""
        out.print(
            f"  [dim]lists: {ref.version}, sha256 {ref.sha256[:12]}…, {ref.entries} entries{tag}[/]"
        )
    for note in result.notes:
        out.print(f"  [dim]note: {escape(note)}[/]")
