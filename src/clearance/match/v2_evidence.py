"""Name-structure evidence of matcher ``name-v2``: what makes two similar names two
different parties (patronymics, places, writing, person names matched on one word) or one
name no name at all (see :mod:`clearance.match.name_v2`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, pinyin
from rapidfuzz.distance import Levenshtein

from clearance.match.han import has_han
from clearance.match.hangul import has_hangul
from clearance.match.name_v1 import (
    PERSON_FILLERS,
)
from clearance.match.name_v1 import _partial_person as v1_partial_person
from clearance.match.normalize import NormalName, fold_text
from clearance.match.respelt import respelt
from clearance.match.v2_forms import PLACE_ABBREVIATIONS, place_names
from clearance.match.v2_similarity import LATIN_LETTER, PATRONYMIC, personal_name, token_similarity
from clearance.match.weights import GENERIC_ORG_WORDS

PATRONYMIC_CONFLICT = 0.7


PLACE_CONFLICT = 0.75


WORD_FOR_WORD = 0.9  # a person's name with a distinctive word of its own on each side


LEGAL_GENERICS = frozenset({"llc", "jsc", "lp", "gp", "ngo", "coop"})  # rigour's generic forms


CJK_PERSON_MAX = 4  # characters


DISTINCTIVE_WEIGHT = 4.0  # a word weighing this much identifies (first names, surnames)


PERSON_TOKENS = (2, 4)  # words of a list name of unknown type read as a person's


NOT_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]")


def latin_only(text: str) -> bool:
    """Written in Latin letters, marks and spaces of any kind (``Zhāng\u00a0Déjīn``)."""
    return NOT_LATIN.search(text) is None


def both_latin(q: NormalName, c: NormalName) -> bool:
    """Both names written in Latin letters (no transliteration between them)."""
    return latin_only(q.original) and latin_only(c.original)


def partial_person(
    tokens: tuple[str, ...],
    matched: set[int],
    query: tuple[str, ...],
    pairs: list[tuple[int, int, float]],
) -> bool:
    """v1's partial-person test, an initial matched to the same initial counting as a
    matched part (``OGUNGBUYI A.`` for ``OGUNGBUYI, Wole A.``)."""
    if not v1_partial_person(tokens, matched):
        return False
    initials = sum(1 for i, j, _ in pairs if len(tokens[j]) == 1 and query[i] == tokens[j])
    parts = [j for j, t in enumerate(tokens) if len(t) >= 2 and t not in PERSON_FILLERS]
    return sum(1 for j in parts if j in matched) + initials <= 1


def approximate(a: str, b: str, sim: float, pinyin: bool = False) -> bool:
    """An approximate word match: not exact, not an initial, not a truncation, not the
    same name in another romanisation (:func:`~clearance.match.respelt.respelt`) unless
    the query is a name in ``pinyin`` (another vowel, another syllable)."""
    if sim >= 1.0 or len(a) < 2 or b.startswith(a):
        return False
    return pinyin or not respelt(a, b)


@lru_cache(maxsize=65536)
def same_script_similarity(q: str, c: str) -> float:
    """For two names written in the same non-Latin script, how alike they are as written
    (1.0 otherwise): Han compared character by character (equal, or the same syllable
    and tone: simplified and traditional forms), other scripts letter by letter. A
    romanisation can make different names equal (``김종은``, ``김정은`` -> ``kim jong
    eun``; ``高石``, ``高市`` -> ``gao shi``); the writing cannot."""
    if q == c or q.isascii() or c.isascii():
        return 1.0
    if NOT_LATIN.search(q) is None or NOT_LATIN.search(c) is None:
        return 1.0
    if LATIN_LETTER.search(q) or LATIN_LETTER.search(c):
        return 1.0
    a = [ch for ch in unicodedata.normalize("NFKC", q) if ch.isalnum()]
    b = [ch for ch in unicodedata.normalize("NFKC", c) if ch.isalnum()]
    if not a or not b or _script(a[0]) != _script(b[0]):
        return 1.0
    if has_han(q) and has_han(c):
        a, b = _han_units(a), _han_units(b)
    return float(Levenshtein.normalized_similarity(a, b))


def _han_units(chars: list[str]) -> list[str]:
    """Each character as its pinyin syllable with tone (itself when it has none)."""
    tones = [t[0] for t in pinyin(chars, style=Style.TONE3, errors="default")]
    return [
        tone if len(tone) > 1 or tone != ch else ch for ch, tone in zip(chars, tones, strict=False)
    ]


def _script(ch: str) -> str:
    return unicodedata.name(ch, "?").split()[0]


@lru_cache(maxsize=65536)
def _patronymics(original: str) -> frozenset[str]:
    return frozenset(w for w in fold_text(original).split() if PATRONYMIC.match(w))


def patronymic_conflict(q: str, c: str) -> bool:
    """Both names state a patronymic, and none in common (``Ivanovich``, ``Viktorovich``).
    A patronymic glued to the given name (``Sergey.Anatolyevich`` read as one word) still
    has it in common."""
    pq, pc = _patronymics(q), _patronymics(c)
    return bool(pq and pc) and not any(_same_patronymic(a, b) for a in pq for b in pc)


NASAB_WORDS = frozenset({"bin", "ben", "ibn", "bint", "binti"})
_NASAB_HEADS = frozenset({"al", "el", "ul", "abd", "abdul", "abdel", "abu", "abou", "bou"})


@lru_cache(maxsize=65536)
def _fathers(original: str) -> tuple[str, ...]:
    """The names after ``bin``/``ben``/``ibn`` in an Arabic name written in Latin letters,
    in order (``SEIFALLAH BEN OMAR BEN MOHAMED`` -> ``omar``, ``mohamed``): the father's,
    then the grandfather's; not at the start of the name. A name beginning with an article
    or ``Abd``/``Abu`` keeps its next word (``BEN ABDUL AZIZ`` -> ``abdulaziz``)."""
    words = fold_text(original).split()
    fathers = []
    for i, word in enumerate(words[:-1]):
        if i == 0 or word not in NASAB_WORDS or words[i + 1] in NASAB_WORDS:
            continue  # a name beginning with BIN is a family name (``BIN MARWAN, Bilal``)
        name = words[i + 1]
        if name in _NASAB_HEADS and i + 2 < len(words) and words[i + 2] not in NASAB_WORDS:
            name += words[i + 2]
        fathers.append(name)
    return tuple(fathers)


def nasab_conflict(q: NormalName, c: NormalName) -> bool:
    """Two Latin-script names that both say whose son they are, and the father each names
    first is none of the other's fathers (``SALMAN BIN MUHAMMAD`` and ``MUHAMMAD BIN
    SALMAN``; ``NESSIM BEN ALI`` and ``NESSIM BEN ROMDHANE``): two people. A father left
    out (``RIADH BEN MOHAMED`` for ``RIADH BEN BELKASSEM BEN MOHAMED``) is no conflict."""
    fq, fc = _fathers(q.original), _fathers(c.original)
    if not (fq and fc) or not both_latin(q, c):
        return False  # an unvowelled transliteration is no reliable father's name
    return not any(_same_patronymic(fq[0], f) for f in fc) and not any(
        _same_patronymic(fc[0], f) for f in fq
    )


def _same_patronymic(a: str, b: str) -> bool:
    return bool(token_similarity(a, b)) or a.endswith(b) or b.endswith(a)


@lru_cache(maxsize=65536)
def _places(original: str) -> frozenset[str]:
    """The places a name states (``Bowne Global Solutions (France)`` -> ``france``)."""
    words = fold_text(original).split()
    known = place_names()
    found = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in known:
                found.add(PLACE_ABBREVIATIONS.get(phrase, phrase))
    return frozenset(found)


def place_conflict(q: NormalName, c: NormalName) -> bool:
    """Two organisations each naming a place the other does not (``Bank of China (Hong
    Kong)``, ``Bank of China (Singapore)``): branches and subsidiaries, not one entity."""
    if c.kind == "person" or not (_organisation(q) or _organisation(c)):
        return False
    pq, pc = _places(q.original), _places(c.original)
    return bool(pq - pc) and bool(pc - pq)


def _organisation(name: NormalName) -> bool:
    return (
        bool(name.legal) or name.kind == "org" or any(t in GENERIC_ORG_WORDS for t in name.tokens)
    )


def legal_only(name: NormalName) -> bool:
    """A name read as legal forms alone (``YK-ANC`` -> ``llc llc``): nothing to match."""
    return not name.legal and all(t in LEGAL_GENERICS for t in name.tokens)


def initials_only(name: NormalName) -> bool:
    """A name of one-letter words alone (``P. V.``): no word to match."""
    return len("".join(name.tokens)) == len(name.tokens)  # (scored per candidate: in C)


def person_like(c: NormalName) -> bool:
    """A person on the list; or a name of unknown type that reads like one; or a name
    listed as a company (the Entity List types none of its rows) made only of known
    personal names (``Eric Cohen``: every word a given or family name in rigour's data)."""
    if c.kind == "person":
        return True
    if c.kind not in ("", "org") or c.legal:
        return False
    if not PERSON_TOKENS[0] <= len(c.tokens) <= PERSON_TOKENS[1]:
        return False
    if any(t in GENERIC_ORG_WORDS or not t.isalpha() for t in c.tokens):
        return False
    return c.kind == "" or all(personal_name(t) for t in c.tokens)


def cjk_person(q: NormalName) -> bool:
    text = q.original.strip()
    return len(text) <= CJK_PERSON_MAX and (has_han(text) or has_hangul(text))


def word_for_word(
    q: NormalName, c: NormalName, pairs: list[tuple[int, int, float]], unmatched_c: list[float]
) -> bool:
    """Each name keeps a distinctive word the other does not have (``ABDUL KABIR ABDUL
    JAN`` and ``ABDUL KABIR MOHAMMAD JAN``): one word in place of another names another
    person, where a word left out on one side only (``ABDUL KABIR JAN``) is a shorter way
    of writing the same name."""
    matched_q = {i for i, _, _ in pairs}
    return any(
        w >= DISTINCTIVE_WEIGHT and len(q.tokens[i]) > 1
        for i, w in enumerate(q.weights)
        if i not in matched_q
    ) and any(w >= DISTINCTIVE_WEIGHT and len(c.tokens[j]) > 1 for j, w in enumerate(unmatched_c))
