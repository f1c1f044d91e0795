"""Matcher ``name-v2``: ``name-v1``'s weighted token alignment with typing-aware token
similarity and name-structure evidence.

What changed from v1 (each measured in ``benchmarks/``; v1 stays available for replay):

* **Typing and OCR errors.** A substitution between neighbouring keys of a QWERTY row
  (``Jpse`` for ``Jose``, ``Ak`` for ``Al``) or between letters OCR confuses (``i``/``l``),
  and a swap of two adjacent letters (``Adb`` for ``Abd``), cost half an edit: such a
  token scores ``1 - 0.5 / length`` where v1 gave short tokens nothing. Digits inside a
  word and ``rn``/``vv``/``cl`` are read as the letters OCR mistakes them for
  (``0MAR``, ``A6d``, ``Ahrnad``): equal once so folded scores :data:`OCR_SIMILARITY`.
* **Vowels dropped from short words.** Two-consonant skeletons count for words of any
  length when one is the other without some vowels (``Dig``, ``Diego``; ``SAD``,
  ``SAADE``); v1 counted them up to four letters.
* **Nicknames.** Two words that rigour's person-name data puts in one nickname group
  score :data:`SYMBOL_SIMILARITY` (``Ted``, ``Theodore``; ``Bill``, ``William``).
* **Acronyms are not skeletons.** A short list token without vowels (``SSM``, ``RHD``,
  ``PPL``) no longer matches a vowelled word with the same consonants (``Sama``, ``Roht``,
  ``Paul``); a vowel-dropped query (``Vldmr``) still does.
* **A lone word is weak evidence against a person.** When a query matched a single word
  (not a particle; an initial counts) of a person's name and the name has another
  distinctive word left over (``Cohen`` for ``Eric Cohen``, ``Diaz LLC`` for ``Victor
  Thomas Diaz``), the score is multiplied by :data:`LONE_MATCH`; likewise when a full
  company name (one stating a legal form: ``Rossi S.p.A.``, ``Gül A.Ş.``) matched a single
  word of any list name with a distinctive word left over (a bare word such as ``Huawei``
  is a search for everything named so, and keeps its score). Person here means a
  person on the list, or a list name of unknown type (not a company) of two to four words,
  none of them a legal form, an organisation word or a number.
* **Nothing exact.** Two Latin-script names of two words or more whose every word
  matched only approximately (``Robert Olson``, ``Bob Wilson``) score times
  :data:`FUZZY_EXTRA`.
* **Initials are parts.** v1 demotes a person's name matched on one part only; an
  initial matched to the listed initial now counts as a part (``OGUNGBUYI A.``).
* **Fuzzy words and a word left over.** When a person's name (as above) has a distinctive
  word left over and a word of the query matched only approximately, not as an initial or
  a truncation (``Sean Smith`` for
  ``Jason Dean Smith``), the score is multiplied by :data:`FUZZY_EXTRA`: either alone is
  common in a true match, both together mostly in another person's name. Not across
  scripts, where transliteration makes words approximate and patronymics are left over.

* **Han and Hangul personal names have no typing allowance.** Their romanisation is made
  by machine; for Han (pinyin, a fixed system) v1's strict comparison applies to every
  syllable, as the phonetic and prefix allowances only make them collide (``ting`` ~
  ``dong``); Hangul keeps v1's similarity (list spellings of Korean vary).
* **Han and Hangul personal names.** A query written in Han or Hangul of at most four
  characters is a personal name of few, common syllables: a distinctive word of the list
  name left unmatched (``郭英`` against ``WANG, Guo Ying``, ``潘斌`` against ``Pan
  Aviation, Inc.``) multiplies the score by :data:`CJK_EXTRA`.
* **Patronymics.** Lists often omit them, so a name is also compared without them
  (:func:`rewrite`), and a query word is no prefix of one (``Oleksandr`` is not
  ``Oleksandrovych``); two names stating different patronymics conflict: the score is
  multiplied by :data:`PATRONYMIC_CONFLICT`.
* **Same script.** Two names written in the same non-Latin script are compared as
  written too, and score no more than their letter-by-letter (Han: character-by-character,
  tones kept) similarity: a romanisation can make different names equal (``김종은`` and
  ``김정은`` both read ``kim jong eun``).
* **Places.** Two organisations each naming a country or territory the other does not
  (``Bank of China (Hong Kong)``, ``Bank of China (Singapore)``) are a parent's branches or
  subsidiaries, not one entity: the score is multiplied by :data:`PLACE_CONFLICT`.
* **Legal forms alone are no name.** A name read as nothing but legal forms (``YK-ANC``
  -> ``llc llc``) matches only the very same name (``ASBL``).

The score formula, its weights and the index's bound are v1's: every change either adds
similarity the retrieval keys of :func:`token_keys` / :func:`vocab_keys` reach, or
multiplies the score by a factor below one.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

from pypinyin import Style, pinyin
from rapidfuzz.distance import OSA, Levenshtein
from rigour.names import extract_org_types

from clearance.match import keys
from clearance.match.han import has_han
from clearance.match.hangul import has_hangul
from clearance.match.name_v1 import (
    DERIVED_PENALTY,
    JOINED_SCORE,
    LAMBDA,
    LEGAL_MISMATCH,
    PARTIAL_PERSON,
    PERSON_FILLERS,
    SPECIFIC_WEIGHT,
    TYPE_CONFLICT,
    NameScore,
    _positions,
)
from clearance.match.name_v1 import _partial_person as v1_partial_person
from clearance.match.normalize import HOMOGLYPHS, NormalName, fold_text, is_unvowelled
from clearance.match.normalize import name_variants as v1_variants
from clearance.match.script_forms import script_forms
from clearance.match.tokens import (
    INITIAL_SIMILARITY,
    MAX_EDITS,
    MIN_SIMILARITY,
    PREFIX_MIN,
    PREFIX_SIMILARITY,
    SHORT_PENALTY,
    SHORT_PREFIX,
    SHORT_PREFIX_MIN,
    SHORT_TOKEN,
    SKELETON_MIN_EDIT,
    SKELETON_SIMILARITY,
    STRICT_PREFIX_MIN,
    deletes,
    skeleton,
)
from clearance.match.tokens import strict_similarity as v1_strict
from clearance.match.tokens import token_similarity as v1_similarity
from clearance.match.weights import GENERIC_ORG_WORDS, GENERIC_WEIGHT, STOPWORD_WEIGHT, token_weight

NAME = "name-v2"
OCR_SIMILARITY = 0.92
SYMBOL_SIMILARITY = 0.85  # two spellings of one personal name (rigour's name data)
CHEAP_EDIT = 0.5  # what a neighbouring-key or OCR substitution, or a swap, costs
CHEAP_MIN_LENGTH = 2
LONE_MATCH = 0.8
CJK_EXTRA = 0.8
FUZZY_EXTRA = 0.9
PATRONYMIC_CONFLICT = 0.7
LEGAL_WORD_WEIGHT = 0.4  # a legal-form word kept as a word (weights.LEGAL_FORM_WEIGHT)
PLACE_CONFLICT = 0.75
PLACE_ABBREVIATIONS = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "hk": "hong kong",
    "uae": "united arab emirates",
    "hong kong": "hong kong",  # rigour names it "Hong Kong SAR"; lists write it plainly
    "macau": "macao",
    "macao": "macao",
    "great britain": "united kingdom",
    "turkey": "turkey",
    "czech republic": "czechia",
}
LEGAL_GENERICS = frozenset({"llc", "jsc", "lp", "gp", "ngo", "coop"})  # rigour's generic forms
CJK_PERSON_MAX = 4  # characters
DISTINCTIVE_WEIGHT = 4.0  # a word weighing this much identifies (first names, surnames)
PERSON_TOKENS = (2, 4)  # words of a list name of unknown type read as a person's

__all__ = ["LAMBDA", "NAME", "SPECIFIC_WEIGHT", "NameScore", "quick_score", "score_names"]

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEAR = frozenset(
    {frozenset(row[i : i + 2]) for row in _ROWS for i in range(len(row) - 1)}
    | {frozenset(p) for p in ("il", "ce", "oc", "uv", "nh", "mn")}
)
_OCR_DIGITS = str.maketrans("01568", "olsbb")
_OCR_GROUPS = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_VOWEL = re.compile(r"[aeiouy]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NOT_LATIN = re.compile(r"[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]")


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


def _acronym(token: str, other: str) -> bool:
    """A short list token without vowels after its first letter (``ssm``, ``abr``; ``sb``
    against a word of four letters or more, while ``un`` stays ``uun``)."""
    size = len(token)
    return (size >= 3 or len(other) >= 4) and size <= 5 and not _VOWEL.search(token[1:])


@lru_cache(maxsize=1_000_000)
def token_similarity(a: str, b: str) -> float:
    """Similarity of a query token ``a`` and a list token ``b`` in [0, 1]; 0 below
    MIN_SIMILARITY. v1's rules, with the changes in the module docstring."""
    if a == b:
        return 1.0
    la, lb = len(a), len(b)
    if la == 1 or lb == 1:
        return INITIAL_SIMILARITY if a[0] == b[0] and a.isalpha() and b.isalpha() else 0.0
    if a.isdigit() or b.isdigit():
        return 0.0
    edit = OSA.normalized_similarity(a, b)
    score = edit if OSA.distance(a, b) <= MAX_EDITS else 0.0
    if max(la, lb) <= SHORT_TOKEN and edit <= Levenshtein.normalized_similarity(a, b):
        score -= SHORT_PENALTY
    tiny = len(skeleton(a)) == 2 and (max(la, lb) <= 4 or _vowels_dropped(a, b))
    same_skeleton = (len(skeleton(a)) >= 3 or tiny) and skeleton(a) == skeleton(b)
    if same_skeleton and _acronym(b, a) and _VOWEL.search(a[1:]):
        same_skeleton = False
    if (
        score < SKELETON_SIMILARITY
        and min(la, lb) >= 2
        and same_skeleton
        and edit >= SKELETON_MIN_EDIT
    ):
        score = SKELETON_SIMILARITY
    if min(la, lb) >= SHORT_PREFIX_MIN:
        head, whole = (a, b) if la < lb else (b, a)
        prefix = PREFIX_SIMILARITY if len(head) >= PREFIX_MIN else SHORT_PREFIX[len(head)]
        if score < prefix and whole.startswith(head) and not _patronymic_of(head, whole):
            score = prefix
    score = max(score, _typing(a, b))
    if score < SYMBOL_SIMILARITY and name_symbols(a) & name_symbols(b):
        score = SYMBOL_SIMILARITY
    return score if score >= MIN_SIMILARITY else 0.0


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
    if loose == 0.0 or a == b or len(a) == 1 or len(b) == 1:
        return loose
    if not _VOWEL.search(a[1:]) or not _VOWEL.search(b[1:]):
        return loose
    head, whole = (a, b) if len(a) < len(b) else (b, a)
    if len(head) >= STRICT_PREFIX_MIN and whole.startswith(head):
        return loose
    edit = OSA.normalized_similarity(a, b)
    if max(len(a), len(b)) <= SHORT_TOKEN and edit <= Levenshtein.normalized_similarity(a, b):
        edit -= SHORT_PENALTY
    strict = min(loose, max(edit, _typing(a, b)))
    return strict if strict >= MIN_SIMILARITY else 0.0


