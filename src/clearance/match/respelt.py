"""Other romanisations of one name (matcher ``name-v2``): ``QADDAFI``, ``GADDAFI``,
``QADHAFI`` and ``KADAFI``; ``HASAN ROHANI`` and ``HASSAN ROUHANI``. Lists and
customers write names from other scripts as each system or ear has it, so two such
spellings are not the approximate match a typing error is (``fuzzy`` evidence in
:mod:`clearance.match.name_v2` leaves them be); they gain no similarity of their own."""

from __future__ import annotations

import re
from functools import lru_cache

_REPEATED = re.compile(r"(.)\1+")
_RESPELT_DIGRAPHS = (
    ("sch", "sh"),
    ("tch", "ch"),
    ("dzh", "j"),
    ("zh", "j"),
    ("dj", "j"),
    ("ph", "f"),
    ("ck", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "g"),
)
_RESPELT_LETTERS = str.maketrans("qgwvzdb", "kkffstp")
_HARD_C = re.compile(r"c(?![eihy])")
_CONSONANT_Y = re.compile(r"y(?=[aeiou])")
_VOWEL_RUN = re.compile(r"[aeiouy]+(?=.)")
_FINAL_I = re.compile(r"(?:ee|[iy]+)$")
_VOWELS = re.compile(r"[aeiouy]+")
MIN_SYLLABLES = 2
# vowels one romanisation writes for another's: Arabic fatha a/e, kasra i/e, damma u/o
# (MOHAMMED, MUHAMMAD), a/u before a doubled consonant (ABDULLAH, ABDALLAH), i/y
ALTERNATES = frozenset(frozenset(p) for p in ("ae", "ei", "ou", "au", "iy"))
_LONG_VOWELS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"))
_FINAL_J = re.compile(r"(?<=[iy])j$")  # Slavic -yj, -ij: SELENSKYJ, JURIJ


@lru_cache(maxsize=262144)
def romanised(token: str) -> str:
    """A Latin word with what romanisations write differently folded away: vowel
    letters (each run of them one vowel), doubled letters, voicing, ``q k c g``,
    ``w v f``, ``z s``, ``j zh dj``, ``dh th gh ph`` for their plain letter:
    ``QADDAFI``, ``GADDAFI``, ``QADHAFI``, ``KADAFI`` -> ``kVtVfi``; ``ROHANI``/``ROUHANI``,
    ``WOLODYMYR SELENSKYJ``/``VOLODYMYR ZELENSKYY``. Vowels keep their place
    (``CARNEY`` is not ``COONEY``), a final vowel its letter but ``i y ee`` and Slavic
    ``-yj -ij`` as one (``MARIO`` is not ``MARIA``), ``kh`` stays (``KHAN`` is not
    ``HAN``) and ``y`` before a vowel is no ``j`` (Korean ``YONG`` is not ``JONG``)."""
    if not token.isascii() or not token.isalpha():
        return token
    for spelling, plain in _RESPELT_DIGRAPHS:
        token = token.replace(spelling, plain)
    token = _REPEATED.sub(r"\1", _HARD_C.sub("k", token).translate(_RESPELT_LETTERS))
    token = _FINAL_I.sub("i", _FINAL_J.sub("i", _CONSONANT_Y.sub("Y", token)))
    return _VOWEL_RUN.sub("V", token)


def respelt(a: str, b: str) -> bool:
    """Two different Latin spellings of one name (:func:`romanised`) of two syllables
    or more, whose vowels, place by place, are the same or :data:`ALTERNATES`
    (``MOAMMAR``/``MUAMMAR``, ``LADEN``/``LADIN``; not ``DIANA``/``DANA``, ``ALAIN``/``ALLEN``,
    ``ANNE``/``ONE``: Western names that differ in a vowel are other names). In a word of
    one syllable the vowel is most of the name (``HAN`` is not ``HEIN``, ``WEN`` not
    ``WIN``, Korean ``JONG`` not ``JUNG``). Not for a name written in pinyin, where another
    vowel makes another syllable and so another character (``DEJIN`` is not
    ``DIJIN``): :func:`~clearance.match.v2_evidence.approximate` is told."""
    if a == b or romanised(a) != romanised(b):
        return False
    ours, theirs = _vowel_runs(a), _vowel_runs(b)
    if len(ours) < MIN_SYLLABLES or len(theirs) != len(ours):
        return False
    return all(_alternate(x, y) for x, y in zip(ours, theirs, strict=True))


@lru_cache(maxsize=262144)
def _vowel_runs(token: str) -> tuple[str, ...]:
    """The vowels of each syllable, long vowels written as one (``ou``, ``oo``, ``ee``)."""
    for long, short in _LONG_VOWELS:
        token = token.replace(long, short)
    return tuple(_VOWELS.findall(_REPEATED.sub(r"\1", token)))


def _alternate(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) != len(y):
        return False
    return all(p == q or frozenset((p, q)) in ALTERNATES for p, q in zip(x, y, strict=True))
