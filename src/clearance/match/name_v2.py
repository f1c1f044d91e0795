"""Matcher ``name-v2``: ``name-v1``'s weighted token alignment with typing-aware token
similarity and name-structure evidence.

What changed from v1 (each measured in ``benchmarks/``; v1 stays available for replay):

* **Typing and OCR errors.** A substitution between neighbouring keys of a QWERTY row
  (``Jpse`` for ``Jose``, ``Ak`` for ``Al``) or between letters OCR confuses (``i``/``l``),
  and a swap of two adjacent letters (``Adb`` for ``Abd``), cost half an edit: such a
  token scores ``1 - 0.5 / length`` where v1 gave short tokens nothing. Digits inside a
  word and ``rn``/``vv``/``cl`` are read as the letters OCR mistakes them for
  (``0MAR``, ``A6d``, ``Ahrnad``): equal once so folded scores :data:`OCR_SIMILARITY`.
* **Acronyms are not skeletons.** A short list token without vowels (``SSM``, ``RHD``,
  ``PPL``) no longer matches a vowelled word with the same consonants (``Sama``, ``Roht``,
  ``Paul``); a vowel-dropped query (``Vldmr``) still does.
* **A lone word is weak evidence against a person.** When a query matched a single word
  (not a particle; an initial counts) of a person's name and the name has another
  distinctive word left over (``Cohen`` for ``Eric Cohen``, ``Diaz LLC`` for ``Victor
  Thomas Diaz``), the score is multiplied by :data:`LONE_MATCH`. Person here means a
  person on the list, or a list name of unknown type (not a company) of two to four words,
  none of them a legal form, an organisation word or a number.
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
* **Legal forms alone are no name.** A name read as nothing but legal forms (``YK-ANC``
  -> ``llc llc``) matches nothing.

The score formula, its weights and the index's bound are v1's: every change either adds
similarity the retrieval keys of :func:`token_keys` / :func:`vocab_keys` reach, or
multiplies the score by a factor below one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from clearance.match import keys
from clearance.match.han import has_han
from clearance.match.hangul import has_hangul
from clearance.match.name_v1 import (
    DERIVED_PENALTY,
    JOINED_SCORE,
    LAMBDA,
    LEGAL_MISMATCH,
    PARTIAL_PERSON,
    SPECIFIC_WEIGHT,
    TYPE_CONFLICT,
    NameScore,
    _partial_person,
    _positions,
)
from clearance.match.normalize import NormalName, fold_text, is_unvowelled
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
from clearance.match.weights import GENERIC_ORG_WORDS, GENERIC_WEIGHT, STOPWORD_WEIGHT

NAME = "name-v2"
OCR_SIMILARITY = 0.92
CHEAP_EDIT = 0.5  # what a neighbouring-key or OCR substitution, or a swap, costs
CHEAP_MIN_LENGTH = 2
LONE_MATCH = 0.8
CJK_EXTRA = 0.8
FUZZY_EXTRA = 0.9
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
    tiny = len(skeleton(a)) == 2 and max(la, lb) <= 4
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
        if score < prefix and whole.startswith(head):
            score = prefix
    score = max(score, _typing(a, b))
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


def _extra_keys(token: str) -> set[str]:
    found = set()
    folded = ocr_fold(token)
    if folded != token:
        found.update("d:" + k for k in deletes(folded))
    for form in {token, folded}:
        if len(form) == CHEAP_MIN_LENGTH:
            found.update(("d:" + form[0], "d:" + form[1]))
    return found


_DOTTED = re.compile(r"(?<=[^\W\d_]{2})\.(?=[^\W\d_])")  # "KAVE.S.A.", not "S.A."


@lru_cache(maxsize=131072)
def name_variants(name: str) -> tuple[NormalName, ...]:
    """v1's forms, plus (as derived forms, when they read differently) the list-style
    spellings of a name in another script (:mod:`clearance.match.script_forms`: Arabic
    script), the name with dots
    between letters read as word breaks (``KAVE.S.A.`` -> ``KAVE S A``) and the name with
    a mistyped legal form or function word put right (``S.s.`` -> ``SA``, ``vO.`` ->
    ``Co.``, ``SyOCK`` -> ``STOCK``, ``pf`` -> ``of``)."""
    forms = list(v1_variants(name))
    extra = [] if name.isascii() else script_forms(name)
    if _DOTTED.search(name):
        extra.append(_DOTTED.sub(". ", name))
    corrected = _correct_form_word(fold_text(name))
    if corrected:
        extra.append(corrected)
    seen = {f.key for f in forms}
    for text in extra:
        for form in v1_variants(text):
            if form.key not in seen:
                seen.add(form.key)
                forms.append(_derived(form, name))
    return tuple(forms)


# Words a typo in them is put right: legal-form abbreviations, organisation words and
# function words, all of which weigh little once spelt right and much when misspelt.
FORM_WORDS = (
    frozenset(
        """sa co ooo ood pjsc jsc ojsc cjsc scs sas pte pty ltd srl llc inc zao oao plc spa sarl
    ag kg gmbh bv nv oy corp of and the for""".split()  # noqa: SIM905
    )
    | GENERIC_ORG_WORDS
)
_NEIGHBOURS: dict[str, str] = {}
for _pair in NEAR:
    _a, _b = sorted(_pair)
    _NEIGHBOURS[_a] = _NEIGHBOURS.get(_a, "") + _b
    _NEIGHBOURS[_b] = _NEIGHBOURS.get(_b, "") + _a


def _correct_form_word(folded: str) -> str | None:
    """``folded`` with its last word one neighbouring-key substitution from a form word
    put right; None when no word is."""
    words = folded.split()
    if len(words) < 2:
        return None
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word in FORM_WORDS or not 2 <= len(word) <= 8 or not word.isalpha():
            continue
        for i, ch in enumerate(word):
            for near in _NEIGHBOURS.get(ch, ""):
                fixed = word[:i] + near + word[i + 1 :]
                if fixed in FORM_WORDS:
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
    if _legal_only(q) or _legal_only(c):
        return 0.0, [], 0.0, 0.0, "legal_form_only"
    if q.tokens == c.tokens or sorted(q.tokens) == sorted(c.tokens):
        same = [(i, j, 1.0) for i, j in enumerate(_positions(q.tokens, c.tokens))]
        return max(0.0, 1.0 - penalty), same, 1.0, 1.0, "exact"
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
    if c.kind == "person" and _partial_person(c.tokens, matched_c):
        score, method = score * PARTIAL_PERSON, "partial_person"
    else:
        left_over = any(w >= DISTINCTIVE_WEIGHT for w in unmatched_c)
        if left_over and cjk:
            score, method = score * CJK_EXTRA, "cjk_person_extra"
        elif left_over and _person_like(c):
            evidence = [i for i, _, _ in pairs if q.weights[i] > STOPWORD_WEIGHT]
            evidence += [i for i, _, _ in pairs if len(q.tokens[i]) == 1 and i not in evidence]
            lone = len(evidence) <= 1
            if lone:
                score, method = score * LONE_MATCH, "lone_word"
            elif _latin(q, c) and any(_fuzzy(q.tokens[i], c.tokens[j], s) for i, j, s in pairs):
                score, method = score * FUZZY_EXTRA, "fuzzy_with_extra"
    if score < JOINED_SCORE and "".join(q.tokens) == "".join(c.tokens):
        score, method = JOINED_SCORE, "joined"
    return min(1.0, max(0.0, score - penalty)), pairs, coverage, specificity, method


def _latin(q: NormalName, c: NormalName) -> bool:
    """Both names written in Latin letters (no transliteration between them)."""
    return not (_NOT_LATIN.search(q.original) or _NOT_LATIN.search(c.original))


def _fuzzy(a: str, b: str, sim: float) -> bool:
    """An approximate word match: not exact, not an initial, not a truncation."""
    return sim < 1.0 and len(a) > 1 and not b.startswith(a)


def _legal_only(name: NormalName) -> bool:
    """A name read as legal forms alone (``YK-ANC`` -> ``llc llc``): nothing to match."""
    return not name.legal and all(t in LEGAL_GENERICS for t in name.tokens)


def _person_like(c: NormalName) -> bool:
    """A person on the list, or a name of unknown type that reads like one."""
    if c.kind == "person":
        return True
    if c.kind or c.legal or not PERSON_TOKENS[0] <= len(c.tokens) <= PERSON_TOKENS[1]:
        return False
    return not any(t in GENERIC_ORG_WORDS or not t.isalpha() for t in c.tokens)


def _cjk_person(q: NormalName) -> bool:
    text = q.original.strip()
    return len(text) <= CJK_PERSON_MAX and (has_han(text) or has_hangul(text))