@lru_cache(maxsize=262144)
def pinyin_similarity(a: str, b: str) -> float:
    """For the syllables of a Han personal name: v1's strict similarity (no phonetic,
    prefix or typing allowances: pinyin is machine-made, short syllables collide)."""
    return min(token_similarity(a, b), v1_strict(a, b))


def token_keys(token: str) -> set[str]:
    """v1's query keys, plus those of the OCR-folded token and, for a two-letter token,
    each of its letters (two-letter typing errors: v1 files no deletions that short)."""
    return keys.token_keys(token) | _extra_keys(token)


def vocab_keys(token: str) -> set[str]:
    """v1's vocabulary keys, plus the same additions as :func:`token_keys`."""
    return keys.vocab_keys(token) | _extra_keys(token)


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


def _personal_name(token: str) -> bool:
    """A given or family name in rigour's person-name data (Wikidata name items)."""
    return token in _name_tables()[1]


def _extra_keys(token: str) -> set[str]:
    found = {"n:" + s for s in name_symbols(token)}
    folded = ocr_fold(token)
    if folded != token:
        found.update("d:" + k for k in deletes(folded))
    for form in {token, folded}:
        if len(form) == CHEAP_MIN_LENGTH:
            found.update(("d:" + form[0], "d:" + form[1]))
    return found


