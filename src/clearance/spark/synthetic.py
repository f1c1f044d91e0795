"""Generated counterparty names (fixed seed) for the Spark equality test and benchmark.

A share of the names are list names with perturbations a clerk or an OCR pass makes
(a dropped or doubled letter, two letters swapped, a token dropped, other casing, a legal
form added); the rest are made-up names from syllables, which mostly should not match.
Countries and entity types are filled in for some rows so qualifiers are exercised.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

import pyarrow as pa

from clearance.model import ListEntry

SYLLABLES = (
    "an", "bel", "cor", "da", "el", "fen", "gar", "hol", "is", "jun", "ka", "lor", "mar",
    "nov", "or", "pel", "qui", "ros", "sen", "tal", "ur", "vin", "wes", "xan", "yor", "zel",
)  # fmt: skip
SUFFIXES = ("Ltd", "LLC", "GmbH", "S.A.", "Co., Ltd.", "Trading", "Holdings", "Inc.")
COUNTRIES = ("CN", "RU", "IR", "US", "DE", "GB", "HK", "AE", "TR", "KP")
TYPES = ("person", "company", "vessel")


def _perturb(rng: random.Random, name: str) -> str:
    kind = rng.randrange(7)
    chars = list(name)
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    if kind == 0 or len(letters) < 4:
        return name
    i = rng.choice(letters[1:-1])
    if kind == 1:
        del chars[i]
    elif kind == 2:
        chars.insert(i, chars[i])
    elif kind == 3:
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
    elif kind == 4:
        tokens = name.split()
        if len(tokens) > 2:
            del tokens[rng.randrange(len(tokens))]
        return " ".join(tokens)
    elif kind == 5:
        return name.upper() if rng.random() < 0.5 else name.title()
    else:
        return f"{name} {rng.choice(SUFFIXES)}"
    return "".join(chars)


def _made_up(rng: random.Random) -> str:
    words = [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        for _ in range(rng.randint(2, 4))
    ]
    if rng.random() < 0.4:
        words.append(rng.choice(SUFFIXES))
    return " ".join(words)


def generate_names(
    entries: Sequence[ListEntry], count: int, seed: int = 8, listed_share: float = 0.3
) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(id, name, country, entity type) rows: ``listed_share`` of them from list names."""
    rng = random.Random(seed)
    pool = [n for e in entries for n in e.names if n.strip()]
    if not pool:
        raise ValueError("no list names to perturb")
    for i in range(count):
        listed = rng.random() < listed_share
        name = _perturb(rng, rng.choice(pool)) if listed else _made_up(rng)
        country = rng.choice(COUNTRIES) if rng.random() < 0.3 else None
        kind = rng.choice(TYPES) if rng.random() < 0.2 else None
        yield f"r{i + 1:09d}", name, country, kind


def names_table(rows: Sequence[tuple[str, str, str | None, str | None]]) -> pa.Table:
    """The rows as an Arrow table with columns id, name, country, type."""
    ids, names, countries, types = (list(c) for c in zip(*rows, strict=True)) if rows else ([],) * 4
    return pa.table(
        {
            "id": pa.array(ids, pa.string()),
            "name": pa.array(names, pa.string()),
            "country": pa.array(countries, pa.string()),
            "type": pa.array(types, pa.string()),
        }
    )
