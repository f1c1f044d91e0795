"""Party resolution: uncertain matches, same-party vs related hits, the publication lag."""

from __future__ import annotations

from datetime import date
from typing import Any

from clearance.determination import determine, evaluate, parse_facts, us_ruleset
from clearance.determination.cases import _sample
from clearance.determination.parties import CONFIDENT, Listing, ResolvedParty, resolve
from clearance.hits import Query
from clearance.screening import Screener

# Abbreviated or partial forms of SAMPLE names; the matcher is being tuned, so the test
# picks whichever currently falls in the uncertain band instead of hard-coding a score.
NEAR_NAMES = [
    ("Huawei Tech India", "IN"),
    ("HiSilicon Optoelectronics", "CN"),
    ("Hangzhou Hikvision Digital Tech", "CN"),
    ("Huawei Technologies R and D", "GB"),
    ("Beijing Cloudmind Tech", "CN"),
]


def question(name: str, country: str, day: str, **item: Any) -> dict[str, Any]:
    return {
        "date": day,
        "destination": country,
        "parties": [{"name": name, "country": country, "role": "end_user"}],
        "item": {"type": "commodity", "eccn": "EAR99", **item},
        "activity": {"kind": "export"},
    }


def test_uncertain_match_is_manual_review_with_candidates() -> None:
    screener = Screener.sample(as_of=date(2021, 1, 31))
    band = []
    for name, country in NEAR_NAMES:
        result = screener.screen(Query(name, country))
        if result.hits and result.threshold <= result.hits[0].score < CONFIDENT:
            band.append((name, country))
    assert band, "no SAMPLE near-name scores between the alert threshold and 0.92"
    for name, country in band:
        d = determine(question(name, country, "2021-01-10"), us_ruleset(), _sample).as_dict()
        assert d["outcome"] == "MANUAL_REVIEW", name
        assert d["license_required"] is None, name
        party = d["parties"][0]
        assert party["uncertain_candidates"] and not party["hits"], name
        assert any("uncertain screening match" in r for r in d["manual_review_reasons"])


def test_party_is_its_own_row_not_every_confident_huawei_row() -> None:
    """'Huawei Technologies Co., Ltd.' also scores >= 0.92 on Huawei UK: shown, not used."""
    rs = us_ruleset()
    facts = parse_facts(question("Huawei Technologies Co., Ltd.", "CN", "2019-09-15"))
    res = resolve(facts.parties[0], facts.on, rs, Screener.sample(as_of=date(2019, 9, 29)))
    names = [x.name for x in res.listings]
    assert "Huawei Technologies Co., Ltd. (Huawei)" in names
    assert all("(UK)" not in n and "India" not in n for n in names)
    d = determine(question("Huawei Technologies Co., Ltd.", "CN", "2019-09-15"), rs, _sample)
    out = d.as_dict()
    assert out["outcome"] == "LICENSE_REQUIRED"
    assert "84 FR 22961" in out["citations"] and "84 FR 43493" not in out["citations"]
    related = [h["name"] for h in out["parties"][0]["related"]]
    assert all(h["name"] not in related for h in out["parties"][0]["hits"])


def test_related_entry_that_would_change_the_outcome_is_manual_review() -> None:
    rs = us_ruleset()
    facts = parse_facts(question("Acme Trading", "CN", "2021-01-10"))
    party = ResolvedParty(facts.parties[0])
    party.related_listings = [Listing("DPL", "ACME TRADING HOLDINGS", date(2015, 1, 1))]
    d = evaluate(facts, rs, [party], {0: []}, []).as_dict()
    assert d["outcome"] == "MANUAL_REVIEW"
    assert any("could change the outcome" in r for r in d["manual_review_reasons"])
    # a related entry on a list the party's own row is already on changes nothing
    party.listings = [Listing("DPL", "ACME TRADING", date(2015, 1, 1))]
    assert evaluate(facts, rs, [party], {0: []}, []).outcome == "PROHIBITED"


def test_listing_published_after_its_effective_date_applies_from_the_effective_date() -> None:
    """Aug-2019 wave: effective 2019-08-19, CSL start (publication) 2019-08-21."""
    rs = us_ruleset()
    name = "Huawei Technologies India Private Limited"
    on_effective = determine(question(name, "IN", "2019-08-19"), rs, _sample).as_dict()
    assert on_effective["outcome"] == "LICENSE_REQUIRED"
    assert "84 FR 43493" in on_effective["citations"]
    assert on_effective["parties"][0]["listings_in_force"][0]["effective"] == "2019-08-19"
    day_before = determine(question(name, "IN", "2019-08-18"), rs, _sample).as_dict()
    assert day_before["outcome"] == "NO_LICENSE_REQUIRED"
    later = [e for e in day_before["trace"] if e["effect"] == "not_yet_listed"]
    assert later and "84 FR 43493" in later[0]["citations"]
    assert day_before["parties"][0]["listings_later"][0]["effective"] == "2019-08-19"
