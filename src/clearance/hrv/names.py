"""Name normalisation for vendor strings: the screening normaliser when present.

``clearance.match.normalize`` is the shared screening normaliser. Until it exists in a
checkout, a small private fallback with the same contract is used (NFKC, casefold, accents
and punctuation removed, common legal-form words dropped) so vendor resolution still works.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_LEGAL = {
    "co",
    "company",
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "ab",
    "oy",
    "oyj",
    "kk",
    "bv",
    "nv",
}
_PUNCT = re.compile(r"[^\w\s]+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _fallback_normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = _PUNCT.sub(" ", text).replace("_", " ").split()
    return " ".join(w for w in words if w not in _LEGAL)


def _load() -> Callable[[str], str]:
    try:
        from clearance.match.normalize import normalize_name
    except ImportError:
        return _fallback_normalize
    return normalize_name


normalize_name: Callable[[str], str] = _load()


def tokens(text: str) -> list[str]:
    """The words of the normalised name, punctuation stripped again defensively."""
    return _PUNCT.sub(" ", normalize_name(text)).split()
