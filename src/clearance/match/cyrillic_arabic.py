"""Arabic names written in Cyrillic, read the way the lists spell them in Latin letters.

Russian writes Arabic ``j`` as ``дж`` and ``w`` as ``в``, and the article as the sound it
takes before the next word (``ат-Таухид``, ``аш-Шам``), so a plain transliteration
(``Katiba at-Tauhid val'-Dzhihad``) misses the list's ``KHATIBA AL-TAWHID WAL-JIHAD``.
In a Cyrillic name with such an article, the form here writes ``j``, ``w`` and ``al-``;
in any other Cyrillic name with ``дж`` only ``j`` (``Джугашвили``: ``Jugashvili``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from clearance.match.normalize import fold_text

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# an Arabic article as Russian writes it, joined to its word by a hyphen
ARTICLES = frozenset(
    {"аль", "ал", "ад", "аз", "ан", "ар", "ас", "ат", "аш", "эль", "уль", "валь", "вал"}
)
_PARTS = re.compile(r"(\s+|-)")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@lru_cache(maxsize=65536)
def cyrillic_arabic_forms(name: str) -> list[str]:
    """The name in Latin letters with ``j`` for ``дж``, and for an Arabic name (one with a
    hyphenated article) ``w`` for ``в`` and ``al-`` for the article ([] if that changes
    nothing). Each word is transliterated alone, as :func:`fold_text` does."""
    if not has_cyrillic(name):
        return []
    parts = _PARTS.split(name)
    arabic = any(
        part.lower() in ARTICLES and i + 1 < len(parts) and parts[i + 1] == "-"
        for i, part in enumerate(parts)
    )
    out = []
    for i, part in enumerate(parts):
        if not has_cyrillic(part):
            out.append(part)
        elif arabic and part.lower() in ARTICLES and i + 1 < len(parts) and parts[i + 1] == "-":
            out.append("wal" if part.lower().startswith("в") else "al")
        else:
            word = fold_text(part).replace("dzh", "j")
            out.append(word.replace("v", "w") if arabic else word)
    form = "".join(out)
    return [] if fold_text(form) == fold_text(name) else [form]
