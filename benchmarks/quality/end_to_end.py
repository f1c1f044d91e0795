"""End to end over the full imported lists (CSL 2022-05, SDN 2021-07, non-SDN 2025-12,
DPL 2023-11, UN 2026-02-27), through :class:`clearance.screening.Screener`.

Positives: list entries sampled at a fixed seed, name perturbed by one applicable
robustness class; a positive is *found* when its own entry, or an entry listing the very
same name (the CSL repeats SDN entries), is among the top 5 hits at the default
threshold; top-1 asks the same of the first hit. Negatives: Faker names (11 locales,
persons and companies) none truly close to a list name (see :mod:`benchmarks.names`); a
negative raising any hit is a false alert. Unfiltered: the batch run's generated names
(:func:`benchmarks.names.bulk_names`), none left out: the share raising a hit, in a sample
large enough to show the tenths of a percent a rule letting near names meet adds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from benchmarks.names import Probe, token_key
from clearance.hits import Hit, Query
from clearance.screening import Screener

TOP = 5


def _own(hit: Hit, probe: Probe) -> bool:
    """The probe's own entry, or one listing the same name (same folded token set)."""
    if hit.entry == probe.entry:
        return True
    key = token_key(probe.source_name)
    return any(token_key(n) == key for n in hit.entry.names)


def run(
    screener: Screener,
    positives: Sequence[Probe],
    negatives: Sequence[Probe],
    unfiltered: Sequence[str] = (),
) -> dict[str, Any]:
    found: Counter[str] = Counter()
    top1: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for p in positives:
        hits = screener.screen(Query(name=p.query), limit=TOP).hits
        for key in (p.group, f"list:{p.entry.source if p.entry else '?'}", "all"):
            total[key] += 1
            found[key] += any(_own(h, p) for h in hits)
            top1[key] += bool(hits) and _own(hits[0], p)
        if not any(_own(h, p) for h in hits) and len(misses) < 200:
            best = hits[0] if hits else None
            misses.append(
                {
                    "group": p.group,
                    "query": p.query,
                    "listed": p.source_name,
                    "top_hit": best.matched_name if best else None,
                    "top_score": round(best.score, 3) if best else None,
                }
            )
    alerts: Counter[str] = Counter()
    negs: Counter[str] = Counter()
    false_alerts: list[dict[str, Any]] = []
    for p in negatives:
        hits = screener.screen(Query(name=p.query), limit=1).hits
        for key in (p.group, p.group.split(":")[1], "all"):
            negs[key] += 1
            alerts[key] += bool(hits)
        if hits:
            false_alerts.append(
                {
                    "group": p.group,
                    "query": p.query,
                    "matched": hits[0].matched_name,
                    "score": round(hits[0].score, 3),
                }
            )
    false_alerts.sort(key=lambda r: -r["score"])
    return {
        "threshold": screener.threshold,
        "entries": len(screener.index.entries),
        "names_indexed": len(screener.index.names),
        "positives": {
            k: {
                "n": total[k],
                "top5_recall": round(found[k] / total[k], 4),
                "top1": round(top1[k] / total[k], 4),
            }
            for k in sorted(total)
        },
        "negatives": {
            k: {"n": negs[k], "false_alert_rate": round(alerts[k] / negs[k], 4)}
            for k in sorted(negs)
        },
        "errors": {"misses": _spread(misses), "false_alerts": _spread(false_alerts)},
        "unfiltered": _unfiltered(screener, unfiltered),
    }


def _unfiltered(screener: Screener, names: Sequence[str]) -> dict[str, Any]:
    """How many of ``names`` raise any hit, and the first few that do."""
    alerting = []
    for name in names:
        best, _ = screener.screen_first(Query(name=name))
        if best is not None:
            alerting.append(
                {"query": name, "matched": best.matched_name, "score": round(best.score, 3)}
            )
    return {
        "n": len(names),
        "alerting": len(alerting),
        "alert_rate": round(len(alerting) / len(names), 4) if names else None,
        "examples": alerting[:10],
    }


def _spread(rows: list[dict[str, Any]], n: int = 10) -> list[dict[str, Any]]:
    """At most ``n`` rows, one group at a time, so a single class cannot fill the list."""
    by_group: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_group.setdefault(r["group"], []).append(r)
    out: list[dict[str, Any]] = []
    while len(out) < n and any(by_group.values()):
        for g in sorted(by_group):
            if by_group[g] and len(out) < n:
                out.append(by_group[g].pop(0))
    return out