_DOTTED = re.compile(r"(?<=[^\W_]{2})\.(?=[^\W\d_])")  # "KAVE.S.A.", not "S.A."


@lru_cache(maxsize=131072)
def name_variants(name: str) -> tuple[NormalName, ...]:
    """v1's forms, plus derived forms (when they read differently):

    * the list-style spellings of a name in another script
      (:mod:`clearance.match.script_forms`: Arabic script);
    * dots between letters read as word breaks (``KAVE.S.A.`` -> ``KAVE S A``);
    * a mistyped legal form put right (``S.s.`` -> ``SA``, ``vO.`` -> ``Co.``);
    * the name rewritten (:func:`rewrite`): numbers as digits, titles and patronymics
      dropped, long legal forms and country abbreviations spelt the usual way;
    * each part of a name of alternatives joined by a slash (``Al-Qa'ida/Islamic Army``);
    * an article or particle joined to the name it is hyphenated to (``AL-FIRAS`` ->
      ``ALFIRAS``, which a query initial ``A.`` can then stand for);
    * no-break spaces inside a word dropped (``N\u00a0ASR`` -> ``NASR``);
    * a long name cut off at a field limit without its last fragment (:func:`_cut_off`);
    * the words of a name with legal forms, legal-form words kept as light words in
      place (:func:`_words_form`: ``STOCK COMPANY SALUTE JOINT`` is ``JOINT STOCK COMPANY
      SALUTE`` in another order).

    A variant that is nothing but places (v1's ``(HK)`` of ``Yashen (HK) Electronics``)
    is dropped: a qualifier, not a name.
    """
    forms = [f for f in v1_variants(name) if not (f.derived and _only_places(f))]
    extra = [] if name.isascii() else script_forms(name)
    if _DOTTED.search(name):
        extra.append(_DOTTED.sub(". ", name))
    if _HYPHENATED.search(name):
        extra.append(_HYPHENATED.sub(r"\1", name))
    if _GLUED_SPACE.search(name):
        extra.append(_GLUED_SPACE.sub("", name))
    if not name.isascii() and _LATIN_LETTER.search(name):
        looks_latin = _look_alike_words(name)
        if looks_latin != name:
            extra.append(looks_latin)
    folded = fold_text(name)
    corrected = _correct_form_word(folded)
    if corrected:
        extra.append(corrected)
    rewritten = rewrite(folded)
    if rewritten != folded:
        extra.append(rewritten)
    cut = _cut_off(name, folded)
    if cut:
        extra.append(cut)
    if _SLASH.search(name):
        extra.extend(part for part in _SLASH.split(name) if _LETTERS3.search(part))
    seen = {f.key for f in forms}
    for text in extra:
        for form in v1_variants(text):
            if form.key not in seen and not _only_places(form):
                seen.add(form.key)
                forms.append(_derived(form, name))
    words = _words_form(folded, forms[0] if forms else None)
    if words is not None and words.key not in seen:
        forms.append(_derived(words, name))
    return tuple(forms)


