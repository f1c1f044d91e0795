"""Recall and false alerts of Arabic-script names against their Latin spellings.

Dev script for :mod:`clearance.match.arabic`. Pairs come from the UN consolidated list:
each entry whose NAME_ORIGINAL_SCRIPT has Arabic letters gives one positive pair per Latin
name of the entry (name and aliases). Entries with an even index among those (file order)
are the development half, odd ones the held-out half. A pair scores the best
``quick_score`` (= ``score_names(q, c).score``) over query variants x candidate variants,
where the query variants are ``name_variants(original)`` ("before") plus, "after", the
variants of each ``arabic_forms(original)`` marked derived and transliterated. Candidate
variants carry the entity kind, as in the name index.

Negatives: each original against the Latin names of K other random Arabic-script UN
entries (fixed seed), and against 2,000 random names of the OFAC SDN list of 2021-07. An
SDN hit counts apart when the SDN name also reaches the threshold against one of the UN
entry's own Latin names (the same party listed twice, or a relative the matcher confuses
anyway: the Latin spelling raises the same alert); every other hit is printed with --fas
to be checked by eye.

    .venv/bin/python scripts/eval_arabic.py [--lists DIR] [--misses dev|held|all] [--fas]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import timeit
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from clearance.match import arabic
from clearance.match.arabic import arabic_forms, has_arabic
from clearance.match.index import KINDS
from clearance.match.name_v1 import quick_score, score_names
from clearance.match.normalize import NormalName, name_variants
from clearance.sources import parse_paths

THRESHOLD = 0.80
UN_FILE = "un_sc_consolidated_2026-02-27.xml"
SDN_FILE = "ofac_sdn_2021-07_sdn.csv"
WATCHMAN_FILE = "eval_watchman_cross_script_pairs.csv"
SEED = 20260227
NEGATIVES_PER_QUERY = 5
SDN_SAMPLE = 2000
DEFAULT_LISTS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "lists"


@dataclass
class Case:
    index: int
    original: str
    latin: list[str]
    kind: str
    ref: str


def is_latin(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def load_cases(path: Path) -> list[Case]:
    entries = parse_paths([path])[0].entries
    cases = []
    for e in entries:
        original = e.extra.get("name_original_script") or ""
        if not has_arabic(original):
            continue
        latin = [n for n in e.names if is_latin(n)]
        kind = KINDS.get(e.entity_type, "")
        cases.append(Case(len(cases), original, latin, kind, e.source_id))
    return cases


def query_variants(original: str, forms: bool) -> list[NormalName]:
    variants = list(name_variants(original))
    if forms:
        for form in arabic_forms(original):
            variants.extend(replace(v, derived=True, script=True) for v in name_variants(form))
    return variants


def candidate_variants(name: str, kind: str) -> list[NormalName]:
    return [replace(v, kind=kind) if kind else v for v in name_variants(name)]


def best(qs: Sequence[NormalName], cs: Sequence[NormalName]) -> float:
    return max((quick_score(q, c) for q in qs for c in cs), default=0.0)


def explain(qs: Sequence[NormalName], cs: Sequence[NormalName]) -> str:
    """The best-scoring pair of forms, with its aligned tokens."""
    scored = [(quick_score(q, c), q, c) for q in qs for c in cs]
    if not scored:
        return ""
    _, q, c = max(scored, key=lambda t: t[0])
    detail = score_names(q, c)
    pairs = " ".join(f"{a}~{b}:{s:.2f}" for a, b, s in detail.pairs)
    left = f"{detail.unmatched_query}/{detail.unmatched_candidate}"
    return f"[{' '.join(q.tokens)}] | {pairs} | left {left}"


@dataclass
class Outcome:
    pairs: int = 0
    found_before: int = 0
    found_after: int = 0
    entries: int = 0
    entries_before: int = 0
    entries_after: int = 0
    persons: int = 0
    persons_before: int = 0
    persons_after: int = 0

    def line(self, label: str) -> str:
        rest = self.entries - self.persons
        return (
            f"{label:<9} entries {self.entries} (any Latin name found): recall"
            f" {self.entries_before / self.entries:.3f} -> {self.entries_after / self.entries:.3f}"
            f" | persons {self.persons}: {self.persons_before / self.persons:.3f} ->"
            f" {self.persons_after / self.persons:.3f} | others {rest}:"
            f" {(self.entries_before - self.persons_before) / rest:.3f} ->"
            f" {(self.entries_after - self.persons_after) / rest:.3f}"
            f" | every (original, Latin name) pair ({self.pairs}):"
            f" {self.found_before / self.pairs:.3f} -> {self.found_after / self.pairs:.3f}"
        )


def recall(cases: Iterable[Case], misses: bool) -> Outcome:
    out = Outcome()
    for case in cases:
        before_q = query_variants(case.original, False)
        after_q = query_variants(case.original, True)
        any_before = any_after = False
        lines = []
        for latin in case.latin:
            cs = candidate_variants(latin, case.kind)
            before = best(before_q, cs)
            after = max(before, best(after_q, cs))
            out.pairs += 1
            out.found_before += before >= THRESHOLD
            out.found_after += after >= THRESHOLD
            any_before |= before >= THRESHOLD
            any_after |= after >= THRESHOLD
            lines.append(f"      {after:.2f} {latin}    {explain(after_q, cs)}")
        out.entries += 1
        out.entries_before += any_before
        out.entries_after += any_after
        if case.kind == "person":
            out.persons += 1
            out.persons_before += any_before
            out.persons_after += any_after
        if misses and not any_after:
            print(f"  MISS {case.index} {case.original}  forms={arabic_forms(case.original)}")
            print("\n".join(lines))
    return out


def un_negatives(cases: list[Case], show: bool) -> tuple[int, int, int]:
    rng = random.Random(SEED)
    pairs = fa_before = fa_after = 0
    for case in cases:
        others = rng.sample([c for c in cases if c.index != case.index], NEGATIVES_PER_QUERY)
        before_q = query_variants(case.original, False)
        after_q = query_variants(case.original, True)
        for other in others:
            for latin in other.latin:
                cs = candidate_variants(latin, other.kind)
                before = best(before_q, cs)
                after = max(before, best(after_q, cs))
                pairs += 1
                fa_before += before >= THRESHOLD
                fa_after += after >= THRESHOLD
                if show and after >= THRESHOLD:
                    print(f"  UN FA {after:.2f} {case.original} ({case.latin[:1]}) ~ {latin}")
    return pairs, fa_before, fa_after


def sdn_sample(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = [r for r in csv.reader(fh) if len(r) > 2 and r[1].strip()]
    kinds = {"individual": "person", "vessel": "object", "aircraft": "object"}
    names = [(r[1].strip(), kinds.get(r[2].strip().lower(), "")) for r in rows]
    return random.Random(SEED).sample(names, SDN_SAMPLE)


def sdn_negatives(cases: list[Case], sdn: list[tuple[str, str]], show: bool) -> tuple[int, ...]:
    """Hits of the Arabic queries on the SDN sample: (pairs, new before, new after, Latin
    before, Latin after). A hit is "Latin" when the SDN name also reaches the threshold
    against one of the UN entry's own Latin names (the same party listed twice, or a
    relative the matcher confuses anyway: the Latin spelling would raise the same alert);
    every other hit is "new" and is printed with --fas to be checked by eye."""
    candidates = [(name, candidate_variants(name, kind)) for name, kind in sdn]
    pairs = new_before = new_after = latin_before = latin_after = 0
    for case in cases:
        before_q = query_variants(case.original, False)
        after_q = query_variants(case.original, True)
        own = [v for latin in case.latin for v in name_variants(latin)]
        for name, cs in candidates:
            pairs += 1
            before = best(before_q, cs)
            after = max(before, best(after_q, cs))
            if after < THRESHOLD:
                continue
            latin = best(own, cs) >= THRESHOLD
            new_before += before >= THRESHOLD and not latin
            new_after += not latin
            latin_before += before >= THRESHOLD and latin
            latin_after += latin
            if show:
                flag = "also from the Latin name" if latin else "NEW - check by eye"
                print(f"  SDN hit ({flag}) {after:.2f} {case.original} {case.latin[:1]} ~ {name}")
    return pairs, new_before, new_after, latin_before, latin_after


def watchman(path: Path) -> None:
    with path.open(encoding="utf-8") as fh:
        rows = [
            r for r in csv.reader(line for line in fh if not line.startswith("#")) if len(r) >= 3
        ]
    for query, expected, minimum, *_ in rows:
        if not has_arabic(query):
            continue
        cs = candidate_variants(expected, "")
        before = best(query_variants(query, False), cs)
        after = max(before, best(query_variants(query, True), cs))
        print(
            f"  watchman {query} ~ {expected}: before {before:.2f} after {after:.2f}"
            f" (their min {minimum}) forms={arabic_forms(query)}"
        )


def timing(cases: list[Case]) -> None:
    """Cost of arabic_forms per name: from an empty word cache (the 366 names share their
    common words, as a batch does) and with every word cached."""
    names = [c.original for c in cases]

    def cold() -> None:
        arabic._word.cache_clear()
        for n in names:
            arabic_forms(n)

    def warm() -> None:
        for n in names:
            arabic_forms(n)

    first = min(timeit.repeat(cold, number=1, repeat=5)) / len(names) * 1e6
    again = min(timeit.repeat(warm, number=1, repeat=5)) / len(names) * 1e6
    print(f"arabic_forms: {first:.0f} us per name from an empty cache, {again:.0f} us cached")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=Path, default=DEFAULT_LISTS)
    parser.add_argument("--misses", choices=["dev", "held", "all"], help="print missed entries")
    parser.add_argument("--fas", action="store_true", help="print every false alert")
    parser.add_argument("--no-sdn", action="store_true", help="skip the SDN false-alert run")
    args = parser.parse_args(argv)
    cases = load_cases(args.lists / UN_FILE)
    dev = [c for c in cases if c.index % 2 == 0]
    held = [c for c in cases if c.index % 2 == 1]
    print(f"{len(cases)} UN entries with an Arabic-script name; threshold {THRESHOLD}")
    print(recall(dev, args.misses in ("dev", "all")).line("dev"))
    print(recall(held, args.misses in ("held", "all")).line("held-out"))
    for label, half in (("dev", dev), ("held-out", held)):
        pairs, before, after = un_negatives(half, args.fas)
        print(
            f"{label:<9} UN negatives {pairs} pairs: false alerts before {before}"
            f" ({before / pairs:.4f})  after {after} ({after / pairs:.4f})"
        )
    if not args.no_sdn:
        sdn = sdn_sample(args.lists / SDN_FILE)
        for label, half in (("dev", dev), ("held-out", held)):
            pairs, new_b, new_a, latin_b, latin_a = sdn_negatives(half, sdn, args.fas)
            print(
                f"{label:<9} SDN sample {pairs} pairs: hits not explained by the entry's Latin"
                f" names before {new_b} ({new_b / pairs:.6f}) after {new_a} ({new_a / pairs:.6f});"
                f" hits the Latin names also get: before {latin_b} after {latin_a}"
            )
    watchman(args.lists / WATCHMAN_FILE)
    timing(cases)


if __name__ == "__main__":
    sys.exit(main())
