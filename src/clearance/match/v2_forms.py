"""Name forms of matcher ``name-v2``: v1's variants plus derived forms (other scripts,
mistyped legal forms, numbers, titles, patronymics, slash alternatives, cut-off names,
legal-form words in place; see :mod:`clearance.match.name_v2`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from clearance.match.latvian import latvian_forms
from clearance.match.normalize import (
    HOMOGLYPHS,
    NormalName,
    fold_text,
    is_unvowelled,
    legal_spans,
)
from clearance.match.normalize import name_variants as v1_variants
from clearance.match.script_forms import script_forms
from clearance.match.v2_similarity import KEYBOARD_ROWS, LATIN_LETTER, PATRONYMIC, personal_name
from clearance.match.wade_giles import wade_giles_forms
from clearance.match.weights import GENERIC_ORG_WORDS, STOPWORD_WEIGHT, token_weight

LEGAL_WORD_WEIGHT = 0.4  # a legal-form word kept as a word (weights.LEGAL_FORM_WEIGHT)


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


_DOTTED = re.compile(r"(?<=[^\W_]{2})\.(?=[^\W\d_])")  # "KAVE.S.A.", not "S.A."


@lru_cache(maxsize=131072)
def name_variants(name: str) -> tuple[NormalName, ...]:
    """v1's forms, plus derived forms (when they read differently):

    * the list-style spellings of a name in another script
      (:mod:`clearance.match.script_forms`: Arabic script);
    * dots between letters read as word breaks (``KAVE.S.A.`` -> ``KAVE S A``);
    * initials written together set apart (``V.P. MAKEYEVA`` -> ``V. P. MAKEYEVA``; not
      ``S.A.``);
    * a mistyped legal form put right (``S.s.`` -> ``SA``, ``vO.`` -> ``Co.``);
    * the name rewritten (:func:`rewrite`): numbers as digits, titles and patronymics
      dropped, long legal forms and country abbreviations spelt the usual way;
    * the names a name of slash-joined alternatives stands for (:func:`_alternatives`:
      ``Al-Qa'ida/Islamic Army``; ``Sultan Yusuf/Hasan``, one given name for another);
    * an article or particle joined to the name it is hyphenated to (``AL-FIRAS`` ->
      ``ALFIRAS``, which a query initial ``A.`` can then stand for);
    * no-break spaces inside a word dropped (``N\u00a0ASR`` -> ``NASR``);
    * words written together split at a capital (``FridrichBuchenberg``, ``SiemensAG``;
      a word typed twice is not written once: ``MOHAMED MOHAMED`` names father and son);
    * a long name cut off at a field limit without its last fragment (:func:`_cut_off`);
    * the words of a name with legal forms, legal-form words kept as light words in
      place (:func:`_words_form`: ``STOCK COMPANY SALUTE JOINT`` is ``JOINT STOCK COMPANY
      SALUTE`` in another order).
    * a Chinese personal name in Wade-Giles read in pinyin
      (:mod:`clearance.match.wade_giles`: ``HSI Chin-p'ing`` -> ``XI Jinping``);
    * a name written the Latvian way without its nominative endings
      (:mod:`clearance.match.latvian`: ``Sergejs Lavrovs`` -> ``Sergej Lavrov``).

    A person's name ending or beginning with a Chinese or Korean name syllable that is
    also a legal-form abbreviation is read as written (:func:`_syllable_form`: ``WANG
    Yu``, ``ONG Beng Seng``, ``NA Young Hee``), not as a name and a legal form.

    A derived variant that is nothing but a place (v1's ``(HK)`` of ``Yashen (HK)
    Electronics``) or organisation words (``(GROUP)``) is dropped: a qualifier, not a name.
    """
    forms = [f for f in v1_variants(name) if not (f.derived and _no_name(f))]
    folded = fold_text(name)
    syllable = _syllable_form(folded, forms[0] if forms else None)
    if syllable is not None:  # WANG Yu: the name read whole, not WANG plus a legal form
        forms = [syllable, *(f for f in forms[1:] if not f.legal)]
    is_ascii = name.isascii()
    extra = [] if is_ascii else script_forms(name)
    # (each pattern looked for only where its characters are)
    if "." in name and _DOTTED.search(name):
        extra.append(_DOTTED.sub(". ", name))
    if "-" in name and _HYPHENATED.search(name):
        extra.append(_HYPHENATED.sub(r"\1", name))
    if "." in name:
        initials = _initials_apart(name)
        if initials != name:
            extra.append(initials)
    if not is_ascii and _GLUED_SPACE.search(name):
        extra.append(_GLUED_SPACE.sub("", name))
    if not name.isupper() and _CAMEL.search(name):
        extra.append(_CAMEL.sub(" ", name))
    if not is_ascii and _CYRILLIC_OR_GREEK.search(name) and LATIN_LETTER.search(name):
        looks_latin = _look_alike_words(name)
        if looks_latin != name:
            extra.append(looks_latin)
    corrected = _correct_form_word(folded)
    if corrected:
        extra.append(corrected)
    rewritten = rewrite(folded)
    if rewritten != folded:
        extra.append(rewritten)
    if "." in name and _DOTTED_END_FORM.search(name):  # S.A.L., S.L.
        extra.append(_DOTTED_END_FORM.sub(_dotted_end_form, name))
    cut = _cut_off(name, folded)
    if cut:
        extra.append(cut)
    if "/" in name and _SLASH.search(name):
        extra.extend(part for part in _alternatives(name) if _LETTERS3.search(part))
    extra.extend(wade_giles_forms(name))
    extra.extend(latvian_forms(folded))
    if not extra and not (forms and forms[0].legal):
        return tuple(forms)  # most names: v1's forms alone (no _words_form either)
    seen = {f.key for f in forms}
    for text in extra:
        for form in v1_variants(text):
            if form.key not in seen and not _no_name(form):
                seen.add(form.key)
                forms.append(derived(form, name))
    words = _words_form(folded, forms[0] if forms else None)
    if words is not None and words.key not in seen:
        forms.append(derived(words, name))
    return tuple(forms)


_HYPHENATED = re.compile(r"\b(al|el|ul|ad|ar|as|at|az|an|ed|er|es|et|ez)-(?=[^\W\d_]{2})", re.I)


HOMOGLYPH_LETTERS = frozenset(chr(k) for k in HOMOGLYPHS)
_CYRILLIC_OR_GREEK = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")  # the HOMOGLYPHS letters


# two words written together, told apart by a capital (``FridrichBuchenberg``,
# ``SiemensAG``); not ``McDonald`` or ``iPhone``
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z](?:[a-z]{2}|[A-Z]+\b))")


# initials written together (``V.P. MAKEYEVA``, ``A.Q. KHAN``): a word of two letters
# each followed by a dot (three are mostly legal forms: ``S.A.C.``, ``S.R.L.``)
_RUN_INITIALS = re.compile(r"(?<![\w.])((?:[^\W\d_]\.){2})(?![\w.])")


def _initials_apart(name: str) -> str:
    """``name`` with initials written together set apart (``V.P. MAKEYEVA`` -> ``V. P.
    MAKEYEVA``), which v1 reads as one word (``vp``); not a legal form so written
    (``S.A.``, ``N.V.``)."""

    def apart(match: re.Match[str]) -> str:
        letters = match.group(1).replace(".", "")
        if legal_spans(fold_text(letters)):
            return match.group(0)
        return " ".join(f"{c}." for c in letters)

    return _RUN_INITIALS.sub(apart, name)


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


def _no_name(form: NormalName) -> bool:
    """A derived form that is no name of its own: a place (``(HK)``) or organisation words
    alone (``(GROUP)``)."""
    if not form.tokens:
        return False
    return " ".join(form.tokens) in place_names() or all(
        t in GENERIC_ORG_WORDS for t in form.tokens
    )


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
    spans = legal_spans(folded)
    light = {w for found, _ in spans for w in found.split()}
    positions = [i for i, t in enumerate(tokens) if t in light]
    if len(positions) >= 2:
        weights = tuple(LEGAL_WORD_WEIGHT if t in light else token_weight(t) for t in tokens)
    elif len(positions) == 1 and 0 < positions[0] < len(tokens) - 1:
        weights = tuple(token_weight(t) for t in tokens)
    else:
        return None
    return NormalName(first.original, tokens, (), True, weights, first.script, first.kind)


# Chinese and Korean name syllables rigour also reads as legal forms (Yu, Ong, Im, Na,
# Ku: ``WANG Yu`` is no company WANG)
NAME_SYLLABLES = frozenset({"yu", "ong", "im", "na", "ku"})


def _syllable_form(folded: str, first: NormalName | None) -> NormalName | None:
    """A person's name of two to four words, one at either end a name syllable v1 read as
    a legal form, the others personal names and no other legal form: the name as written,
    every word a word; None for any other name."""
    words = folded.split()
    if first is None or len(first.legal) != 1 or not 2 <= len(words) <= 4:
        return None
    if not {words[0], words[-1]} & NAME_SYLLABLES:
        return None
    others = [w for w in words if w not in NAME_SYLLABLES]
    if not others or legal_spans(" ".join(others)) or not all(map(personal_name, others)):
        return None
    weights = tuple(token_weight(w) for w in words)
    return NormalName(first.original, tuple(words), (), False, weights, first.script, first.kind)


def _alternatives(name: str) -> list[str]:
    """The names a name of slash-joined alternatives stands for: each part as a name
    (``Al-Qa'ida/Islamic Army``), except a personal name standing alone beside a part
    of several words, which takes the place of the word beside it (``AL-'ARIF Sultan
    Yusuf/Hasan`` -> ``AL-'ARIF Sultan Hasan``: a given name alone is not the party's)."""
    parts = _SLASH.split(name)
    out = []
    for i, part in enumerate(parts):
        word = fold_text(part)
        if " " in word or not personal_name(word):
            out.append(part)
        elif i > 0 and len(parts[i - 1].split()) > 1:
            out.append(" ".join([*parts[i - 1].split()[:-1], part]))
        elif i + 1 < len(parts) and len(parts[i + 1].split()) > 1:
            out.append(" ".join([part, *parts[i + 1].split()[1:]]))
        else:
            out.append(part)  # alternatives of one word each (``Mohammed/Muhammad``)
    return out


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


LONG_FORMS = {
    "gesellschaft mit beschrankter haftung": "gmbh",
    "societe anonyme": "sa",
    "kommanditgesellschaft": "kg",
}
# Polish sp. z o.o., which rigour knows as sp. zoo or spzoo (whole words only)
_SP_ZOO = re.compile(r"(?<!\S)sp z o ?o(?!\S)")


# Legal forms rigour does not know that close many list names (OFAC's Latin American
# companies), as a form it knows of the same kind: S. de R.L. and S.P.R. de R.L. (limited
# liability; S. de R.L. de C.V. rigour knows), S. en C. and S. en C.S. (limited
# partnerships). The Spanish S.L. and the Lebanese S.A.L. (S.A.L. Offshore) read so only
# written with dots (:data:`_DOTTED_END_FORM`): ``SAL`` and ``SL`` end persons' names too.
END_FORMS = {
    "s de rl": "srl",
    "spr de rl": "srl",
    "s en c": "scs",
    "s en cs": "scs",
}
_DOTTED_END_FORM = re.compile(
    r"(?<=\S)\s+(?:(S\.\s?A\.\s?L\.?(?:\s+OFFSHORE)?)|S\.\s?L\.)\s*$", re.IGNORECASE
)


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
    :func:`_score`), German and French long legal forms abbreviated, legal forms rigour
    does not know written as one it knows (Polish ``sp. z o.o.``, :data:`END_FORMS`) and
    country
    abbreviations (``US``, ``UK``) spelt out. Repeated words stay (``Mohamed Mohamed``)."""
    words = folded.split()
    if all(map(_left_alone, words)):  # most names: no word to rewrite
        return _spelt_out_forms(" ".join(words))
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
    return _spelt_out_forms(text)


_REWRITTEN_WORDS = frozenset([*NUMBERS, *TENS, *ORDINALS, *TITLES, *EXPANSIONS])


@lru_cache(maxsize=262144)
def _left_alone(word: str) -> bool:
    """A word :func:`rewrite` keeps as it is wherever it stands: no number, title,
    patronymic or country abbreviation."""
    return (
        word not in _REWRITTEN_WORDS
        and _ORDINAL_DIGITS.match(word) is None
        and PATRONYMIC.match(word) is None
    )


# the last words of a name (after another) -> the form rigour knows
_END_FORM_ENDINGS = {f" {form}": f" {known}" for form, known in END_FORMS.items()}
_ENDINGS = tuple(_END_FORM_ENDINGS)


def _spelt_out_forms(text: str) -> str:
    """German and French long legal forms abbreviated, :data:`END_FORMS` written as
    forms rigour knows."""
    for long, short in LONG_FORMS.items():
        if long in text:
            text = text.replace(long, short)
    if "sp z o" in text:
        text = _SP_ZOO.sub("spzoo", text)
    if not text.endswith(_ENDINGS):  # most names
        return text
    for ending, known in _END_FORM_ENDINGS.items():
        if text.endswith(ending):
            return text[: -len(ending)] + known
    return text


def _dotted_end_form(match: re.Match[str]) -> str:
    """S.A.L. (Offshore) as S.A., S.L. as S.R.L.: forms rigour knows of the same kind."""
    return " S.A." if match.group(1) else " S.R.L."


# Legal-form abbreviations a typo in them is put right: misspelt, they read as a rare word
# the list name lacks; spelt right, as a legal form that weighs little.
FORM_WORDS = frozenset(
    """sa co ooo ood pjsc jsc ojsc cjsc scs sas pte pty ltd srl llc inc zao oao plc spa sarl
    ag kg gmbh bv nv oy corp""".split()  # noqa: SIM905
)


FORM_POSITIONS = 2  # legal forms close a name: only its last words are looked at


_KEY_NEIGHBOURS: dict[str, str] = {}


for _row in KEYBOARD_ROWS:
    for _i, _ch in enumerate(_row):
        _KEY_NEIGHBOURS[_ch] = _row[max(0, _i - 1) : _i] + _row[_i + 1 : _i + 2]


@lru_cache(maxsize=65536)
def _legal_word(word: str) -> bool:
    """A legal-form abbreviation: ours above, or one of rigour's of three letters or more
    (``uab``, ``tov``; its two-letter ones are too often name syllables)."""
    return word in FORM_WORDS or (len(word) >= 3 and bool(legal_spans(word)))


def _correct_form_word(folded: str) -> str | None:
    """``folded`` with one of its last words, one neighbouring-key substitution from a
    legal-form abbreviation, put right; None when none is."""
    words = folded.split()
    if len(words) < 2:
        return None
    for k in range(len(words) - 1, max(-1, len(words) - 1 - FORM_POSITIONS), -1):
        fixed = _form_word_put_right(words[k])
        if fixed is not None:
            return " ".join(words[:k] + [fixed] + words[k + 1 :])
    return None


@lru_cache(maxsize=262144)
def _form_word_put_right(word: str) -> str | None:
    """The legal-form abbreviation ``word`` is one neighbouring-key substitution from
    (the first found); None when none is or ``word`` is one itself."""
    if not 2 <= len(word) <= 4 or not word.isalpha() or _legal_word(word):
        return None
    for i, ch in enumerate(word):
        for near in _KEY_NEIGHBOURS.get(ch, ""):
            fixed = word[:i] + near + word[i + 1 :]
            if _legal_word(fixed):
                return fixed
    return None


def derived(form: NormalName, original: str) -> NormalName:
    """``form`` as a derived variant of ``original`` (vowels uncertain if it is in an abjad)."""
    script = form.script or is_unvowelled(original)
    return NormalName(original, form.tokens, form.legal, True, form.weights, script, form.kind)


@cache
def place_names() -> frozenset[str]:
    """Country and territory names (rigour's territories), folded, plus abbreviations."""
    from rigour.territories import get_territories

    names = {fold_text(t.name) for t in get_territories()}
    return frozenset(names | set(PLACE_ABBREVIATIONS))
