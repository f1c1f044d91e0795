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
* **Another romanisation is no approximation.** For the fuzzy rules here and below, a
  word written as another romanisation writes it (:func:`~clearance.match.respelt.respelt`:
  ``MOAMMAR QADDAFI`` for ``MUAMMAR GADDAFI``, ``HASAN ROHANI`` for ``HASSAN ROUHANI``)
  counts as matched, not approximately; its similarity is unchanged. Not in a query
  written in pinyin (below, in Latin letters of any kind: tone marks, no-break spaces),
  where another vowel is another syllable.
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
  ``dong``); Hangul syllables match when equal once the romanisations are folded
  (``jeong``/``jong``, ``seung``/``sung``), else strictly (``sang`` is not ``song``).
* **Han and Hangul personal names.** A query written in Han or Hangul of at most four
  characters is a personal name of few, common syllables: a distinctive word of the list
  name left unmatched (``郭英`` against ``WANG, Guo Ying``, ``潘斌`` against ``Pan
  Aviation, Inc.``) multiplies the score by :data:`CJK_EXTRA`.
* **Patronymics.** Lists often omit them, so a name is also compared without them
  (:func:`~clearance.match.v2_forms.rewrite`), and a query word is no prefix of one
  (``Oleksandr`` is not ``Oleksandrovych``); two names stating different patronymics
  conflict: the score is
  multiplied by :data:`PATRONYMIC_CONFLICT`. So are two Latin-script Arabic names whose
  first-named fathers (after ``bin``/``ben``/``ibn``) are none of the other's
  (``SALMAN BIN MUHAMMAD`` and ``MUHAMMAD BIN SALMAN``: word order alone would not tell
  them apart).
* **Same script.** Two names written in the same non-Latin script are compared as
  written too, and score no more than their letter-by-letter (Han: character-by-character,
  tones kept) similarity: a romanisation can make different names equal (``김종은`` and
  ``김정은`` both read ``kim jong eun``).
* **One word for another.** A person's name where each side keeps a distinctive word the
  other lacks (``ABDUL KABIR ABDUL JAN`` / ``ABDUL KABIR MOHAMMAD JAN``) names another
  person: the score is multiplied by :data:`WORD_FOR_WORD` (a word left out on one side
  only is a shorter writing of the same name and keeps its score).
* **Places.** Two organisations each naming a country or territory the other does not
  (``Bank of China (Hong Kong)``, ``Bank of China (Singapore)``) are a parent's branches or
  subsidiaries, not one entity: the score is multiplied by :data:`PLACE_CONFLICT`.
* **Inserted names.** Lists write the parts of a name they know; a query with a father's
  or middle name between its first and last words (``FAZL MOHAMMAD HAMID MAZLOOM`` for
  ``MAZLOOM, Fazl Mohammad``) whose every list word is matched counts the inserted words
  at :data:`~clearance.match.inserted.INSERTED_WEIGHT` of their weight
  (:mod:`clearance.match.inserted`), times :data:`FUZZY_EXTRA` with a word matched only
  approximately. So do words added before or after a listed name of two words or more
  that stands whole at the start or end of the query (``MOHAMMAD YAQOUB HAQQANI`` for
  ``MOHAMMAD YAQOUB``; method ``added_names``).
* **Consonants decide for an abjad.** A name written in Arabic or Hebrew script writes
  no short vowels, so its Latin spellings guess them; a word of such a query also matches
  a list word with the same consonants (:func:`~clearance.match.v2_similarity.abjad_similarity`,
  at :data:`~clearance.match.tokens.SKELETON_SIMILARITY`: ``MAKI`` is ``MEKKI``, ``JARMAN``
  is ``DJERMANE``, ``SADI`` is ``ESSAADI`` with its article glued on); a list's article
  written apart matches only an article (``ALI`` is not the ``AL`` of ``AL-TIKRITI``).
  Only for a query of two words or more: a lone word so matched says too little. The
  index searches such a query's words by their consonants too
  (``Matcher.abjad_similarity``).