_HYPHENATED = re.compile(r"\b(al|el|ul|ad|ar|as|at|az|an|ed|er|es|et|ez)-(?=[^\W\d_]{2})", re.I)
HOMOGLYPH_LETTERS = frozenset(chr(k) for k in HOMOGLYPHS)
_GLUED_SPACE = re.compile(r"(?<=[^\W\d_])[\u00a0\u2007\u202f](?=[^\W\d_])")


def _look_alike_words(name: str) -> str:
    """In a Latin-script name, whole words of Cyrillic or Greek letters that all look
    like Latin ones read as those (``TET KHAM GEMS со., LTD.``: ``со`` is ``co``); v1
    folds look-alikes only inside words that also hold Latin letters."""
    words = name.split(" ")
    for i, word in enumerate(words):
        letters = [ch for ch in word if ch.isalpha()]
        if letters and all(ch in HOMOGLYPH_LETTERS for ch in letters):
            words[i] = word.translate(HOMOGLYPHS)
    return " ".join(words)


TRUNCATED_LENGTH = 19  # field limits that cut names: 20, 35 (SWIFT lines), 40 characters


def _cut_off(name: str, folded: str) -> str | None:
    """A long name ending in a fragment of two letters (``HERRERA BUITRAGO, He``: cut at
    a field limit), without the fragment; None otherwise."""
    words = folded.split()
    last = words[-1] if words else ""
    if len(name.strip()) < TRUNCATED_LENGTH or len(words) < 3 or len(last) != 2:
        return None
    if (
        not last.isalpha()
        or token_weight(last) <= STOPWORD_WEIGHT
        or not name.rstrip()[-1].isalpha()
    ):
        return None
    return " ".join(words[:-1])


