"""``lists update``: fetch, archive, parse, check, import, re-screen — crash-safe.

Stages (each a :func:`~clearance.lifecycle.faults.checkpoint`): start, download,
downloaded, archive, archived, parsed, checked, commit, imported, rescreen, done. Until
``commit`` nothing in the database changes, so a kill leaves the previous version
current; the import itself is one transaction (``Store.import_parsed``); after it the
re-screen is resumable (see :mod:`clearance.lifecycle.rescreen`). Every download, imported
or refused, is logged in ``lc_downloads`` with its archive path and the reason.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import event, insert

from clearance.errors import ClearanceError, InputError, ListFormatError
from clearance.lifecycle import guards
from clearance.lifecycle.archive import archive, clean_incoming, work_dir
from clearance.lifecycle.faults import checkpoint
from clearance.lifecycle.fetch import Fetched, FetchLimits, fetch
from clearance.lifecycle.sanity import DEFAULT_MAX_LOSS, UpdateRefused, sanity_check
from clearance.lifecycle.tables import downloads
from clearance.model import ParsedList
from clearance.sources import load_meta, parse_paths
from clearance.store import Store


@dataclass(slots=True)
class UpdateResult:
    source: str
    url: str
    outcome: str  # imported | unchanged | refused | failed
    version: str | None = None
    entries: int | None = None
    reason: str | None = None
    notes: list[str] = field(default_factory=list)
    rescreen: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def _safe_name(url: str, fallback: str) -> str:
    name = Path(urlparse(url).path).name or fallback
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:100] or fallback


def parse_download(source: str, path: Path, name: str, tmp: Path) -> ParsedList:
    """Guard then parse one archived download (zip members or the file itself)."""
    if guards.is_zip(path):
        files = guards.safe_unzip(path, tmp)
    else:
        guards.check_gzip(path)
        files = [tmp / name]
        files[0].hardlink_to(path)
    for f in files:
        guards.check_xml_prolog(f)
    parsed = parse_paths(files, source)
    if len(parsed) != 1:
        raise ListFormatError(f"download parsed into {len(parsed)} lists, expected 1", name)
    return parsed[0]


def _log(store: Store, res: UpdateResult, got: Fetched, path: Path, vid: int | None) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            insert(downloads).values(
                source=res.source,
                url=res.url,
                fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
                sha256=got.sha256,
                size=got.size,
                content_type=got.content_type,
                archive_path=str(path),
                outcome=res.outcome,
                reason=res.reason,
                version_id=vid,
            )
        )


def _current(store: Store, source: str) -> Any:
    return next((r for r in store.versions(source) if r.is_current), None)


def update_source(
    store: Store,
    source: str,
    url: str | None = None,
    force: bool = False,
    limits: FetchLimits | None = None,
    sha256: str | None = None,
    max_loss: float = DEFAULT_MAX_LOSS,
) -> UpdateResult:
    """Update one source; refusals raise :class:`UpdateRefused` after being logged."""
    checkpoint("start")
    meta = load_meta(source)
    url = url or meta.official_url
    if not url:
        raise InputError(f"{source} has no publisher address: give --url")
    res = UpdateResult(source, url, "failed")
    clean_incoming()
    got = fetch(url, work_dir(), limits or FetchLimits(), sha256)
    checkpoint("downloaded")
    name = _safe_name(url, f"{source}.dat")
    path = archive(source, got.path, got.sha256, "".join(Path(name).suffixes)[-12:])
    checkpoint("archived")
    previous = _current(store, source)
    try:
        with tempfile.TemporaryDirectory(dir=work_dir()) as tmp:
            parsed = parse_download(source, path, name, Path(tmp))
        checkpoint("parsed")
        res.notes = sanity_check(
            parsed, meta, previous.entry_count if previous else None, force, max_loss
        )
        checkpoint("checked")
    except ListFormatError as exc:
        reason = _where(exc)
        res.outcome, res.reason = "refused", reason
        _log(store, res, got, path, None)
        raise UpdateRefused(f"{source}: {reason}; {_kept(previous)}") from exc

    def _hook(_conn: Any) -> None:
        checkpoint("commit")

    event.listen(store.engine, "commit", _hook)
    try:
        ref = store.import_parsed(parsed)
    finally:
        event.remove(store.engine, "commit", _hook)
    checkpoint("imported")
    now = _current(store, source)
    res.version, res.entries = ref.version, ref.entries
    unchanged = previous is not None and previous.version == ref.version
    if now is None or now.version != ref.version:
        res.outcome = "refused"
        res.reason = f"identical to stored version {ref.version}, which is not current"
    else:
        res.outcome = "unchanged" if unchanged else "imported"
    _log(store, res, got, path, now.id if now is not None else None)
    from clearance.lifecycle.rescreen import rescreen_pending  # heavy (matcher): after commit

    res.rescreen = rescreen_pending(store).get(source, {})
    checkpoint("done")
    return res


def _where(exc: ListFormatError) -> str:
    """The error with the downloaded file's name instead of its temporary path."""
    if exc.path is None:
        return exc.detail
    where = Path(exc.path).name + (f":{exc.line}" if exc.line is not None else "")
    return f"{where}: {exc.message}"


def _kept(previous: Any) -> str:
    if previous is None:
        return "no version of this source is current"
    return f"{previous.version} stays current"


def update_many(
    store: Store, sources: list[str], url: str | None = None, **kwargs: Any
) -> tuple[list[UpdateResult], list[str]]:
    """Update each source independently; (results, error messages)."""
    if url and len(sources) != 1:
        raise ClearanceError("--url needs exactly one --source")
    results: list[UpdateResult] = []
    errors: list[str] = []
    for source in sources:
        try:
            results.append(update_source(store, source, url, **kwargs))
        except ClearanceError as exc:
            errors.append(exc.detail)
    return results, errors
