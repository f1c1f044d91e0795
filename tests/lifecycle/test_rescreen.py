"""Delta re-screening finds exactly the hits a full re-screen finds for the same entries."""

from __future__ import annotations

from pathlib import Path

from faker import Faker

from clearance.lifecycle.diff import group
from clearance.lifecycle.party_index import Party, PartyIndex
from clearance.lifecycle.rescreen import delta_hits, full_hits
from clearance.match.index import NameIndex
from clearance.match.matcher import DEFAULT
from clearance.sources import parse_paths

from ..conftest import need


def _typo(name: str) -> str:
    """Swap two letters inside the longest word (a realistic keying error)."""
    words = name.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) > 4:
        words[i] = w[:2] + w[3] + w[2] + w[4:]
    return " ".join(words)


def test_delta_equals_full(lists_dir: Path) -> None:
    csl = need(lists_dir, "us_trade_csl_consolidated_2022-05.csv.gz")
    every = parse_paths([csl])[0].entries
    entries = every[::3] + [e for e in every[1::3] if "HIKVISION" in e.name.upper()]  # fast
    fake = Faker(["en_US", "de_DE", "zh_CN", "ru_RU"])
    Faker.seed(7)
    names = [e.name if i % 2 else _typo(e.name) for i, e in enumerate(entries[::20])]
    names += [fake.company() for _ in range(40)] + [fake.name() for _ in range(40)]
    names += ["Huawei", "Hikvision", "Rosneft", "Islamic Republic of Iran Shipping Lines"]
    parties = [Party(f"P{i}", n) for i, n in enumerate(names)]
    delta = group(entries)  # a first import: every entry is added
    threshold = 0.8
    fast = delta_hits(PartyIndex(parties, threshold), delta, threshold)
    slow = full_hits(parties, entries, threshold)
    assert len(slow) > 300
    assert set(slow) <= set(fast), f"missed by delta: {sorted(set(slow) - set(fast))[:5]}"
    for pair, hit in slow.items():
        assert abs(fast[pair].score - hit.score) < 1e-9, pair
    # Pairs only the delta finds are real hits (the brute-force oracle agrees) that the
    # screener's NameIndex does not retrieve: a one-letter list token ("I A C ...") is not
    # looked up from a longer query token ("ASH"). Reported upstream; none may be bogus.
    extra = sorted(set(fast) - set(slow))
    by_id = {p.party_id: p for p in parties}
    for party_id, key in extra:
        index = NameIndex(delta[key])
        query = DEFAULT.variants(by_id[party_id].name)
        assert not index.search(query, threshold), (party_id, key)
        assert index.exhaustive(query, threshold), (party_id, key)
    print(f"delta {len(fast)} pairs, full screen {len(slow)}, oracle-confirmed extras {len(extra)}")
    assert len(extra) <= len(slow) // 20
    assert any(p.party.name == "Hikvision" for p in fast.values())


def test_index_below_its_threshold_is_refused() -> None:
    index = PartyIndex([Party("a", "Acme Widgets")], min_threshold=0.8)
    try:
        index.match_forms(DEFAULT.variants("Acme Widgets"), 0.7)
    except ValueError as exc:
        assert "0.8" in str(exc)
    else:
        raise AssertionError("a lower threshold than the index's must be refused")
