"""List import over the API (admin): uploaded files parsed, bounds-checked, stored, audited."""

from __future__ import annotations

import hashlib
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from clearance.errors import InputError
from clearance.service import audit
from clearance.service.keys import Principal
from clearance.service.service import Service
from clearance.sources import check_bounds, load_meta, parse_paths

MAX_BYTES = 200 * 1024 * 1024
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def import_files(
    svc: Service,
    who: Principal,
    files: list[tuple[str, bytes]],
    published: date | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Parse the files as list versions (all or nothing per list) and make them current."""
    if not files:
        raise InputError("files: give at least one list file")
    if sum(len(b) for _, b in files) > MAX_BYTES:
        raise InputError(f"files: more than {MAX_BYTES // (1024 * 1024)} MB in one import")
    described = [
        {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in files
    ]
    with tempfile.TemporaryDirectory(prefix="clearance-upload-") as tmp:
        paths = []
        for i, (name, data) in enumerate(files):
            safe = _SAFE.sub("_", Path(name or f"upload-{i}").name).lstrip(".") or f"upload-{i}"
            path = Path(tmp) / safe
            if path.exists():
                raise InputError(f"files: two files named {safe!r}")
            path.write_bytes(data)
            paths.append(path)
        parsed_lists = parse_paths(paths)
        for parsed in parsed_lists:
            if not force and parsed.source != "sample":
                check_bounds(parsed, load_meta(parsed.source))
        refs = [svc.store.import_parsed(p, published=published) for p in parsed_lists]
    svc.screeners.refresh()
    versions = [r.as_dict() for r in refs]
    entry = audit.Entry(
        "list_import",
        who.name,
        {
            "files": described,
            "published": published.isoformat() if published else None,
            "force": force,
        },  # fmt: skip
        {"versions": versions},
        versions,
        "",
        None,
    )
    decision_id = audit.record(svc.writer, entry).result()
    return {"decision_id": decision_id, "versions": versions}
