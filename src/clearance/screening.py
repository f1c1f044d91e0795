"""Screening: list entries in force + the name index + qualifiers -> explained hits.

A :class:`Screener` is built once for a set of list versions (optionally "as of" a date)
and answers any number of queries. Country and entity type are qualifiers: they re-rank
and are explained, they never remove a hit — only the name score decides whether an entry
is a hit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from clearance import settings
from clearance.errors import InputError, ListsUnavailable, UnreadableName
from clearance.hits import Hit, ListVersionRef, Query, ScreenResult
from clearance.match.index import NameIndex
from clearance.match.matcher import get_matcher
from clearance.match.normalize import NormalName
from clearance.model import ENTITY_TYPES, ListEntry
from clearance.store import Snapshot, Store

# a ranked entry: (score + qualifiers' adjustment, name score, entry, name id, query form,
# qualifiers' explanation)
_Found = tuple[float, float, ListEntry, int, NormalName, dict[str, Any]]

COUNTRY_BONUS = 0.02
COUNTRY_MISMATCH = -0.02
TYPE_MISMATCH = -0.03


class Screener:
    """Screens names against one fixed set of list versions, with one matcher version
    (the default one unless ``matcher`` names another, e.g. to replay a past result)."""

    def __init__(
        self, snapshot: Snapshot, threshold: float | None = None, matcher: str | None = None
    ) -> None:
        if not snapshot.entries:
            raise ListsUnavailable("the selected list versions hold no entries: refusing to screen")
        self.snapshot = snapshot
        self.threshold = settings.default_threshold() if threshold is None else threshold
        self._matcher = get_matcher(matcher)
        self.matcher = self._matcher.name
        self.index = NameIndex(snapshot.entries, self._matcher)
        self._version_of = {ref.source: ref.version for ref in snapshot.versions}

    @classmethod
    def from_store(
        cls,
        store: Store,
        as_of: date | None = None,
        sources: list[str] | None = None,
        max_age_days: int | None = None,
        threshold: float | None = None,
        matcher: str | None = None,
    ) -> Screener:
        return cls(store.snapshot(as_of, sources, max_age_days), threshold, matcher)

    @classmethod
    def sample(
        cls, as_of: date | None = None, threshold: float | None = None, matcher: str | None = None
    ) -> Screener:
        """An in-memory screener over the bundled SAMPLE list (not an official list)."""
        return cls(sample_snapshot(as_of), threshold, matcher)

    @property
    def lists(self) -> list[ListVersionRef]:
        return list(self.snapshot.versions)

    def screen(self, query: Query, threshold: float | None = None, limit: int = 10) -> ScreenResult:
        """Hits for one query, best first: name score >= threshold, re-ranked by qualifiers."""
        threshold = self._threshold(query, threshold)
        ranked = self._ranked(query, threshold)
        return ScreenResult(
            query=query,
            hits=[self._hit(query, found) for found in ranked[:limit]],
            lists=self.lists,
            threshold=threshold,
            matcher=self.matcher,
            as_of=self.snapshot.as_of,
            notes=list(self.snapshot.notes),
        )

    def screen_first(self, query: Query, threshold: float | None = None) -> tuple[Hit | None, int]:
        """The first hit :meth:`screen` would return (``None`` if none) and the number of
        hits with no limit, explaining only that one: what a row of a batch reports."""
        ranked = self._ranked(query, self._threshold(query, threshold))
        return (self._hit(query, ranked[0]) if ranked else None), len(ranked)

    def _threshold(self, query: Query, threshold: float | None) -> float:
        validate_query(query)
        threshold = self.threshold if threshold is None else threshold
        if not 0.0 < threshold <= 1.0:
            raise InputError(f"threshold must be in (0, 1], got {threshold}")
        return threshold

    def _ranked(self, query: Query, threshold: float) -> list[_Found]:
        """Every entry whose name score reaches ``threshold``, best first after qualifiers."""
        forms = self._matcher.variants(query.name)
        if not forms:
            raise UnreadableName.of(query.name)
        found = self.index.best_names(forms, threshold)
        entries = self.index.entries
        ranked: list[_Found] = []
        for entry_id, (score, name_id, qform) in found.items():
            entry = entries[entry_id]
            qualifiers, adjust = _qualifiers(query, entry)
            ranked.append((score + adjust, score, entry, name_id, qform, qualifiers))
        ranked.sort(key=lambda x: (-x[0], -x[1], x[2].list_code, x[2].source_id))
        return ranked

    def _hit(self, query: Query, found: _Found) -> Hit:
        """One ranked entry as an explained hit (the name score's detail computed here)."""
        _, score, entry, name_id, qform, qualifiers = found
        name = self.index.names[name_id]
        detail = self._matcher.score_names(qform, name)
        explanation: dict[str, Any] = {
            "matcher": self.matcher,
            "query_name": query.name,
            "query_form": " ".join(qform.tokens),
            "matched_name": name.original,
            "matched_form": " ".join(name.tokens),
            "name_score": round(score, 4),
            **detail.explain(),
            "qualifiers": qualifiers,
        }
        return Hit(
            entry,
            score,
            query.name,
            name.original,
            explanation,
            self._version_of.get(entry.source, ""),
        )

    def screen_many(
        self, queries: Sequence[Query], threshold: float | None = None, limit: int = 10
    ) -> list[ScreenResult]:
        return [self.screen(q, threshold, limit) for q in queries]


def validate_query(query: Query) -> None:
    if not query.name or not query.name.strip():
        raise InputError("name: must not be empty")
    if query.entity_type and query.entity_type not in ENTITY_TYPES:
        raise InputError(
            f"type: must be one of {', '.join(ENTITY_TYPES)}, got {query.entity_type!r}"
        )
    if query.country and (len(query.country) != 2 or not query.country.isalpha()):
        raise InputError(f"country: must be an ISO 3166 alpha-2 code, got {query.country!r}")


def _qualifiers(query: Query, entry: ListEntry) -> tuple[dict[str, Any], float]:
    out: dict[str, Any] = {}
    adjust = 0.0
    if query.country:
        wanted = query.country.upper()
        if not entry.countries:
            out["country"] = {"query": wanted, "entry": [], "effect": "unknown on entry"}
        elif wanted in entry.countries:
            out["country"] = {"query": wanted, "entry": list(entry.countries), "effect": "match"}
            adjust += COUNTRY_BONUS
        else:
            out["country"] = {"query": wanted, "entry": list(entry.countries), "effect": "mismatch"}
            adjust += COUNTRY_MISMATCH
    if query.entity_type and entry.entity_type not in ("unknown", query.entity_type):
        out["type"] = {"query": query.entity_type, "entry": entry.entity_type, "effect": "mismatch"}
        adjust += TYPE_MISMATCH
    out["rank_adjustment"] = round(adjust, 4)
    return out, adjust


def sample_list_path() -> Path:
    return Path(str(resources.files("clearance").joinpath("data/sample_list.csv")))


@cache
def _sample_parsed() -> Any:
    from clearance.sources import parse_paths

    return parse_paths([sample_list_path()])[0]


def sample_snapshot(as_of: date | None = None) -> Snapshot:
    parsed = _sample_parsed()
    from clearance.store.store import _combined_sha

    ref = ListVersionRef(
        source=parsed.source,
        version=f"sample:bundled:{_combined_sha(parsed)[:12]}",
        sha256=_combined_sha(parsed),
        published=None,
        imported_at="bundled",
        entries=len(parsed.entries),
        reconstructed=as_of is not None,
    )
    entries = [e for e in parsed.entries if not (as_of and e.start_date and e.start_date > as_of)]
    notes = ["SAMPLE list bundled with clearance: an excerpt, not an official or current list."]
    return Snapshot(entries=entries, versions=[ref], as_of=as_of, notes=notes)
