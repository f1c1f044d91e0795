"""Names written out more fully than the list writes them (matcher ``name-v2``).

Lists record the parts of a person's name they know: ``FAZL MOHAMMAD MAZLOOM``. A
customer record often has more: a father's or grandfather's name, a middle name, a second
given name (``FAZL MOHAMMAD HAMID MAZLOOM``). The coverage of :func:`name_v1.weigh` counts
such a query word in full, where a list word left over counts ``LAMBDA``: a fuller list
name scores high, a fuller query name does not.

When every word of a person's list name is matched by the query, and the query's first
and last words are matched (the inserted words lie between them), the
query's unmatched words count :data:`INSERTED_WEIGHT` of their weight. Words added before
or after the name (``MOHAMMAD YAQOUB HAQQANI`` for ``MOHAMMAD YAQOUB``) are not inserted:
an added surname may be another family's.

The index bounds a name's score with the query weight it cannot meet counted in full
(:mod:`clearance.match.bounds`); :func:`insert_weight` tells it how much of that weight the
score may leave out for a query, so its pruning stays exact.
"""

from __future__ import annotations

from clearance.match.han import has_han
from clearance.match.hangul import has_hangul
from clearance.match.normalize import NormalName
from clearance.match.weights import GENERIC_ORG_WORDS

INSERTED_WEIGHT = 1 / 3  # an inserted query word's share of its weight (robustness: middle_name)

MIN_QUERY_WORDS = 3  # first, last and at least one inserted between them


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
