"""Store of immutable list versions over SQLAlchemy Core (SQLite default, PostgreSQL too).

Each import is one transaction: the version row, all its entries and the switch of the
source's current version commit together or not at all. Reading "as of" a date picks, per
source, the newest version known by then (published on or before the date, or imported by
then when the file states no publication date); where none was known yet it reconstructs
from the earliest later version by dropping entries listed after the date, and says so.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from clearance import settings
from clearance.errors import ListsUnavailable
from clearance.hits import ListVersionRef
from clearance.model import ListEntry, ParsedList
from clearance.store.codec import entry_from_json, entry_to_json
from clearance.store.migrate import upgrade
from clearance.store.schema import list_entries, list_versions


@dataclass(slots=True)
class Snapshot:
    """The entries and versions in force for one question, with notes on how they were got."""

    entries: list[ListEntry]
    versions: list[ListVersionRef]
    as_of: date | None
    notes: list[str] = field(default_factory=list)


def _ref(row: Any, reconstructed: bool = False) -> ListVersionRef:
    return ListVersionRef(
        source=row.source,
        version=row.version,
        sha256=row.sha256,
        published=row.published,
        imported_at=row.imported_at,
        entries=row.entry_count,
        reconstructed=reconstructed,
    )


def _known_on(row: Any) -> date:
    """When a version became knowable: its publication date, else the day it was imported."""
    if row.published is not None:
        return row.published  # type: ignore[no-any-return]
    return datetime.fromisoformat(row.imported_at).date()


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # -- writing -------------------------------------------------------------------------
    def import_parsed(self, parsed: ParsedList, published: date | None = None) -> ListVersionRef:
        """Store one parsed list as a new immutable version and make it current."""
        published = published or parsed.published
        digest = _combined_sha(parsed)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        version = (
            f"{parsed.source}:{published.isoformat() if published else 'undated'}:{digest[:12]}"
        )
        counts = Counter(e.list_code for e in parsed.entries)
        with self.engine.begin() as conn:
            existing = conn.execute(
                select(list_versions).where(list_versions.c.version == version)
            ).first()
            if existing is not None:
                return _ref(existing)
            conn.execute(
                update(list_versions)
                .where(list_versions.c.source == parsed.source)
                .values(is_current=False)
            )
            inserted = conn.execute(
                insert(list_versions).values(
                    version=version,
                    source=parsed.source,
                    files=json.dumps([asdict(f) for f in parsed.files]),
                    sha256=digest,
                    imported_at=now,
                    published=published,
                    entry_count=len(parsed.entries),
                    counts=json.dumps(dict(sorted(counts.items()))),
                    repairs=json.dumps(parsed.repairs),
                    is_current=True,
                )
            ).inserted_primary_key
            assert inserted is not None
            version_id = inserted[0]
            rows = [
                {
                    "version_id": version_id,
                    "source_id": e.source_id,
                    "list_code": e.list_code,
                    "name": e.name,
                    "start_date": e.start_date,
                    "data": entry_to_json(e),
                }
                for e in parsed.entries
            ]
            for start in range(0, len(rows), 5000):
                conn.execute(insert(list_entries), rows[start : start + 5000])
            row = conn.execute(select(list_versions).where(list_versions.c.id == version_id)).one()
        return _ref(row)

    # -- reading -------------------------------------------------------------------------
    def versions(self, source: str | None = None) -> list[Any]:
        query = select(list_versions).order_by(list_versions.c.source, list_versions.c.id)
        if source:
            query = query.where(list_versions.c.source == source)
        try:
            with self.engine.connect() as conn:
                return list(conn.execute(query))
        except SQLAlchemyError as exc:
            raise ListsUnavailable(
                f"list store unreadable: {exc.__class__.__name__}: {exc}"
            ) from exc

    def snapshot(
        self,
        as_of: date | None = None,
        sources: list[str] | None = None,
        max_age_days: int | None = None,
        today: date | None = None,
    ) -> Snapshot:
        """The lists in force ``as_of`` (default: the current versions). Fails closed."""
        rows = [r for r in self.versions() if not sources or r.source in sources]
        if not rows:
            wanted = f" for {', '.join(sources)}" if sources else ""
            raise ListsUnavailable(
                f"no list versions imported{wanted}: run `clearance lists import PATH` first; "
                "refusing to screen against nothing"
            )
        by_source: dict[str, list[Any]] = {}
        for row in rows:
            by_source.setdefault(row.source, []).append(row)
        snap = Snapshot(entries=[], versions=[], as_of=as_of)
        for source, candidates in sorted(by_source.items()):
            self._add_source(snap, source, candidates, as_of)
        _check_age(snap, max_age_days, today or date.today())
        return snap

    def _add_source(self, snap: Snapshot, source: str, rows: list[Any], as_of: date | None) -> None:
        if as_of is None:
            chosen = next((r for r in rows if r.is_current), rows[-1])
            snap.versions.append(_ref(chosen))
            snap.entries.extend(self.entries(chosen.id))
            return
        known = [r for r in rows if _known_on(r) <= as_of]
        if known:
            chosen = max(known, key=lambda r: (_known_on(r), r.id))
            snap.versions.append(_ref(chosen))
            snap.entries.extend(self.entries(chosen.id))
            return
        earliest = min(rows, key=lambda r: (_known_on(r), r.id))
        kept = [e for e in self.entries(earliest.id) if not e.start_date or e.start_date <= as_of]
        snap.versions.append(_ref(earliest, reconstructed=True))
        snap.entries.extend(kept)
        snap.notes.append(
            f"{source}: no version known on {as_of}; reconstructed from {earliest.version} "
            f"(known {_known_on(earliest)}) by dropping {earliest.entry_count - len(kept)} "
            "entries listed after that date. Entries removed before that version cannot be "
            "seen, and entries without a listing date are kept."
        )

    def entries(self, version_id: int) -> list[ListEntry]:
        query = select(list_entries.c.data).where(list_entries.c.version_id == version_id)
        with self.engine.connect() as conn:
            return [entry_from_json(raw) for (raw,) in conn.execute(query)]


def _check_age(snap: Snapshot, max_age_days: int | None, today: date) -> None:
    if max_age_days is None:
        return
    for ref in snap.versions:
        born = ref.published or datetime.fromisoformat(ref.imported_at).date()
        age = ((snap.as_of or today) - born).days
        if age > max_age_days:
            raise ListsUnavailable(
                f"list {ref.version} is {age} days old, older than --max-list-age "
                f"{max_age_days}: refusing to screen against a stale list"
            )


def _combined_sha(parsed: ParsedList) -> str:
    digest = hashlib.sha256()
    for f in sorted(parsed.files, key=lambda f: f.name):
        digest.update(f.sha256.encode())
    return digest.hexdigest()


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating if needed) the store at ``url`` or the configured one."""
    url = url or settings.database_url()
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        upgrade(engine)
    except SQLAlchemyError as exc:
        raise ListsUnavailable(f"cannot open list store {url}: {exc}") from exc
    return Store(engine)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
