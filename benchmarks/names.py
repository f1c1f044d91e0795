"""Generated names: perturbed list names (positives) and Faker names (negatives).

Faker (``bench`` extra) at a fixed seed in several locales, persons and companies. A
generated name is dropped when it is *truly close* to a list name, defined independently
of our matcher: its ASCII-folded token set (``rigour.text.ascii_text`` transliteration,
then lowercase alphanumeric words, order ignored) equals that of any listed name or alias.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rigour.text import ascii_text

from benchmarks.common import SEED, plain_fold
from benchmarks.quality.perturb import ORG_CLASSES, PERSON_CLASSES
from clearance.model import ListEntry

LOCALES = (
    "en_US",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "tr_TR",
    "ru_RU",
    "ar_AA",
    "zh_CN",
    "ja_JP",
    "ko_KR",
)


@dataclass(frozen=True)
class Probe:
    group: str
    query: str
    entry: ListEntry | None  # the listed entry a positive was made from
    source_name: str


def token_key(name: str) -> str:
    return " ".join(sorted(set(plain_fold(ascii_text(name)).split())))


def listed_keys(entries: Iterable[ListEntry]) -> set[str]:
    return {token_key(n) for e in entries for n in e.names}


def perturbed(entries: Sequence[ListEntry], n: int, seed: int = SEED) -> list[Probe]:
    """``n`` list entries at a fixed seed, each name perturbed by one applicable class."""
    rng = random.Random(seed)
    out: list[Probe] = []
    for entry in rng.sample(list(entries), min(n, len(entries))):
        classes = PERSON_CLASSES if entry.entity_type == "person" else ORG_CLASSES
        order = list(classes.items())
        rng.shuffle(order)
        for cls, perturb in order:
            variant = perturb(entry.name, rng)
            if variant and variant.casefold() != entry.name.casefold():
                out.append(Probe(cls, variant, entry, entry.name))
                break
        else:
            out.append(Probe("exact", entry.name, entry, entry.name))
    return out


def faker_names(n: int, exclude: set[str], seed: int = SEED) -> list[Probe]:
    """``n`` Faker persons and companies round-robin over LOCALES, none truly close."""
    from faker import Faker

    fakers = []
    for i, loc in enumerate(LOCALES):
        fake = Faker(loc)
        fake.seed_instance(seed + i)
        fakers.append((loc, fake))
    out: list[Probe] = []
    seen: set[str] = set()
    i = 0
    while len(out) < n and i < n * 5:
        loc, fake = fakers[i % len(fakers)]
        kind = "person" if (i // len(fakers)) % 2 == 0 else "company"
        name = fake.name() if kind == "person" else fake.company()
        i += 1
        key = token_key(name)
        if key and key not in exclude and name not in seen:
            seen.add(name)
            out.append(Probe(f"{loc}:{kind}", name, None, ""))
    return out


def bulk_names(n: int, seed: int = SEED) -> list[str]:
    """``n`` names for throughput runs: Faker first/last/company pools combined at random."""
    from faker import Faker

    rng = random.Random(seed)
    firsts: list[str] = []
    lasts: list[str] = []
    firms: list[str] = []
    for i, loc in enumerate(LOCALES[:6]):
        fake = Faker(loc)
        fake.seed_instance(seed + i)
        firsts += [fake.first_name() for _ in range(300)]
        lasts += [fake.last_name() for _ in range(300)]
        firms += [fake.company() for _ in range(200)]
    out = []
    for _ in range(n):
        if rng.random() < 0.7:
            out.append(f"{rng.choice(firsts)} {rng.choice(lasts)}")
        else:
            out.append(f"{rng.choice(lasts)} {rng.choice(firms)}")
    return out
