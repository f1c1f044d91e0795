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

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np

from clearance.match.matcher import DEFAULT, Matcher
from clearance.match.name_v1 import NameScore
from clearance.match.normalize import NormalName
from clearance.match.weights import token_weight
from clearance.model import ListEntry

# Above this many names reached by the essential tokens, the vectorised bound is cheaper.
SPARSE_MAX = 150
# the list-side kind of an entry's names; "org" is new with name-v2 (v1 reads only the others)
KINDS = {"person": "person", "vessel": "object", "aircraft": "object", "company": "org"}


class NameIndex:
    """Names of list entries, searchable by a normalised query name."""

    def __init__(self, entries: Sequence[ListEntry], matcher: Matcher = DEFAULT) -> None:
        self.matcher = matcher
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
        self._postings_cache: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray] | None] = {}
        self._offers: dict[tuple[str, float], tuple[float, dict[int, tuple[float, float]]]] = {}
        self._offers_size = 0
        for entry_id, entry in enumerate(self.entries):
            kind = KINDS.get(entry.entity_type, "")
            for raw in entry.names:
                for variant in matcher.variants(raw):
                    self._add(entry_id, replace(variant, kind=kind) if kind else variant)
        self._keys = dict(self._keys)
        self._joined = dict(self._joined)
        self._postings_np = [np.asarray(p, dtype=np.int32) for p in self._postings]
        self._weights_np = np.asarray(self._weights, dtype=np.float64)
        self._lengths = np.asarray([len(p) for p in self._postings], dtype=np.int64)
        self._name_weight = np.asarray([sum(n.weights) for n in self.names], dtype=np.float64)
        self._name_weight_list: list[float] = self._name_weight.tolist()

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
                for key in self.matcher.vocab_keys(token):
                    self._keys[key].append(tid)
            self._postings[tid].append(name_id)
        self._joined["".join(name.tokens)].append(name_id)
        if len(name.tokens) > 1:
            self._joined[" ".join(sorted(name.tokens))].append(name_id)  # same words, any order

    def similar_tokens(self, token: str) -> list[tuple[int, float]]:
        """Vocabulary tokens with a non-zero similarity to ``token``, as (token id, sim)."""
        cached = self._similar_cache.get(token)
        if cached is not None:
            return cached
        tids: set[int] = set()
        for key in self.matcher.query_keys(token):
            tids.update(self._keys.get(key, ()))
        for head in self.matcher.query_heads(token):
            tid = self._vocab.get(head)
            if tid is not None:
                tids.add(tid)
        similarity = self.matcher.similarity
        found = [(tid, similarity(token, self._tokens[tid])) for tid in tids]
        result = [(tid, s) for tid, s in found if s > 0.0]
        if len(self._similar_cache) > 200_000:
            self._similar_cache.clear()
        self._similar_cache[token] = result
        return result

    def _token_postings(self, token: str) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """For one query token: the name ids reached, their list token's weight and sim."""
        cached = self._postings_cache.get(token)
        if cached is not None or token in self._postings_cache:
            return cached
        similar = self.similar_tokens(token)
        result = None
        if similar:
            tids = [t for t, _ in similar]
            lengths = self._lengths[tids]
            ids = np.concatenate([self._postings_np[t] for t in tids])
            heavy = np.repeat(self._weights_np[tids], lengths)
            sims = np.repeat(np.asarray([s for _, s in similar], dtype=np.float64), lengths)
            result = (ids, heavy, sims)
        if len(self._postings_cache) > 100_000:
            self._postings_cache.clear()
        self._postings_cache[token] = result
        return result

    def candidates(self, query: NormalName, threshold: float) -> list[int]:
        """Name ids whose score against ``query`` can reach ``threshold``.

        For every name sharing a similar token with the query, an upper bound of its score
        is computed from the best weight x similarity each query token could get from it,
        the query weight it cannot match, and the weight of its own tokens left over —
        vectorised over the postings with numpy. Names whose bound is below the threshold
        are never scored. Names whose joined spelling equals the query's, or whose words
        are the query's in another order, are always kept (their score is not bounded by
        the specificity of a query of common words alone).
        """
        total = sum(query.weights)
        initial_similarity = self.matcher.initial_similarity
        optimistic = 0.0
        initials = False
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]] = []
        for position, (weight, token) in enumerate(zip(query.weights, query.tokens, strict=True)):
            if len(token) == 1:
                # An initial meets hundreds of tokens: assume it matches every name touched
                # by the other tokens rather than enumerating them (the bound stays valid).
                optimistic += weight * initial_similarity
                initials = True
                continue
            postings = self._token_postings(token)
            if postings is None:
                continue
            ids, heavy, sims = postings
            parts.append((ids, np.minimum(weight, heavy) * sims, heavy, position))
        found: set[int] = set()
        if parts:
            sparse = self._essential(query, parts, total, optimistic, initials, threshold)
            if sparse is not None:
                found.update(sparse)
            else:
                found.update(
                    self._bounded(parts, query.weights, total, optimistic, initials, threshold)
                )
        joined = "".join(query.tokens)
        found.update(self._joined.get(joined, ()))
        if len(query.tokens) > 1:
            found.update(self._joined.get(" ".join(sorted(query.tokens)), ()))
        return sorted(found)

    def _offer(self, token: str, weight: float) -> tuple[float, dict[int, tuple[float, float]]]:
        """For one query token of ``weight``: per name id reached, the best weight x sim
        and the heaviest similar list token (as in :meth:`_bounded`), and the best overall.
        """
        key = (token, weight)
        cached = self._offers.get(key)
        if cached is not None:
            return cached
        offers: dict[int, tuple[float, float]] = {}
        postings = self._token_postings(token)
        if postings is not None:
            ids, heavy, sims = postings
            best = np.minimum(weight, heavy) * sims
            for name_id, b, h in zip(ids.tolist(), best.tolist(), heavy.tolist(), strict=True):
                old = offers.get(name_id)
                if old is None:
                    offers[name_id] = (b, h)
                elif b > old[0] or h > old[1]:
                    offers[name_id] = (max(b, old[0]), max(h, old[1]))
        result = (max((b for b, _ in offers.values()), default=0.0), offers)
        if self._offers_size > 2_000_000:
            self._offers.clear()
            self._offers_size = 0
        self._offers[key] = result
        self._offers_size += len(offers) + 1
        return result

    def _essential(
        self,
        query: NormalName,
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]],
        total: float,
        optimistic: float,
        initials: bool,
        threshold: float,
    ) -> list[int] | None:
        """The same bound as :meth:`_bounded`, computed only for the names reached by the
        query's *essential* tokens; ``None`` when no token is essential.

        A name's bound grows with the weight x similarity offered to each query token and
        with every query token it meets (an offer never exceeds the token's weight), so a
        name not reached by token ``i`` scores at most the bound with every other token at
        its best offer and token ``i`` missing. When that is below the threshold, token
        ``i`` is essential: every candidate is among the names it reaches.
        """
        lam, specific = self.matcher.lam, self.matcher.specific_weight
        initial_similarity = self.matcher.initial_similarity
        offers = [self._offer(query.tokens[p[3]], query.weights[p[3]]) for p in parts]
        weights = [query.weights[p[3]] for p in parts]
        best_all = sum(o[0] for o in offers) + optimistic
        reached_all = sum(weights) + optimistic / initial_similarity
        essential = []
        for k, (top, _) in enumerate(offers):
            offered = best_all - top
            missing = total - (reached_all - weights[k])
            if offered <= 0.0:
                essential.append(k)
                continue
            bound = offered / (offered + missing) * min(1.0, math.sqrt(offered / specific))
            if bound < threshold - 1e-9:
                essential.append(k)
        if not essential:
            return None
        essential.sort(key=lambda k: len(offers[k][1]))
        pool: Iterable[int] = offers[essential[0]][1].keys()
        for k in essential[1:]:
            pool = offers[k][1].keys() & pool
        if len(pool) > SPARSE_MAX:  # type: ignore[arg-type]
            return None  # numpy is cheaper on many names
        floor = threshold - 1e-9
        name_weight = self._name_weight_list
        out = []
        for name_id in pool:
            offered = optimistic
            matched = optimistic / initial_similarity
            covered = 0.0
            for k, (_, table) in enumerate(offers):
                got = table.get(name_id)
                if got is not None:
                    offered += got[0]
                    matched += weights[k]
                    covered += got[1]
            missing = total - matched
            extra = 0.0 if initials else max(0.0, name_weight[name_id] - covered)
            denominator = offered + missing
            bound = offered / (denominator + lam * min(extra, denominator))
            bound *= min(1.0, math.sqrt(offered / specific))
            if bound >= floor:
                out.append(name_id)
        return out

    def _bounded(
        self,
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]],
        weights: tuple[float, ...],
        total: float,
        optimistic: float,
        initials: bool,
        threshold: float,
    ) -> list[int]:
        """Upper bound of every touched name's score; keep those reaching the threshold.

        Per (name, query token) the best weight x similarity and the heaviest list token on
        offer; per name their sums, the query weight left unmatched and the list weight left
        over. Sorting the postings (a few hundred) is cheaper than dense arrays.
        """
        lam, specific = self.matcher.lam, self.matcher.specific_weight
        width = len(weights)
        ids = np.concatenate([p[0] for p in parts])
        keys = ids * width + np.concatenate([np.full(len(p[0]), p[3]) for p in parts])
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        best = np.maximum.reduceat(np.concatenate([p[1] for p in parts])[order], starts)
        heavy = np.maximum.reduceat(np.concatenate([p[2] for p in parts])[order], starts)
        uniq = keys[starts]
        names, positions = uniq // width, uniq % width
        qweight = np.asarray(weights, dtype=np.float64)[positions]
        first = np.flatnonzero(np.r_[True, names[1:] != names[:-1]])
        name_ids = names[first]
        offered = np.add.reduceat(best, first) + optimistic
        matched = np.add.reduceat(qweight, first) + optimistic / self.matcher.initial_similarity
        covered = np.add.reduceat(heavy, first)
        missing = total - matched
        extra = np.maximum(0.0, self._name_weight[name_ids] - covered)
        if initials:
            extra[:] = 0.0
        denominator = offered + missing
        bound = offered / (denominator + lam * np.minimum(extra, denominator))
        bound *= np.minimum(1.0, np.sqrt(offered / specific))
        return name_ids[bound >= threshold - 1e-9].tolist()  # type: ignore[no-any-return]

    def search(
        self, queries: Iterable[NormalName], threshold: float
    ) -> dict[int, tuple[float, int, NormalName, NameScore]]:
        """Best (score, name id, query form, detail) per entry id, at or above ``threshold``."""
        best: dict[int, tuple[float, int, NormalName]] = {}
        quick_score, score_names = self.matcher.quick_score, self.matcher.score_names
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
        quick_score = self.matcher.quick_score
        for query in queries:
            for name_id, name in enumerate(self.names):
                score = quick_score(query, name)
                entry_id = self.name_entry[name_id]
                if score >= threshold and score > best.get(entry_id, -1.0):
                    best[entry_id] = score
        return best
