"""Download one list file with httpx: bounded in time, size, retries and content type.

The body is streamed to a temporary file beside the archive (never held in memory); the
SHA-256 is computed on the way. Transient failures (connection errors, timeouts, HTTP 5xx
and 429) are retried with exponential backoff; any other HTTP error, an HTML error page, a
body above ``max_bytes`` or a checksum mismatch fails at once. Errors are
:class:`~clearance.errors.ListsUnavailable` naming the URL and the cause.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from clearance.errors import ListsUnavailable
from clearance.lifecycle.faults import checkpoint

REFUSED_TYPES = ("text/html", "application/xhtml")


@dataclass(frozen=True, slots=True)
class FetchLimits:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 600.0
    max_bytes: int = 200 * 1024 * 1024
    retries: int = 3
    backoff: float = 1.0


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    path: Path
    sha256: str
    size: int
    content_type: str | None


class _Transient(Exception):
    pass


def fetch(
    url: str, workdir: Path, limits: FetchLimits, expected_sha256: str | None = None
) -> Fetched:
    """Fetch ``url`` into a temporary file under ``workdir``, retrying transient errors."""
    workdir.mkdir(parents=True, exist_ok=True)
    last = ""
    for attempt in range(limits.retries + 1):
        if attempt:
            time.sleep(limits.backoff * 2 ** (attempt - 1))
        try:
            got = _fetch_once(url, workdir, limits)
        except _Transient as exc:
            last = str(exc)
            continue
        if expected_sha256 and got.sha256 != expected_sha256.lower():
            got.path.unlink(missing_ok=True)
            raise ListsUnavailable(
                f"{url}: checksum mismatch: got sha256 {got.sha256}, expected {expected_sha256}"
            )
        return got
    raise ListsUnavailable(f"{url}: download failed after {limits.retries + 1} attempts: {last}")


def _fetch_once(url: str, workdir: Path, limits: FetchLimits) -> Fetched:
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    fd, name = tempfile.mkstemp(prefix=".download-", dir=workdir)
    path = Path(name)
    digest = hashlib.sha256()
    size = 0
    started = time.monotonic()
    try:
        with (
            os.fdopen(fd, "wb") as out,
            httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as resp,
        ):
            if resp.status_code >= 500 or resp.status_code == 429:
                raise _Transient(f"HTTP {resp.status_code}")
            if resp.status_code != 200:
                raise ListsUnavailable(f"{url}: HTTP {resp.status_code}")
            ctype = resp.headers.get("content-type")
            if ctype and ctype.split(";")[0].strip().lower() in REFUSED_TYPES:
                raise ListsUnavailable(f"{url}: refused content type {ctype!r} (an error page?)")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limits.max_bytes:
                raise ListsUnavailable(
                    f"{url}: refused: Content-Length {declared} exceeds the {limits.max_bytes}"
                    "-byte limit"
                )
            half_reported = False
            for chunk in resp.iter_bytes(1 << 16):
                size += len(chunk)
                if size > limits.max_bytes:
                    raise ListsUnavailable(
                        f"{url}: refused: body exceeds the {limits.max_bytes}-byte limit"
                    )
                if time.monotonic() - started > limits.total_timeout:
                    raise _Transient(f"slower than the {limits.total_timeout:.0f} s total limit")
                digest.update(chunk)
                out.write(chunk)
                if not half_reported and size > 0:
                    half_reported = True
                    out.flush()
                    checkpoint("download")
        return Fetched(url, path, digest.hexdigest(), size, ctype)
    except httpx.TimeoutException as exc:
        path.unlink(missing_ok=True)
        raise _Transient(f"timeout ({type(exc).__name__})") from exc
    except httpx.HTTPError as exc:
        path.unlink(missing_ok=True)
        raise _Transient(f"{type(exc).__name__}: {exc}") from exc
    except BaseException:
        path.unlink(missing_ok=True)
        raise