def _only_places(form: NormalName) -> bool:
    return bool(form.tokens) and " ".join(form.tokens) in _place_names()


def _words_form(folded: str, first: NormalName | None) -> NormalName | None:
    """The name's words in order, legal-form words kept as tokens; None when v1 read no
    legal form in it or nothing would change.

    A legal form of two words or more (``joint stock company``) is kept as light words
    (:data:`LEGAL_WORD_WEIGHT`), so the same words in another order still match. A
    one-word "legal form" inside a name, where legal forms never stand (``KIM, Se Gon``,
    ``SU, Ku-Chi``: name syllables that are also legal-form abbreviations), is kept as an
    ordinary word."""
    if first is None or not first.legal:
        return None
    tokens = tuple(folded.split())
    spans = extract_org_types(folded, generic=True)
    light = {w for found, _ in spans for w in found.split()}
    positions = [i for i, t in enumerate(tokens) if t in light]
    if len(positions) >= 2:
        weights = tuple(LEGAL_WORD_WEIGHT if t in light else token_weight(t) for t in tokens)
    elif len(positions) == 1 and 0 < positions[0] < len(tokens) - 1:
        weights = tuple(token_weight(t) for t in tokens)
    else:
        return None
    return NormalName(first.original, tokens, (), True, weights, first.script, first.kind)


_SLASH = re.compile(r"(?<=[^\W\d_]{3})\s*/\s*(?=[^\W\d_]{3})")  # not "A/S", "c/o"
_LETTERS3 = re.compile(r"[^\W\d_]{3}")
NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if w != "_"
}
TENS["fourty"] = 40  # a common misspelling
ORDINALS = {
    w: str(i + 1)
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
        ]
    )
}
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
TITLES = frozenset(
    """president prasident presidente vice prime minister chairman king queen prince princess
    emir sultan senator ambassador judge colonel lieutenant captain commander marshal
    admiral reverend rev father""".split()  # noqa: SIM905
)
PATRONYMIC_SUFFIX = re.compile(r"[oe]?v[iy]t?ch|[oe]vna|ivna|ichna")
PATRONYMIC = re.compile(
    r"^[a-z]{3,}(?:ovich|evich|ovitch|evitch|ovych|evych|ovna|evna|ivna|ichna)$"
)
LONG_FORMS = {
    "gesellschaft mit beschrankter haftung": "gmbh",
    "societe anonyme": "sa",
    "kommanditgesellschaft": "kg",
}
EXPANSIONS = {
    "us": "united states",
    "usa": "united states of america",
    "uk": "united kingdom",
    "uae": "united arab emirates",
}


