"""Words an abjad divides otherwise: two or three words of one name for one of the other.

Arabic script shows no gap after a letter that does not join the next (``ا د ذ ر ز و``),
so a missing space is invisible to whoever typed the name, and writers and the lists'
transliterators join or split compound names their own way: ``خدايرحيم`` is listed as
``KHUDAI RAHIM``, ``ظاهرعويس`` as ``DAHIR AWEYS``, ``صدیق مل`` as ``SIDDIQMAL``, ``بن
الشيبة`` as ``BINALSHIBH``. For a query whose vowels were guessed
(:func:`~clearance.match.normalize.vowels_guessed`), a run of :data:`MAX_RUN` adjacent
words or fewer on either side may stand for one word of the other: they match when
joined they are written the same, or write the same consonants
(:func:`~clearance.match.v2_similarity.abjad_skeleton`, at least
:data:`MIN_COMPOUND_CONSONANTS` of them), at
:data:`~clearance.match.tokens.SKELETON_SIMILARITY`.

Name-v2 scores such a pair with the run made one word of the summed weight
(:func:`merged`) and keeps the better score. The index finds the names concerned by
their retrieval keys (:func:`compound_keys`): a query run joined is looked up among the
list's words, a query word among the list's runs joined.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from clearance.match.normalize import NormalName
from clearance.match.tokens import SKELETON_SIMILARITY
from clearance.match.v2_similarity import abjad_skeleton, unglued

MAX_RUN = 3
MIN_COMPOUND_CONSONANTS = 2  # as abjad_similarity's: ``ما يشو`` is ``MAYCHOU``


def compound_similarity(word: str, listed: str, bare: str | None = None) -> float:
    """How far the query's ``word`` (or run joined) matches the list's ``listed`` (or run
    joined): 1.0 written the same, :data:`SKELETON_SIMILARITY` with the same consonants
    (or those of ``bare``, ``listed`` without a glued article: by default
    :func:`~clearance.match.v2_similarity.unglued`; for a run, its first word's), else
    0.0; nothing for fewer than :data:`MIN_COMPOUND_CONSONANTS` consonants (one is too
    common)."""
    if not (word.isalpha() and word.isascii() and listed.isalpha() and listed.isascii()):
        return 0.0
    ours = abjad_skeleton(word)
    if len(ours.lstrip("a").rstrip("y")) < MIN_COMPOUND_CONSONANTS:
        return 0.0
    if word == listed:
        return 1.0
    if ours in (abjad_skeleton(listed), abjad_skeleton(unglued(listed) if bare is None else bare)):
        return SKELETON_SIMILARITY
    return 0.0


def compound_keys(joined: str, bare: str | None = None) -> set[str]:
    """Retrieval keys of :func:`compound_similarity` on the list side (``bare`` as there):
    for a word, those of :func:`~clearance.match.v2_similarity.abjad_keys`, which every
    list word is filed under already; a pair above 0.0 shares :func:`query_key` of the
    query side."""
    if not (joined.isalpha() and joined.isascii()):
        return set()
    return {
        "a:" + abjad_skeleton(joined),
        "a:" + abjad_skeleton(unglued(joined) if bare is None else bare),
    }


def query_key(word: str) -> str:
    """The key a query word or run joined is looked up by (one of :func:`compound_keys`)."""
    return "a:" + abjad_skeleton(word)


def runs(tokens: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    """(start, length, joined) of every run of two to :data:`MAX_RUN` adjacent words, none
    of them an initial (which the index bounds apart), each word adding a consonant to
    the run's (``AHMAD`` + ``DIYA`` is not ``AHMADIA``: joined, the two ``d`` would
    count once)."""
    for start in range(len(tokens) - 1):
        if len(tokens[start]) < 2:
            continue
        written = len(abjad_skeleton(tokens[start]))
        for length in range(2, MAX_RUN + 1):
            if start + length > len(tokens) or len(tokens[start + length - 1]) < 2:
                break
            joined = "".join(tokens[start : start + length])
            grown = len(abjad_skeleton(joined))
            if grown <= written:
                break
            written = grown
            yield start, length, joined


def bare_run(tokens: tuple[str, ...], start: int, length: int) -> str:
    """A list run joined without the article glued to its first word (only there: the
    ``AL`` of ``ALI ABDAL`` joined is no article)."""
    return unglued(tokens[start]) + "".join(tokens[start + 1 : start + length])


def query_runs(tokens: tuple[str, ...]) -> Iterator[tuple[int, int, str]]:
    """The :func:`runs` a query may join: those leaving it two words or more (a query
    joined into one word is a lone word, too little to go on)."""
    for start, length, joined in runs(tokens):
        if len(tokens) - length + 1 >= 2:
            yield start, length, joined


def merged(name: NormalName, start: int, length: int) -> NormalName:
    """``name`` with the run at ``start`` written as one word weighing what its words do."""
    end = start + length
    return replace(
        name,
        tokens=(*name.tokens[:start], "".join(name.tokens[start:end]), *name.tokens[end:]),
        weights=(*name.weights[:start], sum(name.weights[start:end]), *name.weights[end:]),
    )


def compound_forms(
    query: NormalName, listed: NormalName
) -> Iterator[tuple[NormalName, NormalName, str, str | None]]:
    """The pairs of forms to score again, one run joined on one side, the joined word (to
    be compared by :func:`compound_similarity` alone) and, for a list run, its
    :func:`bare_run`: a query run matching a list word (the query keeps two words or
    more), a query word matching a list run."""
    for start, length, joined in query_runs(query.tokens):
        if any(compound_similarity(joined, word) > 0.0 for word in listed.tokens):
            yield merged(query, start, length), listed, joined, None
    for start, length, joined in runs(listed.tokens):
        bare = bare_run(listed.tokens, start, length)
        if any(compound_similarity(word, joined, bare) > 0.0 for word in query.tokens):
            yield query, merged(listed, start, length), joined, bare
