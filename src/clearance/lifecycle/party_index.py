"""Inverted index over the counterparty register, queried with list entries' names.

The matcher scores a *party* name Q (the query) against a *list* name C. Delta
re-screening inverts the roles for retrieval only: the parties are indexed and each added
or changed list name looks up the parties that could reach the threshold; every surviving
pair is then scored exactly as a full re-screen scores it, ``score_names(Q, C)``.

Why the retrieval loses nothing the screener finds: a pair can only reach threshold ``t``
if the party tokens with *no* similar list token weigh at most ``(1 - t) x W(Q)`` (an
aligned pair adds at most its weight to the coverage's numerator and at least as much to
its denominator; an unmatched party token adds its whole weight to the denominator). So a
party form is posted only under its *essential* tokens — sorted by weight, those from
where the cumulative weight reaches ``t x W(Q)`` — and one of them must be similar to a
list token. Candidates are then bounded before scoring by the same two necessary
conditions (matchable party weight >= ``t x W``; specificity ``sqrt(M / 5) >= t`` where
``M`` is the best weight x similarity on offer, unless the names are equal token sets).
Similar tokens are found through the screener's own keys (one deletion, skeleton,
prefix, initials); names with the same joined spelling are always scored. Valid for any
threshold >= ``min_threshold``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from clearance.match import index as index_module
from clearance.match.index import _token_keys
from clearance.match.name_v1 import SPECIFIC_WEIGHT, NameScore, score_names
from clearance.match.normalize import NormalName, name_variants
from clearance.match.tokens import token_similarity
from clearance.match.weights import token_weight
from clearance.model import ListEntry


@dataclass(frozen=True, slots=True)
class Party:
    party_id: str
    name: str
    country: str | None = None
    entity_type: str | None = None


def essential_tokens(form: NormalName, threshold: float) -> list[str]:
    """Tokens of which at least one must be matched for ``form`` to reach ``threshold``."""
    weights = sorted(zip(_weights(form), form.tokens, strict=True))
    need = threshold * sum(w for w, _ in weights) - 1e-9
    out: list[str] = []
    cumulative = 0.0
    for weight, token in weights:
        cumulative += weight
        if cumulative >= need:
            out.append(token)
    return out


class PartyIndex:
    """Party name forms, retrievable by list-entry name forms."""

    def __init__(self, parties: Sequence[Party], min_threshold: float = 0.5) -> None:
        self.parties = list(parties)
        self.min_threshold = min_threshold
        self.forms: list[NormalName] = []
        self.form_party: list[int] = []
        self._weights: list[tuple[float, ...]] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._vocab: set[str] = set()
        self._keys: dict[str, list[str]] = defaultdict(list)
        self._joined: dict[str, list[int]] = defaultdict(list)
        self._similar: dict[str, list[tuple[str, float]]] = {}
        for pid, party in enumerate(self.parties):
            for form in name_variants(party.name):
                fid = len(self.forms)
                self.forms.append(form)
                self.form_party.append(pid)
                self._weights.append(_weights(form))
                for token in form.tokens:
                    if token not in self._vocab:
                        self._vocab.add(token)
                        for key in _token_keys(token):
                            self._keys[key].append(token)
                for token in set(essential_tokens(form, min_threshold)):
                    self._postings[token].append(fid)
                if len(form.tokens) > 1:
                    self._joined["".join(form.tokens)].append(fid)
        self._postings = dict(self._postings)
        self._keys = dict(self._keys)
        self._joined = dict(self._joined)

    def _similar_tokens(self, token: str) -> list[tuple[str, float]]:
        """Party vocabulary tokens similar to a list token, with their similarity."""
        cached = self._similar.get(token)
        if cached is None:
            found: set[str] = set()
            for key in _token_keys(token):
                found.update(self._keys.get(key, ()))
            if token[0] in self._vocab:
                found.add(token[0])  # a party's initial meets every list token starting with it
            cached = [(t, s) for t in found if (s := token_similarity(t, token)) > 0.0]
            if len(self._similar) > 500_000:
                self._similar.clear()
            self._similar[token] = cached
        return cached

    def candidates(self, entry_form: NormalName, threshold: float) -> set[int]:
        """Form ids of party names that can reach ``threshold`` against ``entry_form``."""
        best: dict[str, float] = {}
        for token in set(entry_form.tokens):
            for similar, sim in self._similar_tokens(token):
                if sim > best.get(similar, 0.0):
                    best[similar] = sim
        touched: set[int] = set()
        for similar in best:
            touched.update(self._postings.get(similar, ()))
        specific = SPECIFIC_WEIGHT * threshold * threshold - 1e-9
        entry_sorted = sorted(entry_form.tokens)
        found: set[int] = set()
        for fid in touched:
            tokens, weights = self.forms[fid].tokens, self._weights[fid]
            total = matchable = offered = 0.0
            for token, weight in zip(tokens, weights, strict=True):
                total += weight
                sim = best.get(token, 0.0)
                if sim:
                    matchable += weight
                    offered += weight * sim
            if matchable < threshold * total - 1e-9:
                continue
            if offered < specific and sorted(tokens) != entry_sorted:
                continue
            found.add(fid)
        joined = "".join(entry_form.tokens)
        found.update(self._joined.get(joined, ()))
        return found

    def match_forms(
        self, entry_forms: Sequence[NormalName], threshold: float
    ) -> dict[int, tuple[float, NormalName, NormalName, NameScore]]:
        """Best (score, party form, list form, detail) per party index, >= ``threshold``."""
        if threshold < self.min_threshold:
            raise ValueError(f"index built for thresholds >= {self.min_threshold}")
        best: dict[int, tuple[float, NormalName, NormalName, NameScore]] = {}
        for entry_form in entry_forms:
            for fid in self.candidates(entry_form, threshold):
                form = self.forms[fid]
                result = score_names(form, entry_form)
                if result.score < threshold:
                    continue
                pid = self.form_party[fid]
                current = best.get(pid)
                if current is None or result.score > current[0]:
                    best[pid] = (result.score, form, entry_form, result)
        return best

    def match_entry(
        self, entry: ListEntry, threshold: float
    ) -> dict[int, tuple[float, NormalName, NormalName, NameScore]]:
        """:meth:`match_forms` over every name of a list entry, as the screener forms them."""
        return self.match_forms(list_forms(entry), threshold)


def list_forms(entry: ListEntry) -> list[NormalName]:
    """The forms under which the screener indexes an entry's names.

    Mirrors :class:`clearance.match.index.NameIndex`: every variant of every name, tagged
    with the entry's ``kind`` (person / object) where the matcher knows that field.
    """
    kind = getattr(index_module, "KINDS", {}).get(entry.entity_type, "")
    forms: list[NormalName] = []
    for raw in entry.names:
        for variant in name_variants(raw):
            forms.append(replace(variant, kind=kind) if kind else variant)
    return forms


def _weights(form: NormalName) -> tuple[float, ...]:
    weights: tuple[float, ...] = getattr(form, "weights", ())
    if len(weights) == len(form.tokens):
        return weights
    return tuple(token_weight(t) for t in form.tokens)
