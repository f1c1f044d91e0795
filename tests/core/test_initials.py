"""Initials: name-v2 scores a name of initials alone only against one written the same,
and the index bounds what a query's initials can add without losing a pair the score
admits (brute force over every name, under both matchers)."""

from __future__ import annotations

from clearance.match import name_v2
from clearance.match.index import NameIndex
from clearance.match.matcher import NAME_V1, NAME_V2, Matcher
from clearance.model import ListEntry

from .retrieval import index_hits

THRESHOLDS = (0.7, 0.8)

# list names with one-letter words, written as the lists write them (SAMPLE)
LISTED = [
    ("company", "GOSUDARSTVENNY RAKETNY CENTER NAMED AFTER AKADEMIKA V.P. MAKEYEVA"),
    ("company", "A K DIFUSION PUBLICIDAD Y MERCADEO"),
    ("company", "K"),
    ("company", "K LOGISTICS"),
    ("company", "ISLAMIC STATE IRAQ AND THE LEVANT KHORASAN ISIL K"),
    ("person", "AHMED ABUBAKAR K."),
    ("person", "ATIA HACHIM K."),
    ("person", "AZAD K. M."),
    ("person", "ABD AL-NASIR HAJJI"),
    ("person", "HANI ABD AL-LATIF TILFAH AL-TIKRITI"),
    ("person", "IBRAHIM AHMAD ABD AL-SATTAR MUHAMMED AL-TIKRITI"),
    ("person", "ABDOULAYE HAMA"),
    ("person", "HASAN MUHAMMAD"),
    ("person", "MUHAMMAD HASAN ALI"),
    ("person", "JOHN SMITH"),
    ("person", "P V"),
    ("person", "SHETAB G."),
]

QUERIES = [
    "P. V.",
    "P. V. Anatolyevich",
    "K. A.",
    "K. A. Petrovich",
    "K. A. and",
    "J. S. the",
    "V. P. Makeyeva",
    "'ABD A. Hajji",
    "H. Abdoulaye",
    "M. Hasan",
    "M. H. Ali",
    "J. Smith",
    "PV",
    "S. Lazar G.",  # initials at both ends: the inserted-names rule lightens LAZAR
]


def _entries() -> list[ListEntry]:
    return [
        ListEntry("SAMPLE", str(i), "SAMPLE", "SAMPLE list", kind, name)
        for i, (kind, name) in enumerate(LISTED)
    ]


def _best(query: str, listed: str) -> name_v2.NameScore:
    scores = [
        name_v2.score_names(q, c)
        for q in name_v2.name_variants(query)
        for c in name_v2.name_variants(listed)
    ]
    return max(scores, key=lambda s: s.score)


def test_initials_alone_match_only_a_name_written_the_same() -> None:
    # what is left of "P. V. Anatolyevich" once its patronymic is dropped is no name
    found = _best("P. V.", "GOSUDARSTVENNY RAKETNY CENTER NAMED AFTER AKADEMIKA V.P. MAKEYEVA")
    assert found.score == 0.0 and found.method == "initials_only"
    assert _best("K. A. Petrovich", "K").score < 0.5
    assert _best("P. V.", "V. P.").score == 1.0  # the same words
    assert _best("PV", "P. V.").method == "joined"  # the same joined spelling
    # a query with a word of its own still meets a listed name by its initials
    assert _best("V. P. Makeyeva", "MAKEYEVA, V. P.").score >= 0.8


def test_initials_written_together_are_set_apart() -> None:
    """``V.P.`` is two initials, not the word ``vp`` (0.78 and 0.32 before); a legal form
    so written stays one (``S.A.``, ``A.Ş.``)."""
    assert _best("V. P. Makeyeva", "MAKEYEVA, V.P.").score >= 0.8
    assert _best("Vladimir P. Makeyeva", "MAKEYEVA, V.P.").score >= 0.8
    assert _best("A. Q. Khan", "A.Q. KHAN").method == "exact"
    for name in ("KAVE S.A.", "MAVI A.Ş.", "PHILIPS N.V."):
        assert all(len(t) > 1 for f in name_v2.name_variants(name) for t in f.tokens), name


def _exact(matcher: Matcher, entries: list[ListEntry]) -> int:
    index = NameIndex(entries, matcher)
    pairs = 0
    for query in QUERIES:
        forms = matcher.variants(query)
        for threshold in THRESHOLDS:
            oracle = index.exhaustive(forms, threshold)
            found = index.best_names(forms, threshold)
            assert set(found) == set(oracle), (matcher.name, query, threshold)
            for entry_id, score in oracle.items():
                assert abs(found[entry_id][0] - score) < 1e-9, (matcher.name, query)
            pairs += len(oracle)
    return pairs


def test_index_finds_what_initials_reach_under_both_matchers() -> None:
    """Queries whose initials weigh most (``K. A. and``, ``S. Lazar G.`` for ``SHETAB G.``
    with ``LAZAR`` inserted), queries of initials alone (v1 scores them against any name)
    and initials beside common words (``'ABD A. Hajji``: an initial takes at most its
    heaviest word off what a name leaves over)."""
    entries = _entries()
    assert _exact(NAME_V1, entries) > 0
    assert _exact(NAME_V2, entries) > 0
    index_hits(entries, QUERIES, 0.8)  # and the detail, score for score
