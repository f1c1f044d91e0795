"""Names written the Latvian way: the nominative ending Latvian gives a foreign name taken
off, as a derived form (``Sergejs Lavrovs`` -> ``sergej lavrov``, which meets the lists'
``Sergey LAVROV``).

Latvian declines every masculine name, foreign ones too, and writes its nominative with an
ending: ``-s`` after a consonant (``Lavrovs``, ``Putins``, ``Ramzans``) and ``-js`` where
Russian has ``-й`` (``Sergejs``, ``Dmitrijs``, ``Andrejs``). The lists write these names
in a Russian or English transliteration, without the ending.

A name is read this way only when one of its words ends in what an English, German, French
or Spanish name does not (``-js``, ``-ovs``, ``-evs``); its words ending in a consonant and
``s`` then lose the ``s``. ``Collins Roberts`` or ``Vladimirs Putins`` alone are not read so:
``-ins`` and ``-rs`` end too many other names.
"""

from __future__ import annotations

import re
from functools import lru_cache

# a word (of 5 letters or more: not ``AVS`` or ``LAJS``) that says the name is written the
# Latvian way
_TELLING = re.compile(r"(?<=\w{2})(?:[aeiu]js|[ao]vs|evs)$")
# the ending taken off: an "s" after a consonant (not "ss"), in a word of 4 letters or more
_ENDING = re.compile(r"(?<=\w{2}[bcdfghjklmnprtvz])s$")


@lru_cache(maxsize=65536)
def latvian_forms(folded: str) -> tuple[str, ...]:
    """``folded`` (a name through ``fold_text``: lowercase words) without the Latvian
    nominative endings, if it is written the Latvian way; () otherwise."""
    if "js" not in folded and "vs" not in folded:  # most names, at once
        return ()
    words = folded.split()
    if len(words) < 2 or not any(_TELLING.search(w) for w in words):
        return ()
    return (" ".join(_ENDING.sub("", w) for w in words),)