@lru_cache(maxsize=131072)
def rewrite(folded: str) -> str:
    """A folded name with numbers as digits (``forty four``, ``1st``, ``third``), a
    leading title dropped from a person's name (``President``), patronymics dropped
    (``Vladimirovich``: lists often omit them; two different ones still conflict, see
    :func:`_score`), German and French long legal forms abbreviated and country
    abbreviations (``US``, ``UK``) spelt out. Repeated words stay (``Mohamed Mohamed``)."""
    words = folded.split()
    out: list[str] = []
    for word in words:
        match = _ORDINAL_DIGITS.match(word)
        if word in ORDINALS:
            word = ORDINALS[word]
        elif match:
            word = match.group(1)
        elif (
            word in NUMBERS
            and out
            and out[-1].isdigit()
            and int(out[-1]) % 10 == 0
            and int(out[-1]) >= 20
        ):
            out[-1] = str(int(out[-1]) + int(NUMBERS[word]))
            continue
        elif word in NUMBERS:
            word = NUMBERS[word]
        elif word in TENS:
            word = str(TENS[word])
        out.append(word)
    organisation = any(w in GENERIC_ORG_WORDS for w in out)
    if not organisation and len(out) > 1:
        while len(out) > 1 and out[0] in TITLES:
            out.pop(0)
        kept = [w for w in out if not PATRONYMIC.match(w)]
        if len(kept) >= 2:
            out = kept
    text = " ".join(EXPANSIONS.get(w, w) for w in out) if len(out) > 1 else " ".join(out)
    for long, short in LONG_FORMS.items():
        if long in text:
            text = text.replace(long, short)
    return text


# Legal-form abbreviations a typo in them is put right: misspelt, they read as a rare word
# the list name lacks; spelt right, as a legal form that weighs little.
FORM_WORDS = frozenset(
    """sa co ooo ood pjsc jsc ojsc cjsc scs sas pte pty ltd srl llc inc zao oao plc spa sarl
    ag kg gmbh bv nv oy corp""".split()  # noqa: SIM905
)
FORM_POSITIONS = 2  # legal forms close a name: only its last words are looked at
_KEY_NEIGHBOURS: dict[str, str] = {}
for _row in _ROWS:
    for _i, _ch in enumerate(_row):
        _KEY_NEIGHBOURS[_ch] = _row[max(0, _i - 1) : _i] + _row[_i + 1 : _i + 2]


@lru_cache(maxsize=65536)
def _legal_word(word: str) -> bool:
    """A legal-form abbreviation: ours above, or one of rigour's of three letters or more
    (``uab``, ``tov``; its two-letter ones are too often name syllables)."""
    return word in FORM_WORDS or (len(word) >= 3 and bool(extract_org_types(word, generic=True)))


def _correct_form_word(folded: str) -> str | None:
    """``folded`` with one of its last words, one neighbouring-key substitution from a
    legal-form abbreviation, put right; None when none is."""
    words = folded.split()
    if len(words) < 2:
        return None
    for k in range(len(words) - 1, max(-1, len(words) - 1 - FORM_POSITIONS), -1):
        word = words[k]
        if not 2 <= len(word) <= 4 or not word.isalpha() or _legal_word(word):
            continue
        for i, ch in enumerate(word):
            for near in _KEY_NEIGHBOURS.get(ch, ""):
                fixed = word[:i] + near + word[i + 1 :]
                if _legal_word(fixed):
                    return " ".join(words[:k] + [fixed] + words[k + 1 :])
    return None


def _derived(form: NormalName, original: str) -> NormalName:
    """``form`` as a derived variant of ``original`` (vowels uncertain if it is in an abjad)."""
    script = form.script or is_unvowelled(original)
    return NormalName(original, form.tokens, form.legal, True, form.weights, script, form.kind)


def align(
    q: tuple[str, ...],
    c: tuple[str, ...],
    strict: int = -1,
    every: Callable[[str, str], float] | None = None,
) -> list[tuple[int, int, float]]:
    """One-to-one alignment of token positions, best similarity first (as v1). The query
    token at ``strict`` is compared by ``strict_similarity``; with ``every``, all are."""
    scored = []
    for i, a in enumerate(q):
        similarity = every or (strict_similarity if i == strict else token_similarity)
        for j, b in enumerate(c):
            sim = similarity(a, b)
            if sim > 0.0:
                scored.append((-sim, i, j))
    scored.sort()
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for neg, i, j in scored:
        if i not in used_q and j not in used_c:
            used_q.add(i)
            used_c.add(j)
            pairs.append((i, j, -neg))
    return pairs


