"""Names written out more fully than the list writes them (matcher ``name-v2``).

Lists record the parts of a person's name they know: ``FAZL MOHAMMAD MAZLOOM``. A
customer record often has more: a father's or grandfather's name, a middle name, a second
given name (``FAZL MOHAMMAD HAMID MAZLOOM``). The coverage of :func:`name_v1.weigh` counts
such a query word in full, where a list word left over counts ``LAMBDA``: a fuller list
name scores high, a fuller query name does not.

When every word of a person's list name is matched by the query, and the query's first
and last words are matched (the inserted words lie between them), the
query's unmatched words count :data:`INSERTED_WEIGHT` of their weight.

Words added before or after the name count the same (:func:`has_added`: ``MOHAMMAD YAQOUB
HAQQANI`` for ``MOHAMMAD YAQOUB``, ``ABDUL JALIL MOHAMMAD RASUL AYYUB`` for ``MOHAMMAD
RASUL AYYUB``): the listed name stands whole in the query, its words side by side at its
start or end. An added surname may be another family's, so the list name must have two
words or more (``WALIJAN`` stays a lone word in ``WALIJAN ABDUL GHAFOOR HAQQANI``), and
the specificity of the words matched still decides (a listed ``MOHAMMAD ALI`` weighs
little).

The index bounds a name's score with the query weight it cannot meet counted in full
(:mod:`clearance.match.bounds`); :func:`insert_weight` tells it how much of that weight the
score may leave out for a query, so its pruning stays exact; a name must meet the query's
first or last word for it.
"""

from __future__ import annotations

from clearance.match.han import has_han
from clearance.match.hangul import has_hangul
from clearance.match.normalize import NormalName
from clearance.match.weights import GENERIC_ORG_WORDS

INSERTED_WEIGHT = 1 / 3  # an inserted query word's share of its weight (robustness: middle_name)

MIN_QUERY_WORDS = 3  # first, last and at least one inserted between them

MIN_ADDED_TO = 2  # words of a list name that words may be added to


def can_insert(original: str, tokens: tuple[str, ...], legal: tuple[str, ...]) -> bool:
    """A query that may read as a person's name written more fully: three words or more,
    all of letters, no legal form and no organisation word; not written in Han or Hangul,
    whose words are the syllables of one given name (``강성민`` is not ``KANG, Min``)."""
    return (
        len(tokens) >= MIN_QUERY_WORDS
        and not legal
        and all(t.isalpha() and t not in GENERIC_ORG_WORDS for t in tokens)
        and (original.isascii() or not (has_han(original) or has_hangul(original)))
    )


def insert_weight(original: str, tokens: tuple[str, ...], legal: tuple[str, ...]) -> float:
    """The least fraction of its unmatched weight a query so written keeps in a score's
    coverage (1.0: all of it)."""
    return INSERTED_WEIGHT if can_insert(original, tokens, legal) else 1.0


def has_inserted(q: NormalName, c: NormalName, pairs: list[tuple[int, int, float]]) -> bool:
    """Every word of the list name ``c`` (a person's) is matched, and so are the query's
    first and last words, with a word of the query left between them. The list's word
    order is not asked: lists write ``MAZLOOM, Fazl Mohammad``."""
    n = len(q.tokens)
    if len(pairs) != len(c.tokens) or len(pairs) >= n:
        return False
    matched = {i for i, _, _ in pairs}
    return 0 in matched and n - 1 in matched and can_insert(q.original, q.tokens, q.legal)


def has_added(q: NormalName, c: NormalName, pairs: list[tuple[int, int, float]]) -> bool:
    """Every word of the list name ``c`` (a person's, two words or more besides initials)
    is matched, by words side by side at the start or the end of the query, which has
    more and whose first and last words are no initials. The list's word order is not
    asked (``PATEK, Umar``)."""
    n, k = len(q.tokens), len(pairs)
    if k != len(c.tokens) or k >= n or sum(len(t) > 1 for t in c.tokens) < MIN_ADDED_TO:
        return False  # (an initial is no word of its own: AHMED K. stands for AHMED)
    if len(q.tokens[0]) == 1 or len(q.tokens[-1]) == 1:
        return False
    matched = {i for i, _, _ in pairs}
    at_end = matched == set(range(k)) or matched == set(range(n - k, n))
    return at_end and can_insert(q.original, q.tokens, q.legal)
