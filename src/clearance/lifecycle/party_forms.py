"""Party names normalised once, at import, and stored beside the party.

Normalising a name (transliteration, legal forms, weights) is the costly part of indexing
a register; a million names take minutes. :func:`encode` stores each party's matcher forms
as JSON in ``lc_parties.forms`` with a fingerprint of the matcher's normalisation code and
data; :func:`load_index` builds the :class:`PartyIndex` from them without normalising,
and recomputes (and stores back) only forms whose fingerprint is stale, so a matcher
upgrade can never leave old forms in use.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, func, select, update

from clearance import settings
from clearance.errors import UnreadableName
from clearance.lifecycle.party_index import (
    MATCHER,
    STATE_VERSION,
    Party,
    PartyIndex,
    RawForm,
    raw_form,
)
from clearance.lifecycle.tables import parties
from clearance.match import normalize

# every module of clearance.match takes part in the forms (normalisation and variants)
_CODE = tuple(sorted(p.name for p in Path(normalize.__file__).parent.glob("*.py")))


@cache
def fingerprint() -> str:
    """Hash of the normalisation code and data the stored forms were computed with."""
    here = Path(normalize.__file__).parent
    digest = hashlib.sha256()
    for name in _CODE:
        path = here / name
        if path.is_file():
            digest.update(path.read_bytes())
    for path in sorted((here / "data").glob("*")):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:32]


def encode(name: str) -> str:
    """A name's matcher forms as JSON: ``[[tokens, legal, derived, weights], ...]``."""
    forms = [raw_form(f) for f in MATCHER.variants(name)]
    return json.dumps(
        [[list(t), list(lg), d, list(w)] for t, lg, d, w in forms],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def readable(forms: str, name: str, where: str) -> str:
    """``forms`` (:func:`encode`'s), unless they are none: a party the matcher cannot
    read would never match in a re-screen, silently (``UnreadableName``)."""
    if forms == "[]":
        raise UnreadableName.of(name, where)
    return forms


def _raw(items: list[Any]) -> list[RawForm]:
    return [(tuple(t), tuple(lg), bool(d), tuple(w)) for t, lg, d, w in items]


def _register_key(engine: Engine, min_threshold: float) -> str:
    with engine.connect() as conn:
        count, top, newest = conn.execute(
            select(func.count(), func.max(parties.c.id), func.max(parties.c.imported_at))
        ).one()
    basis = "|".join(
        map(
            str,
            (
                engine.url.render_as_string(hide_password=True),
                count,
                top,
                newest,
                fingerprint(),
                min_threshold,
                STATE_VERSION,
            ),
        )
    )
    return hashlib.sha256(basis.encode()).hexdigest()[:24]


def _cache_dir() -> Path:
    return settings.home() / "cache"


def load_index(engine: Engine, min_threshold: float, ids: list[str] | None = None) -> PartyIndex:
    """The register's party index (or of the parties ``ids``).

    The whole register's index is cached with ``marshal`` under ``$CLEARANCE_HOME/cache``,
    keyed by the register's state, the normaliser's fingerprint and the threshold; a miss
    builds it from the stored forms (stale forms are recomputed and saved) and caches it.
    """
    key = _register_key(engine, min_threshold) if ids is None else None
    cached = _cache_dir() / f"party_index-{key}.marshal" if key else None
    if cached is not None and cached.is_file():
        try:
            return PartyIndex.from_state(marshal.loads(cached.read_bytes()))
        except (ValueError, EOFError, TypeError):
            cached.unlink(missing_ok=True)  # unreadable cache: rebuild
    index = _build(engine, min_threshold, ids)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        for old in cached.parent.glob("party_index-*.marshal"):
            old.unlink(missing_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_bytes(marshal.dumps(index.state()))
        os.replace(tmp, cached)
    return index


def _build(engine: Engine, min_threshold: float, ids: list[str] | None) -> PartyIndex:
    query = select(
        parties.c.id,
        parties.c.party_id,
        parties.c.name,
        parties.c.country,
        parties.c.entity_type,
        parties.c.forms,
        parties.c.forms_fp,
    ).order_by(parties.c.id)
    current = fingerprint()
    wanted = set(ids) if ids is not None else None
    found: list[Party] = []
    texts: list[str] = []
    stale: list[dict[str, object]] = []
    with engine.connect() as conn:
        for row_id, party_id, name, country, etype, forms, fp in conn.execute(query).all():
            if wanted is not None and party_id not in wanted:
                continue
            found.append(Party(party_id, name, country, etype))
            if forms is None or fp != current:
                forms = encode(name)
                stale.append({"row_id": row_id, "forms": forms, "forms_fp": current})
            # stored before imports refused such names, or left so by a new matcher
            texts.append(readable(forms, name, f"party {party_id!r}: "))
    if stale:
        with engine.begin() as conn:
            conn.execute(
                update(parties)
                .where(parties.c.id == bindparam("row_id"))
                .values(forms=bindparam("forms"), forms_fp=bindparam("forms_fp")),
                stale,
            )
    decoded = json.loads("[" + ",".join(texts) + "]")  # one C-speed parse for the register
    return PartyIndex(found, min_threshold, [_raw(items) for items in decoded])
