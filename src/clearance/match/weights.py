"""Token weights of ``name-v1``: inverse document frequency over a frozen reference corpus.

Generic organisation words ("technology", "company", "trading") are capped low even where
they are rare in the corpus, so a query made of them alone never lifts a list name to an
alert (the "A-B-C Company matches anything containing Company" complaint about peers).
Stopwords, name particles and honorifics ("the", "of", "al", "von", "mr", "dr", "mullah")
weigh least.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

LEGAL_FORM_WEIGHT = 0.4
NUMBER_WEIGHT = 3.0
STOPWORD_WEIGHT = 0.5
GENERIC_WEIGHT = 1.5
STOPWORDS = frozenset(
    """the of and for in at on by to a an de del della di da do dos das du des la le les el al
    von van der den y e et und mr mrs ms miss dr prof sir jr sr mullah sheikh sheik shaikh
    haji hajji imam bin ibn bint ould""".split()  # noqa: SIM905
)
GENERIC_ORG_WORDS = frozenset(
    """company companies co corp corporation limited ltd inc incorporated llc plc group
    holding holdings international intl technology technologies tech trading trade
    industrial industries industry enterprise enterprises service services system systems
    electronic electronics information network networks communication communications
    engineering development investment investments import export general global national
    science sciences scientific research institute center centre management solutions
    products manufacturing factory works partners associates private public joint stock
    shipping logistics commercial business bureau agency office branch digital""".split()  # noqa: SIM905
)


@cache
def _table() -> tuple[int, dict[str, int]]:
    raw = resources.files("clearance.match").joinpath("data/name_v1_token_df.json").read_text()
    data = json.loads(raw)
    return int(data["documents"]), {str(k): int(v) for k, v in data["df"].items()}


@cache
def token_weight(token: str) -> float:
    """ln(N / df): rare tokens (``huawei``) weigh more than common ones (``mohammad``)."""
    if token.isdigit():
        return NUMBER_WEIGHT
    if token in STOPWORDS:
        return STOPWORD_WEIGHT
    documents, df = _table()
    weight = max(STOPWORD_WEIGHT, math.log((documents + 1) / (df.get(token, 0) + 1)))
    return min(weight, GENERIC_WEIGHT) if token in GENERIC_ORG_WORDS else weight
