"""Inverted index over the counterparty register, queried with list entries' names.

The matcher scores a *party* name Q (the query) against a *list* name C. Delta
re-screening inverts the roles for retrieval only: the parties are indexed and each added
or changed list name looks up the parties that could reach the threshold; every surviving
pair is then scored exactly as a full re-screen scores it, ``score_names(Q, C)``.

Why the retrieval loses nothing the screener finds: a pair can only reach threshold ``t``
if the party tokens with *no* similar list token weigh at most ``(1 - t) x W(Q)`` (an
aligned pair adds at most its weight to the coverage's numerator and at least as much to
its denominator; an unmatched party token adds its whole weight to the denominator; for a
party name that may be a listed person's name written more fully, ``kappa`` of it: see
:mod:`clearance.match.inserted`, and read ``t`` below as ``t kappa / (1 - t + t kappa)``).
So a party form is posted only under its *essential* tokens — sorted by weight, those from
where the cumulative weight reaches ``t x W(Q)`` — and one of them must be similar to a
list token. Candidates are then bounded before scoring by the same two necessary
conditions (matchable party weight >= ``t x W``; specificity ``sqrt(M / 5) >= t`` where
``M`` is the best weight x similarity on offer, unless the names are equal token sets).
Similar tokens are found through the screener's own keys (one deletion, skeleton,
prefix, initials); names with the same joined spelling are always scored. A party name
written in an abjad may join or split words (:mod:`clearance.match.compound`): its runs of
words joined are filed too, and a list name's words and runs joined meet them, every word
of a run so met counting as matched. Valid for any
threshold >= ``min_threshold``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from clearance.match import index as index_module
from clearance.match.compound import (
    bare_run,
    compound_keys,
    compound_similarity,
    query_key,
    query_runs,
    runs,
)
from clearance.match.matcher import DEFAULT
from clearance.match.name_v1 import NameScore
from clearance.match.normalize import NormalName, is_unvowelled
from clearance.match.weights import token_weight
from clearance.model import ListEntry

# 2: vocabulary keys shared with NameIndex (initials, truncations); 3: matcher name-v2
# 4: postings widened for inserted names; 5: abjad keys (name-v2); 6: runs of words joined
# 7: abjad keys of ta marbuta read as t; Arabic-script forms translating بلاد both ways
# 8: Arabic honorifics as titles; Chinese and Korean name syllables not read as legal forms
# 9: initials written together set apart (V.P. -> V. P.)
STATE_VERSION = 9
MATCHER = DEFAULT  # the screener's default matcher: a delta re-screen finds what it finds


@dataclass(frozen=True, slots=True)
class Party:
    party_id: str
    name: str
    country: str | None = None
    entity_type: str | None = None


# A form as stored: (tokens, legal forms, derived, token weights) — plain data, so the whole
# index can be saved with ``marshal`` and loaded in a second or two (see ``party_forms``).
RawForm = tuple[tuple[str, ...], tuple[str, ...], bool, tuple[float, ...]]


def raw_form(form: NormalName) -> RawForm:
    return (tuple(form.tokens), tuple(form.legal), bool(form.derived), _weights(form))


def essential_tokens(
    tokens: Sequence[str], weights: Sequence[float], threshold: float, kappa: float = 1.0
) -> list[str]:
    """Tokens of which at least one must be matched for a form to reach ``threshold``, its
    unmatched weight counting at least ``kappa`` of it (the matcher's ``insert_weight``):
    matched weight ``M`` of ``W`` reaches at most ``M / (M + kappa (W - M))``."""
    ordered = sorted(zip(weights, tokens, strict=True))
    share = threshold * kappa / (1.0 - threshold + threshold * kappa)
    need = share * sum(weights) - 1e-9
    out: list[str] = []
    cumulative = 0.0
    for weight, token in ordered:
        cumulative += weight
        if cumulative >= need:
            out.append(token)
    return out


def _either(party_token: str, list_token: str) -> float:
    """The larger of the two similarities a party's word may be compared by."""
    return max(
        MATCHER.similarity(party_token, list_token),
        MATCHER.abjad_similarity(party_token, list_token),
    )


class PartyIndex:
    """Party name forms, retrievable by list-entry name forms."""

    def __init__(
        self,
        parties: Sequence[Party],
        min_threshold: float = 0.5,
        forms: Sequence[Sequence[RawForm]] | None = None,
    ) -> None:
        """Index ``parties``; ``forms`` (one sequence per party) skips normalising them."""
        self.parties = list(parties)
        if forms is not None and len(forms) != len(self.parties):
            raise ValueError("forms must hold one entry per party")
        self.min_threshold = min_threshold
        self._raw: list[RawForm] = []
        self.form_party: list[int] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._vocab: set[str] = set()
        self._keys: dict[str, list[str]] = defaultdict(list)
        self._joined: dict[str, list[int]] = defaultdict(list)
        # runs of words an abjad party name may join (compound.query_runs), by lookup key
        self._runs: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self._similar: dict[str, list[tuple[str, float]]] = {}
        self._forms: dict[int, NormalName] = {}
        raw = self._raw
        vocab, postings, keys, joined = self._vocab, self._postings, self._keys, self._joined
        for pid, party in enumerate(self.parties):
            own = (
                [raw_form(f) for f in MATCHER.variants(party.name)] if forms is None else forms[pid]
            )
            for form in own:
                fid = len(raw)
                raw.append(form)
                self.form_party.append(pid)
                tokens = form[0]
                for token in tokens:
                    if token not in vocab:
                        vocab.add(token)
                        for key in MATCHER.vocab_keys(token):
                            keys[key].append(token)
                kappa = MATCHER.insert_weight(party.name, tokens, form[1])
                for token in set(essential_tokens(tokens, form[3], min_threshold, kappa)):
                    postings[token].append(fid)
                if len(tokens) > 1:
                    joined["".join(tokens)].append(fid)
                if MATCHER.compounds and is_unvowelled(party.name):
                    for start, length, run in query_runs(tokens):
                        self._runs[query_key(run)].append(tokens[start : start + length])
        self._runs = {key: sorted(set(found)) for key, found in self._runs.items()}
        self._postings = dict(postings)
        self._keys = dict(keys)
        self._joined = dict(joined)

    def __len__(self) -> int:
        return len(self._raw)

    def form(self, fid: int) -> NormalName:
        """The matcher form ``fid`` (built on first use)."""
        found = self._forms.get(fid)
        if found is None:
            tokens, legal, derived, weights = self._raw[fid]
            name = self.parties[self.form_party[fid]].name
            found = NormalName(
                original=name,
                tokens=tuple(tokens),
                legal=tuple(legal),
                derived=derived,
                weights=tuple(weights),
                script=is_unvowelled(name),
            )
            self._forms[fid] = found
        return found

    @property
    def forms(self) -> list[NormalName]:
        return [self.form(fid) for fid in range(len(self._raw))]

    def state(self) -> tuple[Any, ...]:
        """Plain-data state for ``marshal`` (parties as tuples)."""
        parties = [(p.party_id, p.name, p.country, p.entity_type) for p in self.parties]
        return (
            STATE_VERSION,
            self.min_threshold,
            parties,
            self._raw,
            self.form_party,
            self._postings,
            self._vocab,
            self._keys,
            self._joined,
            self._runs,
        )

    @classmethod
    def from_state(cls, state: tuple[Any, ...]) -> PartyIndex:
        if not state or state[0] != STATE_VERSION:
            raise ValueError("party index state of another version")
        index = cls.__new__(cls)
        (_, index.min_threshold, parties, raw, index.form_party, index._postings) = state[:6]
        index._vocab, index._keys, index._joined, runs = state[6:]
        index._runs = {key: [tuple(run) for run in found] for key, found in runs.items()}
        index.parties = [Party(*p) for p in parties]
        index._raw = [
            (tuple(t), tuple(lg), bool(d), tuple(w)) if isinstance(t, list) else (t, lg, d, w)
            for t, lg, d, w in raw
        ]
        index._similar = {}
        index._forms = {}
        return index

    def _similar_tokens(self, token: str) -> list[tuple[str, float]]:
        """Party vocabulary tokens similar to a list token, with their similarity."""
        cached = self._similar.get(token)
        if cached is None:
            found: set[str] = set()
            # a party's name may be written in an abjad (its vowels guessed): its words
            # compare by abjad_similarity, the others by similarity; the larger bounds both
            for key in MATCHER.query_keys(token) | MATCHER.abjad_keys(token):
                found.update(self._keys.get(key, ()))
            # a party's initial or short truncation meets the whole list token
            found.update(head for head in MATCHER.query_heads(token) if head in self._vocab)
            cached = [(t, s) for t in found if (s := _either(t, token)) > 0.0]
            if len(self._similar) > 500_000:
                self._similar.clear()
            self._similar[token] = cached
        return cached

    def _compound_tokens(self, tokens: tuple[str, ...]) -> list[tuple[str, float]]:
        """Party words a list name's words may meet as compounds (:mod:`.compound`), with
        the similarity: a party word matching a run of the list's words joined, each word
        of a party's run joined matching a list word (whichever party holds them: the
        bound stays an upper one)."""
        found: list[tuple[str, float]] = []
        for start, length, joined in runs(tokens):
            bare = bare_run(tokens, start, length)
            for key in compound_keys(joined, bare):
                for word in self._keys.get(key, ()):
                    if (sim := compound_similarity(word, joined, bare)) > 0.0:
                        found.append((word, sim))
        for token in set(tokens):
            for key in compound_keys(token):
                for run in self._runs.get(key, ()):
                    if (sim := compound_similarity("".join(run), token)) > 0.0:
                        found.extend((word, sim) for word in run)
        return found

    def candidates(self, entry_form: NormalName, threshold: float) -> set[int]:
        """Form ids of party names that can reach ``threshold`` against ``entry_form``."""
        best: dict[str, float] = {}
        for token in set(entry_form.tokens):
            for similar, sim in self._similar_tokens(token):
                if sim > best.get(similar, 0.0):
                    best[similar] = sim
        if MATCHER.compounds:
            for similar, sim in self._compound_tokens(entry_form.tokens):
                if sim > best.get(similar, 0.0):
                    best[similar] = sim
        touched: set[int] = set()
        for similar in best:
            touched.update(self._postings.get(similar, ()))
        specific = MATCHER.specific_weight * threshold * threshold - 1e-9
        fuller = MATCHER.insert_target(entry_form)  # a party may write it with words inserted
        entry_sorted = sorted(entry_form.tokens)
        found: set[int] = set()
        for fid in touched:
            tokens, legal, _derived, weights = self._raw[fid]
            total = matchable = offered = 0.0
            for token, weight in zip(tokens, weights, strict=True):
                total += weight
                sim = best.get(token, 0.0)
                if sim:
                    matchable += weight
                    offered += weight * sim
            if matchable < threshold * total - 1e-9:
                if not fuller:
                    continue
                # the party's unmatched weight counts insert_weight of it (inserted names)
                party = self.parties[self.form_party[fid]]
                kappa = MATCHER.insert_weight(party.name, tokens, legal)
                if matchable < threshold * (matchable + kappa * (total - matchable)) - 1e-9:
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
                form = self.form(fid)
                result = MATCHER.score_names(form, entry_form)
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
        for variant in MATCHER.variants(raw):
            forms.append(replace(variant, kind=kind) if kind else variant)
    return forms


def _weights(form: NormalName) -> tuple[float, ...]:
    weights: tuple[float, ...] = getattr(form, "weights", ())
    if len(weights) == len(form.tokens):
        return weights
    return tuple(token_weight(t) for t in form.tokens)