* **Words divided otherwise.** Arabic script shows no gap after a letter that does not
  join the next, and writers join or split compound names their own way: for a query
  whose vowels were guessed, a run of two or three adjacent words on either side may
  stand for one word of the other, written the same once joined or with the same
  consonants (:mod:`clearance.match.compound`: ``صدیق مل`` is ``SIDDIQMAL``,
  ``خدايرحيم`` is ``KHUDAI RAHIM``); the score is the better one of the pair as written
  and of the pair with the run made one word of the summed weight (method
  ``...+compound``). The index looks the runs up (``Matcher.compounds``).
* **A syllable is a character.** For a Latin query of two or three words, each one or
  two pinyin syllables (``YAN Xiaohong``), two words both written in pinyin syllables and
  more than one edit apart name different people
  (:func:`~clearance.match.pinyin_words.syllable_similarity`: ``XIAOHONG`` is not
  ``XIAOBING``, ``BIN`` not ``BINGSHEN``); one edit stays a typing error or Wade-Giles
  (``DU``/``SU``, ``CHANG``/``ZHANG``). Short names of common syllables otherwise meet
  many listed Chinese names (``benchmarks/romanized_chinese.py``).
* **Named after a listed person or vessel.** v1 takes :data:`~clearance.match.name_v1.TYPE_CONFLICT`
  off a query stating a legal form against a person's, vessel's or aircraft's list name;
  not when every word of that name, two or more, is matched exactly (``Nicolás Maduro
  SA``, which name_bench labels a match; a ship-owning company named after its ship).
* **Legal forms alone are no name.** A name read as nothing but legal forms (``YK-ANC``
  -> ``llc llc``) matches only the very same name (``ASBL``).
