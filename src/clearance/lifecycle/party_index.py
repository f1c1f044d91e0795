"""Inverted index over the counterparty register, queried with list entries' names.

The matcher scores a *party* name Q (the query) against a *list* name C. Delta
re-screening inverts the roles for retrieval only: the parties are indexed and each added
or changed list name looks up the parties that can reach the threshold; every candidate
pair is then scored the same way a full re-screen scores it, ``score_names(Q, C)``.

Retrieval is exact with respect to the screener's own candidate generation
(:class:`clearance.match.index.NameIndex`): a party form is posted only under its
*essential* tokens for ``min_threshold`` — the tokens the screener itself retrieves by
(sorted by weight, those from where the cumulative weight reaches ``threshold x W(Q)``;
the others alone cannot lift a pair to the threshold). Token keys are the index's own
(one-deletion, skeleton, prefix), plus initials and joined spellings both ways, so every
pair the screener could find is found here. Valid for any threshold >= ``min_threshold``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from clearance.match.index import _token_keys
from clearance.match.name_v1 import NameScore, score_names
from clearance.match.normalize import NormalName, name_variants
from clearance.match.tokens import token_similarity
from clearance.match.weights import token_weight


@dataclass(frozen=True, slots=True)
class Party:
    party_id: str
    name: str
    country: str | None = None
    entity_type: str | None = None


def essential_tokens(form: NormalName, threshold: float) -> list[str]:
    """The tokens the screener generates candidates from for ``form`` at ``threshold``."""
    weights = sorted((token_weight(t), t) for t in form.tokens)
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
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._keys: dict[str, set[str]] = defaultdict(set)
        self._joined: dict[str, list[int]] = defaultdict(list)
        self._similar: dict[str, list[tuple[str, float]]] = {}
        for pid, party in enumerate(self.parties):
            for form in name_variants(party.name):
                fid = len(self.forms)
                self.forms.append(form)
                self.form_party.append(pid)
                for token in set(essential_tokens(form, min_threshold)):
                    if token not in self._postings:
                        for key in _token_keys(token):
                            self._keys[key].add(token)
                        self._keys["i:" + token[0]].add(token)
                    self._postings[token].append(fid)
                if len(form.tokens) > 1:
                    self._joined["".join(form.tokens)].append(fid)
        self._postings = dict(self._postings)
        self._keys = dict(self._keys)
        self._joined = dict(self._joined)

    def _similar_tokens(self, token: str) -> list[tuple[str, float]]:
        cached = self._similar.get(token)
        if cached is None:
            found: set[str] = set()
            for key in _token_keys(token):
                found.update(self._keys.get(key, ()))
            if token[0] in self._postings:
                found.add(token[0])  # a party's initial meets every list token starting with it
            cached = [(t, s) for t in found if (s := token_similarity(t, token)) > 0.0]
            self._similar[token] = cached
        return cached

    def candidates(self, entry_form: NormalName) -> set[int]:
        """Form ids of party names that can reach ``min_threshold`` against ``entry_form``."""
        found: set[int] = set()
        for token in set(entry_form.tokens):
            for similar, _ in self._similar_tokens(token):
                found.update(self._postings[similar])
            found.update(self._joined.get(token, ()))
        joined = "".join(entry_form.tokens)
        found.update(self._joined.get(joined, ()))
        found.update(self._postings.get(joined, ()))
        return found

    def match_names(
        self, names: Sequence[str], threshold: float
    ) -> dict[int, tuple[float, NormalName, NormalName, NameScore]]:
        """Best (score, party form, list form, detail) per party index, >= ``threshold``."""
        if threshold < self.min_threshold:
            raise ValueError(f"index built for thresholds >= {self.min_threshold}")
        best: dict[int, tuple[float, NormalName, NormalName, NameScore]] = {}
        for name in names:
            for entry_form in name_variants(name):
                for fid in self.candidates(entry_form):
                    form = self.forms[fid]
                    result = score_names(form, entry_form)
                    if result.score < threshold:
                        continue
                    pid = self.form_party[fid]
                    current = best.get(pid)
                    if current is None or result.score > current[0]:
                        best[pid] = (result.score, form, entry_form, result)
        return best
