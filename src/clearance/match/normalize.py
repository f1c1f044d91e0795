"""Text normalisation shared by indexing and querying: one function, applied to both sides.

Steps, in order: Unicode NFKC; removal of invisible format characters (zero-width space,
joiners, BOM, soft hyphen); homoglyph folding of Cyrillic/Greek look-alike letters inside
Latin words; transliteration (Han via pypinyin and a company-word glossary, Hangul in the
lists' customary spelling, every other script through ICU via rigour); casefolding and
diacritic removal; punctuation to spaces (dots and apostrophes inside words are dropped so
``U.S.A.`` -> ``usa``, ``O'Brien`` -> ``obrien``); bracketed text kept as a separate
variant; legal forms replaced by their generic form from rigour's ISO 20275 database
(``Co., Ltd.``, ``GmbH``, ``OOO`` -> ``llc``; ``AG``, ``JSC`` -> ``jsc``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from mypy_extensions import mypyc_attr
from rapidfuzz.distance import OSA, Hamming
from rigour.names import extract_org_types
from rigour.text import ascii_text

from clearance.match.han import han_person_variants, has_han, romanize_han
from clearance.match.hangul import (
    gloss_legal,
    hangul_person_variants,
    has_hangul,
    romanize_hangul,
)
from clearance.match.weights import token_weight

# Cyrillic and Greek letters that look like Latin ones, folded only inside words that
# also contain Latin letters (so real Cyrillic names are transliterated, not folded).
HOMOGLYPHS = str.maketrans(
    "аеорсухіјѕԁвнкмтАВЕКМНОРСТХУІЈЅαβεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdbhkmtABEKMHOPCTXYIJSabeiknoptuxABEHIKMNOPTYX",
)
# Arabic script writes no short vowels; ayin (ع), dropped by ICU, mostly stands where the
# Latin spellings on the lists write a vowel (علي -> "aly" ~ "Ali", عبد -> "abd").
ARABIC_VOWEL_LETTERS = str.maketrans({"ع": "a", "ء": ""})
_LATIN = re.compile(r"[A-Za-z]")
_CONFUSABLE = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_INNER_MARKS = re.compile(r"(?<=\w)[.'’`´ʼ](?=\w)")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
LEGAL_PREFIX = "~"
# English plurals of generic organisation words, folded so "Huawei Technologies" and the
# glossary's "technology" (from 技术) compare equal.
PLURALS = {
    "technologies": "technology",
    "industries": "industry",
    "companies": "company",
    "holdings": "holding",
    "services": "service",
    "systems": "system",
    "enterprises": "enterprise",
    "investments": "investment",
    "networks": "network",
    "communications": "communication",
    "laboratories": "laboratory",
    "labs": "lab",
}


def _strip_invisible(text: str) -> str:
    return "".join(
        " " if c in "\u00a0\u2007\u202f" else c
        for c in text
        if unicodedata.category(c) != "Cf" and c != "\u00ad"
    )


def _fold_homoglyphs(text: str) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if _LATIN.search(word) and _CONFUSABLE.search(word):
            words[i] = word.translate(HOMOGLYPHS)
    return " ".join(words)


@lru_cache(maxsize=262144)
def fold_text(text: str) -> str:
    """Any-script text -> lowercase ASCII words separated by single spaces."""
    # Every step below works within the words between spaces (a space composes with
    # nothing under NFKC and no step removes one), so a name is folded space-separated
    # piece by piece from a cache of its pieces, which a batch's names share; a piece in
    # Han, Hangul or another non-Latin script needs the whole text (its romanisation
    # reads the words around it).
    words: list[str] = []
    for piece in text.split(" "):
        folded = _fold_piece(piece)
        if folded is None:
            return _fold_whole(text)
        if folded:
            words.append(folded)
    return " ".join(words)


@lru_cache(maxsize=262144)
def _fold_piece(piece: str) -> str | None:
    """``fold_text`` of text with no space in it; None for text in Han, Hangul or any
    other non-Latin script, which is folded as a whole (:func:`_fold_whole`)."""
    if piece.isascii():
        return _fold_ascii(piece)
    text = _before_romanising(piece)
    if has_han(text) or has_hangul(text) or _NOT_LATIN.search(text):
        return None
    return _fold_ascii(_ascii(text.translate(ARABIC_VOWEL_LETTERS)))


def _fold_whole(text: str) -> str:
    if text.isascii():
        # NFKC, invisible and homoglyph folding, transliteration and ascii_text are all
        # the identity on ASCII text: only the steps below apply
        return _fold_ascii(text)
    text = _before_romanising(text)
    if has_han(text):
        text = romanize_han(text)
    if has_hangul(text):
        text = romanize_hangul(text)
    text = text.translate(ARABIC_VOWEL_LETTERS)
    return _fold_ascii(_ascii(text))


def _before_romanising(text: str) -> str:
    """NFKC, invisible characters dropped, homoglyphs in Latin words folded."""
    return _fold_homoglyphs(_strip_invisible(unicodedata.normalize("NFKC", text)))


def _fold_ascii(text: str) -> str:
    """Lowercase words of letters and digits, ``&`` as ``and``, inner marks dropped."""
    text = text.lower().replace("&", " and ")
    text = _INNER_MARKS.sub("", text)
    return " ".join(_singular(w) for w in _NON_WORD.sub(" ", text).split())


_NOT_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff]")


def _ascii(text: str) -> str:
    """``ascii_text``; word by word (cached) for Latin-script text, where it is the same."""
    if _NOT_LATIN.search(text):
        return ascii_text(text)
    return " ".join(_ascii_word(w) for w in text.split(" "))


@lru_cache(maxsize=262144)
def _ascii_word(word: str) -> str:
    return word if word.isascii() else ascii_text(word)


def _singular(word: str) -> str:
    """Fold the plural of generic words; "-ies" of longer words too (typos included)."""
    if word in PLURALS:
        return PLURALS[word]
    if len(word) >= 7 and word.endswith("ies"):
        return word[:-3] + "y"
    return word


# Legal-form words a typo must not turn into a distinctive token: any word one edit from
# a long one ("LIMoTED", "COMoANY"), and the last word of a name one substitution from a
# short one ("LTs", "GnBH", "ImC") unless it is a legal form itself ("coop" is not "corp").
# Only these exact forms are then read as legal forms.
LONG_LEGAL_WORDS = ("limited", "company", "incorporated", "corporation", "partnership")
SHORT_LEGAL_WORDS = ("ltd", "llc", "inc", "plc", "gmbh", "corp", "sarl", "ojsc", "pjsc")
# generic forms rigour gives ("co-op" -> "coop") that it does not recognise written alone
GENERIC_FORMS = frozenset({"coop"})


@lru_cache(maxsize=262144)
def _legal_typo(word: str, last: bool) -> str:
    if len(word) >= 6:
        for form in LONG_LEGAL_WORDS:
            if word != form and OSA.distance(word, form) == 1:
                return form
    elif last and len(word) >= 3 and word not in SHORT_LEGAL_WORDS:
        if word in GENERIC_FORMS or legal_spans(word):
            return word
        for form in SHORT_LEGAL_WORDS:
            if len(form) == len(word) and Hamming.distance(word, form) == 1:
                return form
    return word


@lru_cache(maxsize=262144)
def legal_spans(folded: str) -> tuple[tuple[str, str], ...]:
    """The legal forms rigour finds in folded text, as (words found, generic form)."""
    return tuple(extract_org_types(folded, generic=True))


def mark_legal_forms(folded: str) -> str:
    """Replace legal forms by ``~generic`` tokens (``co ltd`` -> ``~llc``)."""
    words = folded.split()
    if len(words) >= 2:
        last = len(words) - 1
        folded = " ".join([_legal_typo(w, i == last) for i, w in enumerate(words)])
    spans = dict(legal_spans(folded))  # each form replaced once
    if not spans:  # most names: the words as they are
        return folded if len(words) >= 2 else " ".join(words)
    for found, generic in spans.items():
        folded = _legal_pattern(found).sub(f" {LEGAL_PREFIX}{generic} ", folded)
    return " ".join(folded.split())


@lru_cache(maxsize=4096)
def _legal_pattern(found: str) -> re.Pattern[str]:
    """The words of a legal form found, standing alone and not yet marked."""
    return re.compile(rf"(?<![\w{LEGAL_PREFIX}]){re.escape(found)}(?!\w)")


@mypyc_attr(native_class=False)  # pickled (Spark, worker processes): see scripts/compile.py
@dataclass(frozen=True, slots=True)
class NormalName:
    """A name as the matcher sees it: ordinary tokens and legal-form tokens apart."""

    original: str
    tokens: tuple[str, ...]
    legal: tuple[str, ...]
    derived: bool = False  # a variant (brackets dropped, surname split), not the name as written
    weights: tuple[float, ...] = ()  # token_weight of each token, computed once
    script: bool = False  # transliterated from an abjad or Thai: vowels uncertain
    kind: str = ""  # list side only: "person", "object" (vessel, aircraft) or "" (any other)

    @property
    def key(self) -> str:
        return " ".join(sorted(self.tokens)) + ("|" + " ".join(sorted(self.legal)))


_UNVOWELLED = ("ARABIC", "HEBREW", "SYRIAC", "THAI")
_FIRST_UNVOWELLED = "\u0590"  # the Hebrew block, the first of them


def is_unvowelled(text: str) -> bool:
    """Written in a script whose romanisation guesses the vowels (abjads, Thai)."""
    if text.isascii() or max(text) < _FIRST_UNVOWELLED:  # Latin, Greek, Cyrillic: no
        return False
    return any(c.isalpha() and unicodedata.name(c, "").startswith(_UNVOWELLED) for c in text)


def vowels_guessed(name: NormalName) -> bool:
    """A name of two words or more whose Latin spelling guessed its vowels (``script``):
    its words may match by consonants (``Matcher.abjad_similarity``); a lone word so
    matched would say too little."""
    return name.script and len(name.tokens) >= 2


def _to_normal(original: str, folded: str, derived: bool) -> NormalName | None:
    marked = mark_legal_forms(folded)
    if LEGAL_PREFIX in marked:
        words = marked.split()
        tokens = tuple(t for t in words if not t.startswith(LEGAL_PREFIX))
        legal = tuple(t[1:] for t in words if t.startswith(LEGAL_PREFIX))
    else:  # no legal form: every word a token
        tokens, legal = tuple(marked.split()), ()
    if not tokens and (derived or not legal):
        return None  # "(Limited)", "(주)": a bracketed legal form is no name of its own
    tokens, legal = (tokens, legal) if tokens else (legal, ())
    weights = tuple(map(token_weight, tokens))
    return NormalName(original, tokens, legal, derived, weights, is_unvowelled(original))


@lru_cache(maxsize=131072)
def name_variants(name: str) -> tuple[NormalName, ...]:
    """Every form under which a name is indexed or queried, de-duplicated.

    The full name; without bracketed text (``Huawei Technologies Co., Ltd. (Huawei)``);
    the bracketed text alone when it is a name of its own; for short all-Han names, the
    surname-split pinyin (``习近平`` -> ``xi jinping``).
    """
    original, name = name, gloss_legal(name)
    forms: list[tuple[str, bool]] = [(name, False)]
    bracketed = "(" in name or "[" in name or "{" in name
    stripped = _BRACKETS.sub(" ", name) if bracketed else name
    if stripped.strip() and stripped != name:
        inner = [m.group(0)[1:-1] for m in _BRACKETS.finditer(name)]
        # "(Huawei)" repeating the name is a short alias; "(Australia)" qualifies the name.
        rest = set(fold_text(stripped).split())
        adds = any(set(fold_text(part).split()) - rest for part in inner)
        forms.append((stripped, adds))
        forms.extend((part, True) for part in inner)
    if not name.isascii():  # Han or Hangul names
        forms.extend((form, True) for form in han_person_variants(name))
        forms.extend((form, True) for form in hangul_person_variants(name))
    if len(forms) == 1:  # most names: the name as written alone
        normal = _to_normal(original, fold_text(name), False)
        return () if normal is None else (normal,)
    seen: dict[str, NormalName] = {}
    for form, derived in forms:
        normal = _to_normal(original, fold_text(form), derived)
        if normal is not None:
            seen.setdefault(normal.key, normal)
    return tuple(seen.values())


def normalize_name(text: str) -> str:
    """The canonical comparable form of a name (first variant), as one string."""
    variants = name_variants(text)
    if not variants:
        return ""
    v = variants[0]
    return " ".join(v.tokens + tuple(LEGAL_PREFIX + t for t in v.legal))


def name_tokens(text: str) -> list[str]:
    """The ordinary (non-legal-form) tokens of a name's canonical form."""
    variants = name_variants(text)
    return list(variants[0].tokens) if variants else []