* **Initials alone are no name.** A name of one-letter words only (``P. V.``, what is
  left of ``P. V. Anatolyevich`` without its patronymic; a list's ``K``) matches only a
  name of the same words or the same joined spelling (``PV``): ``P. V.`` is not
  ``... NAMED AFTER AKADEMIKA V. P. MAKEYEVA`` (v1 scored it 0.84). The index then looks
  up only such names (``Matcher.bare_initials``).

The score formula, its weights and the index's bound are v1's: every change either adds
similarity the retrieval keys of :func:`token_keys` / :func:`vocab_keys` reach, or
lowers a similarity or multiplies the score by a factor below one, or takes less off a
score than v1 (an organisation named after a listed person: the index bounds the score
before anything is taken off); inserted and added names alone lighten query words, and
the index bounds them through the matcher's ``insert_weight`` and ``insert_target``.
"""

from __future__ import annotations

from clearance.match.compound import compound_forms, compound_similarity
from clearance.match.han import has_han
from clearance.match.inserted import INSERTED_WEIGHT, has_added, has_inserted
from clearance.match.name_v1 import (
    JOINED_SCORE,
    LAMBDA,
    PARTIAL_PERSON,
    SPECIFIC_WEIGHT,
    TYPE_CONFLICT,
    NameScore,
    ScoreResult,
    Similarity,
    _positions,
    align_by,
    detail,
    penalty,
    weigh,
)
from clearance.match.normalize import NormalName, fold_text, vowels_guessed
from clearance.match.pinyin_words import pinyin_name, syllable_similarity
from clearance.match.v2_evidence import (
    DISTINCTIVE_WEIGHT,
    PATRONYMIC_CONFLICT,
    PLACE_CONFLICT,
    WORD_FOR_WORD,
    approximate,
    both_latin,
    cjk_person,
    initials_only,
    latin_only,
    legal_only,
    nasab_conflict,
    partial_person,
    patronymic_conflict,
    person_like,
    place_conflict,
    same_script_similarity,
    word_for_word,
)
from clearance.match.v2_forms import name_variants
from clearance.match.v2_similarity import (
    abjad_similarity,
    hangul_similarity,
    pinyin_similarity,
    strict_similarity,
    token_keys,
    token_similarity,
    vocab_keys,
)
from clearance.match.weights import GENERIC_WEIGHT, STOPWORD_WEIGHT

NAME = "name-v2"
LONE_MATCH = 0.8
CJK_EXTRA = 0.8
FUZZY_EXTRA = 0.9


__all__ = [
    "LAMBDA",
    "NAME",
    "SPECIFIC_WEIGHT",
    "NameScore",
    "name_variants",
    "quick_score",
    "score_names",
    "token_keys",
    "token_similarity",
    "vocab_keys",
]


def align(
    q: tuple[str, ...],
    c: tuple[str, ...],
    strict: int = -1,
    every: Similarity | None = None,
) -> list[tuple[int, int, float]]:
    """One-to-one alignment of token positions, best similarity first (as v1). The query
    token at ``strict`` is compared by ``strict_similarity``; with ``every``, all are."""
    if every is not None:
        return align_by(q, c, lambda i: every)
    return align_by(q, c, lambda i: strict_similarity if i == strict else token_similarity)


def score_names(q: NormalName, c: NormalName) -> NameScore:
    """Score one query name form against one list name form, with the full detail."""
    result, q_used, c_used = _best(q, c)
    return detail(q_used, c_used, result)


def quick_score(q: NormalName, c: NormalName) -> float:
    """The same score as :func:`score_names`, without building the explanation."""
    return _best(q, c)[0][0]


def _best(q: NormalName, c: NormalName) -> tuple[ScoreResult, NormalName, NormalName]:
    """The score of the pair and, for a query whose vowels were guessed, of the pair with
    words joined on one side (:mod:`clearance.match.compound`): the best, with the forms
    it was scored on."""
    best = _score(q, c)
    if not vowels_guessed(q) or best[0] >= 1.0:
        return best, q, c
    used = q, c
    for q2, c2, joined, bare in compound_forms(q, c):
        result = _score(q2, c2, _joined_similarity(joined, bare))
        if result[0] > best[0]:
            score, pairs, coverage, specificity, method = result
            best, used = (score, pairs, coverage, specificity, method + "+compound"), (q2, c2)
    return (best, *used)


def named_after(q: NormalName, c: NormalName, exact: int) -> bool:
    """An organisation named after a listed person, vessel or aircraft: the query states a
    legal form the list's name has not, and ``exact`` (the words matched exactly) is every
    word of that name, two or more (``Nicolás Maduro SA``; a ship-owning company named
    after its ship)."""
    return (
        bool(q.legal)
        and not c.legal
        and c.kind in ("person", "object")
        and exact == len(c.tokens) >= 2
    )


def _joined_similarity(joined: str, bare: str | None) -> Similarity:
    """abjad_similarity, but :func:`compound_similarity` for the word joined from a run
    (on either side; ``bare``: a list run's without its article): the index reaches it by
    that similarity's keys alone."""

    def similarity(a: str, b: str) -> float:
        if b == joined:
            return compound_similarity(a, b, bare)
        if a == joined:
            return compound_similarity(a, b)
        return abjad_similarity(a, b)

    return similarity


def _score(q: NormalName, c: NormalName, compound: Similarity | None = None) -> ScoreResult:
    taken = penalty(q, c)
    if (legal_only(q) or legal_only(c)) and fold_text(q.original) != fold_text(c.original):
        return 0.0, [], 0.0, 0.0, "legal_form_only"
    conflict, why = 1.0, ""
    if patronymic_conflict(q.original, c.original):
        conflict, why = PATRONYMIC_CONFLICT, "patronymic_conflict"
    elif nasab_conflict(q, c):
        conflict, why = PATRONYMIC_CONFLICT, "nasab_conflict"
    elif place_conflict(q, c):
        conflict, why = PLACE_CONFLICT, "place_conflict"
    written = same_script_similarity(q.original, c.original)
    if written < conflict:
        conflict, why = written, "same_script"
    if q.tokens == c.tokens or sorted(q.tokens) == sorted(c.tokens):
        same = [(i, j, 1.0) for i, j in enumerate(_positions(q.tokens, c.tokens))]
        method = "exact"
        if named_after(q, c, len(c.tokens)):
            taken -= TYPE_CONFLICT
            method = "named_after"
        return max(0.0, conflict - taken), same, 1.0, 1.0, why or method
    if (initials_only(q) or initials_only(c)) and "".join(q.tokens) != "".join(c.tokens):
        return 0.0, [], 0.0, 0.0, "initials_only"
    distinctive = [i for i, w in enumerate(q.weights) if w > GENERIC_WEIGHT]
    strict = distinctive[0] if len(distinctive) == 1 and not q.script else -1
    cjk = cjk_person(q)
    every: Similarity | None = None
    if cjk:
        every = pinyin_similarity if has_han(q.original) else hangul_similarity
    if every is None and vowels_guessed(q):
        every = compound or abjad_similarity  # vowels guessed: consonants decide
    pinyin = every is None and latin_only(q.original) and pinyin_name(q.tokens)
    if pinyin:
        every = syllable_similarity  # a pinyin name: another syllable, another name
    pairs = align(q.tokens, c.tokens, strict, every)
    named = named_after(q, c, sum(1 for _, _, s in pairs if s >= 1.0))
    if named:
        taken -= TYPE_CONFLICT
    coverage, specificity, unmatched_c = weigh(q, c, pairs)
    score, method = coverage * specificity, "token_alignment"
    matched_c = {j for _, j, _ in pairs}
    person = person_like(c)
    fuller_by = ""
    if person and has_inserted(q, c, pairs):
        fuller_by = "inserted"
    elif person and has_added(q, c, pairs):
        fuller_by = "added"
    if fuller_by:
        fuller = weigh(q, c, pairs, INSERTED_WEIGHT)[0]
        # a word matched only approximately too: as fuzzy_with_extra
        fuzzy = both_latin(q, c) and any(
            approximate(q.tokens[i], c.tokens[j], s, pinyin) for i, j, s in pairs
        )
        factor = FUZZY_EXTRA if fuzzy else 1.0
        if fuller * factor > coverage:
            method = f"{fuller_by}_fuzzy" if fuzzy else f"{fuller_by}_names"
            coverage, score = fuller, fuller * specificity * factor
    if c.kind == "person" and partial_person(c.tokens, matched_c, q.tokens, pairs):
        score, method = score * PARTIAL_PERSON, "partial_person"
    else:
        left_over = any(w >= DISTINCTIVE_WEIGHT for w in unmatched_c)
        if left_over and cjk:
            score, method = score * CJK_EXTRA, "cjk_person_extra"
        elif left_over:
            evidence = [i for i, _, _ in pairs if q.weights[i] > STOPWORD_WEIGHT]
            evidence += [i for i, _, _ in pairs if len(q.tokens[i]) == 1 and i not in evidence]
            lone = len(evidence) <= 1
            if lone and (person or q.legal):
                score, method = score * LONE_MATCH, "lone_word"
            elif (
                person
                and both_latin(q, c)
                and any(approximate(q.tokens[i], c.tokens[j], s, pinyin) for i, j, s in pairs)
            ):
                score, method = score * FUZZY_EXTRA, "fuzzy_with_extra"
    if method == "token_alignment" and person and word_for_word(q, c, pairs, unmatched_c):
        score, method = score * WORD_FOR_WORD, "word_for_word"
    if (
        method == "token_alignment"
        and len(pairs) >= 2
        and both_latin(q, c)
        and all(approximate(q.tokens[i], c.tokens[j], s, pinyin) for i, j, s in pairs)
    ):
        score, method = score * FUZZY_EXTRA, "all_fuzzy"
    if named and method == "token_alignment":
        method = "named_after"  # the type conflict not taken off
    if score < JOINED_SCORE and "".join(q.tokens) == "".join(c.tokens):
        score, method = JOINED_SCORE, "joined"
    if why:  # after the joined-spelling rule, which must not lift a conflicting pair
        score, method = score * conflict, why
    return min(1.0, max(0.0, score - taken)), pairs, coverage, specificity, method
