"""Retrieval keys of ``name-v1`` tokens: what the index files a token under.

A query token meets every vocabulary token sharing one of its keys: one-deletion
neighbourhood (typos, transpositions), phonetic skeleton (vowel drop, transliteration),
first five letters (truncation), and for short tokens and initials the tokens they begin.
Two tokens ``token_similarity`` relates always share a key (tests check it).
"""

from __future__ import annotations

from clearance.match.tokens import PREFIX_MIN, SHORT_PREFIX_MIN, deletes, skeleton


def token_keys(token: str) -> set[str]:
    keys = {"d:" + k for k in deletes(token)}
    if len(token) >= 2:
        keys.add("s:" + skeleton(token))
    if len(token) >= PREFIX_MIN:
        keys.add("p:" + token[:PREFIX_MIN])
    elif len(token) >= SHORT_PREFIX_MIN:
        keys.add("t:" + token)  # a short token meets every token it begins
    if len(token) == 1:
        keys.add("i:" + token)  # an initial meets every token starting with it
    return keys


def vocab_keys(token: str) -> set[str]:
    """Every key a vocabulary (list-side) token is filed under.

    Its query keys, plus its first letter (met by a query initial) and its first three and
    four letters (met by a query word truncated to them).
    """
    keys = token_keys(token)
    keys.add("i:" + token[0])
    for size in (3, 4):
        if len(token) > size:
            keys.add("t:" + token[:size])
    return keys


def query_heads(token: str) -> list[str]:
    """Short vocabulary tokens a query word meets whole: a list name's initial ("I. ASH")
    and its three- or four-letter truncations ("Haj" for "Hajizadeh")."""
    return [token[:size] for size in (1, 3, 4) if len(token) > size]
