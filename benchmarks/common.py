"""Shared pieces of every suite: data paths, our pairwise score, metrics, ASCII folding.

``ours_pair_score`` is the one place our matcher scores a pair outside the index: the best
``score_names`` of the default matcher (``clearance.match.matcher.DEFAULT``, or the one
named by ``CLEARANCE_BENCH_MATCHER``) over every variant of both names (query first, list
name second), exactly what :class:`clearance.match.index.NameIndex` computes for a
one-entry list.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from clearance import settings
from clearance.match.matcher import get_matcher

REPO = Path(__file__).resolve().parents[1]
SEED = 20240611


def shared_lists() -> Path:
    """CLEARANCE_SHARED_DIR/data/lists, else ``<repo>/../shared/data/lists``."""
    base = Path(os.environ.get("CLEARANCE_SHARED_DIR", REPO.parent / "shared"))
    return base / "data" / "lists"


def require(path: Path) -> Path:
    """Fail closed: a missing data file is an error naming the file, never a silent skip."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: benchmark data missing (set CLEARANCE_SHARED_DIR)")
    return path


def ofac_sdn_paths() -> list[Path]:
    base = shared_lists()
    return [
        require(base / f"ofac_sdn_2021-07_{p}.csv") for p in ("sdn", "add", "alt", "sdn_comments")
    ]


def all_list_paths() -> dict[str, list[Path]]:
    """The lists of the end-to-end and speed suites, by import group."""
    base = shared_lists()
    cons = [base / f"ofac_cons_2025-12_cons_{p}.csv" for p in ("prim", "add", "alt", "comments")]
    groups = {
        "us_csl 2022-05": [base / "us_trade_csl_consolidated_2022-05.csv.gz"],
        "us_ofac_sdn 2021-07": ofac_sdn_paths(),
        "us_ofac_cons 2025-12": cons,
        "us_bis_dpl 2023-11": [base / "bis_dpl_2023-11.txt"],
        "un_sc 2026-02-27": [base / "un_sc_consolidated_2026-02-27.xml"],
    }
    return {k: [require(p) for p in v] for k, v in groups.items()}


def default_threshold() -> float:
    return settings.default_threshold()


# FtM schema of a pair -> the list-side kind our index records for an entry's names
SCHEMA_KINDS = {"Person": "person", "Vessel": "object", "Airplane": "object"}


def ours_pair_score(
    query: str, candidate: str, schema: str | None = None, matcher: str | None = None
) -> float:
    """Our matcher on one pair: max of score_names over the variants of both names.

    The candidate is treated as a list entry of the pair's schema, as the peers are given
    it (nomenklatura compares two entities of that schema)."""
    kind = SCHEMA_KINDS.get(schema or "", "")
    scorer = get_matcher(matcher) if matcher else ours()
    best = 0.0
    for q in scorer.variants(query):
        for c in scorer.variants(candidate):
            best = max(best, scorer.quick_score(q, replace(c, kind=kind) if kind else c))
    return best


def ours() -> Any:
    """Our matcher under test: the default, or ``CLEARANCE_BENCH_MATCHER`` (e.g. name-v1)."""
    return get_matcher(os.environ.get("CLEARANCE_BENCH_MATCHER") or None)


_WORD = re.compile(r"[^0-9a-z]+")


def plain_fold(text: str) -> str:
    """NFKD, marks dropped, lowercase ASCII words: a folding independent of our matcher."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.sub(" ", kept.lower()).split())


@dataclass(frozen=True)
class Scored:
    """One labelled, scored pair (or query) of a suite."""

    group: str
    label: bool
    score: float
    query: str
    candidate: str


def confusion(items: Sequence[Scored], threshold: float) -> dict[str, Any]:
    tp = sum(1 for s in items if s.label and s.score >= threshold)
    fp = sum(1 for s in items if not s.label and s.score >= threshold)
    fn = sum(1 for s in items if s.label and s.score < threshold)
    tn = len(items) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    negatives = fp + tn
    return {
        "n": len(items),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "false_alert_rate": round(fp / negatives, 4) if negatives else None,
    }


def sweep(items: Sequence[Scored]) -> dict[str, Any]:
    """Best-threshold F1 and recall at precision >= 0.90 over thresholds 0.00..1.00."""
    best_f1, best_thr, recall_p90, thr_p90 = 0.0, 0.0, 0.0, None
    for step in range(101):
        thr = step / 100
        c = confusion(items, thr)
        if c["f1"] > best_f1:
            best_f1, best_thr = c["f1"], thr
        if c["tp"] and c["precision"] >= 0.90 and c["recall"] > recall_p90:
            recall_p90, thr_p90 = c["recall"], thr
    return {
        "best_f1": round(best_f1, 4),
        "best_f1_threshold": best_thr,
        "recall_at_p90": round(recall_p90, 4),
        "recall_at_p90_threshold": thr_p90,
    }


def metrics(items: Sequence[Scored], threshold: float, by_group: bool = True) -> dict[str, Any]:
    """Confusion at ``threshold`` + sweep, overall and per group."""
    out: dict[str, Any] = {"threshold": threshold, **confusion(items, threshold), **sweep(items)}
    if by_group:
        groups = sorted({s.group for s in items})
        out["groups"] = {
            g: confusion([s for s in items if s.group == g], threshold) for g in groups
        }
    return out


def worst(
    items: Sequence[Scored], threshold: float, n: int = 10
) -> dict[str, list[dict[str, Any]]]:
    """The most instructive errors, taken round-robin over groups so one class cannot hide
    the others: misses scored lowest first, false alerts scored highest first."""
    misses = [s for s in items if s.label and s.score < threshold]
    alerts = [s for s in items if not s.label and s.score >= threshold]

    def pick(found: list[Scored], key: Any) -> list[dict[str, Any]]:
        by_group: dict[str, list[Scored]] = {}
        for s in sorted(found, key=key):
            by_group.setdefault(s.group, []).append(s)
        chosen: list[Scored] = []
        while len(chosen) < n and any(by_group.values()):
            for g in sorted(by_group):
                if by_group[g] and len(chosen) < n:
                    chosen.append(by_group[g].pop(0))
        return [
            {
                "group": s.group,
                "query": s.query,
                "candidate": s.candidate,
                "score": round(s.score, 3),
            }
            for s in chosen
        ]

    return {
        "misses": pick(misses, lambda s: s.score),
        "false_alerts": pick(alerts, lambda s: -s.score),
    }
