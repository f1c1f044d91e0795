"""Token-level similarity and keys, shared by the index (retrieval) and the scorer.

``token_similarity`` is the only place two tokens are compared. The index retrieves, for
every query token, the vocabulary tokens that can reach a non-zero similarity (same token,
one edit away, same phonetic skeleton, or a prefix of five letters or more), so the scorer
never sees a pair the retrieval could not have found.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

MIN_SIMILARITY = 0.7
SKELETON_SIMILARITY = 0.88
PREFIX_SIMILARITY = 0.85
INITIAL_SIMILARITY = 0.75
PREFIX_MIN = 5
SHORT_PREFIX_MIN = 3
SHORT_PREFIX = {3: 0.75, 4: 0.8}  # truncated tokens: "Jul" for "Julio", "Anto" for "Antonio"
MAX_EDITS = 2
TWO_EDIT_MIN = 7
SHORT_TOKEN = 4
SHORT_PENALTY = 0.1
SKELETON_MIN_EDIT = 0.5  # a shared skeleton only counts for strings not wholly different

_FOLD = str.maketrans("gdbzvqcj", "ktpsfkks")
_VOWELS = re.compile(r"[aeiouwy]")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=262144)
def skeleton(token: str) -> str:
    """Consonant skeleton: first letter kept, vowels and w/y dropped, voicing folded.

    ``mohammed``, ``muhammad`` and the Arabic-script ``mhmd`` all give ``mhmt``;
    ``vldmr`` and ``vladimir`` give ``fltmr``.
    """
    if not token or not token.isalpha():
        return token
    token = token.replace("x", "ks").replace("ph", "f")
    head, tail = token[0].translate(_FOLD), token[1:].translate(_FOLD)
    if head in "aeiouwy":
        head = "a"
    return _REPEATS.sub(r"\1", head + _VOWELS.sub("", _REPEATS.sub(r"\1", tail)))


def deletes(token: str) -> set[str]:
    """SymSpell keys: the token and every string one deletion away; two deletions for
    tokens of seven letters or more (the shortest where two edits still reach
    MIN_SIMILARITY). Two tokens within the edit distance that ``token_similarity`` counts
    always share a key, so retrieval never misses a pair the scorer would count."""
    keys = {token}
    if len(token) >= 3:
        keys.update(token[:i] + token[i + 1 :] for i in range(len(token)))
    if len(token) >= TWO_EDIT_MIN:
        keys.update(k[:i] + k[i + 1 :] for k in list(keys) for i in range(len(k)))
    return keys


@lru_cache(maxsize=1_000_000)
def token_similarity(a: str, b: str) -> float:
    """Similarity of two normalised tokens in [0, 1]; 0 below MIN_SIMILARITY."""
    score = graded_similarity(a, b, same_skeleton, lambda head, whole: True)
    return score if score >= MIN_SIMILARITY else 0.0


def same_skeleton(a: str, b: str) -> bool:
    """The same consonant skeleton, of three letters or more, or two in words of at most
    four letters ("un"/"eun", "ali"/"aly", "abu"/"abou")."""
    tiny = len(skeleton(a)) == 2 and max(len(a), len(b)) <= 4
    return (len(skeleton(a)) >= 3 or tiny) and skeleton(a) == skeleton(b)


def graded_similarity(
    a: str,
    b: str,
    skeletons: Callable[[str, str], bool],
    prefix_allowed: Callable[[str, str], bool],
) -> float:
    """The rules of :func:`token_similarity`, before its threshold, with the skeleton test
    and the prefix permission given (a later matcher version changes only those)."""
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if la == 1 or lb == 1:
        return INITIAL_SIMILARITY if a[0] == b[0] and a.isalpha() and b.isalpha() else 0.0
    if a.isdigit() or b.isdigit():
        return 0.0
    edit = OSA.normalized_similarity(a, b)
    # Edits count up to two (what the index's deletion keys retrieve); beyond that only the
    # phonetic and prefix rules below can relate two tokens.
    score = edit if OSA.distance(a, b) <= MAX_EDITS else 0.0
    if max(la, lb) <= SHORT_TOKEN and edit <= Levenshtein.normalized_similarity(a, b):
        score -= SHORT_PENALTY  # one edit in a short token is a different word (not a swap)
    if (
        score < SKELETON_SIMILARITY
        and min(la, lb) >= 2
        and edit >= SKELETON_MIN_EDIT
        and skeletons(a, b)
    ):
        score = SKELETON_SIMILARITY
    if min(la, lb) >= SHORT_PREFIX_MIN:
        head, whole = (a, b) if la < lb else (b, a)
        prefix = PREFIX_SIMILARITY if len(head) >= PREFIX_MIN else SHORT_PREFIX[len(head)]
        if score < prefix and whole.startswith(head) and prefix_allowed(head, whole):
            score = prefix
    return score


STRICT_PREFIX_MIN = 8
_VOWEL_LETTERS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=262144)
def strict_similarity(a: str, b: str) -> float:
    """``token_similarity`` without the phonetic and prefix allowances, for a name that
    rests on one distinctive token (``Pages`` is not ``Pegas``, ``Finke`` not ``Fianga``).

    The allowances stay for a vowel-less token (a deliberate vowel drop: ``Vldmr``) and
    prefixes of eight letters or more (truncation). Never above ``token_similarity``, so
    the index's upper bounds stay valid.
    """
    return strict_from(a, b, token_similarity(a, b))


def strict_from(a: str, b: str, loose: float, allowance: float = 0.0) -> float:
    """The strict similarity of ``a`` and ``b`` given their loose one: the plain edit
    similarity (or ``allowance``, if higher), never above ``loose``."""
    if loose == 0.0 or a == b or len(a) == 1 or len(b) == 1:
        return loose
    if not _VOWEL_LETTERS.search(a[1:]) or not _VOWEL_LETTERS.search(b[1:]):
        return loose
    head, whole = (a, b) if len(a) < len(b) else (b, a)
    if len(head) >= STRICT_PREFIX_MIN and whole.startswith(head):
        return loose
    edit = OSA.normalized_similarity(a, b)
    if max(len(a), len(b)) <= SHORT_TOKEN and edit <= Levenshtein.normalized_similarity(a, b):
        edit -= SHORT_PENALTY
    strict = min(loose, max(edit, allowance))
    return strict if strict >= MIN_SIMILARITY else 0.0