def score_names(q: NormalName, c: NormalName) -> NameScore:
    """Score one query name form against one list name form, with the full detail."""
    score, pairs, coverage, specificity, method = _score(q, c)
    matched_q = {i for i, _, _ in pairs}
    matched_c = {j for _, j, _ in pairs}
    return NameScore(
        score=score,
        pairs=tuple((q.tokens[i], c.tokens[j], s) for i, j, s in pairs),
        unmatched_query=tuple(t for i, t in enumerate(q.tokens) if i not in matched_q),
        unmatched_candidate=tuple(t for j, t in enumerate(c.tokens) if j not in matched_c),
        coverage=coverage,
        specificity=specificity,
        method=method,
    )


def quick_score(q: NormalName, c: NormalName) -> float:
    """The same score as :func:`score_names`, without building the explanation."""
    return _score(q, c)[0]


def _score(
    q: NormalName, c: NormalName
) -> tuple[float, list[tuple[int, int, float]], float, float, str]:
    penalty = DERIVED_PENALTY if (q.derived or c.derived) else 0.0
    if q.legal and c.legal and set(q.legal) != set(c.legal):
        penalty += LEGAL_MISMATCH
    if q.legal and not c.legal and c.kind in ("person", "object"):
        penalty += TYPE_CONFLICT
    if (_legal_only(q) or _legal_only(c)) and fold_text(q.original) != fold_text(c.original):
        return 0.0, [], 0.0, 0.0, "legal_form_only"
    conflict, why = 1.0, ""
    if _patronymic_conflict(q.original, c.original):
        conflict, why = PATRONYMIC_CONFLICT, "patronymic_conflict"
    elif _place_conflict(q, c):
        conflict, why = PLACE_CONFLICT, "place_conflict"
    written = _same_script_similarity(q.original, c.original)
    if written < conflict:
        conflict, why = written, "same_script"
    if q.tokens == c.tokens or sorted(q.tokens) == sorted(c.tokens):
        same = [(i, j, 1.0) for i, j in enumerate(_positions(q.tokens, c.tokens))]
        return max(0.0, conflict - penalty), same, 1.0, 1.0, why or "exact"
    distinctive = [i for i, w in enumerate(q.weights) if w > GENERIC_WEIGHT]
    strict = distinctive[0] if len(distinctive) == 1 and not q.script else -1
    cjk = _cjk_person(q)
    every = (pinyin_similarity if has_han(q.original) else v1_similarity) if cjk else None
    pairs = align(q.tokens, c.tokens, strict, every)
    matched = denominator = 0.0
    unmatched_q = list(q.weights)
    unmatched_c = list(c.weights)
    for i, j, sim in pairs:
        weight = min(q.weights[i], c.weights[j])
        matched += weight * sim
        denominator += weight
        unmatched_q[i] = unmatched_c[j] = 0.0
    denominator += sum(unmatched_q)
    extra = sum(unmatched_c)
    coverage = matched / (denominator + LAMBDA * min(extra, denominator)) if denominator else 0.0
    specificity = min(1.0, math.sqrt(matched / SPECIFIC_WEIGHT)) if matched else 0.0
    score, method = coverage * specificity, "token_alignment"
    matched_c = {j for _, j, _ in pairs}
    if c.kind == "person" and _partial_person(c.tokens, matched_c, q.tokens, pairs):
        score, method = score * PARTIAL_PERSON, "partial_person"
    else:
        left_over = any(w >= DISTINCTIVE_WEIGHT for w in unmatched_c)
        if left_over and cjk:
            score, method = score * CJK_EXTRA, "cjk_person_extra"
        elif left_over:
            evidence = [i for i, _, _ in pairs if q.weights[i] > STOPWORD_WEIGHT]
            evidence += [i for i, _, _ in pairs if len(q.tokens[i]) == 1 and i not in evidence]
            lone = len(evidence) <= 1
            person = _person_like(c)
            if lone and (person or q.legal):
                score, method = score * LONE_MATCH, "lone_word"
            elif (
                person
                and _latin(q, c)
                and any(_fuzzy(q.tokens[i], c.tokens[j], s) for i, j, s in pairs)
            ):
                score, method = score * FUZZY_EXTRA, "fuzzy_with_extra"
    if (
        method == "token_alignment"
        and len(pairs) >= 2
        and _latin(q, c)
        and all(_fuzzy(q.tokens[i], c.tokens[j], s) for i, j, s in pairs)
    ):
        score, method = score * FUZZY_EXTRA, "all_fuzzy"
    if why:
        score, method = score * conflict, why
    if score < JOINED_SCORE and "".join(q.tokens) == "".join(c.tokens):
        score, method = JOINED_SCORE, "joined"
    return min(1.0, max(0.0, score - penalty)), pairs, coverage, specificity, method


