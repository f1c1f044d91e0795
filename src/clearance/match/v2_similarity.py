"""Token similarity of matcher ``name-v2``: v1's rules with typing and OCR allowances,
vowel-dropped skeletons, acronyms kept apart from skeletons and nickname groups; for a
query word spelt from an abjad, consonants alone (:func:`abjad_similarity`); and the
retrieval keys that reach every pair it relates (see :mod:`clearance.match.name_v2`)."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz.distance import OSA

from clearance.match import keys
from clearance.match.homophones import HOMOPHONE_SIMILARITY, homophones, sound
from clearance.match.tokens import (
    MIN_SIMILARITY,
    SHORT_PREFIX_MIN,
    SKELETON_MIN_EDIT,
    SKELETON_SIMILARITY,
    deletes,
    graded_similarity,
    skeleton,
    strict_from,
)
from clearance.match.tokens import strict_similarity as v1_strict

OCR_SIMILARITY = 0.92


SYMBOL_SIMILARITY = 0.85  # two spellings of one personal name (rigour's name data)


CHEAP_EDIT = 0.5  # what a neighbouring-key or OCR substitution, or a swap, costs


CHEAP_MIN_LENGTH = 2


KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


NEAR = frozenset(
    {frozenset(row[i : i + 2]) for row in KEYBOARD_ROWS for i in range(len(row) - 1)}
    | {frozenset(p) for p in ("il", "ce", "oc", "uv", "nh", "mn")}
)


_OCR_DIGITS = str.maketrans("01568", "olsbb")


_OCR_GROUPS = (("rn", "m"), ("vv", "w"), ("cl", "d"))


VOWEL = re.compile(r"[aeiouy]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=262144)
def ocr_fold(token: str) -> str:
    """The letters OCR misreads, read back: digits inside a word, ``rn``, ``vv``, ``cl``."""
    if not token.isalpha() and not token.isdigit() and any(c.isalpha() for c in token):
        token = token.translate(_OCR_DIGITS)
    for group, letter in _OCR_GROUPS:
        if group in token:
            token = token.replace(group, letter)
    return token


def _cheap(a: str, b: str) -> float:
    """Similarity of equal-length tokens one neighbouring-key substitution or one swap
    apart; 0.0 otherwise."""
    n = len(a)
    if n != len(b) or n < CHEAP_MIN_LENGTH:
        return 0.0
    diff = [i for i in range(n) if a[i] != b[i]]
    if len(diff) == 1:
        i = diff[0]
        if frozenset((a[i], b[i])) not in NEAR:
            return 0.0
    elif not (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    ):
        return 0.0
    return 1.0 - CHEAP_EDIT / n


def _vowels_dropped(a: str, b: str) -> bool:
    """The shorter token is the longer with vowels left out (``dig``, ``diego``)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    for ch in long:
        if i < len(short) and ch == short[i]:
            i += 1
        elif ch not in "aeiouy":
            return False
    return i == len(short)


def _same_skeleton(a: str, b: str) -> bool:
    """v1's skeleton test, two-letter skeletons also for vowel-dropped words of any
    length, and not between a vowelled word and a list acronym."""
    if skeleton(a) != skeleton(b):
        return False
    size = len(skeleton(a))
    if size < 2 or (size == 2 and max(len(a), len(b)) > 4 and not _vowels_dropped(a, b)):
        return False
    return not (_acronym(b, a) and VOWEL.search(a[1:]))


def _prefix_allowed(head: str, whole: str) -> bool:
    return not _patronymic_of(head, whole)


def _acronym(token: str, other: str) -> bool:
    """A short list token without vowels after its first letter (``ssm``, ``abr``; ``sb``
    against a word of four letters or more, while ``un`` stays ``uun``)."""
    size = len(token)
    return (size >= 3 or len(other) >= 4) and size <= 5 and not VOWEL.search(token[1:])


@lru_cache(maxsize=1_000_000)
def token_similarity(a: str, b: str) -> float:
    """Similarity of a query token ``a`` and a list token ``b`` in [0, 1]; 0 below
    MIN_SIMILARITY. v1's rules, with the changes in the module docstring."""
    return 0.0 if _unrelated(a, b) else _rules(a, b)


