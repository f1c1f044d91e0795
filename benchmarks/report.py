"""Markdown rendering of a result file: one table per suite, peers side by side."""

from __future__ import annotations

from typing import Any


def _f(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _pair_table(title: str, suite: dict[str, Any]) -> list[str]:
    peers = suite["peers"]
    lines = [
        f"### {title}",
        "",
        "| scorer | thr | P | R | F1 | best F1 (thr) | R @ P≥0.90 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, m in peers.items():
        lines.append(
            f"| {name} | {m['threshold']:.2f} | {_f(m['precision'])} | {_f(m['recall'])} "
            f"| {_f(m['f1'])} | {_f(m['best_f1'])} ({m['best_f1_threshold']:.2f}) "
            f"| {_f(m['recall_at_p90'])} |"
        )
    groups = sorted({g for m in peers.values() for g in m.get("groups", {})})
    if groups:
        lines += [
            "",
            "| group (recall / false-alert rate) | " + " | ".join(peers) + " |",
            "|---" * (len(peers) + 1) + "|",
        ]
        for g in groups:
            cells = []
            for m in peers.values():
                c = m["groups"].get(g, {})
                pos = c.get("tp", 0) + c.get("fn", 0)
                cells.append(
                    f"R {_f(c.get('recall'))}" if pos else f"FA {_f(c.get('false_alert_rate'))}"
                )
                if pos and c.get("fp", 0) + c.get("tn", 0):
                    cells[-1] += f" / FA {_f(c.get('false_alert_rate'))}"
            lines.append(f"| {g} (n={_n(peers, g)}) | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def _n(peers: dict[str, Any], group: str) -> Any:
    first = next(iter(peers.values()))
    return first["groups"].get(group, {}).get("n", "?")


def _errors(errors: dict[str, Any]) -> list[str]:
    lines = []
    for kind in ("misses", "false_alerts"):
        lines.append(f"**ours, {kind.replace('_', ' ')}:**")
        lines.append("")
        for row in errors.get(kind, []):
            lines.append("- " + " · ".join(f"{k}: {v}" for k, v in row.items()))
        lines.append("")
    return lines


def render(result: dict[str, Any]) -> str:
    lines = [f"# clearance screening benchmark: {result['name']}", "", f"`{result['command']}`", ""]
    lines += [f"- {k}: {v}" for k, v in result["environment"].items()]
    lines += [f"- skipped: {s}" for s in result.get("skipped", [])] + [""]
    titles = {
        "name_bench": "name_bench (826 pairs)",
        "cross_script": "Cross-script",
        "robustness": "Robustness classes",
    }
    for key, title in titles.items():
        if key in result:
            lines += _pair_table(title, result[key])
            lines += _errors(result[key]["peers"].get("ours", {}).get("errors", {}))
    if "end_to_end" in result:
        e2e = result["end_to_end"]
        lines += [
            "### End to end (ours, all lists)",
            "",
            "| positives group | n | top-5 recall | top-1 |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {g} | {m['n']} | {_f(m['top5_recall'])} | {_f(m['top1'])} |"
            for g, m in e2e["positives"].items()
        ]
        lines += ["", "| negatives group | n | false-alert rate |", "|---|---|---|"]
        lines += [
            f"| {g} | {m['n']} | {_f(m['false_alert_rate'])} |" for g, m in e2e["negatives"].items()
        ]
        lines += [""]
        bulk = e2e.get("unfiltered")
        if bulk and bulk["n"]:
            lines += [
                f"Unfiltered: {bulk['n']} generated names of the batch run, none left out, "
                f"{bulk['alerting']} raising a hit "
                f"({_f(bulk['alert_rate'])}).",
                "",
            ]
        v1 = result.get("end_to_end_name_v1")
        if v1:
            unfiltered = v1.get("unfiltered") or {}
            lines += [
                f"Same probes, our previous matcher name-v1: top-5 recall "
                f"{_f(v1['positives']['all']['top5_recall'])}, top-1 "
                f"{_f(v1['positives']['all']['top1'])}, false-alert rate "
                f"{_f(v1['negatives']['all']['false_alert_rate'])}"
                + (f", unfiltered {unfiltered['alerting']} raising a hit." if unfiltered else "."),
                "",
            ]
        lines += _errors(e2e["errors"])
    if "speed" in result:
        lines += ["### Speed and size (ours)", ""]
        for k, v in result["speed"].items():
            shown = {a: b for a, b in v.items() if a != "examples"} if isinstance(v, dict) else v
            lines.append(f"- {k}: {shown}")
        lines.append("")
    return "\n".join(lines)