def _latin(q: NormalName, c: NormalName) -> bool:
    """Both names written in Latin letters (no transliteration between them)."""
    return not (_NOT_LATIN.search(q.original) or _NOT_LATIN.search(c.original))


def _partial_person(
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


def _fuzzy(a: str, b: str, sim: float) -> bool:
    """An approximate word match: not exact, not an initial, not a truncation."""
    return sim < 1.0 and len(a) > 1 and not b.startswith(a)


def _patronymic_of(head: str, whole: str) -> bool:
    """``whole`` is the patronymic made from the given name ``head`` (``Oleksandrovych``)."""
    return (
        len(head) >= SHORT_PREFIX_MIN
        and PATRONYMIC_SUFFIX.fullmatch(whole[len(head) :]) is not None
    )


@lru_cache(maxsize=65536)
def _same_script_similarity(q: str, c: str) -> float:
    """For two names written in the same non-Latin script, how alike they are as written
    (1.0 otherwise): Han compared character by character (equal, or the same syllable
    and tone: simplified and traditional forms), other scripts letter by letter. A
    romanisation can make different names equal (``김종은``, ``김정은`` -> ``kim jong
    eun``; ``高石``, ``高市`` -> ``gao shi``); the writing cannot."""
    if q == c or q.isascii() or c.isascii():
        return 1.0
    if _NOT_LATIN.search(q) is None or _NOT_LATIN.search(c) is None:
        return 1.0
    if _LATIN_LETTER.search(q) or _LATIN_LETTER.search(c):
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


def _patronymic_conflict(q: str, c: str) -> bool:
    """Both names state a patronymic, and none in common (``Ivanovich``, ``Viktorovich``)."""
    pq, pc = _patronymics(q), _patronymics(c)
    return bool(pq and pc) and not any(token_similarity(a, b) for a in pq for b in pc)


@cache
def _place_names() -> frozenset[str]:
    """Country and territory names (rigour's territories), folded, plus abbreviations."""
    from rigour.territories import get_territories

    names = {fold_text(t.name) for t in get_territories()}
    return frozenset(names | set(PLACE_ABBREVIATIONS))


@lru_cache(maxsize=65536)
def _places(original: str) -> frozenset[str]:
    """The places a name states (``Bowne Global Solutions (France)`` -> ``france``)."""
    words = fold_text(original).split()
    known = _place_names()
    found = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            if phrase in known:
                found.add(PLACE_ABBREVIATIONS.get(phrase, phrase))
    return frozenset(found)


def _place_conflict(q: NormalName, c: NormalName) -> bool:
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


def _legal_only(name: NormalName) -> bool:
    """A name read as legal forms alone (``YK-ANC`` -> ``llc llc``): nothing to match."""
    return not name.legal and all(t in LEGAL_GENERICS for t in name.tokens)


def _person_like(c: NormalName) -> bool:
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
    return c.kind == "" or all(_personal_name(t) for t in c.tokens)


def _cjk_person(q: NormalName) -> bool:
    text = q.original.strip()
    return len(text) <= CJK_PERSON_MAX and (has_han(text) or has_hangul(text))
