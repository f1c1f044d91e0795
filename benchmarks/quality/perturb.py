"""Perturbation classes in the manner of ``sanctions-screening-benchmark`` (ssb 0.1.0).

Each class is ``(name, rng) -> str | None`` (None: the class does not apply to this name).
Deterministic for a given rng. Benign: translit, diacritics_expand, name_order,
token_drop, particle, initials, title_affix, punctuation. Adversarial: homoglyph,
invisible_char, vowel_drop, double_collapse, phonetic. Degraded: ocr, typo, transpose,
truncate. Ours, for organisations: legal_form, company_word_order.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Perturb = Callable[[str, random.Random], str | None]

TRANSLIT = [
    ("muhammad", "mohammed", "mohamed", "muhammed", "mohammad"),
    ("ahmad", "ahmed"),
    ("hussein", "husain", "hussain", "husayn"),
    ("hassan", "hasan"),
    ("abdul", "abdel", "abd al"),
    ("yusuf", "youssef", "yousef"),
    ("mustafa", "mustapha", "moustafa"),
    ("ali", "aly"),
    ("omar", "umar"),
    ("osama", "usama"),
    ("abu", "abou"),
    ("khalid", "khaled"),
    ("said", "saeed", "sayed"),
    ("ibrahim", "ebrahim"),
    ("abdullah", "abdallah"),
    ("rahman", "rehman"),
    ("zhang", "chang"),
    ("aleksandr", "alexander", "aleksander"),
    ("sergey", "sergei"),
    ("yuri", "yury", "iouri"),
]
PARTICLES = ("al", "el", "bin", "ibn", "abu", "van", "von", "de", "der", "la")
TITLES = ("Dr.", "Mr.", "Sheikh", "General", "Haji", "Mullah", "Prof.")
SUFFIXES = ("Jr.", "Sr.")
HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"}
INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u00a0", "\u2060")
PHONETIC = (("ph", "f"), ("ck", "k"), ("c", "k"), ("kh", "h"), ("q", "k"), ("ou", "u"), ("ee", "i"))
OCR = (("m", "rn"), ("rn", "m"), ("l", "1"), ("o", "0"), ("i", "l"), ("s", "5"), ("b", "6"))
QWERTY = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
ACCENTS = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ü", "c": "ç", "n": "ñ"}
LEGAL_FORMS = [
    ("co., ltd.", "company limited"),
    ("company limited", "co., ltd."),
    ("co. ltd", "company limited"),
    ("limited", "ltd"),
    ("ltd.", "limited"),
    ("ltd", "limited"),
    ("llc", "limited liability company"),
    ("inc.", "incorporated"),
    ("corporation", "corp."),
    ("corp.", "corporation"),
    ("s.a.", "sa"),
    ("gmbh", "gesellschaft mit beschraenkter haftung"),
    ("joint stock company", "jsc"),
    ("jsc", "joint stock company"),
    ("ojsc", "open joint stock company"),
    ("pjsc", "public joint stock company"),
]
_VOWEL = re.compile(r"(?<=\w)[aeiou]", re.I)


def _tokens(name: str) -> list[str]:
    return name.replace(",", " ").split()


def translit(name: str, rng: random.Random) -> str | None:
    words = _tokens(name)
    for i, w in enumerate(words):
        for cluster in TRANSLIT:
            if w.lower() in cluster:
                alt = rng.choice([c for c in cluster if c != w.lower()])
                words[i] = alt.upper() if w.isupper() else alt.title()
                return " ".join(words)
    return None


def diacritics_expand(name: str, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(name) if c.lower() in ACCENTS]
    if not spots:
        return None
    chars = list(name)
    for i in rng.sample(spots, min(2, len(spots))):
        accented = ACCENTS[chars[i].lower()]
        chars[i] = accented.upper() if chars[i].isupper() else accented
    return "".join(chars)


def name_order(name: str, rng: random.Random) -> str | None:
    words = _tokens(name)
    if len(words) < 2:
        return None
    return " ".join(words[1:] + words[:1])


def token_drop(name: str, rng: random.Random) -> str | None:
    words = _tokens(name)
    if len(words) < 3:
        return None
    del words[rng.randrange(1, len(words) - 1)]  # a middle name, never first or last
    return " ".join(words)


def particle(name: str, rng: random.Random) -> str | None:
    words = _tokens(name)
    present = [i for i, w in enumerate(words) if w.lower() in PARTICLES]
    if present:
        del words[present[0]]
    else:
        words.insert(len(words) - 1, rng.choice(PARTICLES[:3]))
    return " ".join(words) if len(words) >= 2 else None


def initials(name: str, rng: random.Random) -> str | None:
    words = _tokens(name)
    if len(words) < 2:
        return None
    i = rng.randrange(0, len(words) - 1)  # a given name, never the last
    words[i] = words[i][0] + "."
    return " ".join(words)


def title_affix(name: str, rng: random.Random) -> str | None:
    if rng.random() < 0.75:
        return f"{rng.choice(TITLES)} {name}"
    return f"{name} {rng.choice(SUFFIXES)}"


def punctuation(name: str, rng: random.Random) -> str | None:
    words = _tokens(name)
    if len(words) < 2:
        return None
    sep = rng.choice(["-", ", ", ".", "/"])
    i = rng.randrange(0, len(words) - 1)
    return " ".join(words[:i]) + (" " if i else "") + words[i] + sep + " ".join(words[i + 1 :])


def _replace_chars(name: str, rng: random.Random, table: dict[str, str], n: int) -> str | None:
    spots = [i for i, c in enumerate(name) if c.lower() in table]
    if not spots:
        return None
    chars = list(name)
    for i in rng.sample(spots, min(n, len(spots))):
        chars[i] = table[chars[i].lower()]
    return "".join(chars)


def homoglyph(name: str, rng: random.Random) -> str | None:
    return _replace_chars(name, rng, HOMOGLYPHS, 2)


def invisible_char(name: str, rng: random.Random) -> str | None:
    chars = list(name)
    for _ in range(2):
        chars.insert(rng.randrange(1, len(chars)), rng.choice(INVISIBLE))
    return "".join(chars)


def vowel_drop(name: str, rng: random.Random) -> str | None:
    words = _tokens(name)
    long = [i for i, w in enumerate(words) if len(w) >= 5]
    if not long:
        return None
    i = rng.choice(long)
    words[i] = words[i][0] + _VOWEL.sub("", words[i][1:])
    return " ".join(words) if words[i] else None


def double_collapse(name: str, rng: random.Random) -> str | None:
    collapsed = re.sub(r"(\w)\1", r"\1", name, count=1)
    return collapsed if collapsed != name else None


def _substitute(name: str, rng: random.Random, pairs: tuple[tuple[str, str], ...]) -> str | None:
    options = [(a, b) for a, b in pairs if a in name.lower()]
    if not options:
        return None
    a, b = rng.choice(options)
    return re.sub(re.escape(a), b, name, count=1, flags=re.I)


def phonetic(name: str, rng: random.Random) -> str | None:
    return _substitute(name, rng, PHONETIC)


def ocr(name: str, rng: random.Random) -> str | None:
    return _substitute(name, rng, OCR)


def typo(name: str, rng: random.Random) -> str | None:
    spots = [i for i, c in enumerate(name) if c.isalpha() and i > 0]
    if not spots:
        return None
    i = rng.choice(spots)
    row = next((r for r in QWERTY if name[i].lower() in r), None)
    if row is None:
        return None
    j = row.index(name[i].lower())
    near = [row[k] for k in (j - 1, j + 1) if 0 <= k < len(row)]
    return name[:i] + rng.choice(near) + name[i + 1 :]


def transpose(name: str, rng: random.Random) -> str | None:
    spots = [i for i in range(1, len(name) - 1) if name[i].isalpha() and name[i + 1].isalpha()]
    spots = [i for i in spots if name[i] != name[i + 1]]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def truncate(name: str, rng: random.Random) -> str | None:
    limit = rng.choice([20, 35])
    return name[:limit].rstrip() if len(name) > limit else None


def legal_form(name: str, rng: random.Random) -> str | None:
    low = name.lower()
    for form, alt in LEGAL_FORMS:
        m = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", low)
        if m:
            new = alt.upper() if name.isupper() else alt.title()
            return name[: m.start()] + new + name[m.end() :]
    return None


def company_word_order(name: str, rng: random.Random) -> str | None:
    """The distinctive first word moved behind the descriptive ones, legal form kept last."""
    words = _tokens(name)
    core = [w for w in words if w.lower().strip(".") not in {"co", "ltd", "llc", "inc", "limited"}]
    if len(core) < 2:
        return None
    rest = words[len(core) :] if words[: len(core)] == core else []
    if not rest and core != words:
        return None
    return " ".join(core[1:] + core[:1] + rest)


PERSON_CLASSES: dict[str, Perturb] = {
    "translit": translit,
    "diacritics_expand": diacritics_expand,
    "name_order": name_order,
    "token_drop": token_drop,
    "particle": particle,
    "initials": initials,
    "title_affix": title_affix,
    "punctuation": punctuation,
    "homoglyph": homoglyph,
    "invisible_char": invisible_char,
    "vowel_drop": vowel_drop,
    "double_collapse": double_collapse,
    "phonetic": phonetic,
    "ocr": ocr,
    "typo": typo,
    "transpose": transpose,
    "truncate": truncate,
}
ORG_CLASSES: dict[str, Perturb] = {
    "legal_form": legal_form,
    "company_word_order": company_word_order,
    "typo": typo,
    "homoglyph": homoglyph,
    "punctuation": punctuation,
}
