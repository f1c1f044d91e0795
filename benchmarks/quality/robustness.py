"""Robustness classes generated at a fixed seed from the local OFAC SDN 2021-07 files.

Pool (as ssb): SDN individuals whose primary name has >= 2 tokens, sorted by entity
number, the first ``persons``; plus the first ``orgs`` companies whose name carries a
legal form (our organisation classes). Positives: up to two variants per class of the
primary name; a case is scored against every name of its own entry (max). Script classes
pair the UN list's original-script names (Arabic, Cyrillic) and the curated Han/Hangul
set with the entry's Latin names. Synthetic negatives per class (ssb's ``cross_pair``,
``token_swap``, ``edit_beyond``; our ``company_swap`` and ``script_swap``) are scored
against the entries they were built from; a negative equal (casefolded) to any pooled
name is dropped. Every case is seeded by (seed, class, entry), so adding a class never
changes another class's cases.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence
from typing import Any

from benchmarks.common import SEED, ofac_sdn_paths, plain_fold, shared_lists
from benchmarks.peers import Peer
from benchmarks.quality import cross_script
from benchmarks.quality.pairs import Case, score_cases
from benchmarks.quality.perturb import ORG_CLASSES, PERSON_CLASSES
from clearance.model import ListEntry
from clearance.sources import parse_paths

PER_CLASS = 2
_LEGAL = re.compile(r"\b(ltd|limited|llc|inc|corp|corporation|co|gmbh|s\.?a|jsc|ojsc|pjsc)\b", re.I)


def rng_for(*parts: object) -> random.Random:
    return random.Random(zlib.crc32("|".join(map(str, (SEED, *parts))).encode()))


def _pool(persons: int, orgs: int) -> tuple[list[ListEntry], list[ListEntry]]:
    entries = sorted(parse_paths(ofac_sdn_paths())[0].entries, key=lambda e: int(e.source_id))
    people = [e for e in entries if e.entity_type == "person" and len(e.name.split()) >= 2]
    firms = [e for e in entries if e.entity_type == "company" and _LEGAL.search(e.name)]
    return people[:persons], firms[:orgs]


def _positives(pool: list[ListEntry], classes: dict[str, Any], schema: str) -> list[Case]:
    cases: list[Case] = []
    for cls, perturb in classes.items():
        for entry in pool:
            rng, seen = rng_for(cls, entry.source_id), {entry.name.casefold()}
            for _ in range(PER_CLASS * 3):
                variant = perturb(entry.name, rng)
                if variant and variant.casefold() not in seen and len(seen) <= PER_CLASS:
                    seen.add(variant.casefold())
                    cases.append(Case(cls, True, schema, variant, entry.names))
    return cases


_BRACKETED = re.compile(r"\([^)]*\)")


def _given_family(name: str) -> tuple[list[str], list[str]]:
    """SDN "FAMILY NAMES, Given Names" (brackets dropped) -> (given, family) tokens."""
    family, _, given = _BRACKETED.sub(" ", name).partition(",")
    return given.split(), family.split()


def _core(name: str) -> list[str]:
    return [
        w
        for w in _BRACKETED.sub(" ", name).replace(",", " ").split()
        if not _LEGAL.fullmatch(w.strip("."))
    ]


def _key(name: str) -> str:
    """Order-free folded token set: a negative equal to any pooled name is dropped."""
    return " ".join(sorted(plain_fold(name).split()))


def _negatives(people: list[ListEntry], firms: list[ListEntry]) -> list[Case]:
    listed = {_key(n) for e in people + firms for n in e.names}
    cases: list[Case] = []

    def add(group: str, schema: str, words: list[str], *sources: ListEntry) -> None:
        query = " ".join(words)
        if words and _key(query) not in listed:
            cases.append(
                Case(group, False, schema, query, tuple(n for e in sources for n in e.names))
            )

    for i, a in enumerate(people):
        rng = rng_for("neg", a.source_id)
        b = people[(i + 1 + rng.randrange(len(people) - 1)) % len(people)]
        (ga, fa), (gb, fb) = _given_family(a.name), _given_family(b.name)
        if not (ga and fa and gb and fb):
            continue
        add("neg:cross_pair", "Person", ga + fb, a, b)  # given of A + family of B
        natural = ga + fa
        add("neg:token_swap", "Person", natural[:-1] + gb[:1], a, b)
        k = max(range(len(natural)), key=lambda j: len(natural[j]))
        if len(natural[k]) >= 5:
            w = natural[k]
            letters = "".join(rng.choice("bdfgkmnprstvz") for _ in range(2))
            add(
                "neg:edit_beyond",
                "Person",
                [*natural[:k], w[0] + letters + w[-1], *natural[k + 1 :]],
                a,
            )
    for i, a in enumerate(firms):
        b = firms[(i + 1 + rng_for("negorg", a.source_id).randrange(len(firms) - 1)) % len(firms)]
        ca, cb = _core(a.name), _core(b.name)
        if len(ca) >= 2 and cb and cb[0].casefold() != ca[0].casefold():
            # another firm's distinctive word in front of A's descriptive words and legal form
            rest = a.name.replace(",", " ").split()[1:]
            add("neg:company_swap", "Company", [cb[0], *rest], a)
    return cases


def _middle_names(people: list[ListEntry]) -> list[Case]:
    """A person's name written more fully than the list writes it: another pooled person's
    given name inserted between the given and family names (a father's or middle name),
    in natural order (``Fazl Mohammad Hamid Mazloom`` for ``MAZLOOM, Fazl Mohammad``)."""
    given_names = sorted({w for e in people for w in _given_family(e.name)[0] if len(w) > 2})
    cases: list[Case] = []
    for a in people:
        given, family = _given_family(a.name)
        if not (given and family):
            continue
        rng = rng_for("middle_name", a.source_id)
        inserted = rng.choice([w for w in given_names if w not in given + family])
        at = rng.randrange(1, len(given) + 1)
        words = [*given[:at], inserted, *given[at:], *family]
        cases.append(Case("middle_name", True, "Person", " ".join(words), a.names))
    return cases


def _script_cases(limit: int) -> list[Case]:
    pairs = [p for p in cross_script.un_pairs(latin_names=True) + cross_script.curated_pairs()]
    cases: list[Case] = []
    by_script: dict[str, list[cross_script.ScriptPair]] = {}
    for p in pairs:
        by_script.setdefault(p.script, []).append(p)
    for script, group in sorted(by_script.items()):
        group = group[:limit]
        for i, p in enumerate(group):
            cases.append(Case(f"script_{script}", True, p.schema, p.original, p.latin))
            if len(group) > 1:
                other = group[
                    (i + 1 + rng_for("script", p.original).randrange(len(group) - 1)) % len(group)
                ]
                cases.append(Case("neg:script_swap", False, p.schema, p.original, other.latin))
    return cases


def build(quick: bool = False) -> list[Case]:
    people, firms = _pool(60 if quick else 250, 40 if quick else 150)
    cases = _positives(people, PERSON_CLASSES, "Person") + _middle_names(people)
    cases += [
        Case("org_" + c.group, c.label, "Company", c.query, c.candidates)
        for c in _positives(firms, ORG_CLASSES, "Company")
    ]
    return cases + _script_cases(40 if quick else 400) + _negatives(people, firms)


def run(peers: Sequence[Peer], quick: bool = False) -> dict[str, Any]:
    cases = build(quick)
    out = score_cases(cases, peers)
    return {
        "source": str(shared_lists() / "ofac_sdn_2021-07_*.csv"),
        "seed": SEED,
        "cases": len(cases),
        "positives": sum(c.label for c in cases),
        "peers": out,
    }
