"""Cross-script pairs: watchman's 22 pairs, the UN list's original-script names, Han/Hangul.

* ``watchman``: ``eval_watchman_cross_script_pairs.csv`` (Apache-2.0), query in script,
  expected Latin match; its "Min Score" column is watchman's, not used here.
* ``un``: every UN SC entry with a NAME_ORIGINAL_SCRIPT (Arabic, Cyrillic), paired with
  all the entry's Latin-script names (the best one counts).
* ``curated``: ``data/han_hangul_pairs.csv``, 37 publicly documented Han and Hangul names
  of listed persons and organisations with the Latin spelling the lists use (the UN list
  carries no Han or Hangul). Company rows mix transliteration and translation on purpose.

Negatives: each original-script name against the Latin names of another pair of the same
source and script (a fixed-seed derangement), so precision is measured on the same
scripts. Groups are ``source:script``.
"""

from __future__ import annotations

import csv
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import SEED, require, shared_lists
from benchmarks.peers import Peer
from benchmarks.quality.pairs import Case, score_cases
from clearance.sources import parse_paths

CURATED = Path(__file__).parent / "data" / "han_hangul_pairs.csv"
SCRIPTS = {"CJK": "han", "HIRAGANA": "kana", "KATAKANA": "kana"}


@dataclass(frozen=True)
class ScriptPair:
    source: str
    script: str
    schema: str
    original: str
    latin: tuple[str, ...]


def script_of(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            word = unicodedata.name(ch, "UNKNOWN").split()[0]
            return SCRIPTS.get(word, word.lower())
    return "none"


def is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def watchman_pairs() -> list[ScriptPair]:
    path = require(shared_lists() / "eval_watchman_cross_script_pairs.csv")
    rows = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    out = []
    for row in csv.reader(rows):
        out.append(ScriptPair("watchman", script_of(row[0]), "Person", row[0], (row[1],)))
    return out


def un_pairs(latin_names: bool = True) -> list[ScriptPair]:
    path = require(shared_lists() / "un_sc_consolidated_2026-02-27.xml")
    out = []
    for e in parse_paths([path])[0].entries:
        original = e.extra.get("name_original_script")
        if not original or is_latin(str(original)):
            continue
        latin = tuple(n for n in e.names if is_latin(n)) if latin_names else (e.name,)
        schema = "Person" if e.entity_type == "person" else "Organization"
        out.append(ScriptPair("un", script_of(str(original)), schema, str(original), latin))
    return out


def curated_pairs() -> list[ScriptPair]:
    with open(require(CURATED), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        ScriptPair("curated", r["script"], r["schema"], r["original"], (r["latin"],)) for r in rows
    ]


def build(quick: bool = False) -> list[Case]:
    pairs = watchman_pairs() + un_pairs() + curated_pairs()
    if quick:
        pairs = [p for i, p in enumerate(pairs) if p.source != "un" or i % 4 == 0]
    groups: dict[str, list[ScriptPair]] = {}
    for p in pairs:
        groups.setdefault(f"{p.source}:{p.script}", []).append(p)
    cases = []
    rng = random.Random(SEED)
    for group, members in sorted(groups.items()):
        for i, p in enumerate(members):
            cases.append(Case(group, True, p.schema, p.original, p.latin))
            if len(members) > 1:
                other = members[(i + 1 + rng.randrange(len(members) - 1)) % len(members)]
                cases.append(Case(group, False, p.schema, p.original, other.latin))
    return cases


def run(peers: Sequence[Peer], quick: bool = False) -> dict[str, Any]:
    cases = build(quick)
    return {
        "cases": len(cases),
        "positives": sum(c.label for c in cases),
        "peers": score_cases(cases, peers),
    }