def _rules(a: str, b: str) -> float:
    """:func:`token_similarity` without the shortcut for unrelated pairs."""
    score = graded_similarity(a, b, _same_skeleton, _prefix_allowed)
    score = max(score, _typing(a, b), _homophone(a, b))
    if score < SYMBOL_SIMILARITY and name_symbols(a) & name_symbols(b):
        score = SYMBOL_SIMILARITY
    return score if score >= MIN_SIMILARITY else 0.0


def _unrelated(a: str, b: str) -> bool:
    """True for a pair no rule of :func:`token_similarity` relates, known cheaply (half
    the pairs the index retrieves): two words of two letters or more, under half alike
    by edits (what the edit, skeleton and typing rules need), neither a prefix of the
    other, no OCR reading and no nickname group shared."""
    if len(a) < 2 or len(b) < 2 or OSA.normalized_similarity(a, b) >= SKELETON_MIN_EDIT:
        return False
    head, whole = (a, b) if len(a) < len(b) else (b, a)
    return not (
        whole.startswith(head)
        or ocr_fold(a) != a
        or ocr_fold(b) != b
        or name_symbols(a) & name_symbols(b)
    )


def _homophone(a: str, b: str) -> float:
    """The allowance for two spellings of one sound (:mod:`clearance.match.homophones`)."""
    return HOMOPHONE_SIMILARITY if homophones(a, b) else 0.0


def _typing(a: str, b: str) -> float:
    """The typing and OCR allowances alone."""
    fa, fb = ocr_fold(a), ocr_fold(b)
    if fa == fb:
        return OCR_SIMILARITY
    return max(_cheap(a, b), _cheap(fa, fb))


@lru_cache(maxsize=262144)
def strict_similarity(a: str, b: str) -> float:
    """``token_similarity`` for a name resting on one distinctive token: without the
    phonetic and prefix allowances (as v1); the typing and OCR allowances stay (``KAVw``
    is ``KAVE``)."""
    loose = token_similarity(a, b)
    return strict_from(a, b, loose, max(_typing(a, b), _homophone(a, b)) if loose else 0.0)


@lru_cache(maxsize=262144)
def pinyin_similarity(a: str, b: str) -> float:
    """For the syllables of a Han personal name: v1's strict similarity (no phonetic,
    prefix or typing allowances: pinyin is machine-made, short syllables collide)."""
    return min(token_similarity(a, b), v1_strict(a, b))


_KOREAN_VOWELS = (("eo", "o"), ("eu", "u"), ("ae", "e"), ("oe", "e"), ("wo", "o"))
_KOREAN_CONSONANTS = str.maketrans("gdbjr", "ktpcl")


@lru_cache(maxsize=65536)
def korean_fold(token: str) -> str:
    """A romanised Korean syllable with the differences between romanisations folded
    (Revised: ``jeong``, ``seung``; McCune-Reischauer as the lists write it: ``jong``,
    ``sung``; ``g/k``, ``d/t``, ``b/p``, ``j/ch``, ``r/l``)."""
    for long, short in _KOREAN_VOWELS:
        token = token.replace(long, short)
    return token.replace("ch", "j").translate(_KOREAN_CONSONANTS)


@lru_cache(maxsize=262144)
def hangul_similarity(a: str, b: str) -> float:
    """For the syllables of a Hangul personal name: equal once romanisations are folded,
    or v1's strict similarity (``sang`` is not ``song``: Korean names differ in vowels)."""
    loose = token_similarity(a, b)
    if loose == 0.0 or korean_fold(a) == korean_fold(b):
        return loose
    return min(loose, v1_strict(a, b))


MIN_ABJAD_CONSONANTS = 2
ARTICLES = frozenset({"al", "el", "ul", "il"})
# the article after a one-letter conjunction or preposition written onto it (wa-l, bi-l,
# li-l: ``WAL MUSLIMIN`` for the list's ``WA AL-MUSLIMIN``): it still holds an article
JOINED_ARTICLES = frozenset({"wal", "wel", "bil", "lil"})

