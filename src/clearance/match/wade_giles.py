"""Chinese personal names written in Wade-Giles, read in pinyin too (name-v2).

Lists and customer records write Chinese names in pinyin (``XI Jinping``) or, in older
records and in Taiwan, in Wade-Giles (``HSI Chin-p'ing``, ``MAO Tse-tung``, ``CHIANG
Ching-kuo``): the same characters, spellings far apart (``hsi``/``xi``, ``tung``/``dong``).
A name written wholly in Wade-Giles syllables, one of them at least not a pinyin
syllable (so that it is not a name in pinyin), gets its pinyin readings as derived forms,
each word's syllables written together as pinyin writes a given name. Wade-Giles marks
aspiration with an apostrophe writers mostly leave out (``p'ing`` written ``ping``), so a
syllable without one may be read either way (``ping``: ``bing`` or ``ping``); at most
:data:`MAX_READINGS` readings of a name are made, those with fewer aspirated syllables
first. The syllable table is pypinyin's, frozen by ``scripts/build_wade_giles.py``.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache, lru_cache
from importlib import resources

from clearance.match.pinyin_words import pinyin_syllables

MAX_READINGS = 8
SYLLABLES = (2, 4)  # a Chinese personal name: a surname and a given name, 2 to 4 characters
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ü": "u", "Ü": "U"})
_WORD = re.compile(r"[a-z']+(?:-[a-z']+)*")
_NOT_NAME = re.compile(r"[^a-z' ,\-]")
_FIRST = re.compile(r"[^\s,\-]+")  # the first syllable as written, for a cheap refusal


@cache
def _table() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Wade-Giles syllable (ASCII, no apostrophe) -> its pinyin readings (unaspirated
    first) and those Wade-Giles writes with the aspiration apostrophe."""
    raw = resources.files("clearance.match").joinpath("data/wade_giles.json").read_text()
    table = {}
    for key, readings in json.loads(raw).items():
        every = tuple(str(p) for p, _ in readings)
        table[str(key)] = every, tuple(str(p) for p, aspirated in readings if aspirated)
    return table


@lru_cache(maxsize=65536)
def wade_giles_forms(name: str) -> tuple[str, ...]:
    """The pinyin readings of ``name`` if it is a Chinese personal name in Wade-Giles
    (``HSI Chin-ping`` -> ``xi jinbing``, ``xi jinping``, ...); () for any other name."""
    first = _FIRST.search(name)  # most names are refused here: no Wade-Giles first syllable
    if first is None or _syllable(first.group()) not in _table():
        return ()
    text = name.translate(_APOSTROPHES).lower()
    if not text.isascii() or _NOT_NAME.search(text):
        return ()
    words = _WORD.findall(text)
    syllables = [word.split("-") for word in words]
    count = sum(len(s) for s in syllables)
    if not SYLLABLES[0] <= count <= SYLLABLES[1]:
        return ()
    table = _table()
    options: list[list[tuple[str, ...]]] = []
    marked = False
    for word in syllables:
        per_word = []
        for syllable in word:
            plain = syllable.strip("'")
            found = table.get(plain.replace("'", ""))
            if found is None:
                return ()
            readings, aspirated = found
            if "'" in plain:  # marked aspirated: those readings alone
                readings = aspirated or readings
                marked = True
            elif pinyin_syllables(plain) != (plain,):
                marked = True  # not a pinyin syllable: Wade-Giles
            per_word.append(readings)
        options.append(per_word)
    if not marked:
        return ()  # every syllable a pinyin one: a name in pinyin
    flat = [r for word in options for r in word]
    combos = sorted(itertools.product(*(range(len(r)) for r in flat)), key=sum)
    out = []
    for combo in combos[:MAX_READINGS]:
        read = iter(r[i] for r, i in zip(flat, combo, strict=True))
        out.append(" ".join("".join(next(read) for _ in word) for word in options))
    return tuple(out)


def _syllable(written: str) -> str:
    """A syllable as the table keys it: ASCII, lowercase, without apostrophes."""
    return written.translate(_APOSTROPHES).lower().replace("'", "")
