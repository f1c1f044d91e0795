"""In-memory candidate index over every name and alias of the loaded list entries.

Retrieval keys per vocabulary token: the token itself, its one-deletion neighbourhood
(typos, transpositions), its phonetic skeleton (vowel drop, transliteration variants) and
its first five letters (truncation); plus every name's joined spelling. Names are then
pruned MaxScore-style: a name can only reach the threshold if it shares a similar token
with the query's *essential* tokens (those whose weight the threshold cannot do without),
so the pruning is exact with respect to the scorer's upper bound. Tests compare it to an
exhaustive comparison over whole lists.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from clearance.match.name_v1 import NameScore, quick_score, score_names
from clearance.match.normalize import NormalName, name_variants
from clearance.match.tokens import PREFIX_MIN, deletes, skeleton, token_similarity
from clearance.match.weights import token_weight
from clearance.model import ListEntry

PRUNE_ABOVE = 8


class NameIndex:
    """Names of list entries, searchable by a normalised query name."""

    def __init__(self, entries: Sequence[ListEntry]) -> None:
        self.entries = list(entries)
        self.names: list[NormalName] = []
        self.name_entry: list[int] = []
        self._vocab: dict[str, int] = {}
        self._tokens: list[str] = []
        self._weights: list[float] = []
        self._postings: list[list[int]] = []
        self._keys: dict[str, list[int]] = defaultdict(list)
        self._joined: dict[str, list[int]] = defaultdict(list)
        self._similar_cache: dict[str, list[tuple[int, float]]] = {}
        for entry_id, entry in enumerate(self.entries):
            for raw in entry.names:
                for variant in name_variants(raw):
                    self._add(entry_id, variant)
        self._keys = dict(self._keys)
        self._joined = dict(self._joined)

    def _add(self, entry_id: int, name: NormalName) -> None:
        name_id = len(self.names)
        self.names.append(name)
        self.name_entry.append(entry_id)
        for token in set(name.tokens):
            tid = self._vocab.get(token)
            if tid is None:
                tid = self._vocab[token] = len(self._tokens)
                self._tokens.append(token)
                self._weights.append(token_weight(token))
                self._postings.append([])
                for key in _token_keys(token):
                    self._keys[key].append(tid)
                self._keys["i:" + token[0]].append(tid)
            self._postings[tid].append(name_id)
        if len(name.tokens) > 1:
            self._joined["".join(name.tokens)].append(name_id)

    def similar_tokens(self, token: str) -> list[tuple[int, float]]:
        """Vocabulary tokens with a non-zero similarity to ``token``, as (token id, sim)."""
        cached = self._similar_cache.get(token)
        if cached is not None:
            return cached
        tids: set[int] = set()
        for key in _token_keys(token):
            tids.update(self._keys.get(key, ()))
        found = [(tid, token_similarity(token, self._tokens[tid])) for tid in tids]
        result = [(tid, s) for tid, s in found if s > 0.0]
        if len(self._similar_cache) > 200_000:
            self._similar_cache.clear()
        self._similar_cache[token] = result
        return result

    def candidates(self, query: NormalName, threshold: float) -> set[int]:
        """Name ids that can reach ``threshold`` against ``query``.

        MaxScore: only the query's essential tokens (those the threshold cannot do without)
        generate candidates. Each candidate's upper bound — what it could score if every
        token it shares with the query were a perfect match — must reach the threshold.
        """
        weights = sorted(zip(query.weights, query.tokens, strict=True))
        need = threshold * sum(query.weights) - 1e-9
        found: set[int] = set()
        cumulative = 0.0
        for weight, token in weights:
            cumulative += weight
            if cumulative < need:
                continue  # these tokens alone cannot lift a name to the threshold
            for tid, _ in self.similar_tokens(token):
                found.update(self._postings[tid])
        if len(found) > PRUNE_ABOVE:
            found = self._bounded(found, weights, threshold)
        joined = "".join(query.tokens)
        found.update(self._joined.get(joined, ()))
        joined_tid = self._vocab.get(joined)
        if joined_tid is not None:
            found.update(self._postings[joined_tid])
        return found

    def _bounded(
        self, found: set[int], weights: list[tuple[float, str]], threshold: float
    ) -> set[int]:
        """Keep names whose bound sum(b) / (sum(b) + unmatched query weight) reaches it."""
        offered = dict.fromkeys(found, 0.0)
        missing = dict.fromkeys(found, sum(w for w, _ in weights))
        for weight, token in weights:
            best: dict[int, float] = {}
            for tid, sim in self.similar_tokens(token):
                value = min(weight, self._weights[tid]) * sim
                for name_id in self._postings[tid]:
                    if name_id in offered and best.get(name_id, 0.0) < value:
                        best[name_id] = value
            for name_id, value in best.items():
                offered[name_id] += value
                missing[name_id] -= weight
        return {n for n, b in offered.items() if b and b >= threshold * (b + missing[n]) - 1e-9}

    def search(
        self, queries: Iterable[NormalName], threshold: float
    ) -> dict[int, tuple[float, int, NormalName, NameScore]]:
        """Best (score, name id, query form, detail) per entry id, at or above ``threshold``."""
        best: dict[int, tuple[float, int, NormalName]] = {}
        for query in queries:
            for name_id in self.candidates(query, threshold):
                score = quick_score(query, self.names[name_id])
                if score < threshold:
                    continue
                entry_id = self.name_entry[name_id]
                current = best.get(entry_id)
                if current is None or score > current[0]:
                    best[entry_id] = (score, name_id, query)
        return {
            entry_id: (score, name_id, query, score_names(query, self.names[name_id]))
            for entry_id, (score, name_id, query) in best.items()
        }

    def exhaustive(self, queries: Iterable[NormalName], threshold: float) -> dict[int, float]:
        """Brute force over every indexed name: the oracle the pruning is tested against."""
        best: dict[int, float] = {}
        for query in queries:
            for name_id, name in enumerate(self.names):
                score = quick_score(query, name)
                entry_id = self.name_entry[name_id]
                if score >= threshold and score > best.get(entry_id, -1.0):
                    best[entry_id] = score
        return best


def _token_keys(token: str) -> set[str]:
    keys = {"d:" + k for k in deletes(token)}
    if len(token) >= 2:
        keys.add("s:" + skeleton(token))
    if len(token) >= PREFIX_MIN:
        keys.add("p:" + token[:PREFIX_MIN])
    if len(token) == 1:
        keys.add("i:" + token)  # an initial meets every token starting with it
    return keys