_ABJAD_SPELLINGS = (
    ("dj", "j"),
    ("tch", "S"),
    ("sch", "S"),
    ("ch", "S"),
    ("sh", "S"),
    ("kh", "x"),
    ("gh", "k"),
    ("ck", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("zh", "z"),
    ("ou", "u"),
)
_ABJAD_LETTERS = str.maketrans("qcgpv", "kkkbf", "aeiouwy'")
_REPEATED = re.compile(r"(.)\1+")
_SOFT_C = re.compile(r"c(?=[eiy])")  # French: BELKACEM, KACEM
_GLUED_ARTICLE = re.compile(r"^(?:[ae]l-?(?=[a-z]{3})|[ae](?=([stdnrzl])\1))")
# a guessed final vowel that may stand for ta marbuta, which a list may write as it sounds
# before a genitive or in Persian and Urdu: ``SELSELAT`` for ``سلسلة``, ``RAHMAT`` for ``رحمة``
_TA_MARBUTA = re.compile(r"[ae]h?$")


@lru_cache(maxsize=262144)
def abjad_skeleton(token: str) -> str:
    """The consonants an Arabic-script spelling of ``token`` writes, each as one letter
    for the ways the lists spell it: ``q k c g gh`` (qaf, read ``g`` in the Gulf and
    Egypt, ``gh`` in the Maghreb), ``s`` and French ``ce ci``, ``sh ch`` (French),
    ``j dj``, ``t th``, ``d dh``,
    ``b p``, ``f v``; ``kh`` apart; vowels, ``w`` and ``y`` (long vowels) dropped but a
    first vowel kept as ``a`` and a final ``i``/``y`` as ``y`` (nisba: ``AHMADI`` is not
    ``AHMED``), a final ``h`` (ta marbuta) dropped, doubled letters once (``MEKKI`` ->
    ``mky``, ``DJERMANE`` -> ``jrmn``, ``ZARKAOUI`` -> ``zrky``; ``HABIB`` -> ``hbb``)."""
    if not token.isalpha() or not token.isascii():
        return token
    for spelling, letter in _ABJAD_SPELLINGS:
        token = token.replace(spelling, letter)
    token = _SOFT_C.sub("s", token)
    head = "a" if token[0] in "aeiouwy" else ""
    nisba = "y" if len(token) > 2 and token[-1] in "iy" else ""  # -i, -y: a written ya
    tail = _REPEATED.sub(r"\1", token)[1 if head else 0 :].translate(_ABJAD_LETTERS)
    if len(tail) > 1 and tail.endswith("h"):
        tail = tail[:-1]
    return head + tail + nisba


def unglued(token: str) -> str:
    """A list word without the article written onto it (``ESSAADI``, ``ELSSEID``,
    ``ALSHEHRI``); the word itself when it has none."""
    return _GLUED_ARTICLE.sub("", token)


def abjad_keys(token: str) -> set[str]:
    """Retrieval keys of :func:`abjad_similarity`: the abjad skeleton of the word, and of
    the word without a glued article, and for a word ending in a vowel that may be ta
    marbuta, its skeleton read with ``t`` (filed for list and query words alike)."""
    if not token.isalpha() or len(token) < 2:
        return set()
    return {"a:" + s for s in (*_skeletons(token), _construct(token)) if s}


@lru_cache(maxsize=262144)
def _skeletons(listed: str) -> tuple[str, str]:
    """The consonants a list word may write: as spelt, and without a glued article."""
    return abjad_skeleton(listed), abjad_skeleton(unglued(listed))


@lru_cache(maxsize=65536)
def _construct(word: str) -> str:
    """The skeleton of a guessed word ending in ta marbuta's vowel (``a``, ``ah``) read as
    the ``t`` it is before a genitive (``SELSELAT AL THAHAB``) or in Persian; ``""`` for
    another word."""
    if not _TA_MARBUTA.search(word):
        return ""
    return abjad_skeleton(_TA_MARBUTA.sub("", word)) + "t"


@lru_cache(maxsize=262144)
def abjad_similarity(a: str, b: str) -> float:
    """:func:`token_similarity` for a query word spelt from a name written in an abjad
    (Arabic, Hebrew script: the vowels are a guess, ``MAKI`` for ``MEKKI``): at least
    :data:`~clearance.match.tokens.SKELETON_SIMILARITY` when the list word, or the list
    word without a glued article, writes the same consonants
    (:data:`MIN_ABJAD_CONSONANTS` or more: one consonant is too common), or a list word
    ending in ``t`` writes them with the query's final ``a`` read as ta marbuta's ``t``
    (``SALSALA``/``SELSELAT``, ``RAHMA``/``RAHMAT``); nothing for a
    list's article against a word that is none (the query's article is a word of its
    own: ``ALI`` is not the ``AL`` of ``AL-TIKRITI``; ``WAL``, wa + al, holds one)."""
    if b in ARTICLES and a not in ARTICLES | JOINED_ARTICLES:
        return 0.0  # the article the list wrote apart is no word of the name (ALI, AL-)
    score = token_similarity(a, b)
    if score >= SKELETON_SIMILARITY:
        return score
    return max(score, consonant_similarity(a, b))


def consonant_similarity(a: str, b: str) -> float:
    """The consonant rule of :func:`abjad_similarity` alone: what it gives a pair
    :func:`token_similarity` does not relate (one sharing no :func:`token_keys` key, so
    the index scores the words only its abjad keys reach without the costlier rules)."""
    ours, listed = abjad_skeleton(a), _skeletons(b)
    if not (ours in listed or (b[-1:] == "t" and _construct(a) in listed)):
        return 0.0  # most pairs: checked first, as cheaply as it can be
    if b in ARTICLES and a not in ARTICLES | JOINED_ARTICLES:
        return 0.0
    if len(a) < 2 or len(b) < 2 or not (a.isalpha() and b.isalpha()) or _acronym(b, a):
        return 0.0  # an abjad spells no acronym (``RHD`` is not ``RAHAT``)
    if len(ours.lstrip("a").rstrip("y")) < MIN_ABJAD_CONSONANTS:
        return 0.0
    return SKELETON_SIMILARITY


def token_keys(token: str) -> set[str]:
    """v1's query keys, plus those of the OCR-folded token and, for a two-letter token,
    each of its letters (two-letter typing errors: v1 files no deletions that short)."""
    return keys.token_keys(token) | _extra_keys(token)


def vocab_keys(token: str) -> set[str]:
    """v1's vocabulary keys, plus the same additions as :func:`token_keys`."""
    return keys.vocab_keys(token) | _extra_keys(token) | abjad_keys(token)


@cache
def _name_tables() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Nickname groups and personal names, frozen from rigour's person-name data by
    ``scripts/build_name_tables.py`` (loading rigour's data itself costs 9 s and 400 MB,
    and an upgrade of it must not change a past score)."""
    raw = resources.files("clearance.match").joinpath("data/name_v2_names.json").read_text()
    data = json.loads(raw)
    nicknames = {str(w): frozenset(g) for w, g in data["nicknames"].items()}
    return nicknames, frozenset(data["personal"])


def name_symbols(token: str) -> frozenset[str]:
    """The nickname groups a token belongs to: ``ted`` and ``theodore``, ``bill`` and
    ``william`` share one. (rigour's Wikidata given-name items are not used: they join
    names as different as ``Jacob`` and ``James``.)"""
    return _name_tables()[0].get(token, frozenset())


def personal_name(token: str) -> bool:
    """A given or family name in rigour's person-name data (Wikidata name items)."""
    return token in _name_tables()[1]


def _extra_keys(token: str) -> set[str]:
    found = {"n:" + s for s in name_symbols(token)}
    heard = sound(token)
    if heard:  # what two spellings of one sound share (homophones)
        found.add("h:" + heard)
    folded = ocr_fold(token)
    if folded != token:
        found.update("d:" + k for k in deletes(folded))
    for form in {token, folded}:
        if len(form) == CHEAP_MIN_LENGTH:
            found.update(("d:" + form[0], "d:" + form[1]))
    return found


PATRONYMIC_SUFFIX = re.compile(r"[oe]?v[iy]t?ch|[oe]vna|ivna|ichna")


PATRONYMIC = re.compile(
    r"^[a-z]{3,}(?:ovich|evich|ovitch|evitch|ovych|evych|ovna|evna|ivna|ichna)$"
)


def _patronymic_of(head: str, whole: str) -> bool:
    """``whole`` is the patronymic made from the given name ``head`` (``Oleksandrovych``)."""
    return (
        len(head) >= SHORT_PREFIX_MIN
        and PATRONYMIC_SUFFIX.fullmatch(whole[len(head) :]) is not None
    )
