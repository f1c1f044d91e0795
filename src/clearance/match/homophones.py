"""Two spellings of one sound (matcher ``name-v2``): ``GAZPROM`` and ``GASPROM``,
``FABERLIC`` and ``FABERLICK``, ``ALEXANDR`` and ``ALEKSANDR``, ``IVANOV`` and
``IWANOW``, ``DMITRY`` and ``DMITRI``. Such words are more alike than the edit between
them says: :func:`~clearance.match.v2_similarity.token_similarity` gives them
:data:`HOMOPHONE_SIMILARITY` at least.

Only spellings that do not change the sound in the languages the lists transliterate
from are folded: a consonant written twice, ``ck``/``c``/``k`` (before ``a o u`` or a
consonant), ``ph``/``f``, ``x``/``ks``, ``w``/``v``, ``z``/``s`` after the first letter
(not ``zh``) and a final ``y``/``i``. Not ``q``/``k``, ``zh``/``sh``, ``th``/``t``,
``dh``/``d`` or ``gh``/``g``: the Arabic letters they stand for are other letters
(``QASIM`` is not ``KASIM``, ``AZHAR`` not ``ASHAR``); not the first letter (``ZAHIR``
is not ``SAHIR``); not a word of one syllable, whose vowel and consonants are all of it;
and not between two words written in pinyin syllables, where ``z`` and ``s`` begin other
syllables and so other characters. Two spellings less than half alike by edits
(``ROZY``, ``ROSSI``) are left unrelated, as every rule leaves them: asking every such
pair the index meets cost a batch 3 % of its time.
"""

from __future__ import annotations

import re
from functools import lru_cache

HOMOPHONE_SIMILARITY = 0.93
MIN_SYLLABLES = 2

_FOLDS = (("ck", "k"), ("ph", "f"), ("x", "ks"), ("w", "v"))
_HARD_C = re.compile(r"c(?![eihy])")
_Z = re.compile(r"z(?!h)")  # zh is another letter (AZHAR is not ASHAR)
_REPEATED = re.compile(r"([b-df-hj-np-tv-z])\1+")  # a consonant: ROSSII is not ROSSI
_FINAL_Y = re.compile(r"y$")
_SYLLABLE = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=262144)
def sound(word: str) -> str:
    """``word`` with the spellings of one sound folded (a Latin word of letters only;
    ``""`` for another, or one of a single syllable)."""
    if not word.isascii() or not word.isalpha() or len(_SYLLABLE.findall(word)) < MIN_SYLLABLES:
        return ""
    head, rest = word[0], word[1:]
    for spelling, plain in _FOLDS:
        rest = rest.replace(spelling, plain)
    rest = _Z.sub("s", _HARD_C.sub("k", rest))
    return _REPEATED.sub(r"\1", _FINAL_Y.sub("i", head + rest))


def homophones(a: str, b: str) -> bool:
    """``a`` and ``b`` are two spellings of one sound (see the module docstring)."""
    if a == b or a[:1] != b[:1]:
        return False
    folded = sound(a)
    if not folded or folded != sound(b):
        return False
    from clearance.match.pinyin_words import pinyin_syllables  # (it imports similarity)

    return not (pinyin_syllables(a) and pinyin_syllables(b))
