"""Resolve each party to its list status on the date: by screening, or as declared.

Which list version: a question about day D screens the lists as of D + the Entity List rule's
``publication_lag_days`` (:func:`screen_date`), because CSL rows carry the Federal Register
*publication* date, which follows the effective date by a few days (the August 2019 Huawei
wave took effect 2019-08-19 and was published 2019-08-21). Rows found that way are mapped
back to the addition's *effective* date from the rule data, so a row published after D but
effective on or before D applies, and one effective after D is traced as "not yet listed".
An EL row whose addition is not in the rule data, published within the lag, is MANUAL_REVIEW.

Which hits are the party: the best hit must score at least :data:`CONFIDENT`; a best hit
between the screener's threshold and :data:`CONFIDENT` is uncertain, so the decision becomes
MANUAL_REVIEW with the candidates, never a silent pass. The party *is* every hit scoring
within :data:`SAME_PARTY_MARGIN` of the best (exact or near-exact for its name: "Huawei
Technologies Co., Ltd." is the EL row "Huawei Technologies Co., Ltd. (Huawei)" and the CMIC
row of the same name). Other hits at or above :data:`CONFIDENT` are *related* entries (for
that name, "Huawei Technologies (UK) Co., Ltd."): shown in ``related`` but not used by the
rules, so their citations do not leak into the decision. When a related entry in force is on
a list the rules read (EL, DPL, UVL, MEU, SDN) and none of the party's own entries in force is
on that list, it could change the outcome: the decision becomes MANUAL_REVIEW.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from clearance.determination.facts import DeclaredListing, Party
from clearance.hits import Query, ScreenResult
from clearance.model import ListEntry
from clearance.rules.model import RuleSet

CONFIDENT = 0.92
SAME_PARTY_MARGIN = 0.01
RULE_LISTS = ("EL", "DPL", "UVL", "MEU", "SDN")
FOOTNOTE1_MARKERS = ("736.2(b)(3)(vi)", "734.9(e)")
EXCEPT_MARKER = "standards organization"


class ScreenerLike(Protocol):
    def screen(
        self, query: Query, threshold: float | None = None, limit: int = 10
    ) -> ScreenResult: ...


ScreenerFactory = Callable[[date], ScreenerLike]


@dataclass(slots=True)
class Listing:
    """One list a party is on (or will be on), with the effective date the rules use."""

    list_code: str
    name: str
    listed_on: date | None
    group: str = "other"
    except_clause: bool = False
    footnote1: bool = False
    addition: str | None = None
    effective_time: str | None = None
    effective_unknown: bool = False
    declared: bool = False
    end_date: date | None = None

    def in_force(self, on: date) -> bool:
        started = self.listed_on is None or self.listed_on <= on
        return started and (self.end_date is None or on <= self.end_date)

    def as_dict(self) -> dict[str, Any]:
        return {
            "list": self.list_code,
            "name": self.name,
            "effective": self.listed_on.isoformat() if self.listed_on else None,
            "group": self.group,
            "except_clause": self.except_clause,
            "footnote1": self.footnote1,
            "addition_rule": self.addition,
            "declared": self.declared,
        }


@dataclass(slots=True)
class ResolvedParty:
    party: Party
    listings: list[Listing] = field(default_factory=list)
    hits: list[dict[str, Any]] = field(default_factory=list)
    candidates: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lists: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    related_listings: list[Listing] = field(default_factory=list)

    def on_list(self, code: str, on: date) -> list[Listing]:
        return [x for x in self.listings if x.list_code == code and x.in_force(on)]

    def related_changes(self, on: date) -> list[str]:
        """Names of related entries in force on a rule list none of the party's own is on."""
        own = {x.list_code for x in self.listings if x.in_force(on)}
        return [
            f"{x.name} ({x.list_code})"
            for x in self.related_listings
            if x.in_force(on) and x.list_code in RULE_LISTS and x.list_code not in own
        ]

    def as_dict(self, on: date) -> dict[str, Any]:
        p = self.party
        return {
            "name": p.name,
            "country": p.country,
            "role": p.role,
            "hits": self.hits,
            "uncertain_candidates": self.candidates,
            "related": self.related,
            "listings_in_force": [x.as_dict() for x in self.listings if x.in_force(on)],
            "listings_later": [x.as_dict() for x in self.listings if not x.in_force(on)],
            "owned_by": [{"name": o.name, "percent": o.percent} for o in p.owned_by],
            "notes": self.notes,
        }


def _addition_for(entry: ListEntry, ruleset: RuleSet) -> tuple[str, Any] | None:
    cites = entry.federal_register_notice or ""
    for rule in ruleset.rules.values():
        if rule.kind != "entity_list_addition":
            continue
        version = rule.versions[0]
        if version.values["published"] == entry.start_date and any(
            page in cites for page in version.values["fr_pages"]
        ):
            return rule.id, version
    return None


def listing_from_entry(entry: ListEntry, ruleset: RuleSet) -> Listing:
    """Map a list row to a :class:`Listing`, using the addition's effective date if known."""
    text = entry.license_requirement or ""
    listing = Listing(
        list_code=entry.list_code,
        name=entry.name,
        listed_on=entry.start_date,
        except_clause=EXCEPT_MARKER in text,
        footnote1=any(m in text for m in FOOTNOTE1_MARKERS),
        end_date=entry.end_date,
    )
    if entry.list_code == "EL":
        found = _addition_for(entry, ruleset)
        if found:
            listing.addition, version = found
            listing.listed_on = version.effective_from
            listing.group = version.values["group"]
            listing.effective_time = version.values.get("effective_time")
        else:
            listing.effective_unknown = True
    return listing


def declared_listing(d: DeclaredListing) -> Listing:
    return Listing(
        list_code=d.list_code,
        name=d.name,
        listed_on=d.listed_on,
        group=d.group,
        except_clause=d.except_clause,
        footnote1=d.footnote1,
        declared=True,
    )


def resolve(
    party: Party, on: date, ruleset: RuleSet, screener: ScreenerLike | None, name: str | None = None
) -> ResolvedParty:
    """Screen (or read the declared lists of) one party; ``name`` overrides for owners."""
    out = ResolvedParty(party)
    if party.lists is not None:
        out.listings = [declared_listing(d) for d in party.lists]
        out.notes.append("list status declared in the input, not screened")
        return out
    if screener is None:
        out.notes.append("no screener available: party not screened")
        out.candidates.append({"name": party.name, "reason": "not screened"})
        return out
    result = screener.screen(Query(name or party.name, party.country))
    out.lists = [ref.as_dict() for ref in result.lists]
    if not result.hits:
        return out
    best = max(h.score for h in result.hits)
    if best < CONFIDENT:
        out.candidates = [h.as_dict() for h in result.hits]
        out.notes.append(f"uncertain match (best score {best:.2f} < {CONFIDENT}): manual review")
        return out
    for hit in result.hits:
        if hit.score >= best - SAME_PARTY_MARGIN:
            out.hits.append(hit.as_dict())
            out.listings.append(listing_from_entry(hit.entry, ruleset))
        elif hit.score >= CONFIDENT:
            out.related.append(hit.as_dict())
            out.related_listings.append(listing_from_entry(hit.entry, ruleset))
    return out


def screen_date(on: date, lag_days: int) -> date:
    """The list version to screen: rows are published up to ``lag_days`` after they take effect."""
    return on + timedelta(days=lag_days)
