"""In-memory candidate index over every name and alias of the loaded list entries.

Retrieval keys per vocabulary token: the token itself, its one-deletion neighbourhood
(typos, transpositions), its phonetic skeleton (vowel drop, transliteration variants) and
its first five letters (truncation); plus every name's joined spelling. Names are then
pruned MaxScore-style: a name can only reach the threshold if it shares a similar token
with the query's *essential* tokens (those whose weight the threshold cannot do without),
so the pruning is exact with respect to the scorer's upper bound (two bounds, the lower
counting: see :meth:`NameIndex.candidates`). Tests compare it to an exhaustive comparison
over whole lists.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
from cachetools import LRUCache
from mypy_extensions import mypyc_attr

from clearance.match.bounds import (
    NO_IDS,
    NO_VALUES,
    Offer,
    found_in,
    meeting_all,
    run_starts,
    tight_bounds,
)
from clearance.match.compound import (
    bare_run,
    compound_keys,
    compound_similarity,
    query_key,
    query_runs,
    runs,
)
from clearance.match.matcher import DEFAULT, Matcher
from clearance.match.name_v1 import NameScore
from clearance.match.normalize import NormalName, vowels_guessed
from clearance.match.pool_bounds import Bounding, Initials, pool_bounds
from clearance.match.weights import token_weight
from clearance.model import ListEntry

# Above this many names reached by the essential tokens, the vectorised bound is cheaper.
SPARSE_MAX = 150
# At most this many query tokens are searched by sets (none essential): 2 ** n - 1 sets.
SETS_MAX = 6

# What the caches of one index hold at most: query tokens' similar vocabulary tokens and
# postings, and (in name ids reached) their offers; about 100 MB in all when full.
SIMILAR_CACHED = 200_000
POSTINGS_CACHED = 100_000
OFFERS_CACHED = 2_000_000

Postings = tuple[np.ndarray, np.ndarray, np.ndarray]  # name ids, list token weight, sim

# (kappa, end positions) of the inserted-names rule for a query: a name it lightens meets
# one of the ends (any name, with none); None where the rule cannot apply
Inserts = tuple[float, tuple[int, ...]] | None
UNBOUNDED = 2.0  # the bound of a candidate kept whatever its bound: above any score
UNBOUNDED_WEIGHT = 1e9  # the list weight offered by a run of words not looked at: any


# the list-side kind of an entry's names; "org" is new with name-v2 (v1 reads only the others)
KINDS = {"person": "person", "vessel": "object", "aircraft": "object", "company": "org"}


def _offer_size(offer: Offer) -> int:
    return len(offer.ids) + 1


def _merged_postings(
    found: list[Postings | None],
) -> Postings | None:
    """Postings (name ids, list weight, sim) from several sources as one (a name reached
    twice is reduced to its best wherever it is used)."""
    kept = [p for p in found if p is not None and len(p[0])]
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0]
    return (
        np.concatenate([p[0] for p in kept]),
        np.concatenate([p[1] for p in kept]),
        np.concatenate([p[2] for p in kept]),
    )


def _offered(
    out: dict[int, tuple[list[str], list[Postings]]], position: int, why: str, postings: Postings
) -> None:
    """File ``postings`` (and ``why``: a run joined, or ``=``) under a query ``position``."""
    whys, found = out.setdefault(position, ([], []))
    whys.append(why)
    found.append(postings)


def _lookup(token: str, guessed: bool) -> str:
    """The cache key of a query token: its similar tokens differ when its vowels were
    guessed (a NUL mark: no token holds one)."""
    return "\0" + token if guessed else token


@mypyc_attr(native_class=False)  # pickled (Spark broadcasts it): see scripts/compile.py
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
        # names by the compound keys of their runs of words joined (compound.runs)
        self._runs: dict[str, list[int]] = defaultdict(list)
        # per query token, least recently used out first: a cache emptied at once stalls
        # the query that fills it (tens of ms to free, then every word cold again)
        self._similar_cache: LRUCache[str, list[tuple[int, float]]] = LRUCache(SIMILAR_CACHED)
        self._postings_cache: LRUCache[str, Postings | None] = LRUCache(POSTINGS_CACHED)
        self._offers: LRUCache[tuple[str, float], Offer] = LRUCache(OFFERS_CACHED, _offer_size)
        self._by_first: dict[str, list[int]] = defaultdict(list)  # token ids by first letter
        self._letters: dict[str, Initials] = {}
        for entry_id, entry in enumerate(self.entries):
            kind = KINDS.get(entry.entity_type, "")
            for raw in entry.names:
                for variant in matcher.variants(raw):
                    self._add(entry_id, replace(variant, kind=kind) if kind else variant)
        self._keys = dict(self._keys)
        self._joined = dict(self._joined)
        self._runs = dict(self._runs)
        self._by_first = dict(self._by_first)
        self._postings_np = [np.asarray(p, dtype=np.int32) for p in self._postings]
        self._weights_np = np.asarray(self._weights, dtype=np.float64)
        self._lengths = np.asarray([len(p) for p in self._postings], dtype=np.int64)
        self._name_weight = np.asarray([sum(n.weights) for n in self.names], dtype=np.float64)
        self._name_weight_list: list[float] = self._name_weight.tolist()
        # names a fuller query may match with words inserted (name-v2's inserted names)
        self._fuller = np.asarray([matcher.insert_target(n) for n in self.names], dtype=bool)
        for letter in self._by_first:  # what query initials meet: here, not in a query
            self._initial_names(letter)

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
                self._by_first[token[0]].append(tid)
                for key in self.matcher.vocab_keys(token):
                    self._keys[key].append(tid)
            self._postings[tid].append(name_id)
        self._joined["".join(name.tokens)].append(name_id)
        if self.matcher.compounds:
            found = set()
            for start, length, joined in runs(name.tokens):
                found |= compound_keys(joined, bare_run(name.tokens, start, length))
            for key in found:
                self._runs[key].append(name_id)
        if len(name.tokens) > 1:
            self._joined[" ".join(sorted(name.tokens))].append(name_id)  # same words, any order

    def similar_tokens(self, token: str, guessed: bool = False) -> list[tuple[int, float]]:
        """Vocabulary tokens with a non-zero similarity to ``token``, as (token id, sim);
        ``guessed``: the token of a query whose vowels were guessed (:func:`vowels_guessed`),
        compared by the matcher's ``abjad_similarity``."""
        look = _lookup(token, guessed)
        cached = self._similar_cache.get(look)
        if cached is not None:
            return cached
        tids: set[int] = set()
        for key in self.matcher.query_keys(token):
            tids.update(self._keys.get(key, ()))
        for head in self.matcher.query_heads(token):
            tid = self._vocab.get(head)
            if tid is not None:
                tids.add(tid)
        similarity = self.matcher.abjad_similarity if guessed else self.matcher.similarity
        found = [(tid, similarity(token, self._tokens[tid])) for tid in tids]
        if guessed:  # words only the abjad keys reach: the consonant rule alone decides
            consonants = self.matcher.consonant_similarity
            reached: set[int] = set()
            for key in self.matcher.abjad_keys(token):
                reached.update(self._keys.get(key, ()))
            found += [(tid, consonants(token, self._tokens[tid])) for tid in reached - tids]
        result = [(tid, s) for tid, s in found if s > 0.0]
        self._similar_cache[look] = result
        return result

    def _token_postings(self, token: str, guessed: bool) -> Postings | None:
        """For one query token: the name ids reached, their list token's weight and sim."""
        look = _lookup(token, guessed)
        cached = self._postings_cache.get(look)
        if cached is not None or look in self._postings_cache:
            return cached
        result = self._postings_of(self.similar_tokens(token, guessed))
        self._postings_cache[look] = result
        return result

    def _postings_of(self, similar: list[tuple[int, float]]) -> Postings | None:
        """The names holding the vocabulary tokens ``similar`` (token id, sim): name ids,
        their list token's weight and sim."""
        if not similar:
            return None
        tids = [t for t, _ in similar]
        lengths = self._lengths[tids]
        ids = np.concatenate([self._postings_np[t] for t in tids])
        heavy = np.repeat(self._weights_np[tids], lengths)
        sims = np.repeat(np.asarray([s for _, s in similar], dtype=np.float64), lengths)
        return ids, heavy, sims

    def candidates(self, query: NormalName, threshold: float) -> list[int]:
        """Name ids whose score against ``query`` can reach ``threshold``.

        For every name sharing a similar token with the query, an upper bound of its score
        is computed from the best weight x similarity each query token could get from it,
        the query weight it cannot match, and the weight of its own tokens left over —
        vectorised over the postings with numpy. Names whose bound is below the threshold
        are never scored. Names whose joined spelling equals the query's, or whose words
        are the query's in another order, are always kept (their score is not bounded by
        the specificity of a query of common words alone).

        Names within that bound then meet a tighter one (:func:`.bounds.tight_bound`): the query's
        initials counted as the name answers them (not at all without a word of that
        letter; fully for the same initial, else at ``initial_similarity``), each taking
        at most its letter's heaviest word off the name's weight left over, and the
        coverage at most the best similarity on offer in the name.

        A query's initials are assumed met by every name its other words reach; where they
        could lift a name to the threshold on their own, they are searched as words instead
        (:meth:`_initials_alone`).
        """
        return [name_id for name_id, _ in self._candidates(query, threshold)]

    def _candidates(self, query: NormalName, threshold: float) -> list[tuple[int, float]]:
        """:meth:`candidates` with an upper bound of each one's score (``bounds.tight_bound``;
        ``UNBOUNDED`` for a name kept for its joined spelling or word order)."""
        total = sum(query.weights)
        letters = [(t, w) for t, w in zip(query.tokens, query.weights, strict=True) if len(t) == 1]
        alone = self._initials_alone(query, letters, total, threshold)
        if alone is None:  # initials alone: only a name written the same can match
            return self._written_alike(query, {})
        # An initial meets hundreds of tokens: assume it matches every name touched by the
        # other tokens rather than enumerating them (the bound stays valid), offering at
        # most its weight in full for a name with the letter as a word; unless it could
        # lift a name alone: then it is searched as a word.
        initials = [] if alone else letters
        similarity = self.matcher.initial_similarity
        optimistic = sum(w * (1.0 if t in self._vocab else similarity) for t, w in initials)
        parts: list[tuple[int, Postings]] = []
        looks: list[str] = []
        guessed = vowels_guessed(query)
        compounds = self._compounds(query) if guessed and self.matcher.compounds else {}
        for position, token in enumerate(query.tokens):
            if len(token) == 1 and not alone:
                continue
            look = _lookup(token, guessed)
            postings = self._token_postings(token, guessed)
            more = compounds.get(position)
            if more is not None:  # a run of words joined meets names this word alone may not
                look += "\1" + " ".join(more[0])
                postings = _merged_postings([postings, *more[1]])
            if postings is not None:
                parts.append((position, postings))
                looks.append(look)
        found: dict[int, float] = {}
        if parts:
            inserts = self._inserts(query, parts)
            sparse = self._essential(
                query, parts, looks, total, optimistic, initials, threshold, inserts
            )
            if sparse is None:
                sparse = self._bounded(
                    parts, query.weights, total, optimistic, initials, threshold, inserts
                )
            found.update(sparse)
        return self._written_alike(query, found)

    def _written_alike(self, query: NormalName, found: dict[int, float]) -> list[tuple[int, float]]:
        """``found`` with the names whose joined spelling equals the query's, or whose words
        are the query's in another order, kept whatever their bound; sorted by name id."""
        for key in ("".join(query.tokens), " ".join(sorted(query.tokens))):
            for name_id in self._joined.get(key, ()):
                found[name_id] = UNBOUNDED
        return sorted(found.items())

    def _initials_alone(
        self, query: NormalName, initials: list[tuple[str, float]], total: float, threshold: float
    ) -> bool | None:
        """Whether the query's initials could lift a name to ``threshold`` on their own (a
        name meeting none of its other words): they are then searched as words, not
        assumed met by the names the other words reach. ``None`` for a query of initials
        alone under a matcher that scores such a name only against one written the same.
        """
        if not initials:
            return False
        if len(initials) == len(query.tokens) and not self.matcher.bare_initials:
            return None
        offered = sum(w for _, w in initials)  # every initial met in full, at most
        # the other words unmatched: at kappa of their weight if the inserted-names rule
        # may apply, which needs an end word met (words inserted between both ends, or
        # added at one end): so the ends must be initials here
        kappa = self.matcher.insert_weight(query.original, query.tokens, query.legal)
        if len(query.tokens[0]) > 1 or len(query.tokens[-1]) > 1:
            kappa = 1.0
        bound = offered / (offered + kappa * (total - offered))
        bound *= min(1.0, math.sqrt(offered / self.matcher.specific_weight))
        return bound >= threshold - 1e-9

    def _inserts(self, query: NormalName, parts: list[tuple[int, Postings]]) -> Inserts:
        """How a name meeting an end of the query may have its score's coverage loosened
        (:mod:`clearance.match.inserted`): the fraction of the query's unmatched weight it
        keeps, and the positions of the ends a name must meet one of; ``None`` when no
        name can be so loosened. Words are inserted between both ends, or added at one end
        of a query whose ends are both words: either will then do. An initial at an end
        allows only inserted words, and is met by assumption: the other end must be met
        (none, with initials at both ends)."""
        kappa = self.matcher.insert_weight(query.original, query.tokens, query.legal)
        if kappa >= 1.0:
            return None
        searched = {p for p, _ in parts}
        ends = [p for p in sorted({0, len(query.tokens) - 1}) if len(query.tokens[p]) > 1]
        if len(ends) < 2:  # an initial at an end: words inserted, the other end met
            return (kappa, tuple(ends)) if all(p in searched for p in ends) else None
        ends = [p for p in ends if p in searched]
        return (kappa, tuple(ends)) if ends else None  # words added: either end will do

    def _initial_names(self, letter: str) -> Initials:
        """Which names have a word beginning with ``letter`` (what a query initial can
        meet), which have ``letter`` itself as a word, and their heaviest such word."""
        cached = self._letters.get(letter)
        if cached is None:
            begins = np.zeros(len(self.names), dtype=bool)
            heaviest = np.zeros(len(self.names), dtype=np.float64)
            for tid in self._by_first.get(letter, ()):
                ids = self._postings_np[tid]
                begins[ids] = True
                np.maximum.at(heaviest, ids, self._weights[tid])
            same = np.zeros(len(self.names), dtype=bool)
            itself = self._vocab.get(letter)
            if itself is not None:
                same[self._postings_np[itself]] = True
            cached = self._letters[letter] = Initials(
                begins, same, heaviest, begins.tobytes(), same.tobytes()
            )
        return cached

    def _compounds(self, query: NormalName) -> dict[int, tuple[list[str], list[Postings]]]:
        """Per query position, what the matcher's compounds (:mod:`.compound`) may offer it
        beyond its own similar words, and the runs or words that offer it (a cache key):
        a run of query words joined offers each of its words the list words it matches
        (their weight and compound similarity), a query word offers itself whole (weight
        unbounded, similarity 1.0) to the names with a run of words it matches."""
        out: dict[int, tuple[list[str], list[Postings]]] = {}
        for start, length, joined in query_runs(query.tokens):
            postings = self._run_postings(joined)
            if postings is not None:
                for position in range(start, start + length):
                    _offered(out, position, joined, postings)
        for position, token in enumerate(query.tokens):
            ids = self._runs.get(query_key(token))
            if ids is not None and len(token) > 1:
                every = np.asarray(ids, dtype=np.int32)
                whole = (every, np.full(len(ids), UNBOUNDED_WEIGHT), np.ones(len(ids)))
                _offered(out, position, "=", whole)
        return out

    def _run_postings(self, joined: str) -> Postings | None:
        """The names with a word a run of query words ``joined`` matches as a compound."""
        look = "\2" + joined
        if look in self._postings_cache:
            return self._postings_cache[look]
        similar = [
            (tid, sim)
            for tid in self._keys.get(query_key(joined), ())
            if (sim := compound_similarity(joined, self._tokens[tid])) > 0.0
        ]
        result = self._postings_of(similar)
        self._postings_cache[look] = result
        return result

    def _offer(self, look: str, postings: Postings, weight: float) -> Offer:
        """For one query token of ``weight`` (``look``: its cache key; ``postings``: what it
        reaches): the best weight x sim overall and, per name id reached (ascending), the
        best weight x sim, the heaviest similar list token, the best sim and ``weight``
        capped by that heaviest token (as in :meth:`_bounded`).
        """
        key = (look, weight)
        cached = self._offers.get(key)
        if cached is not None:
            return cached
        result = Offer(0.0, NO_IDS, NO_VALUES, NO_VALUES, NO_VALUES, NO_VALUES)
        if len(postings[0]):
            ids, heavy, sims = postings
            best = np.minimum(weight, heavy) * sims
            # a name reached through several similar tokens: the best of each
            order = np.argsort(ids, kind="stable")
            ids = ids[order]
            starts = run_starts(ids)
            best = np.maximum.reduceat(best[order], starts)
            heavy = np.maximum.reduceat(heavy[order], starts)
            sims = np.maximum.reduceat(sims[order], starts)
            capped = np.minimum(weight, heavy)
            result = Offer(float(best.max()), ids[starts], best, heavy, sims, capped)
        self._offers[key] = result
        return result

    def _essential(
        self,
        query: NormalName,
        parts: list[tuple[int, Postings]],
        looks: list[str],
        total: float,
        optimistic: float,
        initials: list[tuple[str, float]],
        threshold: float,
        inserts: Inserts,
    ) -> list[tuple[int, float]] | None:
        """The same bounds as :meth:`_bounded`, computed only for the names reached by the
        query's *essential* tokens; ``None`` when they reach too many names (the dense
        bound is then cheaper), or when no token is essential and the inserted-names rule
        cannot apply (else the names meeting a least set of tokens:
        :meth:`_meeting_viable_sets`).

        A name's bound grows with the weight x similarity offered to each query token and
        with every query token it meets (an offer never exceeds the token's weight), so a
        name not reached by token ``i`` scores at most the bound with every other token at
        its best offer and token ``i`` missing (counted at ``kappa`` unless ``i`` is the
        only end a name the inserted-names rule lightens could meet). When that is below
        the threshold, token ``i`` is essential: every candidate is among the names it
        reaches.
        """
        specific = self.matcher.specific_weight
        offers = []
        weights = []
        best_all = reached_all = 0.0
        for (p, postings), look in zip(parts, looks, strict=True):
            weight = query.weights[p]
            offer = self._offer(look, postings, weight)
            offers.append(offer)
            weights.append(weight)
            best_all += offer.top
            reached_all += weight
        best_all += optimistic
        initial_weight = sum(w for _, w in initials)
        reached_all += initial_weight
        kappa, ends = inserts if inserts is not None else (1.0, ())
        floor = threshold - 1e-9
        essential = []
        guarded = []  # essential unless the name meets an end (inserted names)
        for k, offer in enumerate(offers):
            others = best_all - offer.top
            lacking = total - (reached_all - weights[k])
            if others <= 0.0:
                essential.append(k)
                continue
            spec = min(1.0, math.sqrt(others / specific))
            if others / (others + lacking) * spec >= floor:
                continue
            if ends == (parts[k][0],) or others / (others + kappa * lacking) * spec < floor:
                essential.append(k)
            else:
                guarded.append(k)
        if essential:
            pool = meeting_all(offers, essential)
        else:  # none is essential: a candidate meets a viable set of tokens
            if inserts is None or len(parts) > SETS_MAX:
                return None  # (the sets pay where the inserted-names rule loosens the bound)
            viable = self._meeting_viable_sets(
                offers, parts, query.weights, total, optimistic, initial_weight, floor, inserts
            )
            if viable is None:
                return None
            pool = viable
        lightened: np.ndarray | None = None  # which names of pool the rule may lighten
        if guarded and len(pool):  # a name missing a guarded token needs an end met
            lightened = self._lightened(pool, offers, parts, ends)
            every = np.ones(len(pool), dtype=bool)
            for k in guarded:
                every &= found_in(offers[k].ids, pool)[0]
            kept = lightened | every
            pool, lightened = pool[kept], lightened[kept]
        if not len(pool):
            return []
        if len(pool) > SPARSE_MAX:
            return None  # the dense computation is cheaper on many names
        if lightened is None:
            lightened = (
                self._lightened(pool, offers, parts, ends)
                if inserts is not None
                else np.zeros(len(pool), dtype=bool)
            )
        how = Bounding(
            total=total,
            optimistic=optimistic,
            initial_weight=initial_weight,
            letters=[(self._initial_names(t), w) for t, w in initials],
            name_weight=self._name_weight,
            name_weight_list=self._name_weight_list,
            lam=self.matcher.lam,
            specific=self.matcher.specific_weight,
            initial_similarity=self.matcher.initial_similarity,
            floor=floor,
            kappa=kappa,
        )
        return pool_bounds(pool, offers, weights, lightened, how)

    def _lightened(
        self,
        pool: np.ndarray,
        offers: list[Offer],
        parts: list[tuple[int, Postings]],
        ends: tuple[int, ...],
    ) -> np.ndarray:
        """Which names of ``pool`` the inserted-names rule may lighten: a target name
        (``_fuller``) meeting one of the query's ``ends`` (any, when there are none)."""
        lightened: np.ndarray = self._fuller[pool]
        if ends:
            at_end = np.zeros(len(pool), dtype=bool)
            for k, (p, _) in enumerate(parts):
                if p in ends:
                    at_end |= found_in(offers[k].ids, pool)[0]
            lightened &= at_end
        return lightened

    def _meeting_viable_sets(
        self,
        offers: list[Offer],
        parts: list[tuple[int, Postings]],
        weights: tuple[float, ...],
        total: float,
        optimistic: float,
        initial_weight: float,
        floor: float,
        inserts: tuple[float, tuple[int, ...]],
    ) -> np.ndarray | None:
        """The names meeting every token of a least set of the query's tokens whose best
        offers could lift a name to ``floor`` (every initial met): every candidate meets
        such a set. A set that can do so only with the weight missing at ``kappa`` (the
        inserted-names rule, an end it needs among the set) is met by names the rule may
        lighten (``_fuller``) alone. ``None`` when they are many (the dense bound is then
        cheaper). For a query none of whose words is essential, as one whose words may be
        added to a listed name at either end."""
        specific = self.matcher.specific_weight
        kappa, ends = inserts
        count = len(parts)
        tops = [offer.top for offer in offers]
        lacks = [weights[p] for p, _ in parts]
        at_end = [not ends or p in ends for p, _ in parts]
        base = total - initial_weight
        strict: list[int] = []  # least sets (bit masks) any name may meet
        loose: list[int] = []  # least sets a fuller name may meet
        found: list[np.ndarray] = []
        size = 0
        for n in range(1, count + 1):
            for chosen in itertools.combinations(range(count), n):
                mask = sum(1 << k for k in chosen)
                if any(v & mask == v for v in strict):
                    continue  # its names are found already
                offered = optimistic + sum(tops[k] for k in chosen)
                missing = base - sum(lacks[k] for k in chosen)
                spec = min(1.0, math.sqrt(offered / specific))
                if offered / (offered + missing) * spec >= floor:
                    strict.append(mask)
                    fuller = False
                elif (
                    any(at_end[k] for k in chosen)
                    and not any(v & mask == v for v in loose)
                    and offered / (offered + kappa * missing) * spec >= floor
                ):
                    loose.append(mask)
                    fuller = True
                else:
                    continue
                ids = meeting_all(offers, chosen)
                if fuller and len(ids):
                    ids = ids[self._fuller[ids]]
                if len(ids):
                    found.append(ids)
                    size += len(ids)
                    if size > 2 * SPARSE_MAX:
                        return None
        if not found:
            return NO_IDS
        pool = found[0] if len(found) == 1 else np.unique(np.concatenate(found))
        return None if len(pool) > SPARSE_MAX else pool

    def _reached_by_essential(
        self,
        parts: list[tuple[int, Postings]],
        offers: list[np.ndarray],
        weights: tuple[float, ...],
        total: float,
        optimistic: float,
        initial_weight: float,
        threshold: float,
        inserts: Inserts,
    ) -> tuple[list[tuple[int, Postings]], list[np.ndarray]]:
        """The postings (and offers) of :meth:`_bounded` cut to the names that can reach
        ``threshold``, MaxScore-style: the query tokens of the lowest best offers whose
        offers together (every initial met) cannot lift a name to the threshold are not
        enough on their own, so a candidate meets one of the other tokens. (Stopwords of
        a long name reach thousands of names, its rare words a few.) Once the tokens counted
        include an end the inserted-names rule needs, the weight missing counts ``kappa``."""
        specific = self.matcher.specific_weight
        kappa, ends = inserts if inserts is not None else (1.0, ())
        met = not ends  # an end among the tokens counted (none needed: an initial end)
        tops = [float(o.max()) for o in offers]
        order = sorted(range(len(parts)), key=tops.__getitem__)
        offered, reached = optimistic, initial_weight
        one_of: list[int] = []  # the tokens a candidate meets one of
        for cut, i in enumerate(order):
            offered += tops[i]
            reached += weights[parts[i][0]]
            met = met or parts[i][0] in ends
            missing = total - reached
            if inserts is not None and met:
                missing *= kappa
            bound = offered / (offered + missing) * min(1.0, math.sqrt(offered / specific))
            if bound >= threshold - 1e-9:
                one_of = order[cut:]
                break
        if len(one_of) == len(parts):
            return parts, offers
        if not one_of:
            return [], []
        reach = np.zeros(len(self.names), dtype=bool)
        for i in one_of:
            reach[parts[i][1][0]] = True
        kept = []
        for (k, (ids, heavy, sims)), offer in zip(parts, offers, strict=True):
            inside = reach[ids]
            kept.append(((k, (ids[inside], heavy[inside], sims[inside])), offer[inside]))
        return [p for p, _ in kept], [o for _, o in kept]

    def _bounded(
        self,
        parts: list[tuple[int, Postings]],
        weights: tuple[float, ...],
        total: float,
        optimistic: float,
        initials: list[tuple[str, float]],
        threshold: float,
        inserts: Inserts,
    ) -> list[tuple[int, float]]:
        """Upper bound of every touched name's score; keep those reaching the threshold.

        Per (name, query token) the best weight x similarity, the heaviest list token and
        the best similarity on offer; per name their sums (and best), the query weight
        left unmatched and the list weight left over; both bounds of :meth:`candidates`.
        Sorting the postings (a few hundred) is cheaper than dense arrays.
        """
        lam, specific = self.matcher.lam, self.matcher.specific_weight
        initial_similarity = self.matcher.initial_similarity
        width = len(weights)
        initial_weight = sum(w for _, w in initials)
        offers = [np.minimum(weights[k], p[1]) * p[2] for k, p in parts]
        parts, offers = self._reached_by_essential(
            parts, offers, weights, total, optimistic, initial_weight, threshold, inserts
        )
        if not parts:
            return []
        ids = np.concatenate([p[0] for _, p in parts])
        keys = ids * width + np.concatenate([np.full(len(p[0]), k) for k, p in parts])
        order = np.argsort(keys, kind="stable")
        keys = keys[order]
        starts = run_starts(keys)
        best = np.maximum.reduceat(np.concatenate(offers)[order], starts)
        heavy = np.maximum.reduceat(np.concatenate([p[1] for _, p in parts])[order], starts)
        sims = np.maximum.reduceat(np.concatenate([p[2] for _, p in parts])[order], starts)
        uniq = keys[starts]
        names, positions = uniq // width, uniq % width
        qweight = np.asarray(weights, dtype=np.float64)[positions]
        first = run_starts(names)
        name_ids = names[first]
        words = np.add.reduceat(best, first)
        reached = np.add.reduceat(qweight, first)
        offered = words + optimistic
        matched = reached + initial_weight
        covered = np.add.reduceat(heavy, first)
        missing = total - matched
        left = np.maximum(0.0, self._name_weight[name_ids] - covered)
        extra = np.zeros_like(left) if initials else left
        denominator = offered + missing
        bound = offered / (denominator + lam * np.minimum(extra, denominator))
        bound *= np.minimum(1.0, np.sqrt(offered / specific))
        # the tighter bound (every name here meets a word of the query: words > 0)
        aligned = np.add.reduceat(np.minimum(qweight, heavy), first)
        top = np.maximum.reduceat(sims, first)
        for letter, weight in initials:
            initial = self._initial_names(letter)
            has = initial.begins[name_ids]
            sim = np.where(initial.same[name_ids], 1.0, initial_similarity)
            words = words + np.where(has, weight * sim, 0.0)
            reached = reached + np.where(has, weight, 0.0)
            aligned = aligned + np.where(has, weight, 0.0)
            top = np.where(has, np.maximum(top, sim), top)
            covered = covered + initial.heaviest[name_ids]  # the most the initial takes off
        extra = np.maximum(0.0, self._name_weight[name_ids] - covered)
        tight = tight_bounds(words, total - reached, aligned, top, extra, total, lam, specific)
        if inserts is not None:  # names meeting an end: the inserted-names coverage
            kappa, ends = inserts
            anchored = self._fuller[name_ids] & (extra <= 1e-9)  # every list word matched
            if ends:
                anchored &= np.logical_or.reduceat(np.isin(positions, ends), first)
            if anchored.any():
                loose = offered / (offered + kappa * missing)
                loose *= np.minimum(1.0, np.sqrt(offered / specific))
                bound = np.where(anchored, np.maximum(bound, loose), bound)
                none = np.zeros(len(name_ids))
                lacking = kappa * (total - reached)
                looser = tight_bounds(words, lacking, aligned, top, none, total, lam, specific)
                tight = np.where(anchored, np.maximum(tight, looser), tight)
        keep = (bound >= threshold - 1e-9) & (tight >= threshold - 1e-9)
        return list(zip(name_ids[keep].tolist(), tight[keep].tolist(), strict=True))

    def search(
        self, queries: Iterable[NormalName], threshold: float
    ) -> dict[int, tuple[float, int, NormalName, NameScore]]:
        """Best (score, name id, query form, detail) per entry id, at or above ``threshold``."""
        score_names = self.matcher.score_names
        return {
            entry_id: (score, name_id, query, score_names(query, self.names[name_id]))
            for entry_id, (score, name_id, query) in self.best_names(queries, threshold).items()
        }

    def best_names(
        self, queries: Iterable[NormalName], threshold: float
    ) -> dict[int, tuple[float, int, NormalName]]:
        """:meth:`search` without the detail: best (score, name id, query form) per entry id,
        at or above ``threshold``, by entry id; the detail of one is
        ``matcher.score_names(query form, names[name id])``."""
        # Every form's candidates, highest bound first: an entry's best name is then
        # usually scored first and its other names (and other forms' offers of it) are
        # skipped. Equal scores go to the earlier (form, candidate), as in a plain loop.
        forms = list(queries)
        ranked = [
            (bound, order, form, name_id)
            for order, (form, name_id, bound) in enumerate(
                (form, name_id, bound)
                for form, query in enumerate(forms)
                for name_id, bound in self._candidates(query, threshold)
            )
        ]
        ranked.sort(key=lambda c: -c[0])  # stable: (form, candidate) order among equals
        best: dict[int, tuple[float, int, int, int]] = {}  # entry: score, name, order, form
        quick_score = self.matcher.quick_score
        name_entry, names = self.name_entry, self.names
        for bound, order, form, name_id in ranked:
            entry_id = name_entry[name_id]
            current = best.get(entry_id)
            if current is not None:
                reach = min(1.0, bound + 1e-9)  # a score is at most 1 and at most its bound
                if reach < current[0] or (reach <= current[0] and order > current[2]):
                    continue  # cannot beat the entry's best name so far
            score = quick_score(forms[form], names[name_id])
            if score < threshold:
                continue
            if (
                current is None
                or score > current[0]
                or (score == current[0] and order < current[2])
            ):
                best[entry_id] = (score, name_id, order, form)
        return {
            entry_id: (score, name_id, forms[form])
            for entry_id, (score, name_id, _, form) in sorted(best.items())
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
