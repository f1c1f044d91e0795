"""Delta re-screening: match only added and changed list entries against every party.

After a version becomes current, :func:`rescreen_pending` compares it with the version
the register was last screened against (the newest ``lc_rescreens`` row of the source,
else the previous stored version) and writes alerts:

``new_hit``        a party now hits an added entry, or a changed entry it did not hit before
``entry_removed``  a party hit an entry that the new version no longer has
``entry_changed``  a party hits an entry before and after, and the entry's fields changed
``hit_cleared``    a party hit an entry before, and the changed entry no longer matches

Alerts and the ``lc_rescreens`` row commit in one transaction, so a crash between the
version import and the alerts is resumed by the next update (or ``clearance rescreen``).
:func:`full_hits` is the slow path (screen every party against whole entries) used to
check the delta path and for ``clearance rescreen --full``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select

from clearance import settings
from clearance.hits import Query
from clearance.lifecycle.diff import Diff, diff_entries, entry_key, group
from clearance.lifecycle.faults import checkpoint
from clearance.lifecycle.party_forms import load_index
from clearance.lifecycle.party_index import Party, PartyIndex
from clearance.lifecycle.tables import alerts, rescreens
from clearance.model import ListEntry
from clearance.screening import Screener
from clearance.store import Snapshot, Store
from clearance.store.schema import list_versions


@dataclass(frozen=True, slots=True)
class PairHit:
    party: Party
    key: str
    entry: ListEntry
    score: float
    matched_name: str


def delta_hits(
    index: PartyIndex, groups: dict[str, list[ListEntry]], threshold: float
) -> dict[tuple[str, str], PairHit]:
    """(party_id, entry key) -> best hit, for the given entry groups only."""
    out: dict[tuple[str, str], PairHit] = {}
    for key, rows in groups.items():
        for row in rows:
            for pid, (score, _form, lform, _d) in index.match_entry(row, threshold).items():
                party = index.parties[pid]
                current = out.get((party.party_id, key))
                if current is None or score > current.score:
                    out[(party.party_id, key)] = PairHit(party, key, row, score, lform.original)
    return out


def full_hits(
    parties: Sequence[Party], entries: Sequence[ListEntry], threshold: float
) -> dict[tuple[str, str], PairHit]:
    """The same pairs found the slow way: every party screened against ``entries``."""
    screener = Screener(Snapshot(list(entries), [], None), threshold)
    out: dict[tuple[str, str], PairHit] = {}
    for party in parties:
        result = screener.screen(Query(party.name), threshold, limit=1_000_000)
        for hit in result.hits:
            key = entry_key(hit.entry)
            current = out.get((party.party_id, key))
            if current is None or hit.score > current.score:
                out[(party.party_id, key)] = PairHit(
                    party, key, hit.entry, hit.score, hit.matched_name
                )
    return out


def _previous(conn: Any, source: str, new_id: int) -> int | None:
    done = conn.execute(
        select(rescreens.c.new_version_id)
        .where(rescreens.c.source == source, rescreens.c.new_version_id != new_id)
        .order_by(rescreens.c.id.desc())
    ).first()
    if done is not None:
        return int(done[0])
    older = conn.execute(
        select(list_versions.c.id)
        .where(list_versions.c.source == source, list_versions.c.id < new_id)
        .order_by(list_versions.c.id.desc())
    ).first()
    return int(older[0]) if older is not None else None


def alert_rows(
    diff: Diff, before: dict[tuple[str, str], PairHit], after: dict[tuple[str, str], PairHit]
) -> list[tuple[str, PairHit, dict[str, Any]]]:
    """(kind, hit, detail) for every alert the diff and the two hit sets imply."""
    out: list[tuple[str, PairHit, dict[str, Any]]] = []
    for pair, hit in sorted(after.items()):
        change = diff.changed.get(hit.key)
        fields = (
            {f: {"old": list(o), "new": list(n)} for f, (o, n) in change.fields.items()}
            if change
            else {}
        )
        if pair in before:
            out.append(("entry_changed", hit, {"fields": fields}))
        else:
            out.append(("new_hit", hit, {"fields": fields} if fields else {}))
    for pair, hit in sorted(before.items()):
        if pair in after:
            continue
        kind = "entry_removed" if hit.key in diff.removed else "hit_cleared"
        out.append((kind, hit, {}))
    return out


def rescreen_version(
    store: Store, source: str, new_id: int, threshold: float | None = None
) -> dict[str, int]:
    """Re-screen the register against one version's delta; write alerts; summary counts."""
    threshold = settings.default_threshold() if threshold is None else threshold
    with store.engine.connect() as conn:
        old_id = _previous(conn, source, new_id)
        names = {r.id: r.version for r in conn.execute(select(list_versions))}
    old_entries = store.entries(old_id) if old_id is not None else []
    diff = diff_entries(old_entries, store.entries(new_id))
    before: dict[tuple[str, str], PairHit] = {}
    after: dict[tuple[str, str], PairHit] = {}
    index = None
    if diff.added or diff.removed or diff.changed:
        index = load_index(store.engine, threshold)
    if index is not None and index.parties:
        new_side = {**diff.added, **{k: c.new for k, c in diff.changed.items()}}
        old_side = {**diff.removed, **{k: c.old for k, c in diff.changed.items()}}
        after = delta_hits(index, new_side, threshold)
        before = delta_hits(index, old_side, threshold)
    rows = alert_rows(diff, before, after)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with store.engine.begin() as conn:
        if rows:
            conn.execute(
                insert(alerts),
                [
                    {
                        "created_at": now,
                        "kind": kind,
                        "party_id": hit.party.party_id,
                        "party_name": hit.party.name,
                        "source": source,
                        "entry_key": hit.key,
                        "entry_name": hit.entry.name,
                        "list_code": hit.entry.list_code,
                        "score": round(hit.score, 4),
                        "matched_name": hit.matched_name,
                        "old_version": names.get(old_id) if old_id is not None else None,
                        "new_version": names[new_id],
                        "detail": json.dumps(detail, ensure_ascii=False, default=str),
                    }
                    for kind, hit, detail in rows
                ],
            )
        summary = {**diff.summary(), "alerts": len(rows)}
        conn.execute(
            insert(rescreens).values(
                source=source,
                old_version_id=old_id,
                new_version_id=new_id,
                done_at=now,
                added=summary["added"],
                removed=summary["removed"],
                changed=summary["changed"],
                alerts=len(rows),
            )
        )
        checkpoint("rescreen")
    return summary


def rescreen_pending(store: Store, threshold: float | None = None) -> dict[str, dict[str, int]]:
    """Re-screen every current version not re-screened yet (resumes after a crash)."""
    with store.engine.connect() as conn:
        done = {r[0] for r in conn.execute(select(rescreens.c.new_version_id))}
        current = list(
            conn.execute(
                select(list_versions.c.id, list_versions.c.source).where(
                    list_versions.c.is_current.is_(True)
                )
            )
        )
    return {
        source: rescreen_version(store, source, vid, threshold)
        for vid, source in current
        if vid not in done
    }


__all__ = ["PairHit", "delta_hits", "full_hits", "group", "rescreen_pending", "rescreen_version"]
