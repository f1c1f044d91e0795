"""Chinese personal names written in pinyin, word by word (name-v2).

A Chinese name in Latin letters is a surname and a given name of one or two syllables,
the given name mostly written as one word (``WANG Xiuying``). Each syllable is a
character, so two such words that differ by a whole syllable name different people
(``XIAOHONG`` is not ``XIAOBING``), where general fuzzy matching sees two words alike.
The syllable table is pypinyin's, frozen by ``scripts/build_pinyin_syllables.py``.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

from clearance.match.v2_similarity import token_similarity

_INTERJECTIONS = frozenset({"m", "n", "ng", "hm", "hng"})  # syllables no name is written with
MIN_WORDS, MAX_WORDS = 2, 3  # surname and given name, or a given name in two words


@cache
def _syllables() -> frozenset[str]:
    """pypinyin's toneless syllables (``data/pinyin_syllables.json``)."""
    raw = resources.files("clearance.match").joinpath("data/pinyin_syllables.json").read_text()
    return frozenset(str(s) for s in json.loads(raw)) - _INTERJECTIONS


@lru_cache(maxsize=262144)
def pinyin_syllables(word: str) -> tuple[str, ...] | None:
    """``word`` as the pinyin syllables it is written with, one or two (``xiaohong`` ->
    ``xiao hong``; a syllable beginning with a vowel only first, as pinyin writes it
    without an apostrophe); None for a word that is not pinyin (``maria``, ``jain``)."""
    table = _syllables()
    if word in table:
        return (word,)
    for cut in range(len(word) - 1, 0, -1):
        head, tail = word[:cut], word[cut:]
        if head in table and tail in table and tail[0] not in "aeo":
            return head, tail
    return None


@lru_cache(maxsize=262144)
def syllable_similarity(a: str, b: str) -> float:
    """For the words of a person's name written in pinyin: two words each written in
    pinyin syllables, more than one edit apart, are two names (``XIAOHONG`` is not
    ``XIAOBING``, ``BIN`` not ``BINGSHEN``: a syllable is a character); other pairs as
    :func:`~clearance.match.v2_similarity.token_similarity` (``JAIN`` for ``JIAN``,
    ``DU`` for ``SU``: a typing error; ``CHANG`` for ``ZHANG``: Wade-Giles)."""
    if pinyin_syllables(a) and pinyin_syllables(b) and OSA.distance(a, b) > 1:
        return 0.0
    return token_similarity(a, b)


def pinyin_name(tokens: tuple[str, ...]) -> bool:
    """A name of two or three words, each one or two pinyin syllables (``wang xiuying``)."""
    return MIN_WORDS <= len(tokens) <= MAX_WORDS and all(map(pinyin_syllables, tokens))
